// ATT&CK Navigator layers of a selection: export, import and the round trip, on the sample.
#include "catch.hpp"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "disarm/selection/navigator_layer.hpp"
#include "sample_framework.hpp"

using namespace disarm;
using json = nlohmann::json;

namespace {

Selection example_selection() {
  Selection s;
  s.set_score("T0086.002", 80);
  s.set_comment("T0086.002", "Faces of \"local\" politicians;\nsee I00002 <script>alert(1)</script>");
  s.add("T0049");
  s.set_comment("T0154.002", "Used by two incidents");
  return s;
}

LayerImport import_ok(std::string_view text) {
  auto result = import_navigator_layer(test::sample_framework(), text);
  if (!result) FAIL(result.error().describe());
  return std::move(result).value();
}

std::string import_error(std::string_view text) {
  auto result = import_navigator_layer(test::sample_framework(), text);
  REQUIRE_FALSE(result.ok());
  return result.error().describe();
}

std::vector<std::string> warning_lines(const LayerImport& layer) {
  std::vector<std::string> lines;
  for (const Diagnostic& w : layer.warnings) lines.push_back(w.location + ": " + w.message);
  return lines;
}

// A layer as DISARM's own Navigator saves them (format 4.4, a tactic on every entry, the
// techniques not in the subset disabled), with techniques of the sample.
constexpr std::string_view kDisarmStyleLayer = R"({
  "name": "Election subset",
  "versions": {"attack": "1", "navigator": "4.8.2", "layer": "4.4"},
  "domain": "DISARM",
  "description": "A subset.",
  "filters": {"platforms": ["Windows", "Linux", "Mac"]},
  "sorting": 0,
  "layout": {"layout": "flat", "aggregateFunction": "average", "showID": true, "showName": true},
  "hideDisabled": true,
  "techniques": [
    {"techniqueID": "T0002", "tactic": "set-the-plan", "color": "", "comment": "", "enabled": false,
     "metadata": [], "links": [], "showSubtechniques": true},
    {"techniqueID": "T0049", "tactic": "deliver", "color": "", "comment": "", "enabled": true,
     "metadata": [], "links": [], "showSubtechniques": true},
    {"techniqueID": "T0049.001", "tactic": "deliver", "score": 1, "color": "#a1d99b", "comment": "paid posters",
     "enabled": true, "metadata": [], "links": [], "showSubtechniques": false},
    {"techniqueID": "t0154.002", "tactic": "choose-channels", "comment": "", "metadata": []},
    {"techniqueID": "T0016", "tactic": "pick-the-audience", "enabled": false},
    {"techniqueID": "T0998", "tactic": "deliver", "enabled": true},
    {"techniqueID": "T0088.001", "tactic": "make-content", "score": 1.5},
    {"techniqueID": "T0088", "tactic": "make-content", "score": 250},
    {"techniqueID": "T0086", "tactic": "make-content", "score": -3},
    {"techniqueID": "T0086.003", "tactic": "make-content", "score": "high"},
    {"techniqueID": "T0146", "tactic": "choose-channels", "score": null},
    {"techniqueID": "TA01"},
    {"techniqueID": "I00001"},
    {"techniqueID": "not an id"},
    {"comment": "no ID"},
    "T0154"
  ],
  "gradient": {"colors": ["#ff6666ff", "#ffe766ff", "#8ec843ff"], "minValue": 0, "maxValue": 100},
  "legendItems": [],
  "metadata": [],
  "links": []
})";

}  // namespace

TEST_CASE("Navigator layer: export in format 4.5 for DISARM's Navigator", "[selection][layer]") {
  const Framework& fw = test::sample_framework();
  const std::string text = export_navigator_layer(fw, example_selection(), "Deepfake cases");
  const json layer = json::parse(text);
  CHECK(layer["name"] == "Deepfake cases");
  CHECK(layer["versions"] == json{{"layer", "4.5"}, {"navigator", "4.9.1"}});
  CHECK(layer["domain"] == "DISARM");
  CHECK(layer["description"] ==
        "3 techniques selected in the DISARM viewer. Data: Sample framework (DISARM-shaped), 2026-11-26 (MIT).");
  CHECK(layer["filters"]["platforms"] == json{"Windows", "Linux", "Mac"});
  CHECK(layer["layout"]["expandedSubtechniques"] == "annotated");
  CHECK(layer["hideDisabled"] == false);
  CHECK(layer["techniques"] == json::parse(R"([
          {"techniqueID": "T0049", "color": "#ffd966", "comment": "", "enabled": true},
          {"techniqueID": "T0086.002", "score": 80, "color": "",
           "comment": "Faces of \"local\" politicians;\nsee I00002 <script>alert(1)</script>", "enabled": true},
          {"techniqueID": "T0154.002", "color": "#ffd966", "comment": "Used by two incidents", "enabled": true}
        ])"));
  CHECK(layer["gradient"] == json::parse(R"({"colors": ["#ffe5e5", "#ff6666"], "minValue": 0, "maxValue": 100})"));
  CHECK(layer["legendItems"] == json::parse(R"([{"label": "Selected, no score", "color": "#ffd966"}])"));
  CHECK(layer["metadata"][0] == json{{"name", "data"}, {"value", "Sample framework (DISARM-shaped)"}});
  CHECK(layer["metadata"].size() == 5);  // data, source, date, licence, attribution: the sample has no commit
  CHECK(layer["metadata"][3] == json{{"name", "licence"}, {"value", "MIT https://opensource.org/licenses/MIT"}});
  CHECK(text.back() == '\n');

  CHECK(json::parse(export_navigator_layer(fw, Selection{}, ""))["name"] == "DISARM selection");
  CHECK(json::parse(export_navigator_layer(fw, Selection{}, ""))["techniques"] == json::array());
}

TEST_CASE("Navigator layer: export then import gives the same selection", "[selection][layer]") {
  const Framework& fw = test::sample_framework();
  for (const Selection& s : {example_selection(), Selection{}}) {
    LayerImport back = import_ok(export_navigator_layer(fw, s, "x"));
    CHECK(back.selection == s);
    CHECK(back.unknown_ids.empty());
    CHECK(back.warnings.empty());
  }
  // Every technique of the sample, scored 0..100 and commented.
  Selection all;
  int score = 0;
  for (const Object& o : fw.objects()) {
    if (o.kind != Kind::Technique) continue;
    all.set_score(o.id, score);
    all.set_comment(o.id, o.name + " – “" + o.id + "”\t|,");
    score = (score + 37) % 101;
  }
  CHECK(import_ok(export_navigator_layer(fw, all, "all")).selection == all);
}

TEST_CASE("Navigator layer: a layer as DISARM's Navigator writes it", "[selection][layer]") {
  LayerImport layer = import_ok(kDisarmStyleLayer);
  std::vector<std::string> selected;
  for (const SelectedTechnique& t : layer.selection.items()) selected.push_back(t.id);
  CHECK(selected == std::vector<std::string>{"T0049", "T0049.001", "T0086", "T0086.003", "T0088", "T0088.001", "T0146",
                                             "T0154.002"});
  CHECK(*layer.selection.find("T0049.001") == SelectedTechnique{"T0049.001", 1, "paid posters"});
  CHECK(layer.selection.find("T0088.001")->score == 2);
  CHECK(layer.selection.find("T0088")->score == 100);
  CHECK(layer.selection.find("T0086")->score == 0);
  CHECK_FALSE(layer.selection.find("T0086.003")->score);
  CHECK_FALSE(layer.selection.find("T0146")->score);
  CHECK(layer.unknown_ids == std::vector<std::string>{"T0998", "TA01", "I00001", "not an id"});
  CHECK(warning_lines(layer) ==
        std::vector<std::string>{
            "/techniques/6/score: the score 1.5 of T0088.001 became 2 (scores are whole numbers 0 to 100)",
            "/techniques/7/score: the score 250 of T0088 became 100 (scores are whole numbers 0 to 100)",
            "/techniques/8/score: the score -3 of T0086 became 0 (scores are whole numbers 0 to 100)",
            "/techniques/9/score: the score of T0086.003 is not a number; left unscored",
            "/techniques/14: no techniqueID; ignored",
            "/techniques/15: not a technique entry; ignored",
            "/techniques: 2 disabled techniques left out: T0002, T0016",
        });
}

TEST_CASE("Navigator layer: a technique under several tactics counts once", "[selection][layer]") {
  LayerImport layer = import_ok(R"({"name": "x", "domain": "DISARM", "techniques": [
      {"techniqueID": "T0049", "tactic": "deliver", "score": 10, "comment": "first"},
      {"techniqueID": "T0049", "tactic": "set-the-plan", "score": 20, "comment": "second"},
      {"techniqueID": "T0002", "tactic": "a", "enabled": false},
      {"techniqueID": "T0002", "tactic": "b", "comment": "enabled here"},
      {"techniqueID": "T0016", "tactic": "a"},
      {"techniqueID": "T0016", "tactic": "b", "score": 5}]})");
  CHECK(layer.selection.size() == 3);
  CHECK(*layer.selection.find("T0049") == SelectedTechnique{"T0049", 10, "first"});
  CHECK(*layer.selection.find("T0002") == SelectedTechnique{"T0002", std::nullopt, "enabled here"});
  CHECK(*layer.selection.find("T0016") == SelectedTechnique{"T0016", 5, ""});
  CHECK(warning_lines(layer) ==
        std::vector<std::string>{
            "/techniques/1: T0049 is listed again with other annotations; the first entry's are kept"});
}

TEST_CASE("Navigator layer: other domains, versions and lists of layers", "[selection][layer]") {
  LayerImport attack = import_ok(R"({"name": "APT", "versions": {"layer": "4.5", "navigator": "5.1.0"},
      "domain": "enterprise-attack", "techniques": [{"techniqueID": "T1059", "score": 3}]})");
  CHECK(attack.selection.empty());
  CHECK(attack.unknown_ids == std::vector<std::string>{"T1059"});
  CHECK(warning_lines(attack) ==
        std::vector<std::string>{"/domain: a layer for \"enterprise-attack\", not DISARM: its technique IDs may "
                                 "name other techniques"});

  LayerImport newer = import_ok(R"({"name": "x", "versions": {"layer": "5.0"}, "domain": "disarm", "techniques": []})");
  CHECK(warning_lines(newer) ==
        std::vector<std::string>{"/versions/layer: layer format 5.0 is newer than 4.5; read as 4.5"});

  LayerImport old = import_ok(R"({"name": "x", "version": "3.0", "domain": "DISARM",
      "techniques": [{"techniqueID": "T0002", "score": 7}]})");
  CHECK(old.selection.find("T0002")->score == 7);
  CHECK(old.warnings.empty());

  LayerImport list = import_ok(R"([
      {"name": "one", "domain": "DISARM", "techniques": [{"techniqueID": "T0002"}, {"techniqueID": "x", "score": "?"}]},
      {"name": "two", "domain": "DISARM", "techniques": [{"techniqueID": "T0016"}]}])");
  CHECK(list.selection.size() == 1);
  CHECK(list.selection.contains("T0002"));
  CHECK(list.unknown_ids == std::vector<std::string>{"x"});
  CHECK(warning_lines(list) == std::vector<std::string>{"/: a list of 2 layers; only the first is imported"});

  LayerImport bare = import_ok(R"({"name": "no techniques", "domain": "DISARM"})");
  CHECK(bare.selection.empty());
  CHECK(bare.warnings.empty());
}

TEST_CASE("Navigator layer: documents that are no layer are errors", "[selection][layer]") {
  CHECK(import_error("{\"name\": \"x\",\n \"techniques\": [1,]}").find("line 2, column") == 0);
  CHECK(import_error("").find("invalid JSON") != std::string::npos);
  CHECK(import_error(R"("a layer")") == "/: expected a Navigator layer object, found string");
  CHECK(import_error("[]") == "/: an empty list of layers");
  CHECK(import_error("[3]") == "/0: expected a Navigator layer object, found number");
  CHECK(import_error(R"({"name": "x"})") == "/: not a Navigator layer: no \"techniques\" and no \"domain\"");
  CHECK(import_error(R"({"domain": "DISARM", "techniques": {}})") ==
        "/techniques: expected an array of techniques, found object");
  CHECK(import_error(R"([{"domain": "DISARM", "techniques": 1}])") ==
        "/0/techniques: expected an array of techniques, found number");
}
