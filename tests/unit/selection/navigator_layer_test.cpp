// ATT&CK Navigator layers of a selection: export, import and the round trip, on the sample.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>
#include "catch.hpp"

#include "disarm/selection/navigator_layer.hpp"
#include "sample_framework.hpp"

using namespace disarm;
using json = nlohmann::json;

namespace {

// The sample's techniques under another release's name.
Framework sample_as(std::string_view framework, std::string_view version) {
  FrameworkData data = test::sample_framework().data();
  data.release = Release{std::string(framework), std::string(version), framework_vocabulary(framework)};
  return Framework::build(std::move(data));
}

Selection example_selection() {
  Selection s;
  s.set_score("T0086.002", 80);
  s.set_comment("T0086.002", "Faces of \"local\" politicians;\nsee I00002 <script>alert(1)</script>");
  s.add("T0049");
  s.set_comment("T0154.002", "Used by two incidents");
  return s;
}

LayerImport import_ok(std::string_view text, const Framework& framework = test::sample_framework()) {
  auto result = import_navigator_layer(framework, text);
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

// A layer as DISARM's earlier Navigators saved them (format 4.4, a tactic on every entry, the
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
  // A framework that names no release: the newest 1.x domain, and "unknown" as our record.
  const Framework fw = sample_as("", "");
  const std::string text = export_navigator_layer(fw, example_selection(), "Deepfake cases");
  const json layer = json::parse(text);
  CHECK(layer["name"] == "Deepfake cases");
  CHECK(layer["versions"] == json{{"attack", "1"}, {"layer", "4.5"}, {"navigator", "4.9.1"}});
  CHECK(layer["domain"] == "disarm-v1.7");
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
  // data, source, date, licence, attribution, framework: the sample has no commit and no release
  CHECK(layer["metadata"].size() == 6);
  CHECK(layer["metadata"][3] == json{{"name", "licence"}, {"value", "MIT https://opensource.org/licenses/MIT"}});
  CHECK(layer["metadata"][5] == json{{"name", "framework"}, {"value", "unknown"}});
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

TEST_CASE("Navigator layer: a layer of DISARM's earlier Navigators (domain DISARM) still reads", "[selection][layer]") {
  LayerImport layer = import_ok(kDisarmStyleLayer);
  // Those Navigators said "DISARM" and version 1 whatever release they held.
  CHECK_FALSE(layer.release.known());
  CHECK(layer.release == LayerRelease{});
  CHECK_FALSE(layer.release_warning);
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

  LayerImport no_domain = import_ok(R"({"name": "x", "techniques": [{"techniqueID": "T0002", "score": 4}]})");
  CHECK(no_domain.selection.find("T0002")->score == 4);
  CHECK(no_domain.warnings.empty());
  CHECK_FALSE(no_domain.release.known());
  CHECK_FALSE(no_domain.release_warning);
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

namespace {

// DISARM's Navigator's collection indexes: collection name and version. As served
// (assets/index.json) and as in its source (nav-app/src/assets/index.json).
const std::vector<std::pair<std::string, std::string>> kServedIndex = {
    {"DISARM v1.6", "1.6"}, {"DISARM v1.7", "1.7"}, {"DISARM v2.0", "2.0"}};
const std::vector<std::pair<std::string, std::string>> kSourceIndex = {{"DISARM v1.6", "1.6"},
                                                                       {"DISARM v1.7", "1.7"},
                                                                       {"DISARM v2.0 Observations", "2.0"},
                                                                       {"DISARM v2.0 Assessments", "2.0"}};

// The domains Navigator declares for an index, each as "<collection name lower-cased, spaces
// made '-'>-<major version>" (its data service's parseCollectionIndex and Domain).
std::vector<std::string> declared_domains(const std::vector<std::pair<std::string, std::string>>& index) {
  std::vector<std::string> ids;
  for (const auto& [name, version] : index) {
    std::string id;
    for (char c : name) id += c == ' ' ? '-' : c == '&' ? 'a' : static_cast<char>(std::tolower(c));
    ids.push_back(id + "-" + version.substr(0, version.find('.')));
  }
  return ids;
}

// The domain a layer asks Navigator for (its view model's deserializeDomainVersionID): the
// domain as written, '-', and the first run of digits of versions.attack; Navigator's newest
// version, 2, without one.
std::string requested_domain(const json& layer) {
  std::string major = "2";
  if (layer.contains("versions") && layer["versions"].contains("attack")) {
    const std::string attack = layer["versions"]["attack"].get<std::string>();
    const auto start = attack.find_first_of("0123456789");
    if (start != std::string::npos) major = attack.substr(start, attack.find_first_not_of("0123456789", start) - start);
  }
  return layer["domain"].get<std::string>() + "-" + major;
}

bool declares(const std::vector<std::pair<std::string, std::string>>& index, const std::string& id) {
  const std::vector<std::string> ids = declared_domains(index);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Written the way DISARM's Navigator (disarm-navigator-mv) saves a layer of its v1.7 domain:
// every member its view model's serialize() writes, in its order, one entry per technique and
// tactic that was annotated or expanded. The IDs are the sample's; the text is ours.
constexpr std::string_view kNavigatorMvLayer = R"({
	"name": "Pre-election watch",
	"versions": {
		"attack": "1",
		"navigator": "5.1.0",
		"layer": "4.5"
	},
	"domain": "disarm-v1.7",
	"description": "Patterns seen in the weeks before a vote.",
	"filters": {
		"platforms": ["Windows", "Linux", "Mac"]
	},
	"sorting": 0,
	"layout": {
		"layout": "side",
		"aggregateFunction": "average",
		"showID": false,
		"showName": true,
		"showAggregateScores": false,
		"countUnscored": false,
		"expandedSubtechniques": "none"
	},
	"hideDisabled": false,
	"techniques": [
		{
			"techniqueID": "T0049",
			"tactic": "deliver-content",
			"score": 60,
			"color": "",
			"comment": "Seen twice in one week",
			"enabled": true,
			"metadata": [],
			"links": [],
			"showSubtechniques": true
		},
		{
			"techniqueID": "T0049.001",
			"tactic": "deliver-content",
			"color": "#e60d0d",
			"comment": "",
			"enabled": true,
			"metadata": [{"name": "analyst", "value": "desk B"}],
			"links": [],
			"showSubtechniques": false
		},
		{
			"techniqueID": "T0086.002",
			"tactic": "develop-content",
			"score": 0,
			"color": "",
			"comment": "Checked: no fakes found",
			"enabled": true,
			"metadata": [],
			"links": [{"label": "note", "url": "https://example.org/note"}],
			"showSubtechniques": false
		},
		{
			"techniqueID": "T0002",
			"tactic": "plan-objectives",
			"color": "",
			"comment": "",
			"enabled": false,
			"metadata": [],
			"links": [],
			"showSubtechniques": false
		}
	],
	"gradient": {
		"colors": ["#ff6666ff", "#ffe766ff", "#8ec843ff"],
		"minValue": 0,
		"maxValue": 100
	},
	"legendItems": [],
	"metadata": [],
	"links": [],
	"showTacticRowBackground": false,
	"tacticRowBackground": "#dddddd",
	"selectTechniquesAcrossTactics": true,
	"selectSubtechniquesWithParent": false,
	"selectVisibleTechniques": false
})";

// What DISARM's Navigator does to a layer it opens and saves again: each entry gets its
// technique's tactic, the members its serialize() writes are kept and others dropped, and the
// layer's metadata keeps the name/value pairs whose strings are not empty.
std::string resaved_by_navigator(const std::string& exported) {
  const json ours = json::parse(exported);
  json saved;
  for (const char* key : {"name", "versions", "domain", "description", "filters", "sorting", "layout", "hideDisabled",
                          "gradient", "legendItems", "showTacticRowBackground", "tacticRowBackground",
                          "selectTechniquesAcrossTactics", "selectSubtechniquesWithParent", "selectVisibleTechniques"})
    if (ours.contains(key)) saved[key] = ours[key];
  saved["techniques"] = json::array();
  for (json entry : ours["techniques"]) {
    entry["tactic"] = "some-tactic";
    entry["metadata"] = json::array();
    entry["links"] = json::array();
    entry["showSubtechniques"] = false;
    saved["techniques"].push_back(entry);
  }
  saved["metadata"] = json::array();
  for (const json& m : ours["metadata"])
    if (m["name"].is_string() && m["value"].is_string() && !m["name"].get<std::string>().empty() &&
        !m["value"].get<std::string>().empty())
      saved["metadata"].push_back(m);
  saved["links"] = json::array();
  saved["versions"]["navigator"] = "5.1.0";
  return saved.dump(1, '\t');
}

}  // namespace

TEST_CASE("Navigator layer: a layer as DISARM's Navigator (disarm-navigator-mv) saves it", "[selection][layer]") {
  const Framework v17 = sample_as(kRedBlueFramework, "1.7");
  LayerImport layer = import_ok(kNavigatorMvLayer, v17);
  CHECK(test::selection_ids(layer.selection) == std::vector<std::string>{"T0049", "T0049.001", "T0086.002"});
  CHECK(*layer.selection.find("T0049") == SelectedTechnique{"T0049", 60, "Seen twice in one week"});
  CHECK(*layer.selection.find("T0049.001") == SelectedTechnique{"T0049.001", std::nullopt, ""});
  CHECK(*layer.selection.find("T0086.002") == SelectedTechnique{"T0086.002", 0, "Checked: no fakes found"});
  CHECK(layer.unknown_ids.empty());
  CHECK(warning_lines(layer) == std::vector<std::string>{"/techniques: 1 disabled technique left out: T0002"});
  CHECK(layer.release == LayerRelease{std::string(kRedBlueFramework), "1.7", "/domain"});
  CHECK_FALSE(layer.release_warning);

  // Opened on another release: read all the same, with a notice where the layer names its own.
  LayerImport on_16 = import_ok(kNavigatorMvLayer, sample_as(kRedBlueFramework, "1.6"));
  CHECK(on_16.selection == layer.selection);
  REQUIRE(on_16.release_warning);
  CHECK(on_16.release_warning->severity == Severity::Warning);
  CHECK(on_16.release_warning->location == "/domain");
  CHECK(on_16.release_warning->message ==
        "This layer was made on DISARM Red/Blue 1.x, version 1.7, not on DISARM Red/Blue 1.x, version 1.6, which is "
        "shown: its technique IDs may name other techniques, or ones this release lacks");
  LayerImport on_obs = import_ok(kNavigatorMvLayer, sample_as(kObservationsFramework, "2.0"));
  REQUIRE(on_obs.release_warning);
  CHECK_THAT(on_obs.release_warning->message, ContainsText("not on DISARM 2.0 Observations, version 2.0"));
  // A framework that names no release cannot be told apart.
  CHECK_FALSE(import_ok(kNavigatorMvLayer, sample_as("", "")).release_warning);
}

TEST_CASE("Navigator layer: each of Navigator's domains is read as its release", "[selection][layer]") {
  auto release_of = [](std::string_view domain, std::string_view attack) {
    return import_ok(R"({"name": "x", "versions": {"attack": ")" + std::string(attack) +
                     R"(", "layer": "4.5"}, "domain": ")" + std::string(domain) + R"(", "techniques": []})")
        .release;
  };
  const std::string red(kRedBlueFramework), obs(kObservationsFramework), ass(kAssessmentsFramework);
  CHECK(release_of("disarm-v1.6", "1") == LayerRelease{red, "1.6", "/domain"});
  CHECK(release_of("disarm-v1.7", "1") == LayerRelease{red, "1.7", "/domain"});
  CHECK(release_of("disarm-v2.0", "2") == LayerRelease{obs, "2.0", "/domain"});
  CHECK(release_of("disarm-v2.0-observations", "2") == LayerRelease{obs, "2.0", "/domain"});
  CHECK(release_of("disarm-v2.0-assessments", "2") == LayerRelease{ass, "2.0", "/domain"});
  CHECK(release_of("DISARM-V1.6", "1") == LayerRelease{red, "1.6", "/domain"});
  // Later ones named the same way.
  CHECK(release_of("disarm-v1.8", "1") == LayerRelease{red, "1.8", "/domain"});
  CHECK(release_of("disarm-v2.1-assessments", "2") == LayerRelease{ass, "2.1", "/domain"});
  CHECK_FALSE(release_of("disarm-v3.0", "3").known());
  CHECK_FALSE(release_of("DISARM", "1").known());
  CHECK_FALSE(release_of("enterprise-attack", "16").known());

  // versions.attack that Navigator would pair with another domain version.
  LayerImport mismatched = import_ok(
      R"({"name": "x", "versions": {"attack": "2", "layer": "4.5"}, "domain": "disarm-v1.6", "techniques": []})");
  CHECK(warning_lines(mismatched) ==
        std::vector<std::string>{"/versions/attack: version \"2\" does not go with the domain disarm-v1.6 (version "
                                 "1): DISARM's Navigator will not open this layer"});
  CHECK(import_ok(R"({"name": "x", "versions": {"attack": "1.6"}, "domain": "disarm-v1.6", "techniques": []})")
            .warnings.empty());
}

TEST_CASE("Navigator layer: the exported domain and version are ones DISARM's Navigator opens", "[selection][layer]") {
  struct Case {
    std::string_view framework, version, domain, attack;
    bool served;  // in the index Navigator serves, else only in its source's
  };
  const Case cases[] = {
      {kRedBlueFramework, "1.6", "disarm-v1.6", "1", true},
      {kRedBlueFramework, "1.7", "disarm-v1.7", "1", true},
      {kObservationsFramework, "2.0", "disarm-v2.0", "2", true},
      {kAssessmentsFramework, "2.0 beta", "disarm-v2.0-assessments", "2", false},
      // No domain of their own: 1.0-1.5 open in 1.6, an unknown or later 1.x in 1.7.
      {kRedBlueFramework, "1.4", "disarm-v1.6", "1", true},
      {kRedBlueFramework, "1.0", "disarm-v1.6", "1", true},
      {kRedBlueFramework, "", "disarm-v1.7", "1", true},
      {kRedBlueFramework, "1.9", "disarm-v1.7", "1", true},
      {"", "", "disarm-v1.7", "1", true},
      {"Someone's fork", "7", "disarm-v1.7", "1", true},
  };
  for (const Case& c : cases) {
    INFO(c.framework << " " << c.version);
    const Framework fw = sample_as(c.framework, c.version);
    const json layer = json::parse(export_navigator_layer(fw, example_selection(), "x"));
    CHECK(layer["domain"] == c.domain);
    CHECK(layer["versions"]["attack"] == c.attack);
    CHECK(layer["versions"]["layer"] == "4.5");
    const std::string id = requested_domain(layer);
    CHECK(declares(kSourceIndex, id) != (c.domain == "disarm-v2.0"));
    CHECK(declares(kServedIndex, id) == c.served);
    // Our record of the release, in metadata Navigator keeps: names and values are strings,
    // none empty.
    json record = json::object();
    for (const json& m : layer["metadata"]) {
      REQUIRE(m["name"].is_string());
      REQUIRE(m["value"].is_string());
      CHECK_FALSE(m["value"].get<std::string>().empty());
      record[m["name"].get<std::string>()] = m["value"];
    }
    CHECK(record["framework"] == (c.framework.empty() ? "unknown" : c.framework));
    CHECK(record.contains("release") == !c.version.empty());
    if (!c.version.empty()) CHECK(record["release"] == c.version);
  }
  CHECK(navigator_domain_for(Release{std::string(kRedBlueFramework), "1.5", {}}).domain == "disarm-v1.6");
}

TEST_CASE("Navigator layer: export then import keeps the selection and the release", "[selection][layer]") {
  const std::pair<std::string_view, std::string_view> releases[] = {
      {kRedBlueFramework, "1.6"},      {kRedBlueFramework, "1.7"},          {kRedBlueFramework, "1.4"},
      {kObservationsFramework, "2.0"}, {kAssessmentsFramework, "2.0 beta"}, {"", ""}};
  for (const auto& [framework, version] : releases) {
    INFO(framework << " " << version);
    const Framework fw = sample_as(framework, version);
    const std::string text = export_navigator_layer(fw, example_selection(), "Carried");
    for (const std::string& layer_text : {text, resaved_by_navigator(text)}) {
      LayerImport back = import_ok(layer_text, fw);
      CHECK(back.selection == example_selection());
      CHECK(back.unknown_ids.empty());
      CHECK(back.warnings.empty());
      CHECK_FALSE(back.release_warning);
      CHECK(back.release.framework == framework);
      CHECK(back.release.version == version);
      CHECK(back.release.location == "/metadata/5");
    }
  }

  // Made on 1.4 (written for Navigator's 1.6 domain), opened on 1.7: the record says 1.4.
  const std::string old = export_navigator_layer(sample_as(kRedBlueFramework, "1.4"), example_selection(), "Old");
  CHECK(json::parse(old)["domain"] == "disarm-v1.6");
  LayerImport carried = import_ok(resaved_by_navigator(old), sample_as(kRedBlueFramework, "1.7"));
  CHECK(carried.selection == example_selection());
  CHECK(carried.release == LayerRelease{std::string(kRedBlueFramework), "1.4", "/metadata/5"});
  REQUIRE(carried.release_warning);
  CHECK(carried.release_warning->location == "/metadata/5");
  CHECK_THAT(carried.release_warning->message,
             ContainsText("made on DISARM Red/Blue 1.x, version 1.4, not on DISARM Red/Blue 1.x, version 1.7"));

  // 2.0 Assessments' beta is Navigator's 2.0: the same release.
  CHECK_FALSE(import_ok(R"({"name": "x", "domain": "disarm-v2.0-assessments", "versions": {"attack": "2"}})",
                        sample_as(kAssessmentsFramework, "2.0 beta"))
                  .release_warning);
  // Our record of an unknown release is not overruled by the domain.
  LayerImport unknown = import_ok(export_navigator_layer(sample_as("", ""), example_selection(), "x"),
                                  sample_as(kRedBlueFramework, "1.7"));
  CHECK_FALSE(unknown.release.known());
  CHECK(unknown.release.location == "/metadata/5");
  CHECK_FALSE(unknown.release_warning);
}
