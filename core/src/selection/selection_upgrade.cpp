#include "disarm/selection/selection_upgrade.hpp"

#include <algorithm>
#include <iterator>

#include "disarm/model/object_id.hpp"
#include "disarm/selection/selection_export.hpp"

namespace disarm {

namespace {

// Defined by the release, not only named by another object's page.
bool defines(const Framework& framework, std::string_view id) {
  auto index = framework.find(id);
  return index && framework.object(*index).has_page && framework.object(*index).kind == Kind::Technique;
}

UpgradeSide side_of(const Framework& framework, const SelectedTechnique& item) {
  const SelectionRow row = selection_row(framework, item);
  UpgradeSide side{row.name, row.tactic, {}};
  if (auto index = framework.find(item.id)) side.summary = framework.object(*index).summary;
  return side;
}

ChangeGroup review_group(const ObjectChange& change) {
  for (ChangeGroup g : kUpgradeGroups)
    if (change.has(g)) return g;
  return ChangeGroup::Relations;  // a change of fields or references only
}

std::size_t group_rank(ChangeGroup group) {
  return static_cast<std::size_t>(std::find(std::begin(kUpgradeGroups), std::end(kUpgradeGroups), group) -
                                  std::begin(kUpgradeGroups));
}

// The changed item of technique `id` in `items` (const or not), or null.
template <typename Items>
auto find_item(Items& items, std::string_view id) -> decltype(&items.front()) {
  auto it = std::find_if(items.begin(), items.end(), [&](const UpgradeItem& i) { return i.selected.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// "1.6" of "1.6", "2.0" of "2.0 beta".
std::string_view version_number(std::string_view version) {
  return version.substr(0, version.find(' '));
}

}  // namespace

std::string_view upgrade_decision_name(UpgradeDecision decision) {
  switch (decision) {
    case UpgradeDecision::Accepted:
      return "accepted";
    case UpgradeDecision::Skipped:
      return "skipped";
    case UpgradeDecision::Pending:
      break;
  }
  return "not yet reviewed";
}

std::string upgrade_progress(const SelectionUpgrade& upgrade) {
  return "Reviewed " + std::to_string(upgrade.reviewed()) + " of " + std::to_string(upgrade.to_review()) +
         (upgrade.to_review() == 1 ? " changed technique" : " changed techniques");
}

std::size_t SelectionUpgrade::count(UpgradeDecision decision) const {
  return static_cast<std::size_t>(
      std::count_if(changed.begin(), changed.end(), [&](const UpgradeItem& i) { return i.decision == decision; }));
}

std::size_t SelectionUpgrade::reviewed() const {
  return changed.size() - count(UpgradeDecision::Pending);
}

std::vector<std::size_t> SelectionUpgrade::group(ChangeGroup g) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < changed.size(); ++i)
    if (changed[i].group == g) out.push_back(i);
  return out;
}

UpgradeItem* SelectionUpgrade::find(std::string_view id) {
  return find_item(changed, id);
}

const UpgradeItem* SelectionUpgrade::find(std::string_view id) const {
  return find_item(changed, id);
}

bool SelectionUpgrade::decide(std::string_view id, UpgradeDecision decision) {
  UpgradeItem* item = find(id);
  if (!item) return false;
  item->decision = decision;
  return true;
}

void SelectionUpgrade::decide_group(ChangeGroup g, UpgradeDecision decision) {
  for (UpgradeItem& item : changed)
    if (item.group == g) item.decision = decision;
}

Selection SelectionUpgrade::result() const {
  Selection out;
  auto keep = [&](const SelectedTechnique& t) {
    out.add(t.id);
    out.set_score(t.id, t.score);
    out.set_comment(t.id, t.comment);
  };
  for (const SelectedTechnique& t : carried) keep(t);
  for (const UpgradeItem& item : changed)
    if (item.decision == UpgradeDecision::Accepted) keep(item.selected);
  return out;
}

SelectionUpgrade plan_selection_upgrade(const Framework& older, const Framework& newer, const Selection& selection) {
  const ReleaseDiff diff = diff_releases(older, newer);
  SelectionUpgrade out;
  for (const SelectedTechnique& t : selection.items()) {
    const ObjectChange* change = diff.find(t.id);
    if (!defines(newer, t.id) || (change && change->has(ChangeGroup::Removed))) {
      out.removed.push_back(t);
    } else if (!change || change->has(ChangeGroup::Added)) {
      out.carried.push_back(t);
    } else {
      UpgradeItem item;
      item.selected = t;
      item.group = review_group(*change);
      item.changes = change->fields();
      item.older = side_of(older, t);
      item.newer = side_of(newer, t);
      if (change->summary_changed) item.summary_diff = description_diff(older, newer, t.id);
      out.changed.push_back(std::move(item));
    }
  }
  // Selection order is ID order, so a stable sort by group keeps IDs in order within each.
  std::stable_sort(out.changed.begin(), out.changed.end(), [](const UpgradeItem& a, const UpgradeItem& b) {
    return group_rank(a.group) < group_rank(b.group);
  });
  return out;
}

std::optional<std::string> older_release_key(const Catalogue& catalogue, std::string_view shown,
                                             std::string_view framework, std::string_view version) {
  const CatalogueEntry* now = catalogue.find(shown);
  if (!now || framework.empty() || version.empty() || framework != now->framework) return std::nullopt;
  const CatalogueEntry* match = nullptr;
  for (const CatalogueEntry& e : catalogue.entries()) {
    if (e.framework != framework) continue;
    if (e.version == version) {
      match = &e;
      break;
    }
    if (!match && version_number(e.version) == version_number(version)) match = &e;
  }
  if (!match || match->key == now->key || compare_versions(match->version, now->version) >= 0) return std::nullopt;
  return match->key;
}

}  // namespace disarm
