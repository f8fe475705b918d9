// Carrying a selection made on an older release into a newer one: what can be carried at once,
// what the analyst should look at first, and what is gone.
//
// Built on the release diff (model/release_diff.hpp): a technique the diff does not list is
// unchanged and carried over with its score and comment; one it lists as changed waits for
// the analyst to accept it (it stays selected) or skip it (it is left out); one the newer
// release lacks is flagged and left out. The result is carried + accepted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/io/catalogue.hpp"
#include "disarm/model/model.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/selection/selection.hpp"
#include "disarm/text/word_diff.hpp"

namespace disarm {

enum class UpgradeDecision : unsigned char { Pending, Accepted, Skipped };

// A technique as one release has it.
struct UpgradeSide {
  std::string name;
  std::string tactic;   // "TA06 Develop Content"; empty when it has none
  std::string summary;  // the release's text, as written
  friend bool operator==(const UpgradeSide&, const UpgradeSide&) = default;
};

// A selected technique the newer release changed.
struct UpgradeItem {
  SelectedTechnique selected;  // as the older selection had it: score and comment
  // The group it is reviewed in: the first of Renamed, Moved, Description, Relations it is in.
  ChangeGroup group = ChangeGroup::Renamed;
  std::vector<std::string> changes;  // ObjectChange::fields(): "name", "tactic", "incidents"...
  UpgradeSide older, newer;
  WordDiff summary_diff;  // when the summary changed; else empty
  UpgradeDecision decision = UpgradeDecision::Pending;
  friend bool operator==(const UpgradeItem&, const UpgradeItem&) = default;
};

// The groups changed techniques are reviewed in, in order.
inline constexpr ChangeGroup kUpgradeGroups[] = {ChangeGroup::Renamed, ChangeGroup::Moved, ChangeGroup::Description,
                                                 ChangeGroup::Relations};

struct SelectionUpgrade {
  std::vector<SelectedTechnique> carried;  // unchanged (or new to the older release's diff): kept
  std::vector<UpgradeItem> changed;        // by group, then ID order
  // Techniques the newer release lacks (and IDs neither release defines): left out.
  std::vector<SelectedTechnique> removed;

  std::size_t reviewed() const;  // changed items accepted or skipped
  std::size_t to_review() const { return changed.size(); }
  std::size_t count(UpgradeDecision decision) const;
  // The changed items of one group, as indexes into `changed`.
  std::vector<std::size_t> group(ChangeGroup group) const;
  UpgradeItem* find(std::string_view id);
  const UpgradeItem* find(std::string_view id) const;
  // Decides one changed technique (its ID as in a route: canonical); false when it is not
  // among the changed ones.
  bool decide(std::string_view id, UpgradeDecision decision);
  // Decides every changed technique of a group.
  void decide_group(ChangeGroup group, UpgradeDecision decision);
  // Carried and accepted techniques, with the scores and comments the older selection gave them.
  Selection result() const;
  friend bool operator==(const SelectionUpgrade&, const SelectionUpgrade&) = default;
};

// "accepted", "skipped", "not yet reviewed".
std::string_view upgrade_decision_name(UpgradeDecision decision);
// "Reviewed 2 of 5 changed techniques", for the page and its mirror alike.
std::string upgrade_progress(const SelectionUpgrade& upgrade);

// The upgrade of `selection` (made on `older`) to `newer`, every changed item pending.
SelectionUpgrade plan_selection_upgrade(const Framework& older, const Framework& newer, const Selection& selection);

// The catalogue's key of an older release of `shown`'s framework whose framework and version
// are these (a layer's record, or a share link's release), or nothing: the viewer offers to
// carry a selection forward from it. A release the catalogue lacks, the one shown, a newer one,
// or another framework's gives nothing.
std::optional<std::string> older_release_key(const Catalogue& catalogue, std::string_view shown,
                                             std::string_view framework, std::string_view version);

}  // namespace disarm
