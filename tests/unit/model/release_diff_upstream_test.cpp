// What changed from upstream's release 1.4 to 1.6 (DISARM_UPSTREAM_DIR: read-only, not ours),
// and a diff across frameworks (1.6 against 2.0 Observations). Asserts on IDs and counts only.
//
// The expected figures were worked out from the files, not from the importer: added and
// removed from `ls` of each folder in both trees (1.4's "T0039 .md" repeats T0039), the IDs
// still listed from grep of 1.6's TA03 and TA04 pages; renamed from the pages' "# Technique
// T0001: Name" headings; moves from each technique's own tactic line and each tactic's phase
// line (none changed); T0097's sub-techniques from `ls`.
#include "catch.hpp"
#include "upstream_data.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "disarm/import/importer.hpp"
#include "disarm/model/release_diff.hpp"
#include "page_tree.hpp"

using namespace disarm;

namespace {

const std::string kShared = DISARM_UPSTREAM_DIR;

const Framework& release_at(const std::string& dir) {
  static std::map<std::string, Framework> cache;  // a map: references stay valid as it grows
  if (auto it = cache.find(dir); it != cache.end()) return it->second;
  auto files = shell::read_page_tree(dir);
  REQUIRE(files.ok());
  Provenance provenance;
  provenance.licence = "CC BY-SA 4.0";
  ImportResult imported = import_pages(files.value(), provenance);
  return cache.emplace(dir, Framework::build(std::move(imported.data))).first->second;
}

std::vector<std::string> in_group(const ReleaseDiff& diff, Kind kind, ChangeGroup group) {
  std::vector<std::string> out;
  for (const ObjectChange& c : diff.changes)
    if (c.kind == kind && c.has(group)) out.push_back(c.id);
  return out;
}

}  // namespace

TEST_CASE("release diff upstream: 1.4 to 1.6", "[upstream][release_diff]") {
  const std::string old_dir = kShared + "/releases/1.4/generated_pages", new_dir = kShared + "/generated_pages";
  REQUIRE_UPSTREAM(old_dir);
  REQUIRE_UPSTREAM(new_dir);
  const Framework& older = release_at(old_dir);
  const Framework& newer = release_at(new_dir);
  const ReleaseDiff diff = diff_releases(older, newer);

  CHECK(diff.older.version == "1.4");
  CHECK(diff.newer.version == "1.6");
  CHECK(diff.older.commit == "f1ac3b04ee17388d9ccc1ada5ad4ed1160f01fe0");
  CHECK_FALSE(diff.across_frameworks);

  // 133 technique pages are new and 86 are gone; 4 of those 86 IDs are still listed, with
  // other names, on 1.6's stale TA03 and TA04 pages: there they are objects without a page.
  CHECK(diff.count(Kind::Technique, ChangeGroup::Added) == 133);
  CHECK(diff.count(Kind::Technique, ChangeGroup::Removed) == 82);
  std::vector<std::string> lost_page;
  for (const ObjectChange& c : diff.changes)
    if (std::find(c.changed_fields.begin(), c.changed_fields.end(), "page") != c.changed_fields.end())
      lost_page.push_back(c.id);
  CHECK(lost_page == std::vector<std::string>{"T0011", "T0012", "T0013", "T0019"});
  for (const std::string& id : lost_page) CHECK_FALSE(newer.find_object(id)->has_page);
  CHECK(diff.count(Kind::Incident, ChangeGroup::Added) == 63);
  CHECK(diff.count(Kind::Incident, ChangeGroup::Removed) == 0);
  for (Kind kind : {Kind::Phase, Kind::Tactic, Kind::Task, Kind::Counter, Kind::ActorType, Kind::Metatechnique}) {
    INFO(kind_name(kind));
    CHECK(diff.count(kind, ChangeGroup::Added) == 0);
    CHECK(diff.count(kind, ChangeGroup::Removed) == 0);
  }
  const auto added = in_group(diff, Kind::Technique, ChangeGroup::Added);
  CHECK(std::find(added.begin(), added.end(), "T0143.001") != added.end());

  // Renamed by their own pages' headings: T0039 (1.4's "T0039 .md" is the page kept) and
  // T0097; TK0010. Any other rename is one of the IDs only a stale page still lists.
  const auto renamed = in_group(diff, Kind::Technique, ChangeGroup::Renamed);
  for (const char* id : {"T0039", "T0097"}) CHECK(std::find(renamed.begin(), renamed.end(), id) != renamed.end());
  for (const std::string& id : renamed)
    if (id != "T0039" && id != "T0097") CHECK(std::find(lost_page.begin(), lost_page.end(), id) != lost_page.end());
  CHECK(in_group(diff, Kind::Task, ChangeGroup::Renamed) == std::vector<std::string>{"TK0010"});
  // No technique's own page names another tactic, and no tactic another phase: moves are only
  // those IDs, placed by the stale pages, and T0039, whose two 1.4 pages named two tactics.
  for (const std::string& id : in_group(diff, Kind::Technique, ChangeGroup::Moved))
    if (id != "T0039") CHECK(std::find(lost_page.begin(), lost_page.end(), id) != lost_page.end());
  CHECK(diff.count(Kind::Tactic, ChangeGroup::Moved) == 0);

  // T0097 gained 22 sub-techniques (T0097.100 to .112 and .200 to .208) and lost T0097.001.
  const ObjectChange* persona = diff.find("T0097");
  REQUIRE(persona);
  CHECK(persona->has(ChangeGroup::Relations));
  const auto subs = std::find_if(persona->links.begin(), persona->links.end(), [](const LinkChange& l) {
    return l.type == RelationType::TechniqueParent && !l.forward;
  });
  REQUIRE(subs != persona->links.end());
  CHECK(subs->added.size() == 22);
  CHECK(subs->removed == std::vector<std::string>{"T0097.001"});

  // Every object both define and that is not listed is unchanged.
  std::size_t in_both = 0;
  for (const Object& o : newer.objects())
    if (std::find(newer.placeholders().begin(), newer.placeholders().end(), o.id) == newer.placeholders().end() &&
        older.find(o.id) &&
        std::find(older.placeholders().begin(), older.placeholders().end(), o.id) == older.placeholders().end())
      ++in_both;
  CHECK(diff.compared == in_both);
  for (const ObjectChange& c : diff.changes) CHECK(c.groups != 0);

  // Description changes are found and diffed word by word on request.
  const ObjectChange* incident = diff.find("I00064");
  REQUIRE(incident);
  CHECK(incident->summary_changed);
  CHECK_FALSE(description_diff(older, newer, "I00064").identical());
}

TEST_CASE("release diff upstream: 1.6 against 2.0 Observations maps nothing", "[upstream][release_diff]") {
  const std::string old_dir = kShared + "/generated_pages";
  const std::string new_dir = kShared + "/releases/2.0-observations/generated_pages";
  REQUIRE_UPSTREAM(old_dir);
  REQUIRE_UPSTREAM(new_dir);
  const ReleaseDiff diff = diff_releases(release_at(old_dir), release_at(new_dir));
  CHECK(diff.across_frameworks);
  CHECK(diff.count(ChangeGroup::Added) == 0);
  CHECK(diff.count(ChangeGroup::Removed) == 0);
  CHECK(diff.compared > 0);
  // 2.0 Observations adds phases P05-P07 and tactics TA19-TA31, which 1.6 lacks.
  CHECK(diff.unmatched_newer >= 16);
  CHECK_THAT(diff.mapping_note(), ContainsText("no mapping"));
}
