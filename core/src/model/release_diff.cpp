#include "disarm/model/release_diff.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "disarm/model/object_id.hpp"

namespace disarm {

namespace {

constexpr std::array<std::string_view, kChangeGroupCount> kGroupNames = {"added", "removed",     "renamed",
                                                                         "moved", "description", "relations"};
constexpr std::array<std::string_view, kChangeGroupCount> kGroupLabels = {
    "Added", "Removed", "Renamed", "Moved", "Description changed", "Relations changed"};

// The relations that place an object in the framework's structure, from the placed end.
bool is_place(RelationType type) {
  switch (type) {
    case RelationType::TacticPhase:
    case RelationType::TechniqueTactic:
    case RelationType::TechniqueParent:
    case RelationType::TaskTactic:
    case RelationType::CounterTactic:
    case RelationType::DetectionTactic:
      return true;
    default:
      return false;
  }
}

void mark(ObjectChange& change, ChangeGroup group) {
  change.groups |= 1u << static_cast<unsigned>(group);
}

// One end of a relation as seen from an object, grouped by `key`: the relation type, the
// direction, and for a place relation whether it is the object's own (undisputed) place.
struct End {
  unsigned key;
  std::string_view id;
};

unsigned end_key(RelationType type, bool forward, bool place) {
  return static_cast<unsigned>(type) * 4 + (forward ? 2 : 0) + (place ? 1 : 0);
}

std::vector<End> ends(const Framework& fw, ObjectIndex i, KindMask skipped) {
  std::vector<End> out;
  const auto links = fw.links(i);
  out.reserve(links.size());
  for (const Link& link : links) {
    if (skipped & kind_bit(fw.object(link.other).kind)) continue;
    const bool place = link.forward && is_place(link.type) && !fw.relations()[link.relation].disputed();
    out.push_back({end_key(link.type, link.forward, place), fw.object(link.other).id});
  }
  std::stable_sort(out.begin(), out.end(), [](const End& a, const End& b) { return a.key < b.key; });
  return out;
}

// The IDs of `list` that `other` lacks, each once, in list order.
std::vector<std::string> missing_from(std::span<const End> list, std::span<const End> other) {
  std::vector<std::string_view> sorted;
  sorted.reserve(other.size());
  for (const End& e : other) sorted.push_back(e.id);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> out;
  for (const End& e : list)
    if (!std::binary_search(sorted.begin(), sorted.end(), e.id) && std::find(out.begin(), out.end(), e.id) == out.end())
      out.emplace_back(e.id);
  return out;
}

std::vector<std::string> ids_of(std::span<const End> list) {
  std::vector<std::string> out;
  for (const End& e : list)
    if (std::find(out.begin(), out.end(), e.id) == out.end()) out.emplace_back(e.id);
  return out;
}

void compare_relations(const Framework& older, ObjectIndex io, const Framework& newer, ObjectIndex in, KindMask skipped,
                       ObjectChange& change) {
  const std::vector<End> a = ends(older, io, skipped), b = ends(newer, in, skipped);
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    const unsigned key = std::min(i < a.size() ? a[i].key : ~0u, j < b.size() ? b[j].key : ~0u);
    const std::size_t i0 = i, j0 = j;
    while (i < a.size() && a[i].key == key) ++i;
    while (j < b.size() && b[j].key == key) ++j;
    const std::span<const End> ga(a.data() + i0, i - i0), gb(b.data() + j0, j - j0);
    const auto type = static_cast<RelationType>(key / 4);
    const bool forward = key & 2, place = key & 1;
    std::vector<std::string> added = missing_from(gb, ga), removed = missing_from(ga, gb);
    if (added.empty() && removed.empty()) continue;
    if (place) {
      change.moves.push_back({type, ids_of(ga), ids_of(gb)});
    } else {
      change.links.push_back({type, forward, std::move(added), std::move(removed)});
    }
  }
}

void compare_fields(const Object& a, const Object& b, ObjectChange& change) {
  auto value_of = [](const Object& o, const std::string& key) -> const std::string* {
    for (const Field& f : o.fields)
      if (f.key == key) return &f.value;
    return nullptr;
  };
  auto note = [&](const std::string& key) {
    if (std::find(change.changed_fields.begin(), change.changed_fields.end(), key) == change.changed_fields.end())
      change.changed_fields.push_back(key);
  };
  for (const Field& f : b.fields) {
    const std::string* before = value_of(a, f.key);
    if (!before || *before != f.value) note(f.key);
  }
  for (const Field& f : a.fields)
    if (!value_of(b, f.key)) note(f.key);
  if (a.references != b.references) note("references");
  // Upstream sometimes drops a page but still lists its ID on another (a stale tactic page):
  // the object is still there, and losing its own page is its change.
  if (a.has_page != b.has_page) note("page");
}

ObjectChange compare(const Framework& older, ObjectIndex io, const Framework& newer, ObjectIndex in, KindMask skipped) {
  const Object& a = older.object(io);
  const Object& b = newer.object(in);
  ObjectChange change;
  change.id = b.id;
  change.kind = b.kind;
  change.old_name = a.name;
  change.new_name = b.name;
  if (a.name != b.name) mark(change, ChangeGroup::Renamed);
  change.summary_changed = a.summary != b.summary;
  compare_fields(a, b, change);
  if (change.summary_changed || !change.changed_fields.empty()) mark(change, ChangeGroup::Description);
  compare_relations(older, io, newer, in, skipped, change);
  if (!change.moves.empty()) mark(change, ChangeGroup::Moved);
  if (!change.links.empty()) mark(change, ChangeGroup::Relations);
  return change;
}

// The objects a framework defines, in its (canonical, numeric) order, each ID once.
std::vector<ObjectIndex> defined_objects(const Framework& fw) {
  std::unordered_set<std::string_view> placeholders(fw.placeholders().begin(), fw.placeholders().end());
  std::vector<ObjectIndex> out;
  out.reserve(fw.objects().size());
  for (ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    const std::string& id = fw.object(i).id;
    if (placeholders.count(id) || (!out.empty() && fw.object(out.back()).id == id)) continue;
    out.push_back(i);
  }
  return out;
}

DiffedRelease diffed_release(const Framework& fw) {
  return {fw.release().framework, fw.release().version, fw.provenance().date, fw.provenance().commit};
}

}  // namespace

std::string_view change_group_name(ChangeGroup group) {
  return kGroupNames[static_cast<std::size_t>(group)];
}

std::string_view change_group_label(ChangeGroup group) {
  return kGroupLabels[static_cast<std::size_t>(group)];
}

std::vector<std::string> ObjectChange::fields() const {
  std::vector<std::string> out;
  auto add = [&](std::string_view name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
  };
  if (has(ChangeGroup::Added) || has(ChangeGroup::Removed)) return out;
  if (has(ChangeGroup::Renamed)) add("name");
  for (const PlaceChange& move : moves) add(move.name());
  if (summary_changed) add("summary");
  for (const std::string& key : changed_fields) add(key);
  for (const LinkChange& link : links) add(link.name());
  return out;
}

std::string DiffedRelease::label() const {
  if (!framework.empty() && !version.empty()) return framework + ", version " + version;
  if (!version.empty()) return "version " + version;
  if (!framework.empty()) return framework + (date.empty() ? "" : ", " + date);
  if (!date.empty()) return "release of " + date;
  return "unknown release";
}

std::size_t ReleaseDiff::count(ChangeGroup group) const {
  std::size_t total = 0;
  for (const auto& per_kind : counts) total += per_kind[static_cast<std::size_t>(group)];
  return total;
}

const ObjectChange* ReleaseDiff::find(std::string_view id) const {
  auto it = std::lower_bound(changes.begin(), changes.end(), id,
                             [](const ObjectChange& c, std::string_view v) { return id_less(c.id, v); });
  return it != changes.end() && it->id == id ? &*it : nullptr;
}

std::string ReleaseDiff::mapping_note() const {
  if (!across_frameworks) return {};
  return older.framework + " and " + newer.framework +
         " are different frameworks, and upstream publishes no mapping between them: only the " +
         std::to_string(compared) + " IDs both define are compared. The " + std::to_string(unmatched_older) +
         (unmatched_older == 1 ? " ID" : " IDs") + " only in " + older.label() + " and the " +
         std::to_string(unmatched_newer) + " only in " + newer.label() +
         " have no counterpart and are not listed as removed or added.";
}

std::string ReleaseDiff::unpublished_note(const Vocabulary& words) const {
  if (!unpublished_kinds) return {};
  std::string kinds;
  for (const KindInfo& kind : all_kinds())
    if (unpublished_kinds & kind_bit(kind.kind)) {
      if (!kinds.empty()) kinds += ", ";
      kinds += words.plural(kind.kind);
    }
  return "Not compared, as one release publishes none of them: " + kinds + ".";
}

namespace {

// What diff_releases and diff_object share: the objects each release defines, and the rules
// that say which of them are compared.
struct Comparison {
  const Framework& older;
  const Framework& newer;
  std::vector<ObjectIndex> a, b;  // defined_objects of each
  bool across_frameworks = false;
  KindMask unpublished_kinds = 0;

  Comparison(const Framework& o, const Framework& n)
      : older(o), newer(n), a(defined_objects(o)), b(defined_objects(n)) {
    const std::string& fa = older.release().framework;
    const std::string& fb = newer.release().framework;
    across_frameworks = !fa.empty() && !fb.empty() && fa != fb;
    std::array<std::size_t, kKindCount> in_older{}, in_newer{};
    for (ObjectIndex i : a) ++in_older[static_cast<std::size_t>(older.object(i).kind)];
    for (ObjectIndex i : b) ++in_newer[static_cast<std::size_t>(newer.object(i).kind)];
    for (std::size_t k = 0; k < kKindCount; ++k)
      if ((in_older[k] == 0) != (in_newer[k] == 0)) unpublished_kinds |= kind_bit(static_cast<Kind>(k));
  }

  // An object only one release defines, as a change; none when it is not reported (its kind
  // unpublished in the other release, or across frameworks, where it is only counted).
  std::optional<ObjectChange> only(const Object& o, ChangeGroup group) const {
    if ((unpublished_kinds & kind_bit(o.kind)) || across_frameworks) return std::nullopt;
    ObjectChange change;
    change.id = o.id;
    change.kind = o.kind;
    (group == ChangeGroup::Added ? change.new_name : change.old_name) = o.name;
    mark(change, group);
    return change;
  }
};

}  // namespace

ReleaseDiff diff_releases(const Framework& older, const Framework& newer) {
  const Comparison cmp(older, newer);
  ReleaseDiff diff;
  diff.older = diffed_release(older);
  diff.newer = diffed_release(newer);
  diff.across_frameworks = cmp.across_frameworks;
  diff.unpublished_kinds = cmp.unpublished_kinds;
  auto only = [&](const Object& o, ChangeGroup group) {
    if (auto change = cmp.only(o, group))
      diff.changes.push_back(std::move(*change));
    else if (cmp.across_frameworks && !(cmp.unpublished_kinds & kind_bit(o.kind)))
      ++(group == ChangeGroup::Added ? diff.unmatched_newer : diff.unmatched_older);
  };
  // Both lists are in canonical ID order, so one merged walk pairs them.
  const std::vector<ObjectIndex>& a = cmp.a;
  const std::vector<ObjectIndex>& b = cmp.b;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    const Object* oa = i < a.size() ? &older.object(a[i]) : nullptr;
    const Object* ob = j < b.size() ? &newer.object(b[j]) : nullptr;
    if (oa && ob && oa->id == ob->id) {
      ++diff.compared;
      ObjectChange change = compare(older, a[i++], newer, b[j++], diff.unpublished_kinds);
      if (change.groups) diff.changes.push_back(std::move(change));
    } else if (oa && (!ob || id_less(oa->id, ob->id))) {
      only(*oa, ChangeGroup::Removed), ++i;
    } else {
      only(*ob, ChangeGroup::Added), ++j;
    }
  }
  for (const ObjectChange& change : diff.changes)
    for (std::size_t g = 0; g < kChangeGroupCount; ++g)
      if (change.groups & (1u << g)) ++diff.counts[static_cast<std::size_t>(change.kind)][g];
  return diff;
}

std::optional<ObjectChange> diff_object(const Framework& older, const Framework& newer, std::string_view id) {
  const Comparison cmp(older, newer);
  auto defined = [&](const Framework& fw, const std::vector<ObjectIndex>& list) -> const ObjectIndex* {
    auto it = std::lower_bound(list.begin(), list.end(), id,
                               [&](ObjectIndex i, std::string_view v) { return id_less(fw.object(i).id, v); });
    return it != list.end() && fw.object(*it).id == id ? &*it : nullptr;
  };
  const ObjectIndex* in_older = defined(older, cmp.a);
  const ObjectIndex* in_newer = defined(newer, cmp.b);
  if (in_older && in_newer) {
    ObjectChange change = compare(older, *in_older, newer, *in_newer, cmp.unpublished_kinds);
    if (change.groups) return change;
    return std::nullopt;
  }
  if (in_older) return cmp.only(older.object(*in_older), ChangeGroup::Removed);
  if (in_newer) return cmp.only(newer.object(*in_newer), ChangeGroup::Added);
  return std::nullopt;
}

WordDiff description_diff(const Framework& older, const Framework& newer, std::string_view id, std::string_view field) {
  auto text = [&](const Framework& fw) -> std::string_view {
    const Object* o = fw.find_object(id);
    if (!o) return {};
    if (field.empty()) return o->summary;
    for (const Field& f : o->fields)
      if (f.key == field) return f.value;
    return {};
  };
  return word_diff(text(older), text(newer));
}

}  // namespace disarm
