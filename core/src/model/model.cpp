#include "disarm/model/model.hpp"

#include <algorithm>
#include <tuple>

namespace disarm {

const std::array<RelationInfo, kRelationTypeCount>& all_relation_types() {
  using K = Kind;
  using R = RelationType;
  static const std::array<RelationInfo, kRelationTypeCount> types = {{
      {R::TacticPhase, "tactic-phase", "phase", "tactics", K::Tactic, K::Phase},
      {R::TechniqueTactic, "technique-tactic", "tactic", "techniques", K::Technique, K::Tactic},
      {R::TechniqueParent, "technique-parent", "parent", "subtechniques", K::Technique, K::Technique},
      {R::TechniqueAssociated, "technique-associated", "associated_techniques", "associated_with", K::Technique,
       K::Technique},
      {R::TaskTactic, "task-tactic", "tactic", "tasks", K::Task, K::Tactic},
      {R::IncidentTechnique, "incident-technique", "techniques", "incidents", K::Incident, K::Technique},
      {R::CounterTactic, "counter-tactic", "tactic", "counters", K::Counter, K::Tactic},
      {R::CounterCountersTactic, "counter-counters-tactic", "counters_tactics", "countered_by", K::Counter, K::Tactic},
      {R::CounterTechnique, "counter-technique", "techniques", "counters", K::Counter, K::Technique},
      {R::CounterIncident, "counter-incident", "incidents", "counters", K::Counter, K::Incident},
      {R::CounterActorType, "counter-actor-type", "actor_types", "counters", K::Counter, K::ActorType},
      {R::CounterSector, "counter-sector", "sectors", "counters", K::Counter, K::Sector},
      {R::CounterMetatechnique, "counter-metatechnique", "metatechnique", "counters", K::Counter, K::Metatechnique},
      {R::CounterResponseType, "counter-response-type", "response_type", "counters", K::Counter, K::ResponseType},
      {R::DetectionTactic, "detection-tactic", "tactic", "detections", K::Detection, K::Tactic},
      {R::DetectionMetatechnique, "detection-metatechnique", "metatechnique", "detections", K::Detection,
       K::Metatechnique},
      {R::DetectionResponseType, "detection-response-type", "response_type", "detections", K::Detection,
       K::ResponseType},
      {R::ActorTypeSector, "actor-type-sector", "sectors", "actor_types", K::ActorType, K::Sector},
      {R::ActorTypeFramework, "actor-type-framework", "frameworks", "actor_types", K::ActorType, K::Framework},
  }};
  return types;
}

const RelationInfo& relation_info(RelationType type) {
  return all_relation_types()[static_cast<std::size_t>(type)];
}

std::optional<RelationType> relation_type_from_name(std::string_view name) {
  for (const auto& info : all_relation_types())
    if (info.name == name) return info.type;
  return std::nullopt;
}

namespace {

// An ID's place in id_less order, parsed once: id_less parses both IDs at every comparison,
// which dominated loading a large snapshot.
struct IdOrder {
  std::optional<IdKey> key;
  const std::string* text;

  friend bool operator<(const IdOrder& a, const IdOrder& b) {
    if (a.key && b.key) return *a.key < *b.key || (*a.key == *b.key && *a.text < *b.text);
    if (a.key.has_value() != b.key.has_value()) return a.key.has_value();  // valid IDs first
    return *a.text < *b.text;
  }
};

IdOrder id_order(const std::string& id) {
  return {parse_id(id), &id};
}

// Puts items in the stable order of their keys (keys[i] belongs to items[i]), moving each
// item once, and not at all when they are in order already, as a loaded snapshot's are.
template <typename T, typename Key>
void stable_sort_by(std::vector<T>& items, const std::vector<Key>& keys) {
  if (std::is_sorted(keys.begin(), keys.end())) return;
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

}  // namespace

void sort_canonically(FrameworkData& data) {
  std::vector<IdOrder> object_keys;
  object_keys.reserve(data.objects.size());
  for (const auto& o : data.objects) object_keys.push_back(id_order(o.id));
  stable_sort_by(data.objects, object_keys);
  // Relations keep their order within one (type, from) group: upstream's table order is
  // meaningful (an incident's techniques are listed as the incident lists them).
  std::vector<std::pair<RelationType, IdOrder>> relation_keys;
  relation_keys.reserve(data.relations.size());
  for (const auto& r : data.relations) relation_keys.emplace_back(r.type, id_order(r.from));
  stable_sort_by(data.relations, relation_keys);
}

Framework Framework::build(FrameworkData data) {
  Framework fw;
  fw.data_ = std::move(data);
  auto& objects = fw.data_.objects;

  // Placeholders for IDs that are named but not defined, so every link resolves.
  std::unordered_map<std::string, bool> defined;
  for (const auto& o : objects) defined.emplace(o.id, true);
  auto ensure = [&](const std::string& id) {
    if (defined.count(id)) return;
    defined.emplace(id, true);
    auto key = parse_id(id);
    Object stub;
    stub.id = id;
    stub.kind = key ? key->kind : Kind::Technique;
    stub.has_page = false;
    stub.indexed = false;
    objects.push_back(std::move(stub));
    fw.placeholders_.push_back(id);
  };
  for (const auto& r : fw.data_.relations) {
    ensure(r.from);
    ensure(r.to);
  }
  for (const Matrix* m : {&fw.data_.red, &fw.data_.blue})
    for (const auto& col : m->columns) {
      ensure(col.tactic);
      for (const auto& cell : col.cells) ensure(cell);
    }
  std::sort(fw.placeholders_.begin(), fw.placeholders_.end(),
            [](const std::string& a, const std::string& b) { return id_less(a, b); });
  sort_canonically(fw.data_);

  fw.by_id_.reserve(objects.size());
  for (ObjectIndex i = 0; i < objects.size(); ++i) {
    fw.by_id_.emplace(objects[i].id, i);  // the first of duplicate IDs wins; validation reports the rest
    fw.counts_[static_cast<std::size_t>(objects[i].kind)]++;
  }

  // Links grouped by object (counting sort), each group in relation order.
  const auto& relations = fw.data_.relations;
  std::vector<std::uint32_t> count(objects.size() + 1, 0);
  for (const auto& r : relations) {
    count[fw.by_id_.at(r.from)]++;
    count[fw.by_id_.at(r.to)]++;
  }
  fw.link_start_.assign(objects.size() + 1, 0);
  for (std::size_t i = 0; i < objects.size(); ++i) fw.link_start_[i + 1] = fw.link_start_[i] + count[i];
  fw.links_.resize(fw.link_start_.back());
  std::vector<std::uint32_t> next(fw.link_start_.begin(), fw.link_start_.end() - 1);
  for (std::uint32_t ri = 0; ri < relations.size(); ++ri) {
    const auto& r = relations[ri];
    ObjectIndex from = fw.by_id_.at(r.from);
    ObjectIndex to = fw.by_id_.at(r.to);
    fw.links_[next[from]++] = Link{ri, to, r.type, true};
    fw.links_[next[to]++] = Link{ri, from, r.type, false};
  }
  return fw;
}

std::optional<ObjectIndex> Framework::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it != by_id_.end()) return it->second;
  if (auto key = parse_id(id)) {  // "t0154.002" finds T0154.002
    it = by_id_.find(canonical_id(*key));
    if (it != by_id_.end()) return it->second;
  }
  return std::nullopt;
}

const Object* Framework::find_object(std::string_view id) const {
  auto i = find(id);
  return i ? &data_.objects[*i] : nullptr;
}

std::span<const Link> Framework::links(ObjectIndex i) const {
  return std::span<const Link>(links_).subspan(link_start_[i], link_start_[i + 1] - link_start_[i]);
}

std::vector<ObjectIndex> Framework::related(ObjectIndex i, RelationType type, bool forward) const {
  std::vector<ObjectIndex> out;
  for (const Link& l : links(i))
    if (l.type == type && l.forward == forward) out.push_back(l.other);
  return out;
}

}  // namespace disarm
