// What changed between two releases, on crafted frameworks: one test per kind of change, an
// object with several, disputed listings, placeholders, counts, and two frameworks compared.
#include "catch.hpp"

#include <optional>
#include <string>
#include <vector>

#include "crafted_release.hpp"
#include "disarm/model/model.hpp"
#include "disarm/model/release_diff.hpp"

using namespace disarm;
using disarm::test::base;
using disarm::test::make;
using disarm::test::object;

namespace {

using R = RelationType;
using Ids = std::vector<std::string>;

void retarget(FrameworkData& d, R type, const std::string& from, const std::string& to) {
  for (Relation& r : d.relations)
    if (r.type == type && r.from == from) r.to = to;
}

ReleaseDiff diff_of(FrameworkData older, FrameworkData newer) {
  return diff_releases(Framework::build(std::move(older)), Framework::build(std::move(newer)));
}

Ids ids_in(const ReleaseDiff& diff, ChangeGroup group) {
  Ids out;
  for (const ObjectChange& c : diff.changes)
    if (c.has(group)) out.push_back(c.id);
  return out;
}

const LinkChange* link(const ObjectChange& change, R type, bool forward) {
  for (const LinkChange& l : change.links)
    if (l.type == type && l.forward == forward) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("release diff: the same release twice has no changes", "[release_diff]") {
  ReleaseDiff diff = diff_of(base("1.0"), base("1.0"));
  CHECK(diff.changes.empty());
  CHECK(diff.compared == 10);
  CHECK_FALSE(diff.across_frameworks);
  CHECK(diff.mapping_note().empty());
  for (std::size_t g = 0; g < kChangeGroupCount; ++g) CHECK(diff.count(static_cast<ChangeGroup>(g)) == 0);
}

TEST_CASE("release diff: records both releases", "[release_diff]") {
  ReleaseDiff diff = diff_of(base("1.0"), base("1.1"));
  CHECK(diff.older.framework == kRedBlueFramework);
  CHECK(diff.older.version == "1.0");
  CHECK(diff.older.date == "2024-01-01");
  CHECK(diff.newer.version == "1.1");
  CHECK(diff.newer.label() == "DISARM Red/Blue 1.x, version 1.1");
}

TEST_CASE("release diff: an added technique, and the tactic that gains it", "[release_diff]") {
  FrameworkData newer = base("1.1");
  newer.objects.push_back(make("T0004", Kind::Technique, "Buy ads"));
  newer.relations.push_back({R::TechniqueTactic, "T0004", "TA02", {}, {}});
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Added) == Ids{"T0004"});
  const ObjectChange* added = diff.find("T0004");
  REQUIRE(added);
  CHECK(added->new_name == "Buy ads");
  CHECK(added->old_name.empty());
  CHECK(added->fields().empty());
  CHECK(diff.count(Kind::Technique, ChangeGroup::Added) == 1);
  CHECK(diff.count(ChangeGroup::Added) == 1);
  // TA02's list of techniques grew: a relation change, not an addition.
  const ObjectChange* tactic = diff.find("TA02");
  REQUIRE(tactic);
  CHECK(tactic->groups == 1u << static_cast<unsigned>(ChangeGroup::Relations));
  const LinkChange* techniques = link(*tactic, R::TechniqueTactic, false);
  REQUIRE(techniques);
  CHECK(techniques->name() == "techniques");
  CHECK(techniques->added == Ids{"T0004"});
  CHECK(techniques->removed.empty());
}

TEST_CASE("release diff: a removed incident, and the technique it cited", "[release_diff]") {
  FrameworkData older = base("1.0");
  FrameworkData newer = base("1.1");
  older.objects.push_back(make("I00002", Kind::Incident, "Another campaign"));
  newer.objects.push_back(make("I00002", Kind::Incident, "Another campaign"));
  std::erase_if(newer.objects, [](const Object& o) { return o.id == "I00001"; });
  std::erase_if(newer.relations, [](const Relation& r) { return r.from == "I00001"; });
  ReleaseDiff diff = diff_of(std::move(older), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Removed) == Ids{"I00001"});
  CHECK(diff.unpublished_kinds == 0);
  CHECK(diff.find("I00001")->old_name == "A campaign");
  CHECK(diff.count(Kind::Incident, ChangeGroup::Removed) == 1);
  const ObjectChange* technique = diff.find("T0001");
  REQUIRE(technique);
  const LinkChange* incidents = link(*technique, R::IncidentTechnique, false);
  REQUIRE(incidents);
  CHECK(incidents->removed == Ids{"I00001"});
  CHECK(technique->fields() == Ids{"incidents"});
}

TEST_CASE("release diff: a renamed technique keeps its ID", "[release_diff]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0003").name = "Share posts widely";
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  REQUIRE(diff.changes.size() == 1);
  const ObjectChange& c = diff.changes[0];
  CHECK(c.id == "T0003");
  CHECK(c.kind == Kind::Technique);
  CHECK(c.has(ChangeGroup::Renamed));
  CHECK(c.old_name == "Share posts");
  CHECK(c.new_name == "Share posts widely");
  CHECK(c.fields() == Ids{"name"});
  CHECK(diff.count(Kind::Technique, ChangeGroup::Renamed) == 1);
}

TEST_CASE("release diff: a technique moved to another tactic", "[release_diff]") {
  FrameworkData newer = base("1.1");
  retarget(newer, R::TechniqueTactic, "T0003", "TA01");
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Moved) == Ids{"T0003"});
  const ObjectChange* c = diff.find("T0003");
  REQUIRE(c->moves.size() == 1);
  CHECK(c->moves[0].type == R::TechniqueTactic);
  CHECK(c->moves[0].name() == "tactic");
  CHECK(c->moves[0].older == Ids{"TA02"});
  CHECK(c->moves[0].newer == Ids{"TA01"});
  CHECK(c->links.empty());
  CHECK(c->fields() == Ids{"tactic"});
  // Both tactics' lists changed.
  CHECK(link(*diff.find("TA01"), R::TechniqueTactic, false)->added == Ids{"T0003"});
  CHECK(link(*diff.find("TA02"), R::TechniqueTactic, false)->removed == Ids{"T0003"});
  CHECK(ids_in(diff, ChangeGroup::Relations) == Ids{"TA01", "TA02"});
}

TEST_CASE("release diff: a sub-technique moved to another parent", "[release_diff]") {
  FrameworkData newer = base("1.1");
  retarget(newer, R::TechniqueParent, "T0002.001", "T0001");
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  const ObjectChange* c = diff.find("T0002.001");
  REQUIRE(c);
  CHECK(c->has(ChangeGroup::Moved));
  REQUIRE(c->moves.size() == 1);
  CHECK(c->moves[0].name() == "parent");
  CHECK(c->moves[0].older == Ids{"T0002"});
  CHECK(c->moves[0].newer == Ids{"T0001"});
  const LinkChange* subs = link(*diff.find("T0001"), R::TechniqueParent, false);
  REQUIRE(subs);
  CHECK(subs->name() == "subtechniques");
  CHECK(subs->added == Ids{"T0002.001"});
  CHECK(link(*diff.find("T0002"), R::TechniqueParent, false)->removed == Ids{"T0002.001"});
}

TEST_CASE("release diff: a tactic moved to another phase", "[release_diff]") {
  FrameworkData newer = base("1.1");
  retarget(newer, R::TacticPhase, "TA02", "P01");
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  const ObjectChange* c = diff.find("TA02");
  REQUIRE(c);
  CHECK(c->fields() == Ids{"phase"});
  CHECK(c->moves[0].older == Ids{"P02"});
  CHECK(c->moves[0].newer == Ids{"P01"});
  CHECK(diff.count(Kind::Tactic, ChangeGroup::Moved) == 1);
  CHECK(diff.count(Kind::Phase, ChangeGroup::Relations) == 2);
}

TEST_CASE("release diff: a changed description, its word diff on request", "[release_diff]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0001").summary = "Open many fake accounts on every platform.";
  const Framework a = Framework::build(base("1.0"));
  const Framework b = Framework::build(std::move(newer));
  ReleaseDiff diff = diff_releases(a, b);
  CHECK(ids_in(diff, ChangeGroup::Description) == Ids{"T0001"});
  const ObjectChange* c = diff.find("T0001");
  CHECK(c->summary_changed);
  CHECK(c->changed_fields.empty());
  CHECK(c->fields() == Ids{"summary"});
  WordDiff words = description_diff(a, b, "T0001");
  std::vector<DiffPart> expected = {{DiffOp::Same, "Open many "},   {DiffOp::Added, "fake "},
                                    {DiffOp::Same, "accounts on "}, {DiffOp::Removed, "one "},
                                    {DiffOp::Added, "every "},      {DiffOp::Same, "platform."}};
  CHECK(words.parts == expected);
  CHECK(description_diff(a, b, "T0002").identical());
}

TEST_CASE("release diff: changed text fields and references are description changes", "[release_diff]") {
  FrameworkData older = base("1.0");
  object(older, "I00001").fields = {{"Year started", "2019"}, {"Countries", "X"}};
  FrameworkData newer = base("1.1");
  object(newer, "I00001").fields = {{"Year started", "2020"}, {"Found via", "a report"}};
  object(newer, "I00001").references = {{"A report", "https://example.org/r", "", "", "", ""}};
  ReleaseDiff diff = diff_of(std::move(older), std::move(newer));
  const ObjectChange* c = diff.find("I00001");
  REQUIRE(c);
  CHECK(c->has(ChangeGroup::Description));
  CHECK_FALSE(c->summary_changed);
  CHECK(c->changed_fields == Ids{"Year started", "Found via", "Countries", "references"});
}

TEST_CASE("release diff: a field's word diff on request", "[release_diff]") {
  FrameworkData older = base("1.0");
  object(older, "I00001").fields = {{"Year started", "2019"}, {"Countries", "X"}};
  FrameworkData newer = base("1.1");
  object(newer, "I00001").fields = {{"Year started", "2020"}};
  const Framework a = Framework::build(std::move(older)), b = Framework::build(std::move(newer));
  CHECK(description_diff(a, b, "I00001", "Year started").parts ==
        std::vector<DiffPart>{{DiffOp::Removed, "2019"}, {DiffOp::Added, "2020"}});
  CHECK(description_diff(a, b, "I00001", "Countries").parts == std::vector<DiffPart>{{DiffOp::Removed, "X"}});
  CHECK(description_diff(a, b, "I00009").identical());
}

TEST_CASE("release diff: an object whose page is gone but whose ID is still listed", "[release_diff]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0003").has_page = false;
  object(newer, "T0003").name = "Listed elsewhere";
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  const ObjectChange* c = diff.find("T0003");
  REQUIRE(c);
  CHECK_FALSE(c->has(ChangeGroup::Removed));
  CHECK(c->changed_fields == Ids{"page"});
  CHECK(c->fields() == Ids{"name", "page"});
}

TEST_CASE("release diff: relations gained and lost, seen from both ends", "[release_diff]") {
  FrameworkData newer = base("1.1");
  newer.relations.push_back({R::IncidentTechnique, "I00001", "T0002", "also seen", {}});
  std::erase_if(newer.relations, [](const Relation& r) { return r.type == R::CounterTechnique; });
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Relations) == Ids{"T0001", "T0002", "I00001", "C00001"});
  CHECK(link(*diff.find("I00001"), R::IncidentTechnique, true)->added == Ids{"T0002"});
  CHECK(link(*diff.find("T0002"), R::IncidentTechnique, false)->added == Ids{"I00001"});
  CHECK(link(*diff.find("C00001"), R::CounterTechnique, true)->removed == Ids{"T0001"});
  const LinkChange* counters = link(*diff.find("T0001"), R::CounterTechnique, false);
  REQUIRE(counters);
  CHECK(counters->name() == "counters");
  CHECK(counters->removed == Ids{"C00001"});
  CHECK(diff.count(Kind::Technique, ChangeGroup::Relations) == 2);
  CHECK(diff.count(ChangeGroup::Relations) == 4);
  // An evidence quote that changes is not a changed relation.
  FrameworkData quoted = base("1.1");
  quoted.relations[7].text = "seen again";
  CHECK(diff_of(base("1.0"), std::move(quoted)).changes.empty());
}

TEST_CASE("release diff: an object with several changes is in each group once", "[release_diff]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0003").name = "Share memes";
  object(newer, "T0003").summary = "Now with a description.";
  retarget(newer, R::TechniqueTactic, "T0003", "TA01");
  newer.relations.push_back({R::IncidentTechnique, "I00001", "T0003", {}, {}});
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  const ObjectChange* c = diff.find("T0003");
  REQUIRE(c);
  CHECK(c->has(ChangeGroup::Renamed));
  CHECK(c->has(ChangeGroup::Moved));
  CHECK(c->has(ChangeGroup::Description));
  CHECK(c->has(ChangeGroup::Relations));
  CHECK_FALSE(c->has(ChangeGroup::Added));
  CHECK(c->fields() == Ids{"name", "tactic", "summary", "incidents"});
  CHECK(diff.count(Kind::Technique, ChangeGroup::Renamed) == 1);
  CHECK(diff.count(Kind::Technique, ChangeGroup::Moved) == 1);
  CHECK(diff.count(Kind::Technique, ChangeGroup::Description) == 1);
}

TEST_CASE("release diff: a disputed listing is a relation, an object's own place is its move", "[release_diff]") {
  FrameworkData older = base("1.0");
  FrameworkData newer = base("1.1");
  // TA02's stale page lists T0001 too in the newer release; T0001's own page still says TA01.
  newer.relations.push_back({R::TechniqueTactic, "T0001", "TA02", {}, "TA02's page lists it; T0001's gives TA01"});
  ReleaseDiff diff = diff_of(std::move(older), std::move(newer));
  const ObjectChange* c = diff.find("T0001");
  REQUIRE(c);
  CHECK_FALSE(c->has(ChangeGroup::Moved));
  const LinkChange* listed = link(*c, R::TechniqueTactic, true);
  REQUIRE(listed);
  CHECK(listed->added == Ids{"TA02"});
}

TEST_CASE("release diff: IDs only named, never defined, are neither added nor removed", "[release_diff]") {
  FrameworkData newer = base("1.1");
  newer.relations.push_back({R::IncidentTechnique, "I00001", "T0099", {}, {}});
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Added).empty());
  CHECK(link(*diff.find("I00001"), R::IncidentTechnique, true)->added == Ids{"T0099"});
}

TEST_CASE("release diff: across frameworks only the shared IDs are compared", "[release_diff]") {
  FrameworkData older = base("1.6");
  FrameworkData newer = base("2.0");
  older.objects.push_back(make("C00002", Kind::Counter, "Label posts"));
  newer.objects.push_back(make("C00002", Kind::Counter, "Label posts"));
  newer.release.framework = std::string(kObservationsFramework);
  object(newer, "T0001").name = "Create accounts";
  newer.objects.push_back(make("TA19", Kind::Tactic, "Observe"));
  newer.objects.push_back(make("P05", Kind::Phase, "Watch"));
  std::erase_if(newer.objects, [](const Object& o) { return o.id == "C00001"; });
  std::erase_if(newer.relations, [](const Relation& r) { return r.from == "C00001"; });
  ReleaseDiff diff = diff_of(std::move(older), std::move(newer));
  CHECK(diff.across_frameworks);
  CHECK(ids_in(diff, ChangeGroup::Added).empty());
  CHECK(ids_in(diff, ChangeGroup::Removed).empty());
  CHECK(diff.unmatched_older == 1);
  CHECK(diff.unmatched_newer == 2);
  CHECK(diff.compared == 10);
  CHECK(diff.find("T0001")->has(ChangeGroup::Renamed));
  const std::string note = diff.mapping_note();
  CHECK_THAT(note, ContainsText("no mapping"));
  CHECK_THAT(note, ContainsText("only the 10 IDs both define"));
  CHECK_THAT(note, ContainsText(std::string(kObservationsFramework)));
}

TEST_CASE("release diff: a kind one release publishes none of is not compared", "[release_diff]") {
  // As 1.7's STIX bundle, which holds tactics and techniques but no incidents or counters.
  FrameworkData newer = base("1.1");
  std::erase_if(newer.objects, [](const Object& o) { return o.kind == Kind::Incident || o.kind == Kind::Counter; });
  std::erase_if(newer.relations, [](const Relation& r) { return r.from == "I00001" || r.from == "C00001"; });
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(diff.unpublished_kinds == (kind_bit(Kind::Incident) | kind_bit(Kind::Counter)));
  CHECK(diff.changes.empty());  // nothing removed, and T0001 lost no incident or counter
  CHECK(diff.unpublished_note(Vocabulary{}) ==
        "Not compared, as one release publishes none of them: Incidents, Counters.");
  CHECK(diff_of(base("1.0"), base("1.1")).unpublished_note(Vocabulary{}).empty());
}

TEST_CASE("release diff: changes are listed by kind, then numeric ID", "[release_diff]") {
  FrameworkData newer = base("1.1");
  newer.objects.push_back(make("T0010", Kind::Technique, "Ten"));
  newer.objects.push_back(make("T0009", Kind::Technique, "Nine"));
  newer.objects.push_back(make("TA03", Kind::Tactic, "Three"));
  ReleaseDiff diff = diff_of(base("1.0"), std::move(newer));
  CHECK(ids_in(diff, ChangeGroup::Added) == Ids{"TA03", "T0009", "T0010"});
  CHECK(diff.find("T0010"));
  CHECK_FALSE(diff.find("T0001"));
}

TEST_CASE("release diff: group names and labels", "[release_diff]") {
  CHECK(change_group_name(ChangeGroup::Description) == "description");
  CHECK(change_group_label(ChangeGroup::Relations) == "Relations changed");
  CHECK(change_group_name(ChangeGroup::Added) == "added");
}

TEST_CASE("release diff: one object's diff is its entry in the whole diff", "[release_diff]") {
  auto check_every_id = [](FrameworkData older_data, FrameworkData newer_data) {
    const Framework older = Framework::build(std::move(older_data));
    const Framework newer = Framework::build(std::move(newer_data));
    const ReleaseDiff diff = diff_releases(older, newer);
    Ids ids{"T9999"};  // in neither
    for (const Framework* fw : {&older, &newer})
      for (const Object& o : fw->objects()) ids.push_back(o.id);
    for (const std::string& id : ids) {
      INFO(id);
      const ObjectChange* whole = diff.find(id);
      const std::optional<ObjectChange> one = diff_object(older, newer, id);
      REQUIRE(one.has_value() == (whole != nullptr));
      if (whole) CHECK(*one == *whole);
    }
  };
  FrameworkData renamed = base("1.1");
  object(renamed, "T0001").name = "Renamed";
  renamed.objects.push_back(make("T0010", Kind::Technique, "Added"));
  std::erase_if(renamed.objects, [](const Object& o) { return o.id == "C00001"; });
  std::erase_if(renamed.relations, [](const Relation& r) { return r.from == "C00001"; });
  check_every_id(base("1.0"), std::move(renamed));

  FrameworkData other = base("2.0");
  other.release.framework = std::string(kObservationsFramework);
  other.objects.push_back(make("TA19", Kind::Tactic, "Observe"));
  check_every_id(base("1.6"), std::move(other));

  FrameworkData no_incidents = base("1.1");
  std::erase_if(no_incidents.objects, [](const Object& o) { return o.kind == Kind::Incident; });
  std::erase_if(no_incidents.relations, [](const Relation& r) { return r.from == "I00001"; });
  check_every_id(base("1.0"), std::move(no_incidents));
}
