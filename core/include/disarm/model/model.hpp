// The DISARM model: objects, the relations between them, the two matrices, and where the
// data came from. FrameworkData is the plain form that importers and the snapshot loader
// fill; Framework is built from it once, indexed, and immutable afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "disarm/model/kind.hpp"
#include "disarm/model/object_id.hpp"
#include "disarm/model/release.hpp"

namespace disarm {

// A named text field shown on an object's page, in upstream's order ("Year started",
// "Playbooks"). Values are markdown as upstream writes it (with its inline HTML).
struct Field {
  std::string key;
  std::string value;
  friend bool operator==(const Field&, const Field&) = default;
};

// A source an incident cites.
struct Reference {
  std::string title;
  std::string url;
  std::string published;  // as upstream writes it: "2021/03/15"
  std::string authors;
  std::string organisation;
  std::string archive_url;
  friend bool operator==(const Reference&, const Reference&) = default;
};

struct Object {
  std::string id;
  Kind kind = Kind::Technique;
  std::string name;
  std::string summary;  // markdown
  std::vector<Field> fields;
  std::vector<Reference> references;  // incidents only
  // False when upstream publishes the object but lists it in no index or matrix
  // (tactics TA03 and TA04 today): kept, and flagged, so nothing upstream has is lost.
  bool indexed = true;
  // False for codes that are only named by other objects (sectors, framework viewpoints)
  // or that a relation points at but no page defines.
  bool has_page = true;
  friend bool operator==(const Object&, const Object&) = default;
};

// Each relation has a direction (from -> to) and a name for each end as seen from the other:
// a technique's "tactic" is the tactic; the tactic's "techniques" are the techniques.
enum class RelationType : unsigned char {
  TacticPhase,             // tactic -> phase
  TechniqueTactic,         // technique -> tactic
  TechniqueParent,         // sub-technique -> parent technique
  TechniqueAssociated,     // technique -> associated technique
  TaskTactic,              // task -> tactic
  IncidentTechnique,       // incident -> technique, with the evidence quote as text
  CounterTactic,           // counter -> the tactic stage it belongs to
  CounterCountersTactic,   // counter -> a tactic it counters
  CounterTechnique,        // counter -> a technique it counters
  CounterIncident,         // counter -> an incident it was seen in
  CounterActorType,        // counter -> an actor type who can apply it
  CounterSector,           // counter -> a sector
  CounterMetatechnique,    // counter -> its metatechnique
  CounterResponseType,     // counter -> its response type
  DetectionTactic,         // detection -> tactic
  DetectionMetatechnique,  // detection -> metatechnique
  DetectionResponseType,   // detection -> response type
  ActorTypeSector,         // actor type -> sector
  ActorTypeFramework,      // actor type -> framework viewpoint
};

inline constexpr std::size_t kRelationTypeCount = 19;

struct RelationInfo {
  RelationType type;
  std::string_view name;      // snapshot name: "incident-technique"
  std::string_view forward;   // the `to` end as seen from `from`: "techniques"
  std::string_view backward;  // the `from` end as seen from `to`: "incidents"
  Kind from;
  Kind to;
};

const std::array<RelationInfo, kRelationTypeCount>& all_relation_types();
const RelationInfo& relation_info(RelationType type);
std::optional<RelationType> relation_type_from_name(std::string_view name);

struct Relation {
  RelationType type;
  std::string from;
  std::string to;
  // The evidence quote for incident-technique, the reason for technique-associated (markdown);
  // empty otherwise.
  std::string text;
  // Set when upstream contradicts itself about this relation: why it is disputed ("TA07's
  // page lists it; T0016's page gives TA06"). Such a relation is kept, and shown as disputed.
  std::string dispute;
  bool disputed() const { return !dispute.empty(); }
  friend bool operator==(const Relation&, const Relation&) = default;
};

// A matrix as upstream orders it: columns are tactics, each with its cells top to bottom.
struct MatrixColumn {
  std::string tactic;
  std::vector<std::string> cells;
  friend bool operator==(const MatrixColumn&, const MatrixColumn&) = default;
};

struct Matrix {
  std::vector<MatrixColumn> columns;
  friend bool operator==(const Matrix&, const Matrix&) = default;
};

struct Provenance {
  std::string name;     // "DISARM Framework" or "Sample framework"
  std::string source;   // where the data came from: a repository, a path
  std::string commit;   // upstream commit, when known
  std::string date;     // upstream date (YYYY-MM-DD), when known
  std::string licence;  // "CC BY-SA 4.0"
  std::string licence_url;
  std::string attribution;  // the credit line the licence asks for
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct FrameworkData {
  Provenance provenance;
  Release release;  // its framework, version and words; the date and commit are provenance's
  std::vector<Object> objects;
  std::vector<Relation> relations;
  Matrix red;   // techniques by tactic
  Matrix blue;  // counters by tactic
  friend bool operator==(const FrameworkData&, const FrameworkData&) = default;
};

// Puts objects in numeric ID order and relations in a stable order, so that two imports of
// the same input produce byte-identical snapshots.
void sort_canonically(FrameworkData& data);

using ObjectIndex = std::uint32_t;

// One end of a relation as seen from an object: the relation and the object at the other end.
struct Link {
  std::uint32_t relation;  // index into Framework::relations()
  ObjectIndex other;
  RelationType type;
  bool forward;  // true when this object is the relation's `from`

  // The relation's name from this end: "tactic", "incidents".
  std::string_view name() const {
    const RelationInfo& info = relation_info(type);
    return forward ? info.forward : info.backward;
  }
};

// The loaded framework: immutable, indexed by ID, with links in both directions.
class Framework {
 public:
  // Takes the data, sorts it, and indexes it. An ID that relations or matrices name but
  // no object defines gets a placeholder object (has_page = false), so every link resolves;
  // validation reports them.
  static Framework build(FrameworkData data);

  const FrameworkData& data() const { return data_; }
  const Provenance& provenance() const { return data_.provenance; }
  const Release& release() const { return data_.release; }
  // A kind in this release's words: "Assessment" in 2.0 Assessments, "Technique" in 1.x.
  std::string_view kind_label(Kind kind) const { return data_.release.vocabulary.singular(kind); }
  std::string_view kind_plural(Kind kind) const { return data_.release.vocabulary.plural(kind); }
  std::span<const Object> objects() const { return data_.objects; }
  std::span<const Relation> relations() const { return data_.relations; }
  const Object& object(ObjectIndex i) const { return data_.objects[i]; }

  std::optional<ObjectIndex> find(std::string_view id) const;
  const Object* find_object(std::string_view id) const;

  // Links of an object in relation order; both directions.
  std::span<const Link> links(ObjectIndex i) const;
  // Related objects through one relation type in one direction, in relation order.
  std::vector<ObjectIndex> related(ObjectIndex i, RelationType type, bool forward) const;

  std::size_t count(Kind kind) const { return counts_[static_cast<std::size_t>(kind)]; }
  // The IDs that were only referenced, never defined (placeholders added by build()).
  const std::vector<std::string>& placeholders() const { return placeholders_; }
  // How many objects the data defines: all of them but the placeholders.
  std::size_t defined_object_count() const { return data_.objects.size() - placeholders_.size(); }

 private:
  FrameworkData data_;
  std::unordered_map<std::string, ObjectIndex> by_id_;
  std::vector<Link> links_;                // grouped by object
  std::vector<std::uint32_t> link_start_;  // object i's links: [link_start_[i], link_start_[i+1])
  std::array<std::size_t, kKindCount> counts_{};
  std::vector<std::string> placeholders_;
};

}  // namespace disarm
