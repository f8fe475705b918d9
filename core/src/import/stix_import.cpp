#include "disarm/import/stix_import.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "text/ascii.hpp"
#include "io/json_tree.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

using J = JsonTree::Index;
constexpr J kNone = JsonTree::kNone;

std::string object_path(std::size_t index) {
  return "/objects/" + std::to_string(index);
}

std::string element_path(std::string path, std::string_view member, std::size_t index) {
  return path + "/" + std::string(member) + "/" + std::to_string(index);
}

// Calls visit(element, position) for each element of an array.
template <typename Visit>
void for_each_element(const JsonTree& t, J array, Visit visit) {
  J element = t.first_child(array);
  for (std::uint32_t i = 0; i < t.size(array); ++i, element = t.next_sibling(element)) visit(element, i);
}

// Without line breaks and white space at either end.
std::string_view trim_breaks(std::string_view text) {
  constexpr std::string_view kBreaks[] = {"<br>", "<br/>", "<br />", "</br>"};
  for (bool cut = true; cut;) {
    text = trim(text);
    cut = false;
    for (std::string_view br : kBreaks) {
      if (text.starts_with(br)) {
        text.remove_prefix(br.size());
        cut = true;
      }
      if (text.ends_with(br)) {
        text.remove_suffix(br.size());
        cut = true;
      }
    }
  }
  return text;
}

struct Association {
  std::string id;    // canonical technique ID
  std::string text;  // why it is associated
};

struct Description {
  std::string summary;
  std::vector<Association> associations;
};

constexpr std::string_view kAssociatedMarker = "<b>Associated Techniques and Sub-techniques";

// An entry heading such as "<b>T0085.008: Machine Translated Text:</b>".
struct AssociationHeading {
  std::string id;
  std::size_t at = 0;          // where the heading starts
  std::size_t text_start = 0;  // where the entry's text starts, after it
};

// The first entry heading at or after `from`.
std::optional<AssociationHeading> next_heading(std::string_view text, std::size_t from) {
  for (std::size_t at = text.find("<b>", from); at != std::string_view::npos; at = text.find("<b>", at + 3)) {
    std::size_t end = text.find("</b>", at + 3);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view heading = trim(text.substr(at + 3, end - at - 3));
    std::size_t colon = heading.find(':');
    if (heading.empty() || heading.back() != ':' || colon == heading.size() - 1) continue;
    auto key = parse_id(trim(heading.substr(0, colon)));
    if (key && key->kind == Kind::Technique) return AssociationHeading{canonical_id(*key), at, end + 4};
  }
  return std::nullopt;
}

// Upstream's bundle appends a technique's associated techniques to its description ("<b>Associated
// Techniques and Sub-techniques:</b><br><b>T0085.008: Name:</b> why<br>..."), where its pages
// have a table; both become technique-associated relations.
Description split_description(std::string_view description) {
  Description out;
  const std::size_t marker = description.find(kAssociatedMarker);
  if (marker != std::string_view::npos) {
    for (auto entry = next_heading(description, marker + kAssociatedMarker.size()); entry;) {
      auto following = next_heading(description, entry->text_start);
      const std::size_t end = following ? following->at : description.size();
      out.associations.push_back(
          {entry->id, std::string(trim_breaks(description.substr(entry->text_start, end - entry->text_start)))});
      entry = std::move(following);
    }
  }
  // Without entries the text is not the convention after all, and stays whole.
  out.summary = std::string(out.associations.empty() ? trim(description) : trim_breaks(description.substr(0, marker)));
  return out;
}

struct PendingTechnique {
  std::string id;
  std::size_t object = 0;
  J phases = kNone;  // the kill_chain_phases array, when it is one
  std::vector<Association> associations;
};

// Reads the bundle's objects in two passes: tactics and techniques first, so that what refers
// to them (kill chain phases, relationships, the matrix) can be resolved wherever it appears.
class BundleReader {
 public:
  BundleReader(const JsonTree& tree, ImportResult& result) : t_(tree), out_(result) {}

  void read(J objects) {
    for_each_element(t_, objects, [&](J object, std::size_t i) { read_object(object, i); });
    for (const PendingTechnique& technique : techniques_) place_technique(technique);
    for (auto [object, i] : relationships_) read_relationship(object, i);
    parents_from_ids();
    build_matrix();
  }

  std::size_t tactics() const { return tactic_count_; }
  std::size_t techniques() const { return techniques_.size(); }
  std::size_t tactic_objects() const { return tactic_objects_; }

 private:
  void warn(std::string location, std::string message) {
    out_.warnings.push_back({Severity::Warning, std::move(message), std::move(location)});
  }

  std::optional<std::string_view> string_member(J object, std::string_view key) const {
    return t_.string_member(object, key);
  }

  bool is_true(J object, std::string_view key) const {
    J v = t_.member(object, key);
    return v != kNone && t_.type(v) == JsonType::Boolean && t_.boolean(v);
  }

  // A text member as the model keeps it: valid UTF-8 without NUL; empty when absent.
  std::string text(J object, std::size_t index, std::string_view key) {
    J v = t_.member(object, key);
    if (v == kNone) return {};
    if (t_.type(v) != JsonType::String) {
      warn(object_path(index) + "/" + std::string(key),
           std::string("expected a string, found ") + t_.type_name(v) + "; left empty");
      return {};
    }
    return valid_utf8(t_.text(v));
  }

  void read_object(J object, std::size_t index) {
    if (t_.type(object) != JsonType::Object) return warn(object_path(index), "not a STIX object; ignored");
    auto type = string_member(object, "type");
    if (!type) return warn(object_path(index), "no \"type\"; ignored");
    if (*type == "x-mitre-tactic") ++tactic_objects_;
    const bool framework_content =
        *type == "x-mitre-tactic" || *type == "attack-pattern" || *type == "relationship" || *type == "x-mitre-matrix";
    if (framework_content && (is_true(object, "revoked") || is_true(object, "x_mitre_deprecated")))
      return warn(object_path(index), std::string(*type) + " is revoked or deprecated; not imported");
    if (*type == "x-mitre-tactic") return read_tactic(object, index);
    if (*type == "attack-pattern") return read_technique(object, index);
    if (*type == "relationship") {
      relationships_.emplace_back(object, index);
      return;
    }
    if (*type == "x-mitre-matrix") {
      matrices_.emplace_back(object, index);
      return;
    }
    // Who published the bundle and under which marking: the caller's provenance says it.
    if (*type == "identity" || *type == "marking-definition" || *type == "x-mitre-collection" ||
        *type == "extension-definition")
      return;
    warn(object_path(index) + "/type", "objects of type \"" + std::string(*type) + "\" are not imported");
  }

  // The DISARM ID among the object's external references. Upstream names the source "DISARM"
  // for tactics but "mitre-attack" for techniques, so the ID's shape decides, not the source.
  std::optional<std::string> disarm_id(J object, std::size_t index, Kind kind) {
    const std::string_view label = kind_info(kind).label;
    J refs = t_.member(object, "external_references");
    if (refs == kNone || t_.type(refs) != JsonType::Array) {
      warn(object_path(index), "no external_references, so no DISARM " + std::string(label) + " ID; not imported");
      return std::nullopt;
    }
    std::optional<std::string> found;
    for_each_element(t_, refs, [&](J ref, std::size_t k) {
      if (t_.type(ref) != JsonType::Object) return;
      auto external_id = string_member(ref, "external_id");
      if (!external_id) return;
      auto key = parse_id(*external_id);
      if (!key || key->kind != kind) return;
      std::string id = canonical_id(*key);
      if (!found)
        found = std::move(id);
      else if (*found != id)
        warn(element_path(object_path(index), "external_references", k),
             "a second DISARM ID " + id + " ignored; the object is " + *found);
    });
    if (!found)
      warn(object_path(index) + "/external_references",
           "no DISARM " + std::string(label) + " ID among the external references; not imported");
    return found;
  }

  // Records the object's STIX id; false (with a warning) when its DISARM ID was already taken.
  bool define(const std::string& id, J object, std::size_t index) {
    if (!defined_.insert(id).second) {
      warn(object_path(index), id + " is defined twice; this one is ignored");
      return false;
    }
    if (auto stix_id = string_member(object, "id"))
      disarm_ids_.emplace(*stix_id, id);
    else
      warn(object_path(index), "no \"id\", so nothing can refer to " + id);
    return true;
  }

  Object& add_object(std::string id, Kind kind, J object, std::size_t index) {
    Object o;
    o.id = std::move(id);
    o.kind = kind;
    o.name = std::string(trim(text(object, index, "name")));
    o.summary = std::string(trim(text(object, index, "description")));
    out_.data.objects.push_back(std::move(o));
    return out_.data.objects.back();
  }

  void read_tactic(J object, std::size_t index) {
    auto id = disarm_id(object, index, Kind::Tactic);
    if (!id || !define(*id, object, index)) return;
    ++tactic_count_;
    auto shortname = string_member(object, "x_mitre_shortname");
    if (!shortname || shortname->empty()) {
      warn(object_path(index), "no x_mitre_shortname, so no technique can name " + *id + " as its tactic");
    } else if (auto [it, added] = tactic_by_shortname_.emplace(*shortname, *id); !added) {
      warn(object_path(index) + "/x_mitre_shortname",
           "shortname \"" + std::string(*shortname) + "\" already names " + it->second + "; techniques keep that one");
    }
    add_object(std::move(*id), Kind::Tactic, object, index);
  }

  void read_technique(J object, std::size_t index) {
    auto id = disarm_id(object, index, Kind::Technique);
    if (!id || !define(*id, object, index)) return;
    J phases = t_.member(object, "kill_chain_phases");
    Object& technique = add_object(*id, Kind::Technique, object, index);
    Description description = split_description(technique.summary);
    technique.summary = std::move(description.summary);
    techniques_.push_back({std::move(*id), index,
                           phases != kNone && t_.type(phases) == JsonType::Array ? phases : kNone,
                           std::move(description.associations)});
  }

  void add_relation(RelationType type, const std::string& from, const std::string& to, std::string text = {}) {
    if (relations_.insert({type, from, to}).second)
      out_.data.relations.push_back({type, from, to, std::move(text), {}});
  }

  void place_technique(const PendingTechnique& technique) {
    for (const Association& association : technique.associations) {
      if (!defined_.count(association.id))
        warn(object_path(technique.object) + "/description",
             "associated technique " + association.id + " is not in the bundle");
      add_relation(RelationType::TechniqueAssociated, technique.id, association.id, association.text);
    }
    const std::string path = object_path(technique.object) + "/kill_chain_phases";
    if (technique.phases == kNone || t_.size(technique.phases) == 0)
      return warn(path, technique.id + " names no kill chain phase, so it is under no tactic");
    for_each_element(t_, technique.phases, [&](J phase, std::size_t k) {
      std::string at = element_path(object_path(technique.object), "kill_chain_phases", k);
      auto name = t_.type(phase) == JsonType::Object ? string_member(phase, "phase_name") : std::nullopt;
      if (!name) return warn(at, "no phase_name; ignored");
      auto tactic = tactic_by_shortname_.find(*name);
      if (tactic == tactic_by_shortname_.end())
        return warn(at + "/phase_name", "no tactic has the shortname \"" + std::string(*name) + "\"");
      add_relation(RelationType::TechniqueTactic, technique.id, tactic->second);
      tactic_of_.emplace(technique.id, tactic->second);
    });
  }

  // The technique a reference names, or nothing (with a warning at `path`).
  std::optional<std::string> technique_ref(J object, std::string_view member, const std::string& path) {
    auto ref = string_member(object, member);
    if (!ref) {
      warn(path, "no " + std::string(member));
      return std::nullopt;
    }
    auto it = disarm_ids_.find(*ref);
    if (it == disarm_ids_.end() || parse_id(it->second)->kind != Kind::Technique) {
      warn(path + "/" + std::string(member), "\"" + std::string(*ref) + "\" is no technique in the bundle");
      return std::nullopt;
    }
    return it->second;
  }

  void read_relationship(J object, std::size_t index) {
    const std::string path = object_path(index);
    auto type = string_member(object, "relationship_type");
    if (!type) return warn(path, "relationship with no relationship_type; ignored");
    if (*type != "subtechnique-of")
      return warn(path + "/relationship_type", "relationships \"" + std::string(*type) + "\" are not imported");
    auto sub = technique_ref(object, "source_ref", path);
    auto parent = technique_ref(object, "target_ref", path);
    if (!sub || !parent) return;
    if (*sub == *parent) return warn(path, *sub + " cannot be its own sub-technique");
    auto sub_key = parse_id(*sub);
    auto parent_key = parse_id(*parent);
    if (sub_key->sub < 0 || parent_key->sub >= 0 || sub_key->number != parent_key->number)
      warn(path, *sub + " as a sub-technique of " + *parent + " does not follow their IDs; imported as given");
    add_relation(RelationType::TechniqueParent, *sub, *parent);
    has_parent_.insert(*sub);
  }

  // A sub-technique ID (T0001.001) with no subtechnique-of relationship still has a parent:
  // the technique its ID names, when the bundle has it.
  void parents_from_ids() {
    for (const PendingTechnique& technique : techniques_) {
      auto key = parse_id(technique.id);
      if (key->sub < 0 || has_parent_.count(technique.id)) continue;
      const std::string parent = canonical_id({Kind::Technique, key->number, -1});
      const std::string path = object_path(technique.object);
      if (!defined_.count(parent)) {
        warn(path,
             technique.id + " has no subtechnique-of relationship and its parent " + parent + " is not in the bundle");
        continue;
      }
      warn(path, technique.id + " has no subtechnique-of relationship; its parent " + parent + " is taken from its ID");
      add_relation(RelationType::TechniqueParent, technique.id, parent);
    }
  }

  std::vector<std::string> tactic_order_from_matrix() {
    std::vector<std::string> order;
    for (std::size_t m = 0; m < matrices_.size(); ++m) {
      auto [object, index] = matrices_[m];
      const std::string path = object_path(index);
      if (m > 0) {
        warn(path, "a second x-mitre-matrix; only the first is imported");
        continue;
      }
      J refs = t_.member(object, "tactic_refs");
      if (refs == kNone || t_.type(refs) != JsonType::Array) {
        warn(path, "x-mitre-matrix with no tactic_refs array");
        continue;
      }
      for_each_element(t_, refs, [&](J ref, std::size_t k) {
        const std::string at = element_path(path, "tactic_refs", k);
        auto it = t_.type(ref) == JsonType::String ? disarm_ids_.find(t_.text(ref)) : disarm_ids_.end();
        if (it == disarm_ids_.end() || parse_id(it->second)->kind != Kind::Tactic)
          return warn(at, "refers to no tactic in the bundle");
        if (std::find(order.begin(), order.end(), it->second) != order.end())
          return warn(at, it->second + " is listed twice; shown once");
        order.push_back(it->second);
      });
    }
    return order;
  }

  void build_matrix() {
    std::vector<std::string> order;
    if (matrices_.empty()) {
      for (const Object& o : out_.data.objects)
        if (o.kind == Kind::Tactic) order.push_back(o.id);
      std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return id_less(a, b); });
      if (!order.empty()) warn("/objects", "no x-mitre-matrix; the matrix shows every tactic in ID order");
    } else {
      order = tactic_order_from_matrix();
      // Kept, like upstream's unlisted tactics TA03 and TA04, and flagged.
      for (Object& o : out_.data.objects) {
        if (o.kind != Kind::Tactic || std::find(order.begin(), order.end(), o.id) != order.end()) continue;
        o.indexed = false;
        warn("/objects", o.id + " is in no x-mitre-matrix; kept, but not in the matrix");
      }
    }
    for (const std::string& tactic : order) {
      MatrixColumn column{tactic, {}};
      for (const auto& [technique, its_tactic] : tactic_of_)
        if (its_tactic == tactic) column.cells.push_back(technique);
      std::sort(column.cells.begin(), column.cells.end(), [](const auto& a, const auto& b) { return id_less(a, b); });
      out_.data.red.columns.push_back(std::move(column));
    }
  }

  const JsonTree& t_;
  ImportResult& out_;
  std::unordered_map<std::string_view, std::string> disarm_ids_;  // STIX id -> DISARM ID
  std::unordered_map<std::string_view, std::string> tactic_by_shortname_;
  std::set<std::string> defined_;
  std::vector<PendingTechnique> techniques_;
  std::vector<std::pair<J, std::size_t>> relationships_;
  std::vector<std::pair<J, std::size_t>> matrices_;
  std::set<std::tuple<RelationType, std::string, std::string>> relations_;
  std::multimap<std::string, std::string> tactic_of_;  // technique -> tactic, every phase it names
  std::set<std::string> has_parent_;
  std::size_t tactic_count_ = 0;
  std::size_t tactic_objects_ = 0;
};

}  // namespace

Provenance upstream_stix_provenance(std::string source, std::string commit, std::string date) {
  Provenance p = upstream_provenance(std::move(source), std::move(commit), std::move(date));
  p.attribution =
      "DISARM Framework by the DISARM Foundation (https://www.disarm.foundation/), licensed under CC BY-SA 4.0. "
      "Converted from its STIX 2.1 bundle into this snapshot by the DISARM viewer's importer.";
  return p;
}

Result<ImportResult> import_stix_bundle(std::string_view json, const Provenance& provenance) {
  auto parsed = JsonTree::parse(json);
  if (!parsed) return parsed.error();
  return read_stix_bundle(parsed.value(), provenance);
}

Result<ImportResult> read_stix_bundle(const JsonTree& t, const Provenance& provenance) {
  J root = t.root();
  if (t.type(root) != JsonType::Object)
    return Error{std::string("expected a STIX bundle object, found ") + t.type_name(root), "/"};
  J type = t.member(root, "type");
  if (type == kNone || t.type(type) != JsonType::String || t.text(type) != "bundle")
    return Error{"not a STIX bundle (its \"type\" is not \"bundle\")", type == kNone ? "/" : "/type"};
  J objects = t.member(root, "objects");
  if (objects == kNone || t.type(objects) != JsonType::Array)
    return Error{"a STIX bundle needs an \"objects\" array", objects == kNone ? "/" : "/objects"};

  ImportResult result;
  result.data.provenance = provenance;
  BundleReader reader(t, result);
  reader.read(objects);
  if (reader.tactic_objects() > 0 && reader.tactics() == 0)
    return Error{"not a DISARM bundle: no x-mitre-tactic has a DISARM tactic ID (TA01 ...)", "/objects"};
  if (reader.tactics() == 0 && reader.techniques() == 0)
    return Error{"the bundle holds no DISARM tactic or technique", "/objects"};
  sort_canonically(result.data);
  detect_release(result.data);
  return result;
}

}  // namespace disarm
