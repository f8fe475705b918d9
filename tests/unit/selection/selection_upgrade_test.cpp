// Carrying a selection forward: one crafted release per kind of change, decisions and the
// resulting selection, the older release a layer or link names, and the sample's 0.9 to 1.0.
#include "catch.hpp"

#include <string>
#include <vector>

#include "crafted_release.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/selection/selection_upgrade.hpp"
#include "disarm/selection/working_selection.hpp"
#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::base;
using disarm::test::object;
using disarm::test::selection_ids;

namespace {

using Ids = std::vector<std::string>;

Selection selection_of(const Ids& ids) {
  Selection s;
  for (const std::string& id : ids) s.add(id);
  return s;
}

SelectionUpgrade upgrade_of(FrameworkData newer, const Selection& selection) {
  const Framework old_fw = Framework::build(base("1.0"));
  const Framework new_fw = Framework::build(std::move(newer));
  return plan_selection_upgrade(old_fw, new_fw, selection);
}

Ids ids(const std::vector<SelectedTechnique>& items) {
  Ids out;
  for (const SelectedTechnique& t : items) out.push_back(t.id);
  return out;
}

Ids changed_ids(const SelectionUpgrade& u) {
  Ids out;
  for (const UpgradeItem& i : u.changed) out.push_back(i.selected.id);
  return out;
}

}  // namespace

TEST_CASE("an unchanged selection is carried over whole, with nothing to review", "[upgrade]") {
  Selection s = selection_of({"T0001", "T0003"});
  s.set_score("T0001", 40);
  s.set_comment("T0003", "seen twice");
  const SelectionUpgrade u = upgrade_of(base("1.1"), s);
  CHECK(ids(u.carried) == Ids{"T0001", "T0003"});
  CHECK(u.changed.empty());
  CHECK(u.removed.empty());
  CHECK(u.to_review() == 0);
  CHECK(u.result() == s);
}

TEST_CASE("a renamed technique waits for review with both names", "[upgrade]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0002").name = "Write threads";
  const SelectionUpgrade u = upgrade_of(std::move(newer), selection_of({"T0001", "T0002"}));
  CHECK(ids(u.carried) == Ids{"T0001"});
  REQUIRE(changed_ids(u) == Ids{"T0002"});
  const UpgradeItem& item = u.changed[0];
  CHECK(item.group == ChangeGroup::Renamed);
  CHECK(item.older.name == "Write posts");
  CHECK(item.newer.name == "Write threads");
  CHECK(item.changes == Ids{"name"});
  CHECK(item.decision == UpgradeDecision::Pending);
  CHECK(u.reviewed() == 0);
  CHECK(u.to_review() == 1);
  // Not yet reviewed: left out of the result, as a skipped one is.
  CHECK(selection_ids(u.result()) == Ids{"T0001"});
}

TEST_CASE("a moved technique shows its old and new tactic", "[upgrade]") {
  FrameworkData newer = base("1.1");
  for (Relation& r : newer.relations)
    if (r.type == RelationType::TechniqueTactic && r.from == "T0001") r.to = "TA02";
  const SelectionUpgrade u = upgrade_of(std::move(newer), selection_of({"T0001"}));
  REQUIRE(changed_ids(u) == Ids{"T0001"});
  CHECK(u.changed[0].group == ChangeGroup::Moved);
  CHECK(u.changed[0].older.tactic == "TA01 Prepare");
  CHECK(u.changed[0].newer.tactic == "TA02 Spread");
}

TEST_CASE("a technique whose description changed carries the word diff", "[upgrade]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0001").summary = "Open many accounts on several platforms.";
  const SelectionUpgrade u = upgrade_of(std::move(newer), selection_of({"T0001"}));
  REQUIRE(changed_ids(u) == Ids{"T0001"});
  const UpgradeItem& item = u.changed[0];
  CHECK(item.group == ChangeGroup::Description);
  CHECK(item.older.summary == "Open many accounts on one platform.");
  CHECK(item.newer.summary == "Open many accounts on several platforms.");
  CHECK_FALSE(item.summary_diff.identical());
  bool removed_one = false;
  for (const DiffPart& part : item.summary_diff.parts)
    if (part.op == DiffOp::Removed && part.text.find("one") != std::string::npos) removed_one = true;
  CHECK(removed_one);
}

TEST_CASE("a technique whose relations changed is reviewed under relations", "[upgrade]") {
  FrameworkData newer = base("1.1");
  newer.relations.push_back({RelationType::IncidentTechnique, "I00001", "T0003", "seen", {}});
  const SelectionUpgrade u = upgrade_of(std::move(newer), selection_of({"T0003"}));
  REQUIRE(changed_ids(u) == Ids{"T0003"});
  CHECK(u.changed[0].group == ChangeGroup::Relations);
  CHECK(u.changed[0].changes == Ids{"incidents"});
}

TEST_CASE("a removed technique is flagged and left out, its score kept for the flag", "[upgrade]") {
  FrameworkData newer = base("1.1");
  std::erase_if(newer.objects, [](const Object& o) { return o.id == "T0003"; });
  std::erase_if(newer.relations, [](const Relation& r) { return r.from == "T0003" || r.to == "T0003"; });
  Selection s = selection_of({"T0001", "T0003"});
  s.set_score("T0003", 90);
  const SelectionUpgrade u = upgrade_of(std::move(newer), s);
  CHECK(ids(u.carried) == Ids{"T0001"});
  REQUIRE(ids(u.removed) == Ids{"T0003"});
  CHECK(u.removed[0].score == 90);
  CHECK(selection_ids(u.result()) == Ids{"T0001"});
}

TEST_CASE("an ID neither release defines is flagged as not carried", "[upgrade]") {
  const SelectionUpgrade u = upgrade_of(base("1.1"), selection_of({"T0001", "T0777"}));
  CHECK(ids(u.carried) == Ids{"T0001"});
  CHECK(ids(u.removed) == Ids{"T0777"});
}

TEST_CASE("changed techniques are grouped by their first kind of change, accepted or skipped one by one or per group",
          "[upgrade]") {
  FrameworkData newer = base("1.1");
  // Renamed; renamed and described anew; described anew; relations only.
  object(newer, "T0003").name = "Share posts widely";
  object(newer, "T0002").name = "Write short texts";
  object(newer, "T0002").summary = "Write posts of a line or two.";
  object(newer, "T0001").summary = "Open accounts by the hundred.";
  newer.relations.push_back({RelationType::IncidentTechnique, "I00001", "T0002.001", "seen", {}});
  Selection s = selection_of({"T0001", "T0002", "T0002.001", "T0003"});
  s.set_score("T0002", 55);
  s.set_comment("T0001", "from the March report");
  SelectionUpgrade u = upgrade_of(std::move(newer), s);
  CHECK(changed_ids(u) == Ids{"T0002", "T0003", "T0001", "T0002.001"});
  CHECK(u.group(ChangeGroup::Renamed) == std::vector<std::size_t>{0, 1});
  CHECK(u.group(ChangeGroup::Description) == std::vector<std::size_t>{2});
  CHECK(u.group(ChangeGroup::Moved).empty());

  CHECK(u.decide("T0001", UpgradeDecision::Accepted));
  CHECK_FALSE(u.decide("T0009", UpgradeDecision::Accepted));
  CHECK(u.reviewed() == 1);
  u.decide_group(ChangeGroup::Renamed, UpgradeDecision::Skipped);
  CHECK(u.reviewed() == 3);
  CHECK(u.to_review() == 4);
  const Selection result = u.result();
  CHECK(selection_ids(result) == Ids{"T0001"});
  CHECK(result.find("T0001")->comment == "from the March report");
  u.decide("T0002", UpgradeDecision::Accepted);
  CHECK(u.result().find("T0002")->score == 55);
  u.decide("T0002", UpgradeDecision::Pending);
  CHECK(u.reviewed() == 2);
}

TEST_CASE("the sample's 0.9 selection carried into 1.0", "[upgrade]") {
  const Framework older = load_snapshot(test::previous_sample_snapshot_text()).value();
  const Framework& newer = test::sample_framework();
  Selection s = selection_of({"T0002", "T0016", "T0045", "T0086", "T0154"});
  s.set_comment("T0045", "by SMS");
  SelectionUpgrade u = plan_selection_upgrade(older, newer, s);
  CHECK(ids(u.removed) == Ids{"T0045"});
  const UpgradeItem* renamed = u.find("T0016");
  REQUIRE(renamed);
  CHECK(renamed->group == ChangeGroup::Renamed);
  CHECK(renamed->older.name == "Write bait headlines");
  CHECK(renamed->newer.name == "Write clickbait");
  const UpgradeItem* described = u.find("T0086");
  REQUIRE(described);
  CHECK(std::find(described->changes.begin(), described->changes.end(), "summary") != described->changes.end());
  // Every selected technique is in exactly one of the three lists.
  CHECK(u.carried.size() + u.changed.size() + u.removed.size() == s.size());
  for (const UpgradeItem& item : u.changed) u.decide(item.selected.id, UpgradeDecision::Accepted);
  CHECK(u.reviewed() == u.to_review());
  Selection all_but_removed = s;
  all_but_removed.remove("T0045");
  CHECK(u.result() == all_but_removed);
}

TEST_CASE("the older release a layer or link names is found in the catalogue only when it is older and alike",
          "[upgrade]") {
  const Catalogue catalogue = test::sample_catalogue();
  const std::string sample = "Sample framework (DISARM-shaped)";
  CHECK(older_release_key(catalogue, "1.0", sample, "0.9") == std::optional<std::string>("0.9"));
  CHECK_FALSE(older_release_key(catalogue, "1.0", sample, "1.0"));  // the one shown
  CHECK_FALSE(older_release_key(catalogue, "0.9", sample, "1.0"));  // newer
  CHECK_FALSE(older_release_key(catalogue, "1.0", sample, "0.8"));  // not in the catalogue
  CHECK_FALSE(older_release_key(catalogue, "1.0", "Another framework", "0.9"));
  CHECK_FALSE(older_release_key(catalogue, "9.9", sample, "0.9"));  // no such release shown
}

TEST_CASE("using an upgrade makes its result the selection, keeping the one it replaced", "[upgrade]") {
  FrameworkData newer = base("1.1");
  object(newer, "T0002").name = "Write threads";
  SelectionUpgrade u = upgrade_of(std::move(newer), selection_of({"T0001", "T0002"}));
  u.decide("T0002", UpgradeDecision::Skipped);
  WorkingSelection working;
  working.add("T0003");
  const std::string notice = working.use_upgrade(u, "1.0", "1.1");
  CHECK(selection_ids(working.current()) == Ids{"T0001"});
  CHECK(selection_ids(working.previous()) == Ids{"T0003"});
  CHECK_THAT(notice, ContainsText("Carried 1 technique forward from 1.0 to 1.1"));
  CHECK_THAT(notice, ContainsText("1 changed (skipped or not reviewed)"));
  CHECK_THAT(notice, ContainsText("Restore switches back"));
}
