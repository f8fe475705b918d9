// Every upstream release in DISARM_UPSTREAM_DIR (read-only, not ours; see its README), when it
// is there: counts per kind, relations checked from both ends, the disputed ones, and the
// release detected. Asserts on IDs and counts only, never on upstream's text.
//
// The expected counts come from the files themselves (ls per folder, the rows of the index
// pages, the bundle's objects counted by type), not from the importer. "Every relation a
// page states is kept" is checked against the pages' own table rows.
#include "catch.hpp"
#include "upstream_data.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/import/importer.hpp"
#include "disarm/model/model.hpp"
#include "disarm/import/stix_import.hpp"
#include "disarm/model/validation.hpp"
#include "imported_data_lookup.hpp"
#include "page_tree.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

using R = RelationType;

const std::string kShared = DISARM_UPSTREAM_DIR;

Provenance test_provenance() {
  Provenance p;
  p.licence = "CC BY-SA 4.0";
  return p;
}

struct Imported {
  std::vector<PageFile> files;
  ImportResult result;
};

const Imported& pages(const std::string& dir) {
  static std::map<std::string, Imported> cache;
  auto it = cache.find(dir);
  if (it != cache.end()) return it->second;
  Imported in;
  auto read = shell::read_page_tree(dir);
  if (read) in.files = std::move(read).value();
  in.result = import_pages(in.files, test_provenance());
  return cache.emplace(dir, std::move(in)).first->second;
}

FrameworkData bundle(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto imported = import_stix_bundle(text.str(), test_provenance());
  REQUIRE(imported.ok());
  return std::move(imported).value().data;
}

std::size_t count_disputed(const FrameworkData& data, RelationType type) {
  return static_cast<std::size_t>(std::count_if(data.relations.begin(), data.relations.end(),
                                                [&](const Relation& r) { return r.type == type && r.disputed(); }));
}

bool related(const FrameworkData& data, const std::string& a, const std::string& b) {
  return std::any_of(data.relations.begin(), data.relations.end(),
                     [&](const Relation& r) { return (r.from == a && r.to == b) || (r.from == b && r.to == a); });
}

// The page's object by its file name: "techniques/T0001.md" -> T0001.
std::string id_of_page(const std::string& path) {
  std::size_t slash = path.rfind('/');
  std::string name = path.substr(slash + 1);
  if (name.size() < 4 || name.substr(name.size() - 3) != ".md") return {};
  name.resize(name.size() - 3);
  return is_valid_id(name) ? name : std::string();
}

// Every object a datasheet's table rows link to ("| [T0001 Name](...) |") is related to the
// page's object in the import, whichever page "wins": nothing upstream states is dropped.
void check_every_table_row_kept(const Imported& in) {
  std::size_t rows = 0;
  for (const auto& file : in.files) {
    std::size_t slash = file.path.find('/');
    if (slash == std::string::npos) continue;
    auto page_id = id_of_page(file.path);
    if (page_id.empty()) continue;
    std::istringstream lines(file.text.substr(0, file.text.find("DO NOT EDIT ABOVE")));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("| [", 0) != 0) continue;
      std::size_t end = line.find_first_of(" ]", 3);
      std::string listed = line.substr(3, end - 3);
      if (!is_valid_id(listed) || listed == page_id) continue;
      ++rows;
      INFO(file.path << " lists " << listed);
      CHECK(related(in.result.data, page_id, listed));
    }
  }
  CHECK(rows > 0);
}

}  // namespace

TEST_CASE("upstream release 1.4: the 2022-2024 page format", "[upstream][release]") {
  const std::string dir = kShared + "/releases/1.4/generated_pages";
  REQUIRE_UPSTREAM(dir);
  const Imported& in = pages(dir);
  const FrameworkData& d = in.result.data;
  CHECK(count_kind(d, Kind::Phase) == 4);
  CHECK(count_kind(d, Kind::Tactic) == 18);
  CHECK(count_kind(d, Kind::Technique) == 344);  // 345 files: "T0039 .md" repeats T0039.md
  CHECK(count_kind(d, Kind::Task) == 42);
  CHECK(count_kind(d, Kind::Incident) == 66);
  CHECK(count_kind(d, Kind::Counter) == 140);
  CHECK(count_kind(d, Kind::ActorType) == 33);
  CHECK(count_kind(d, Kind::Metatechnique) == 14);
  CHECK(count_kind(d, Kind::Detection) == 95);
  CHECK(count_kind(d, Kind::ResponseType) == 7);
  CHECK(warned(in.result.warnings, "techniques/T0039.md:1", "already has a page, techniques/T0039 .md"));

  // "* **Belongs to tactic stage**: TA06" is the technique's tactic; both ends agree.
  CHECK(find_relation(d, R::TechniqueTactic, "T0015", "TA06"));
  CHECK_FALSE(find_relation(d, R::TechniqueTactic, "T0015", "TA06")->disputed());
  CHECK(find_relation(d, R::TechniqueTactic, "T0002", "TA02"));
  CHECK(find_relation(d, R::TacticPhase, "TA02", "P01"));
  CHECK(find_relation(d, R::TechniqueParent, "T0009.001", "T0009"));
  CHECK(find_relation(d, R::IncidentTechnique, "I00005", "T0007"));
  for (const auto& o : d.objects)
    if (o.kind == Kind::Technique && o.has_page) {
      INFO(o.id);
      CHECK(o.fields.empty());  // no field left over as text: each is a summary or a relation
    }

  // Disputed: TA04's page lists T0016, whose own page names TA05; T0036's page cites
  // I00005, whose page does not cite T0036.
  const Relation* own = find_relation(d, R::TechniqueTactic, "T0016", "TA05");
  const Relation* listed = find_relation(d, R::TechniqueTactic, "T0016", "TA04");
  REQUIRE(own);
  REQUIRE(listed);
  CHECK_FALSE(own->disputed());
  CHECK(listed->disputed());
  const Relation* one_sided = find_relation(d, R::IncidentTechnique, "I00005", "T0036");
  REQUIRE(one_sided);
  CHECK(one_sided->disputed());
  CHECK(count_disputed(d, R::TechniqueTactic) == 10);  // TA03's and TA04's stale lists
  CHECK(count_disputed(d, R::IncidentTechnique) == 115);
  check_every_table_row_kept(in);

  CHECK(d.release.framework == kRedBlueFramework);
  CHECK(d.release.version == "1.4");
  CHECK(d.provenance.commit == "f1ac3b04ee17388d9ccc1ada5ad4ed1160f01fe0");
  CHECK(d.provenance.date == "2024-03-13");
}

TEST_CASE("upstream release 1.6: the 2025 page format", "[upstream][release]") {
  const std::string dir = kShared + "/generated_pages";
  REQUIRE_UPSTREAM(dir);
  const Imported& in = pages(dir);
  const FrameworkData& d = in.result.data;
  CHECK(count_kind(d, Kind::Technique, true) == 391);
  CHECK(count_disputed(d, R::TechniqueTactic) == 6);
  const Relation* listed = find_relation(d, R::TechniqueTactic, "T0016", "TA04");
  REQUIRE(listed);
  CHECK(listed->disputed());
  check_every_table_row_kept(in);
  CHECK(d.release.framework == kRedBlueFramework);
  CHECK(d.release.version == "1.6");
  CHECK(d.provenance.commit == "49df5f649e16dfbf11e3859913c256c875c02692");
}

TEST_CASE("upstream release 2.0 Observations: stale tactic pages beside new ones", "[upstream][release]") {
  const std::string dir = kShared + "/releases/2.0-observations/generated_pages";
  REQUIRE_UPSTREAM(dir);
  const Imported& in = pages(dir);
  const FrameworkData& d = in.result.data;
  CHECK(count_kind(d, Kind::Phase) == 7);
  CHECK(count_kind(d, Kind::Tactic) == 31);
  CHECK(count_kind(d, Kind::Technique, true) == 593);
  CHECK(count_kind(d, Kind::Task) == 42);
  CHECK(count_kind(d, Kind::Incident) == 130);
  CHECK(count_kind(d, Kind::Counter) == 140);

  // T0097's page names TA22; the stale TA16 page still lists it: both kept, TA16 disputed.
  const Relation* own = find_relation(d, R::TechniqueTactic, "T0097", "TA22");
  const Relation* stale = find_relation(d, R::TechniqueTactic, "T0097", "TA16");
  REQUIRE(own);
  REQUIRE(stale);
  CHECK_FALSE(own->disputed());
  CHECK(stale->disputed());
  CHECK(find_relation(d, R::TechniqueTactic, "T0097.100", "TA16")->disputed());
  // I00098's page cites T0151.015, whose page does not cite I00098.
  const Relation* cited = find_relation(d, R::IncidentTechnique, "I00098", "T0151.015");
  REQUIRE(cited);
  CHECK(cited->disputed());
  CHECK(count_disputed(d, R::TechniqueTactic) == 148);
  CHECK(count_disputed(d, R::IncidentTechnique) == 246);  // 201 cited by incidents only, 45 by techniques only
  check_every_table_row_kept(in);

  // validate lists each disputed relation.
  Framework fw = Framework::build(d);
  Diagnostics problems = validate(fw);
  CHECK(std::any_of(problems.begin(), problems.end(), [](const Diagnostic& p) {
    return p.location == "T0097" && p.message.find("disputed technique-tactic relation to TA16") != std::string::npos;
  }));

  CHECK(d.release.framework == kObservationsFramework);
  CHECK(d.release.version == "2.0");
  CHECK(d.provenance.commit == "df30b5e40a8d0e70bad59d1ba346075caf9a5624");
}

TEST_CASE("upstream release 2.0 Assessments: groups, categories, assessments", "[upstream][release]") {
  const std::string dir = kShared + "/releases/2.0-assessments/generated_pages";
  REQUIRE_UPSTREAM(dir);
  const Imported& in = pages(dir);
  const FrameworkData& d = in.result.data;
  INFO(describe_all(in.result.warnings));
  CHECK(count_kind(d, Kind::Phase) == 3);
  CHECK(count_kind(d, Kind::Tactic) == 6);
  CHECK(count_kind(d, Kind::Technique) == 140);
  CHECK(d.objects.size() == 149);
  CHECK(in.result.warnings.empty());

  CHECK(find_relation(d, R::TechniqueParent, "A0001.001", "A0001"));
  CHECK(find_relation(d, R::TechniqueTactic, "A0001.001", "TA80"));
  CHECK(find_relation(d, R::TechniqueTactic, "A0001", "TA80"));
  CHECK(find_relation(d, R::TacticPhase, "TA80", "P20"));
  CHECK(count_relations(d, R::TechniqueTactic) == 140);
  CHECK(std::none_of(d.relations.begin(), d.relations.end(), [](const Relation& r) { return r.disputed(); }));
  check_every_table_row_kept(in);

  // The matrix: categories as columns, assessments in them.
  REQUIRE_FALSE(d.red.columns.empty());
  CHECK(d.red.columns.front().tactic == "TA80");
  CHECK(std::find(d.red.columns.front().cells.begin(), d.red.columns.front().cells.end(), "A0001") !=
        d.red.columns.front().cells.end());

  CHECK(d.release.framework == kAssessmentsFramework);
  CHECK(d.release.version == "2.0 beta");
  CHECK(d.provenance.commit == "093baa05b75c63e393a6d96ee9298660d430d233");
  CHECK(d.release.vocabulary.singular(Kind::Technique) == "Assessment");
}

TEST_CASE("upstream release 1.7: the STIX bundle", "[upstream][release]") {
  const std::string path = kShared + "/releases/1.7-stix/DISARM.json";
  REQUIRE_UPSTREAM(path);
  FrameworkData d = bundle(path);
  CHECK(count_kind(d, Kind::Tactic) == 15);              // x-mitre-tactic objects
  CHECK(count_kind(d, Kind::Technique) == 445);          // attack-pattern objects
  CHECK(count_relations(d, R::TechniqueParent) == 336);  // subtechnique-of relationships
  CHECK(find_relation(d, R::TechniqueParent, "T0014.001", "T0014"));
  CHECK(count_relations(d, R::TechniqueTactic) == 445);
  // Its matrix object calls it a 2.0 framework; the known release table says 1.7.
  CHECK(d.release.framework == kRedBlueFramework);
  CHECK(d.release.version == "1.7");
  CHECK(d.provenance.commit == "6a75d2d5b16b2d088e6406cc786d5b95af8a2359");
  CHECK(d.provenance.date == "2026-01-21");
}
