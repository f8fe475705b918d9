// The STIX 2.1 bundle importer on small invented bundles, and on upstream's real bundle and
// pages (DISARM_UPSTREAM_DIR, read-only, not ours) when they are there: on those, asserts on
// IDs, counts and relations only, never on upstream's text.
#include <algorithm>
#include "catch.hpp"
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "imported_data_lookup.hpp"
#include "page_tree.hpp"
#include "upstream_data.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

// Three tactics, the matrix listing two of them (in an order of its own), a technique with a
// sub-technique, one whose description carries upstream's associated-techniques convention,
// and the identity and marking every upstream bundle has.
constexpr std::string_view kBundle = R"json({
  "type": "bundle",
  "id": "bundle--00000000-0000-4000-8000-000000000000",
  "objects": [
    {"type": "identity", "id": "identity--1", "name": "Example Foundation"},
    {"type": "marking-definition", "id": "marking-definition--1", "definition": {"statement": "CC0"}},
    {"type": "x-mitre-tactic", "id": "x-mitre-tactic--plan", "name": "Make a plan ",
     "description": "Decide what to do.",
     "x_mitre_shortname": "make-a-plan",
     "external_references": [{"source_name": "DISARM", "external_id": "TA01", "url": "https://example.org/TA01"}]},
    {"type": "x-mitre-tactic", "id": "x-mitre-tactic--talk", "name": "Talk loudly",
     "description": "Say it often.",
     "x_mitre_shortname": "talk-loudly",
     "external_references": [{"source_name": "DISARM", "external_id": "TA02"}]},
    {"type": "x-mitre-tactic", "id": "x-mitre-tactic--old", "name": "Retired stage",
     "description": "Kept for history.",
     "x_mitre_shortname": "retired-stage",
     "external_references": [{"source_name": "DISARM", "external_id": "TA05"}]},
    {"type": "attack-pattern", "id": "attack-pattern--a", "name": "Pick a goal",
     "description": "  Choose one.\n",
     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "make-a-plan"}],
     "external_references": [{"source_name": "mitre-attack", "external_id": "T0001"}],
     "x_mitre_is_subtechnique": false},
    {"type": "attack-pattern", "id": "attack-pattern--b", "name": "Repeat a line",
     "description": "Say it again.",
     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "talk-loudly"}],
     "external_references": [{"source_name": "mitre-attack", "external_id": "T0010"}]},
    {"type": "attack-pattern", "id": "attack-pattern--c", "name": "Repeat a line in chorus",
     "description": "Many say it.<br><br><b>Associated Techniques and Sub-techniques:</b><br><b>T0001: Pick a goal:</b> The chorus needs a goal.<br> <b>T0009.001: Elsewhere: </b>Not in this bundle.",
     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "talk-loudly"}],
     "external_references": [{"source_name": "mitre-attack", "external_id": "t0010.002"}],
     "x_mitre_is_subtechnique": true},
    {"type": "attack-pattern", "id": "attack-pattern--d", "name": "Repeat a line in turn",
     "description": "One after another.",
     "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "talk-loudly"}],
     "external_references": [{"source_name": "mitre-attack", "external_id": "T0010.001"}],
     "x_mitre_is_subtechnique": true},
    {"type": "relationship", "id": "relationship--1", "relationship_type": "subtechnique-of",
     "source_ref": "attack-pattern--c", "target_ref": "attack-pattern--b"},
    {"type": "relationship", "id": "relationship--2", "relationship_type": "subtechnique-of",
     "source_ref": "attack-pattern--d", "target_ref": "attack-pattern--b"},
    {"type": "x-mitre-matrix", "id": "x-mitre-matrix--1", "name": "Example",
     "tactic_refs": ["x-mitre-tactic--talk", "x-mitre-tactic--plan"]}
  ]
})json";

Provenance example_provenance() {
  Provenance p;
  p.name = "Example framework";
  p.licence = "CC0";
  return p;
}

ImportResult import_ok(std::string_view json) {
  auto result = import_stix_bundle(json, example_provenance());
  if (!result) FAIL(result.error().describe());
  return std::move(result).value();
}

std::string import_error(std::string_view json) {
  auto result = import_stix_bundle(json, example_provenance());
  REQUIRE_FALSE(result.ok());
  return result.error().describe();
}

// The warnings as "location: message" lines.
std::vector<std::string> warning_lines(const ImportResult& result) {
  std::vector<std::string> lines;
  for (const Diagnostic& w : result.warnings) lines.push_back(w.location + ": " + w.message);
  return lines;
}

bool has_warning(const ImportResult& result, const std::string& line) {
  std::vector<std::string> lines = warning_lines(result);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// kBundle with one more object appended to its objects.
std::string with_object(std::string_view object) {
  std::string json(kBundle);
  std::size_t end = json.rfind(']');
  json.insert(end, std::string(",\n    ") + std::string(object) + "\n  ");
  return json;
}

}  // namespace

TEST_CASE("STIX import: tactics, techniques, sub-techniques and the matrix of a bundle", "[stix]") {
  ImportResult result = import_ok(kBundle);
  const FrameworkData& data = result.data;
  CHECK(data.provenance == example_provenance());
  CHECK(result.pages_recognised == 0);

  std::vector<std::string> ids;
  for (const Object& o : data.objects) ids.push_back(o.id);
  CHECK(ids == std::vector<std::string>{"TA01", "TA02", "TA05", "T0001", "T0010", "T0010.001", "T0010.002"});

  const Object* plan = find_object(data, "TA01");
  REQUIRE(plan);
  CHECK(plan->kind == Kind::Tactic);
  CHECK(plan->name == "Make a plan");  // trimmed
  CHECK(plan->summary == "Decide what to do.");
  CHECK(plan->indexed);
  const Object* pick = find_object(data, "T0001");
  REQUIRE(pick);
  CHECK(pick->kind == Kind::Technique);
  CHECK(pick->summary == "Choose one.");
  CHECK(find_object(data, "T0010.002")->summary == "Many say it.");

  CHECK(targets(data, RelationType::TechniqueTactic, "T0001") == std::vector<std::string>{"TA01"});
  CHECK(targets(data, RelationType::TechniqueTactic, "T0010.002") == std::vector<std::string>{"TA02"});
  CHECK(count_relations(data, RelationType::TechniqueTactic) == 4);
  CHECK(targets(data, RelationType::TechniqueParent, "T0010.001") == std::vector<std::string>{"T0010"});
  CHECK(targets(data, RelationType::TechniqueParent, "T0010.002") == std::vector<std::string>{"T0010"});
  CHECK(count_relations(data, RelationType::TechniqueParent) == 2);

  // The associated techniques, taken out of the description as the pages import takes them
  // out of their table.
  const Relation* chorus_goal = find_relation(data, RelationType::TechniqueAssociated, "T0010.002", "T0001");
  REQUIRE(chorus_goal);
  CHECK(chorus_goal->text == "The chorus needs a goal.");
  const Relation* elsewhere = find_relation(data, RelationType::TechniqueAssociated, "T0010.002", "T0009.001");
  REQUIRE(elsewhere);
  CHECK(elsewhere->text == "Not in this bundle.");

  // The matrix's order, cells in ID order; TA05 is in no matrix, so kept but flagged.
  REQUIRE(data.red.columns.size() == 2);
  CHECK(data.red.columns[0] == MatrixColumn{"TA02", {"T0010", "T0010.001", "T0010.002"}});
  CHECK(data.red.columns[1] == MatrixColumn{"TA01", {"T0001"}});
  CHECK(data.blue.columns.empty());
  CHECK_FALSE(find_object(data, "TA05")->indexed);

  CHECK(warning_lines(result) == std::vector<std::string>{
                                     "/objects/7/description: associated technique T0009.001 is not in the bundle",
                                     "/objects: TA05 is in no x-mitre-matrix; kept, but not in the matrix",
                                 });

  // What the viewer builds from it.
  Framework framework = Framework::build(data);
  CHECK(framework.count(Kind::Technique) == 5);  // T0009.001 is a placeholder
  CHECK(framework.placeholders() == std::vector<std::string>{"T0009.001"});
}

TEST_CASE("STIX import: the same bundle gives the same snapshot, whatever its object order", "[stix]") {
  ImportResult once = import_ok(kBundle);
  ImportResult again = import_ok(kBundle);
  CHECK(save_snapshot(once.data) == save_snapshot(again.data));

  // Objects listed in reverse: relationships and the matrix before what they refer to.
  std::string reversed = R"({"type": "bundle", "objects": [)";
  std::string json(kBundle);
  std::vector<std::string> objects;
  std::size_t at = json.find("[") + 1;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = at; i < json.size(); ++i) {
    if (json[i] == '{' && depth++ == 0) start = i;
    if (json[i] == '}' && --depth == 0) objects.push_back(json.substr(start, i - start + 1));
    if (depth < 0) break;
  }
  REQUIRE(objects.size() == 12);
  for (std::size_t i = objects.size(); i-- > 0;) reversed += objects[i] + (i ? "," : "");
  reversed += "]}";
  ImportResult backwards = import_ok(reversed);
  CHECK(backwards.data.objects == once.data.objects);
  CHECK(backwards.data.relations == once.data.relations);
  CHECK(backwards.data.red == once.data.red);
}

TEST_CASE("STIX import: malformed JSON and documents that are no bundle are errors", "[stix]") {
  CHECK(import_error("{\"type\": \"bundle\",\n \"objects\": [}") ==
        "line 2, column 14: invalid JSON: unexpected '}'; expected a value");
  CHECK(import_error("").find("invalid JSON") != std::string::npos);
  CHECK(import_error("[]") == "/: expected a STIX bundle object, found array");
  CHECK(import_error(R"({"objects": []})") == "/: not a STIX bundle (its \"type\" is not \"bundle\")");
  CHECK(import_error(R"({"type": "report", "objects": []})") ==
        "/type: not a STIX bundle (its \"type\" is not \"bundle\")");
  CHECK(import_error(R"({"type": "bundle"})") == "/: a STIX bundle needs an \"objects\" array");
  CHECK(import_error(R"({"type": "bundle", "objects": {}})") == "/objects: a STIX bundle needs an \"objects\" array");
  CHECK(import_error(R"({"type": "bundle", "objects": []})") ==
        "/objects: the bundle holds no DISARM tactic or technique");
  CHECK(import_error(R"({"type": "bundle", "objects": [{"type": "identity", "id": "identity--1"}]})") ==
        "/objects: the bundle holds no DISARM tactic or technique");
  // An ATT&CK bundle: its tactic IDs (TA0001) are no DISARM tactic IDs.
  CHECK(import_error(R"({"type": "bundle", "objects": [
          {"type": "x-mitre-tactic", "id": "x-mitre-tactic--1", "name": "Reconnaissance", "x_mitre_shortname": "reconnaissance",
           "external_references": [{"source_name": "mitre-attack", "external_id": "TA0043"}]},
          {"type": "attack-pattern", "id": "attack-pattern--1", "name": "Active Scanning",
           "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "reconnaissance"}],
           "external_references": [{"source_name": "mitre-attack", "external_id": "T1595"}]}]})") ==
        "/objects: not a DISARM bundle: no x-mitre-tactic has a DISARM tactic ID (TA01 ...)");
}

TEST_CASE("STIX import: what cannot be placed is a warning at its JSON path", "[stix]") {
  struct Case {
    std::string_view object;
    std::string warning;
  };
  // Each object is appended to kBundle, so it is /objects/12.
  const std::vector<Case> cases = {
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "name": "No ID"})",
       "/objects/12: no external_references, so no DISARM Technique ID; not imported"},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "external_references": [{"external_id": "TA09"}]})",
       "/objects/12/external_references: no DISARM Technique ID among the external references; not imported"},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "name": "Lost",
           "external_references": [{"external_id": "T0020"}],
           "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "nowhere"}]})",
       "/objects/12/kill_chain_phases/0/phase_name: no tactic has the shortname \"nowhere\""},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "external_references": [{"external_id": "T0020"}]})",
       "/objects/12/kill_chain_phases: T0020 names no kill chain phase, so it is under no tactic"},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "external_references": [{"external_id": "T0001"}]})",
       "/objects/12: T0001 is defined twice; this one is ignored"},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "revoked": true})",
       "/objects/12: attack-pattern is revoked or deprecated; not imported"},
      {R"({"type": "relationship", "relationship_type": "uses", "source_ref": "a", "target_ref": "b"})",
       "/objects/12/relationship_type: relationships \"uses\" are not imported"},
      {R"({"type": "relationship", "relationship_type": "subtechnique-of", "source_ref": "attack-pattern--a",
           "target_ref": "attack-pattern--none"})",
       "/objects/12/target_ref: \"attack-pattern--none\" is no technique in the bundle"},
      {R"({"type": "relationship", "relationship_type": "subtechnique-of", "source_ref": "attack-pattern--a",
           "target_ref": "x-mitre-tactic--plan"})",
       "/objects/12/target_ref: \"x-mitre-tactic--plan\" is no technique in the bundle"},
      {R"({"type": "course-of-action", "id": "course-of-action--1"})",
       "/objects/12/type: objects of type \"course-of-action\" are not imported"},
      {R"({"id": "x"})", "/objects/12: no \"type\"; ignored"},
      {R"({"type": "x-mitre-matrix", "tactic_refs": []})",
       "/objects/12: a second x-mitre-matrix; only the first is imported"},
      {R"({"type": "x-mitre-tactic", "id": "x-mitre-tactic--again", "x_mitre_shortname": "talk-loudly",
           "external_references": [{"external_id": "TA09"}]})",
       "/objects/12/x_mitre_shortname: shortname \"talk-loudly\" already names TA02; techniques keep that one"},
      {R"({"type": "attack-pattern", "id": "attack-pattern--x", "name": 7, "external_references": [{"external_id": "T0020"}],
           "kill_chain_phases": [{"phase_name": "make-a-plan"}]})",
       "/objects/12/name: expected a string, found number; left empty"},
  };
  for (const Case& c : cases) {
    INFO(c.object);
    ImportResult result = import_ok(with_object(c.object));
    CHECK(has_warning(result, c.warning));
  }
  // Elements that are not even objects.
  ImportResult odd = import_ok(with_object("42"));
  CHECK(warning_lines(odd)[0] == "/objects/12: not a STIX object; ignored");
}

TEST_CASE("STIX import: a sub-technique with no subtechnique-of relationship gets the parent its ID names", "[stix]") {
  ImportResult result = import_ok(with_object(
      R"({"type": "attack-pattern", "id": "attack-pattern--e", "name": "Pick two goals",
          "kill_chain_phases": [{"phase_name": "make-a-plan"}], "external_references": [{"external_id": "T0001.001"}]})"));
  CHECK(targets(result.data, RelationType::TechniqueParent, "T0001.001") == std::vector<std::string>{"T0001"});
  CHECK(has_warning(
      result, "/objects/12: T0001.001 has no subtechnique-of relationship; its parent T0001 is taken from its ID"));

  ImportResult orphan = import_ok(with_object(
      R"({"type": "attack-pattern", "id": "attack-pattern--e", "kill_chain_phases": [{"phase_name": "make-a-plan"}],
          "external_references": [{"external_id": "T0300.001"}]})"));
  CHECK(targets(orphan.data, RelationType::TechniqueParent, "T0300.001").empty());
  CHECK(has_warning(
      orphan, "/objects/12: T0300.001 has no subtechnique-of relationship and its parent T0300 is not in the bundle"));
}

TEST_CASE("STIX import: without an x-mitre-matrix the columns are the tactics in ID order", "[stix]") {
  std::string json(kBundle);
  std::size_t matrix = json.find(",\n    {\"type\": \"x-mitre-matrix\"");
  REQUIRE(matrix != std::string::npos);
  json.erase(matrix, json.rfind(']') - matrix);
  ImportResult result = import_ok(json);
  REQUIRE(result.data.red.columns.size() == 3);
  CHECK(result.data.red.columns[0].tactic == "TA01");
  CHECK(result.data.red.columns[1].tactic == "TA02");
  CHECK(result.data.red.columns[2] == MatrixColumn{"TA05", {}});
  CHECK(find_object(result.data, "TA05")->indexed);
  CHECK(warning_lines(result).back() == "/objects: no x-mitre-matrix; the matrix shows every tactic in ID order");
}

TEST_CASE("STIX import: cut-off and damaged bundles never crash", "[stix]") {
  // Every prefix of the bundle, and the bundle with each byte in turn made a quote.
  std::string json(kBundle);
  std::size_t errors = 0;
  for (std::size_t n = 0; n < json.size(); ++n) {
    auto cut = import_stix_bundle(std::string_view(json).substr(0, n), example_provenance());
    errors += cut.ok() ? 0 : 1;
    std::string damaged = json;
    damaged[n] = '"';
    (void)import_stix_bundle(damaged, example_provenance());
  }
  CHECK(errors == json.size());  // no prefix is a whole JSON document
}

namespace {

const std::string kUpstreamBundle = DISARM_UPSTREAM_DIR "/generated_files/DISARM_STIX/DISARM.json";
const std::string kUpstreamPages = DISARM_UPSTREAM_DIR "/generated_pages";

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

const ImportResult& upstream_bundle() {
  static const ImportResult result = [] {
    std::ifstream in(kUpstreamBundle, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto imported = import_stix_bundle(text.str(), upstream_stix_provenance(std::string(kUpstreamStixSource), {}, {}));
    return imported.ok() ? std::move(imported).value() : ImportResult{};
  }();
  return result;
}

}  // namespace

TEST_CASE("STIX import: upstream's bundle", "[stix][upstream]") {
  REQUIRE_UPSTREAM(kUpstreamBundle);
  const ImportResult& result = upstream_bundle();
  const FrameworkData& data = result.data;
  CHECK(result.warnings.empty());
  std::size_t tactics = 0, techniques = 0;
  for (const Object& o : data.objects) (o.kind == Kind::Tactic ? tactics : techniques)++;
  CHECK(tactics == 16);
  CHECK(techniques == 391);
  CHECK(count_relations(data, RelationType::TechniqueTactic) == 391);
  CHECK(count_relations(data, RelationType::TechniqueParent) == 288);
  CHECK(count_relations(data, RelationType::TechniqueAssociated) == 42);
  CHECK(targets(data, RelationType::TechniqueTactic, "T0002") == std::vector<std::string>{"TA02"});
  CHECK(targets(data, RelationType::TechniqueParent, "T0085.001") == std::vector<std::string>{"T0085"});
  CHECK(find_relation(data, RelationType::TechniqueAssociated, "T0085.001", "T0085.008"));

  // The bundle's matrix groups the tactics by phase, where the pages' matrix is in ID order.
  std::vector<std::string> columns;
  std::size_t cells = 0;
  for (const MatrixColumn& c : data.red.columns) {
    columns.push_back(c.tactic);
    cells += c.cells.size();
  }
  CHECK(columns == std::vector<std::string>{"TA01", "TA02", "TA13", "TA14", "TA06", "TA15", "TA16", "TA05", "TA07",
                                            "TA08", "TA09", "TA17", "TA18", "TA10", "TA11", "TA12"});
  CHECK(cells == 391);

  // Through the snapshot and back unchanged.
  auto loaded = parse_snapshot(save_snapshot(data));
  REQUIRE(loaded.ok());
  CHECK(loaded.value() == data);
}

TEST_CASE("STIX import: upstream's bundle against its pages", "[stix][upstream]") {
  REQUIRE_UPSTREAM(kUpstreamBundle);
  REQUIRE_UPSTREAM(kUpstreamPages);
  auto files = shell::read_page_tree(kUpstreamPages);
  REQUIRE(files.ok());
  const ImportResult pages = import_pages(files.value(), upstream_provenance({}, {}, {}));
  const FrameworkData& stix = upstream_bundle().data;

  // Every tactic and technique of the bundle is in the pages with the same name, summary,
  // tactic and parent; the pages have six more, which upstream lists in no index or matrix.
  std::vector<std::string> pages_only;
  for (const Object& o : pages.data.objects) {
    if (o.kind != Kind::Tactic && o.kind != Kind::Technique) continue;
    const Object* s = find_object(stix, o.id);
    if (!s) {
      pages_only.push_back(o.id);
      CHECK_FALSE(o.indexed);
      continue;
    }
    INFO(o.id);
    CHECK(s->name == o.name);
    CHECK(s->summary == o.summary);
    // The bundle states each technique's own tactic; the pages also keep the stale TA03 and
    // TA04 pages' listings, as disputed.
    std::vector<std::string> undisputed;
    for (const Relation& r : pages.data.relations)
      if (r.type == RelationType::TechniqueTactic && r.from == o.id && !r.disputed()) undisputed.push_back(r.to);
    CHECK(targets(stix, RelationType::TechniqueTactic, o.id) == undisputed);
    CHECK(targets(stix, RelationType::TechniqueParent, o.id) ==
          targets(pages.data, RelationType::TechniqueParent, o.id));
    // The same associations, not always in the same order.
    CHECK(sorted(targets(stix, RelationType::TechniqueAssociated, o.id)) ==
          sorted(targets(pages.data, RelationType::TechniqueAssociated, o.id)));
  }
  CHECK(pages_only == std::vector<std::string>{"TA03", "TA04", "T0011", "T0012", "T0013", "T0019"});

  // Each tactic's cells agree, in order; only the order of the columns differs.
  for (const MatrixColumn& column : pages.data.red.columns) {
    auto it = std::find_if(stix.red.columns.begin(), stix.red.columns.end(),
                           [&](const MatrixColumn& c) { return c.tactic == column.tactic; });
    REQUIRE(it != stix.red.columns.end());
    CHECK(it->cells == column.cells);
  }
  CHECK(pages.data.red.columns.size() == stix.red.columns.size());
}
