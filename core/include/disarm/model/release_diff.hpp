// What changed between two releases: objects matched by ID, each with every way it changed
// (added, removed, renamed, moved, its text, its relations), counted per kind and group.
//
// DISARM publishes no changelog and no mapping between frameworks, so nothing here guesses:
// an object is the same object when its ID is the same, and across frameworks (1.x against
// 2.0) only the IDs both hold are compared; the rest is counted, never paired.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/kind.hpp"
#include "disarm/model/model.hpp"
#include "disarm/text/word_diff.hpp"

namespace disarm {

// The groups a changes page lists; an object can be in several (renamed and moved).
enum class ChangeGroup : unsigned char { Added, Removed, Renamed, Moved, Description, Relations };
inline constexpr std::size_t kChangeGroupCount = 6;

std::string_view change_group_name(ChangeGroup group);   // "added", ..., "description", "relations"
std::string_view change_group_label(ChangeGroup group);  // "Added", ..., "Description changed"

// A move: the objects that place this one in the framework, before and after, through one
// relation (a technique's tactic or parent, a tactic's phase, a counter's tactic stage).
struct PlaceChange {
  RelationType type;
  std::vector<std::string> older;  // IDs, in the older release's order
  std::vector<std::string> newer;
  std::string_view name() const { return relation_info(type).forward; }  // "tactic", "parent"
  friend bool operator==(const PlaceChange&, const PlaceChange&) = default;
};

// The objects linked to this one through one relation, as seen from it, that only one
// release has: a technique's incidents (IncidentTechnique, forward = false), its counters,
// its sub-techniques, an incident's techniques.
struct LinkChange {
  RelationType type;
  bool forward;                      // true when the object is the relation's `from`
  std::vector<std::string> added;    // only in the newer release, in its order
  std::vector<std::string> removed;  // only in the older release, in its order
  std::string_view name() const {    // "incidents", "subtechniques"
    const RelationInfo& info = relation_info(type);
    return forward ? info.forward : info.backward;
  }
  friend bool operator==(const LinkChange&, const LinkChange&) = default;
};

struct ObjectChange {
  std::string id;
  Kind kind = Kind::Technique;
  unsigned groups = 0;   // a bit per ChangeGroup
  std::string old_name;  // empty when added
  std::string new_name;  // empty when removed
  std::vector<PlaceChange> moves;
  bool summary_changed = false;  // description_diff() shows how
  // Keys of fields added, removed or changed; "references"; "page" when the object gained or
  // lost a page of its own (upstream dropped its page but another page still lists its ID).
  std::vector<std::string> changed_fields;
  std::vector<LinkChange> links;

  bool has(ChangeGroup group) const { return groups & (1u << static_cast<unsigned>(group)); }
  // What changed, by name: "name", "tactic", "parent", "summary", a field's key, "references",
  // "incidents", ...; empty for an added or removed object.
  std::vector<std::string> fields() const;
  friend bool operator==(const ObjectChange&, const ObjectChange&) = default;
};

// A release as the diff names it; the date and commit are the provenance's.
struct DiffedRelease {
  std::string framework;
  std::string version;
  std::string date;
  std::string commit;
  // "DISARM Red/Blue 1.x 1.6", or the version, the date or "unknown release".
  std::string label() const;
  friend bool operator==(const DiffedRelease&, const DiffedRelease&) = default;
};

struct ReleaseDiff {
  DiffedRelease older;
  DiffedRelease newer;
  // The two releases are different frameworks (1.x against 2.0 Observations): only the IDs
  // both hold are compared, and no object is reported added or removed.
  bool across_frameworks = false;
  // Objects that changed, by kind then ID (numeric order); unchanged ones are not listed.
  std::vector<ObjectChange> changes;
  std::size_t compared = 0;         // objects both releases define
  std::size_t unmatched_older = 0;  // across frameworks: defined only in the older release
  std::size_t unmatched_newer = 0;  // ... only in the newer one
  // Kinds one release holds none of while the other does (1.7's STIX bundle publishes tactics
  // and techniques only): that release does not publish them, so they are not compared, and
  // neither are relations to them.
  KindMask unpublished_kinds = 0;
  // Objects per kind and group.
  std::array<std::array<std::size_t, kChangeGroupCount>, kKindCount> counts{};

  std::size_t count(Kind kind, ChangeGroup group) const {
    return counts[static_cast<std::size_t>(kind)][static_cast<std::size_t>(group)];
  }
  std::size_t count(ChangeGroup group) const;
  const ObjectChange* find(std::string_view id) const;
  // Across frameworks, one plain sentence saying what was and was not compared; empty otherwise.
  std::string mapping_note() const;
  // When unpublished_kinds is set, one plain sentence naming those kinds; empty otherwise.
  std::string unpublished_note(const Vocabulary& words) const;
};

// Compares the objects both frameworks define (placeholders for IDs only named are not
// objects), their names, text fields, references, the relations that place them and every
// other relation, by the IDs at the other end. Relations upstream marks disputed count as
// relations; an object's place is what its own page says (its undisputed relations), so a
// stale listing on another page that appears or goes is a relation change, not a move.
// Word diffs are not computed here: description_diff() gives one on request.
ReleaseDiff diff_releases(const Framework& older, const Framework& newer);

// diff_releases' entry for one ID, without comparing the rest: nothing when the releases
// agree on it, define it in neither, or would not report it (see ReleaseDiff).
std::optional<ObjectChange> diff_object(const Framework& older, const Framework& newer, std::string_view id);

// The word diff of an object's summary between the two releases, or with `field`, of that
// field's value (a key of ObjectChange::changed_fields); text one release lacks is all added
// or all removed.
WordDiff description_diff(const Framework& older, const Framework& newer, std::string_view id,
                          std::string_view field = {});

}  // namespace disarm
