// Files opened in the viewer: what each text is recognised as, and what opening it gives,
// on the sample, small invented files, and upstream's real STIX bundle when it is there
// (DISARM_UPSTREAM_DIR, read-only, not ours; asserts on IDs and counts, never its text).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include "catch.hpp"

#include "disarm/data_file.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/selection/selection.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "sample_framework.hpp"
#include "upstream_data.hpp"

using namespace disarm;

namespace {

constexpr std::string_view kBundle = R"json({
  "type": "bundle", "id": "bundle--1",
  "objects": [
    {"type": "x-mitre-tactic", "id": "x-mitre-tactic--plan", "name": "Plan", "x_mitre_shortname": "plan",
     "external_references": [{"source_name": "DISARM", "external_id": "TA01"}]},
    {"type": "attack-pattern", "id": "attack-pattern--a", "name": "Pick a goal",
     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "plan"}],
     "external_references": [{"source_name": "mitre-attack", "external_id": "T0001"}]}
  ]
})json";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string corpus(const std::string& name) {
  return read_file(DISARM_SOURCE_DIR "/tests/corpus/snapshots/" + name);
}

OpenedData open_ok(std::string_view text, std::string_view name) {
  auto opened = open_data_file(text, name);
  if (!opened) FAIL(opened.error().describe());
  return std::move(opened).value();
}

Error open_error(std::string_view text) {
  auto opened = open_data_file(text, "file.json");
  REQUIRE_FALSE(opened.ok());
  return opened.error();
}

std::string sample_layer() {
  Selection s;
  s.add("T0049");
  return export_navigator_layer(test::sample_framework(), s, "Mine");
}

}  // namespace

TEST_CASE("data file: each kind of file is recognised", "[data_file]") {
  CHECK(recognise_data_file(test::sample_snapshot_text()) == DataFileType::Snapshot);
  CHECK(recognise_data_file(kBundle) == DataFileType::StixBundle);
  CHECK(recognise_data_file(sample_layer()) == DataFileType::NavigatorLayer);
  CHECK(recognise_data_file("[" + sample_layer() + "]") == DataFileType::NavigatorLayer);
  CHECK(recognise_data_file(R"({"domain": "DISARM", "versions": {"layer": "4.5"}})") == DataFileType::NavigatorLayer);

  // Damaged files of a known shape are still recognised, so their loader can say what is wrong.
  CHECK(recognise_data_file(corpus("wrong-version.json")) == DataFileType::Snapshot);
  CHECK(recognise_data_file(corpus("wrong-format.json")) == DataFileType::Snapshot);
  CHECK(recognise_data_file(corpus("bom.json")) == DataFileType::Snapshot);
  CHECK(recognise_data_file(R"({"type": "bundle"})") == DataFileType::StixBundle);

  CHECK(recognise_data_file("") == DataFileType::Unknown);
  CHECK(recognise_data_file("<!doctype html><title>404</title>") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"({"format": "disarm-snapshot",)") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"({"hello": "world"})") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"([1, 2])") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"([])") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"("bundle")") == DataFileType::Unknown);
  CHECK(recognise_data_file(R"({"type": "indicator"})") == DataFileType::Unknown);

  CHECK(data_file_type_name(DataFileType::StixBundle) == "stix-bundle");
  CHECK(data_file_type_label(DataFileType::NavigatorLayer) == "an ATT&CK Navigator layer");
}

TEST_CASE("data file: a snapshot opens with its file named as its source", "[data_file]") {
  OpenedData opened = open_ok(test::sample_snapshot_text(), "other.json");
  CHECK(opened.type == DataFileType::Snapshot);
  CHECK(opened.warnings.empty());
  const Framework& fw = opened.framework;
  CHECK(fw.objects().size() == test::sample_framework().objects().size());
  const Provenance& sample = test::sample_framework().provenance();
  CHECK(fw.provenance().name == sample.name);
  CHECK(fw.provenance().source == "other.json (from " + sample.source + ")");
  CHECK(fw.provenance().licence == sample.licence);
  CHECK(fw.provenance().attribution == sample.attribution);

  SECTION("a snapshot whose source is the name already is not repeated") {
    FrameworkData data = test::sample_framework().data();
    data.provenance.source = "https://example.org/d.json";
    CHECK(open_ok(save_snapshot(data), "https://example.org/d.json").framework.provenance().source ==
          "https://example.org/d.json");
  }
  SECTION("an empty licence is shown as unknown") {
    FrameworkData data = test::sample_framework().data();
    data.provenance.licence.clear();
    data.provenance.source.clear();
    const Provenance& p = open_ok(save_snapshot(data), "mine.json").framework.provenance();
    CHECK(p.licence == "unknown");
    CHECK(p.source == "mine.json");
  }
}

TEST_CASE("data file: a STIX bundle opens with DISARM's licence", "[data_file]") {
  OpenedData opened = open_ok(kBundle, "DISARM.json");
  CHECK(opened.type == DataFileType::StixBundle);
  const Framework& fw = opened.framework;
  CHECK(fw.find("TA01"));
  CHECK(fw.find("T0001"));
  CHECK(fw.provenance().source == "DISARM.json");
  CHECK(fw.provenance().licence == "CC BY-SA 4.0");
  CHECK(fw.provenance().attribution == upstream_stix_provenance({}, {}, {}).attribution);
  CHECK_FALSE(opened.warnings.empty());  // no x-mitre-matrix
}

TEST_CASE("data file: what cannot be opened says what and where", "[data_file]") {
  Error e = open_error(R"({"format": "disarm-snapshot",
  "version": 1,)");
  CHECK(e.message.starts_with("invalid JSON"));
  CHECK(e.location.starts_with("line 2, column"));

  e = open_error("");
  CHECK(e.message.starts_with("invalid JSON"));

  e = open_error(corpus("missing-licence.json"));
  CHECK(e.location == "/provenance");
  CHECK(e.message == "missing required member \"licence\"");

  e = open_error(corpus("wrong-version.json"));
  CHECK(e.describe() == parse_snapshot(corpus("wrong-version.json")).error().describe());

  e = open_error(R"({"type": "bundle", "objects": []})");
  CHECK(e.message == "the bundle holds no DISARM tactic or technique");

  e = open_error(sample_layer());
  CHECK(e.message.find("Navigator layer") != std::string::npos);

  e = open_error(R"({"hello": "world"})");
  CHECK(e.location == "/");
  CHECK(e.message.find("not a DISARM snapshot, STIX 2.1 bundle or Navigator layer") != std::string::npos);
  CHECK(e.message.find("an object without") != std::string::npos);

  e = open_error("[1]");
  CHECK(e.message.find("a JSON array") != std::string::npos);
}

TEST_CASE("data file: a file over the size limit is refused with the limit and why", "[data_file]") {
  CHECK_FALSE(data_file_size_error(kMaxDataFileBytes).has_value());
  auto hundred = data_file_size_error(std::uint64_t{100} << 20);
  REQUIRE(hundred.has_value());
  CHECK_THAT(hundred->message, ContainsText("100.0 MB"));
  CHECK_THAT(hundred->message, ContainsText("more than the 32 MB the viewer opens"));
  CHECK_THAT(hundred->message, ContainsText("memory"));

  // Refused by its size alone: a snapshot that opens, with spaces after it past the limit.
  std::string text = disarm::test::sample_snapshot_text();
  REQUIRE(open_data_file(text, "big.json").ok());
  text.resize(kMaxDataFileBytes + 1, ' ');
  auto opened = open_data_file(text, "big.json");
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message, ContainsText("32.0 MB, more than the 32 MB"));
}

TEST_CASE("data file: upstream's STIX bundle", "[data_file][upstream]") {
  const std::string path = DISARM_UPSTREAM_DIR "/generated_files/DISARM_STIX/DISARM.json";
  REQUIRE_UPSTREAM(path);
  const std::string text = read_file(path);
  CHECK(recognise_data_file(text) == DataFileType::StixBundle);
  OpenedData opened = open_ok(text, "DISARM.json");
  const Framework& fw = opened.framework;
  CHECK(opened.type == DataFileType::StixBundle);
  CHECK(opened.warnings.empty());
  CHECK(fw.count(Kind::Tactic) == 16);
  CHECK(fw.count(Kind::Technique) == 391);
  CHECK(fw.find("TA01"));
  CHECK(fw.find("T0085.001"));
  CHECK(fw.data().red.columns.size() == 16);
  CHECK(fw.provenance().source == "DISARM.json");
  CHECK(fw.provenance().licence == "CC BY-SA 4.0");
}

TEST_CASE("A data file parsed once goes to the reader of its kind", "[data_file]") {
  const std::string layer_text = sample_layer();
  const DataFile layer(layer_text);
  CHECK(layer.type() == DataFileType::NavigatorLayer);
  REQUIRE(layer.tree() != nullptr);
  auto imported = open_layer_file(test::sample_framework(), layer);
  REQUIRE(imported.ok());
  CHECK(test::selection_ids(imported.value().selection) == std::vector<std::string>{"T0049"});
  // The same file as framework data is refused, saying what it is.
  REQUIRE_FALSE(open_data_file(layer, "mine.json").ok());

  const DataFile bundle(kBundle);
  auto opened = open_data_file(bundle, "bundle.json");
  REQUIRE(opened.ok());
  CHECK(opened.value().framework.find("T0001").has_value());
  auto not_layer = open_layer_file(test::sample_framework(), bundle);
  REQUIRE_FALSE(not_layer.ok());
  CHECK_THAT(not_layer.error().message, ContainsText("STIX"));
  // JSON of no known kind is told what a layer would need.
  const DataFile neither(R"({"name": "x"})");
  CHECK(neither.type() == DataFileType::Unknown);
  CHECK(open_layer_file(test::sample_framework(), neither).error().describe() ==
        "/: not a Navigator layer: no \"techniques\" and no \"domain\"");

  // Text that is not JSON keeps its parse error, with where it is, for every reader.
  const DataFile broken(R"({"format": "disarm-snapshot",)");
  CHECK(broken.type() == DataFileType::Unknown);
  CHECK(broken.tree() == nullptr);
  CHECK_THAT(broken.error().location, ContainsText("line 1"));
  REQUIRE_FALSE(open_layer_file(test::sample_framework(), broken).ok());
  CHECK(open_data_file(broken, "x.json").error().location == broken.error().location);
}
