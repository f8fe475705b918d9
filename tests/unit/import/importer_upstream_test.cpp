// The importer on upstream's real generated_pages (DISARM_UPSTREAM_DIR, read-only and not
// part of the project), when it is there. Asserts on IDs, counts, relations and lengths
// only: upstream's text is not ours to copy into tests.
//
// The expected counts were worked out from the files themselves (ls | wc -l per folder,
// grep -c over the index pages), independently of the importer.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/import/importer.hpp"
#include "disarm/io/snapshot.hpp"
#include "imported_data_lookup.hpp"
#include "page_tree.hpp"
#include "upstream_data.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

const std::string kPagesDir = DISARM_UPSTREAM_DIR "/generated_pages";

Provenance upstream_provenance() {
  Provenance p;
  p.name = "DISARM Framework";
  p.licence = "CC BY-SA 4.0";
  return p;
}

// Read and imported once for all the test cases.
const std::vector<PageFile>& upstream_files() {
  static const std::vector<PageFile> files = [] {
    auto read = shell::read_page_tree(kPagesDir);
    return read.ok() ? std::move(read).value() : std::vector<PageFile>{};
  }();
  return files;
}

const ImportResult& upstream() {
  static const ImportResult result = import_pages(upstream_files(), upstream_provenance());
  return result;
}

std::size_t index_of(const FrameworkData& data, std::string_view id) {
  for (std::size_t i = 0; i < data.objects.size(); ++i)
    if (data.objects[i].id == id) return i;
  return data.objects.size();
}

}  // namespace

TEST_CASE("upstream: objects per kind", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const auto& r = upstream();
  INFO(describe_all(r.warnings));
  REQUIRE(upstream_files().size() == 786);  // 771 datasheets, the stray incidents/.md, 14 pages at the top
  CHECK(r.pages_recognised == 786);
  const FrameworkData& d = r.data;
  CHECK(count_kind(d, Kind::Phase) == 4);
  CHECK(count_kind(d, Kind::Tactic) == 18);  // 16 indexed, TA03 and TA04 not
  CHECK(count_kind(d, Kind::Technique, true) == 391);
  CHECK(count_kind(d, Kind::Technique) == 395);  // + T0011, T0012, T0013, T0019 named only by TA03/TA04
  CHECK(count_kind(d, Kind::Task) == 42);
  CHECK(count_kind(d, Kind::Incident) == 129);
  CHECK(count_kind(d, Kind::Counter) == 140);
  CHECK(count_kind(d, Kind::ActorType) == 33);
  CHECK(count_kind(d, Kind::Metatechnique) == 14);
  CHECK(count_kind(d, Kind::Detection) == 95);
  CHECK(count_kind(d, Kind::ResponseType) == 7);
  CHECK(count_kind(d, Kind::Sector) == 10);
  CHECK(count_kind(d, Kind::Framework) == 2);
  CHECK(d.objects.size() == 889);
  for (const char* id : {"T0011", "T0012", "T0013", "T0019"}) {
    INFO(id);
    const Object* t = find_object(d, id);
    REQUIRE(t);
    CHECK_FALSE(t->has_page);
    CHECK_FALSE(t->indexed);
  }
}

TEST_CASE("upstream: relations per type", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const FrameworkData& d = upstream().data;
  using R = RelationType;
  CHECK(count_relations(d, R::TacticPhase) == 18);
  // Each kind's own page, plus what the stale TA03 and TA04 pages list under them although
  // the listed objects' pages name other tactics: 6 techniques, 9 tasks, 27 counters (kept
  // as disputed).
  CHECK(count_relations(d, R::TechniqueTactic) == 395 + 6);
  CHECK(count_relations(d, R::TechniqueParent) == 288);
  CHECK(count_relations(d, R::TechniqueAssociated) == 42);
  CHECK(count_relations(d, R::TaskTactic) == 42 + 9);
  CHECK(count_relations(d, R::IncidentTechnique) == 246);
  CHECK(count_relations(d, R::CounterTactic) == 140 + 27);
  CHECK(count_relations(d, R::CounterCountersTactic) == 0);
  CHECK(count_relations(d, R::CounterTechnique) == 58);
  CHECK(count_relations(d, R::CounterIncident) == 0);
  CHECK(count_relations(d, R::CounterActorType) == 79);
  CHECK(count_relations(d, R::CounterSector) == 97);
  CHECK(count_relations(d, R::CounterMetatechnique) == 143);
  CHECK(count_relations(d, R::CounterResponseType) == 140);
  CHECK(count_relations(d, R::DetectionTactic) == 82);  // 12 rows name none, one says "ALL"
  CHECK(count_relations(d, R::DetectionMetatechnique) == 2);
  CHECK(count_relations(d, R::DetectionResponseType) == 94);
  CHECK(count_relations(d, R::ActorTypeSector) == 60);
  CHECK(count_relations(d, R::ActorTypeFramework) == 41);
}

TEST_CASE("upstream: T0154.002 and the incidents that cite it", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const FrameworkData& d = upstream().data;
  const Object* t = find_object(d, "T0154.002");
  REQUIRE(t);
  CHECK(t->kind == Kind::Technique);
  CHECK_FALSE(t->name.empty());
  CHECK_FALSE(t->summary.empty());
  CHECK(targets(d, RelationType::TechniqueParent, "T0154.002") == std::vector<std::string>{"T0154"});
  CHECK(targets(d, RelationType::TechniqueTactic, "T0154.002") == std::vector<std::string>{"TA07"});
  std::vector<std::string> incidents;
  for (const auto& r : d.relations)
    if (r.type == RelationType::IncidentTechnique && r.to == "T0154.002") {
      incidents.push_back(r.from);
      INFO(r.from);
      CHECK(r.text.find("T0154.002") != std::string::npos);
    }
  CHECK(incidents == std::vector<std::string>{"I00099", "I00100", "I00103"});
}

TEST_CASE("upstream: I00099 with its reference and techniques", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const FrameworkData& d = upstream().data;
  const Object* i = find_object(d, "I00099");
  REQUIRE(i);
  REQUIRE(i->references.size() == 1);
  const Reference& ref = i->references[0];
  CHECK(ref.url.rfind("https://www.vogue.co.uk/", 0) == 0);
  CHECK(ref.published == "2021/03/15");
  CHECK(ref.archive_url.rfind("https://web.archive.org/web/", 0) == 0);
  CHECK(ref.archive_url.find(ref.url) != std::string::npos);
  CHECK(targets(d, RelationType::IncidentTechnique, "I00099") ==
        std::vector<std::string>{"T0086.002", "T0152.004", "T0154.002"});
  for (const auto& to : {"T0086.002", "T0152.004", "T0154.002"}) {
    const Relation* r = find_relation(d, RelationType::IncidentTechnique, "I00099", to);
    REQUIRE(r);
    CHECK(r->text.size() > 1000);
  }
}

TEST_CASE("upstream: quirks are kept and reported", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const auto& r = upstream();
  INFO(describe_all(r.warnings));
  for (const char* id : {"TA03", "TA04"}) {
    INFO(id);
    const Object* t = find_object(r.data, id);
    REQUIRE(t);
    CHECK(t->has_page);
    CHECK_FALSE(t->indexed);
    CHECK(warned(r.warnings, std::string("tactics/") + id + ".md:1", "listed in no index or matrix page"));
  }
  CHECK(warned(r.warnings, "incidents/.md:1", "no ID in the title"));
  CHECK(warned(r.warnings, "incidents/I00096.md:18", "continues on line 19"));
  CHECK(warned(r.warnings, "incidents/I00080.md:27", "5 cells for 2 columns"));
  CHECK(warned(r.warnings, "detections_index.md:565", "\"ALL\" is not a tactic ID"));
  // The incident and technique pages never disagree on evidence texts in this release.
  for (const auto& w : r.warnings) CHECK(w.message.find("differs from") == std::string::npos);
  CHECK(r.warnings.size() == 70);

  // "FW01 FW02" without a comma on some actor types still gives both viewpoints.
  std::size_t both = 0;
  for (const auto& o : r.data.objects)
    if (o.kind == Kind::ActorType && targets(r.data, RelationType::ActorTypeFramework, o.id).size() == 2) ++both;
  CHECK(both == 8);
}

TEST_CASE("upstream: matrices in upstream order, objects in numeric order", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  const FrameworkData& d = upstream().data;
  REQUIRE(d.red.columns.size() == 16);
  CHECK(d.red.columns[0].tactic == "TA01");
  CHECK(d.red.columns[1].tactic == "TA02");
  CHECK(d.red.columns[2].tactic == "TA05");
  CHECK(d.red.columns[15].tactic == "TA18");
  std::size_t red_cells = 0, blue_cells = 0;
  for (const auto& c : d.red.columns) red_cells += c.cells.size();
  for (const auto& c : d.blue.columns) blue_cells += c.cells.size();
  CHECK(red_cells == 391);  // every technique with a page, sub-techniques included
  CHECK(blue_cells == 140);
  CHECK(d.red.columns[0].cells.front() == "T0073");
  REQUIRE(d.blue.columns.size() == 16);

  CHECK(index_of(d, "P04") < index_of(d, "TA01"));
  CHECK(index_of(d, "TA18") < index_of(d, "T0002"));
  CHECK(index_of(d, "T0004") < index_of(d, "T0010"));  // upstream has no T0009
  CHECK(index_of(d, "T0017") < index_of(d, "T0017.001"));
  CHECK(index_of(d, "T0017.001") < index_of(d, "T0018"));
  CHECK(index_of(d, "T0018") < d.objects.size());
}

TEST_CASE("upstream: two imports are byte-identical and the snapshot round-trips", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  std::string first = save_snapshot(upstream().data);
  std::string second = save_snapshot(import_pages(upstream_files(), upstream_provenance()).data);
  CHECK(first == second);
  auto parsed = parse_snapshot(first);
  REQUIRE(parsed.ok());
  CHECK(save_snapshot(parsed.value()) == first);
  auto loaded = load_snapshot(first);
  REQUIRE(loaded.ok());
  CHECK(loaded.value().placeholders().empty());  // every ID a relation names is an object
}
