#include "import/page_fields.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "text/ascii.hpp"
#include "import/markup_text.hpp"

namespace disarm::importer {

namespace {

using K = Kind;
using R = RelationType;

constexpr std::array<KindPages, kKindCount> kKindPages = {{
    {K::Phase, "phases", "phases_index.md"},
    {K::Tactic, "tactics", "tactics_index.md"},
    {K::Technique, "techniques", "techniques_index.md"},
    {K::Task, "tasks", "tasks_index.md"},
    {K::Incident, "incidents", "incidents_index.md"},
    {K::Counter, "counters", "counters_index.md"},
    {K::ActorType, "actortypes", "actortypes_index.md"},
    {K::Metatechnique, "metatechniques", "metatechniques_index.md"},
    {K::Detection, "", "detections_index.md"},
    {K::ResponseType, "", "responsetype_index.md"},
    {K::Sector, "", ""},
    {K::Framework, "", ""},
}};

constexpr bool in_kind_order() {
  for (std::size_t i = 0; i < kKindPages.size(); ++i)
    if (static_cast<std::size_t>(kKindPages[i].kind) != i) return false;
  return true;
}
static_assert(in_kind_order(), "kKindPages is indexed by Kind");

constexpr std::array kFieldRules = {
    FieldRule{K::Phase, "summary", "", std::nullopt},
    FieldRule{K::Tactic, "summary", "", std::nullopt},
    FieldRule{K::Tactic, "belongs to phase", "Phase", R::TacticPhase},
    FieldRule{K::Technique, "summary", "", std::nullopt},
    FieldRule{K::Technique, "tactic", "Tactic", R::TechniqueTactic},
    FieldRule{K::Technique, "parent technique", "Parent technique", R::TechniqueParent},
    FieldRule{K::Task, "summary", "", std::nullopt},
    FieldRule{K::Task, "belongs to tactic stage", "Tactic stage", R::TaskTactic},
    FieldRule{K::Incident, "summary", "", std::nullopt},
    FieldRule{K::Incident, "incident type", "Incident type", std::nullopt},
    FieldRule{K::Incident, "year started", "Year started", std::nullopt},
    FieldRule{K::Incident, "countries", "Countries", std::nullopt},
    FieldRule{K::Incident, "found via", "Found via", std::nullopt},
    FieldRule{K::Incident, "date added", "Date added", std::nullopt},
    FieldRule{K::Counter, "summary", "", std::nullopt},
    FieldRule{K::Counter, "playbooks", "Playbooks", std::nullopt},
    FieldRule{K::Counter, "metatechnique", "Metatechnique", R::CounterMetatechnique},
    FieldRule{K::Counter, "resources needed", "Resources needed", std::nullopt},
    FieldRule{K::Counter, "belongs to tactic stage", "Tactic stage", R::CounterTactic},
    FieldRule{K::ActorType, "summary", "", std::nullopt},
    FieldRule{K::ActorType, "sector", "Sectors", R::ActorTypeSector},
    FieldRule{K::ActorType, "sectors", "Sectors", R::ActorTypeSector},
    FieldRule{K::ActorType, "viewpoint", "Viewpoints", R::ActorTypeFramework},
    FieldRule{K::ActorType, "viewpoints", "Viewpoints", R::ActorTypeFramework},
    FieldRule{K::Metatechnique, "summary", "", std::nullopt},
};

constexpr std::array kTableRules = {
    TableRule{K::Tactic, "tasks", R::TaskTactic, false, SecondColumn::None},
    TableRule{K::Tactic, "techniques", R::TechniqueTactic, false, SecondColumn::None},
    TableRule{K::Tactic, "counters", R::CounterTactic, false, SecondColumn::ResponseTypes},
    TableRule{K::Technique, "associated technique", R::TechniqueAssociated, true, SecondColumn::RelationText},
    TableRule{K::Technique, "incident", R::IncidentTechnique, false, SecondColumn::RelationText},
    TableRule{K::Technique, "counters", R::CounterTechnique, false, SecondColumn::ResponseTypes},
    TableRule{K::Incident, "technique", R::IncidentTechnique, true, SecondColumn::RelationText},
    TableRule{K::Counter, "actor types", R::CounterActorType, true, SecondColumn::Sectors},
    TableRule{K::Counter, "counters these tactics", R::CounterCountersTactic, true, SecondColumn::None},
    TableRule{K::Counter, "counters these techniques", R::CounterTechnique, true, SecondColumn::None},
    TableRule{K::Counter, "seen in incidents", R::CounterIncident, true, SecondColumn::None},
    TableRule{K::ActorType, "counters", R::CounterActorType, false, SecondColumn::ResponseTypes},
    TableRule{K::Metatechnique, "counters", R::CounterMetatechnique, false, SecondColumn::ResponseTypes},
};

constexpr std::array kIndexColumnRules = {
    IndexColumnRule{K::Tactic, "phase_id", "Phase", R::TacticPhase},
    IndexColumnRule{K::Technique, "tactic_id", "Tactic", R::TechniqueTactic},
    IndexColumnRule{K::Task, "tactic_id", "Tactic stage", R::TaskTactic},
    IndexColumnRule{K::Incident, "objecttype", "Incident type", std::nullopt},
    IndexColumnRule{K::Incident, "year_started", "Year started", std::nullopt},
    IndexColumnRule{K::Incident, "found_in_country", "Countries", std::nullopt},
    IndexColumnRule{K::Incident, "found_via", "Found via", std::nullopt},
    IndexColumnRule{K::Counter, "metatechnique", "Metatechnique", R::CounterMetatechnique},
    IndexColumnRule{K::Counter, "tactic", "Tactic stage", R::CounterTactic},
    IndexColumnRule{K::Counter, "responsetype", "Response type", R::CounterResponseType},
    IndexColumnRule{K::ActorType, "sector_ids", "Sectors", R::ActorTypeSector},
    IndexColumnRule{K::Detection, "metatechnique", "Metatechnique", R::DetectionMetatechnique},
    IndexColumnRule{K::Detection, "tactic", "Tactic", R::DetectionTactic},
    IndexColumnRule{K::Detection, "responsetype", "Response type", R::DetectionResponseType},
};

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

const KindPages& kind_pages(Kind kind) {
  return kKindPages[static_cast<std::size_t>(kind)];
}

std::string kind_word(Kind kind) {
  return ascii_lower_case(kind_info(kind).label);
}

std::string normalised_label(std::string_view label) {
  std::string out = ascii_lower_case(collapse_whitespace(label));
  while (!out.empty() && (out.back() == ':' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string label_meaning(std::string_view label) {
  std::string text = normalised_label(label);
  std::replace(text.begin(), text.end(), '_', ' ');
  std::vector<std::string_view> words;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (word.empty()) continue;
    // Each framework's own words for the structural kinds (2.0 Assessments' groups,
    // categories and assessments), and the sub-kinds' words for their parents'.
    static constexpr std::pair<std::string_view, std::string_view> kSynonyms[] = {
        {"group", "phase"},
        {"groups", "phases"},
        {"category", "tactic"},
        {"categories", "tactics"},
        {"assessment", "technique"},
        {"assessments", "techniques"},
        {"sub-assessment", "technique"},
        {"sub-technique", "technique"},
        {"subtechnique", "technique"},
        {"stage", ""},
        {"stages", ""},
    };
    for (const auto& [from, to] : kSynonyms)
      if (word == from) word = to;
    if (!word.empty()) words.push_back(word);
  }
  // "Belongs to phase" says no more than "Phase"; "Tactic stage" no more than "Tactic".
  std::size_t first = 0;
  if (words.size() > 2 && words[0] == "belongs" && words[1] == "to") first = 2;
  std::string out;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

namespace {

// The first rule of `kind` whose label means what `label` means. The rules' meanings are
// worked out once: lookups run for every field, table and column of every page.
template <typename Rule, std::size_t N>
const Rule* rule_meaning(const std::array<Rule, N>& rules, std::string_view Rule::*label_of, Kind kind,
                         std::string_view label) {
  static const std::vector<std::string> meanings = [&] {
    std::vector<std::string> out;
    for (const auto& rule : rules) out.push_back(label_meaning(rule.*label_of));
    return out;
  }();
  const std::string meaning = label_meaning(label);
  for (std::size_t i = 0; i < N; ++i)
    if (rules[i].kind == kind && meanings[i] == meaning) return &rules[i];
  return nullptr;
}

}  // namespace

const FieldRule* field_rule(Kind kind, std::string_view label) {
  return rule_meaning(kFieldRules, &FieldRule::label, kind, label);
}

const TableRule* table_rule(Kind kind, std::string_view header) {
  return rule_meaning(kTableRules, &TableRule::header, kind, header);
}

const IndexColumnRule* index_column_rule(Kind kind, std::string_view column) {
  return rule_meaning(kIndexColumnRules, &IndexColumnRule::column, kind, column);
}

const FieldRule* field_rule_for(Kind kind, RelationType relation) {
  for (const auto& rule : kFieldRules)
    if (rule.kind == kind && rule.relation == relation) return &rule;
  return nullptr;
}

std::optional<RelationType> relation_by_listed_kind(Kind page_kind, Kind listed) {
  std::optional<RelationType> found;
  for (const auto& rule : kFieldRules)
    if (rule.kind == page_kind && rule.relation && relation_info(*rule.relation).to == listed) {
      if (found && *found != *rule.relation) return std::nullopt;
      found = rule.relation;
    }
  return found;
}

std::string normalised_field_value(std::string_view key, std::string_view value) {
  value = trim(value);
  // Upstream's generator writes years through a float: "2016.0".
  if (key == "Year started" && value.size() == 6 && value.substr(4) == ".0" && all_digits(value.substr(0, 4)))
    return std::string(value.substr(0, 4));
  // "Russia , USA"; " , " when both are unknown.
  if (key == "Countries") {
    std::string out;
    while (!value.empty()) {
      std::size_t comma = value.find(',');
      std::string_view part = trim(value.substr(0, comma));
      value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
      if (part.empty()) continue;
      if (!out.empty()) out += ", ";
      out += part;
    }
    return out;
  }
  return std::string(value);
}

}  // namespace disarm::importer
