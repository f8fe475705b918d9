// What upstream's pages show for each kind, and where each part goes in the model: which
// field labels are plain fields, which name related objects, which tables hold which
// relation, and which index columns mean what.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "disarm/model/kind.hpp"
#include "disarm/model/model.hpp"

namespace disarm::importer {

// Where upstream keeps each kind: a folder of datasheets and an index page. Detections and
// response types have only an index page; sectors and framework viewpoints have neither.
struct KindPages {
  Kind kind;
  std::string_view folder;  // "techniques"; empty when the kind has no datasheets
  std::string_view index;   // "techniques_index.md"; empty when it has no index page
};

const KindPages& kind_pages(Kind kind);

// A kind as warnings name it: "technique", "actor type".
std::string kind_word(Kind kind);

// Labels and headers compare in this form: lower case, single spaces, no trailing colon.
std::string normalised_label(std::string_view label);

// What a label says, in the words the rules are written in, so that every release's
// spelling of it reads alike: "Belongs to tactic stage", "Tactic" and "Category" all give
// "tactic"; "Parent Assessment" gives "parent technique"; "category_id" gives "tactic id".
std::string label_meaning(std::string_view label);

struct FieldRule {
  Kind kind;                             // of the page
  std::string_view label;                // normalised: "incident type"
  std::string_view key;                  // Field::key: "Incident type"; empty for the summary
  std::optional<RelationType> relation;  // set when the value names other objects
};

// The rule for a datasheet field by its label's meaning, or nullptr for a field upstream
// does not write.
const FieldRule* field_rule(Kind kind, std::string_view label);

// The first field rule of a kind's pages that states `relation`, or nullptr.
const FieldRule* field_rule_for(Kind kind, RelationType relation);

// The relation a field of a `page_kind` page that lists `listed` objects states, when only
// one field rule does: reads a field by its value when its label is unknown.
std::optional<RelationType> relation_by_listed_kind(Kind page_kind, Kind listed);

enum class SecondColumn : unsigned char {
  None,
  RelationText,   // the relation's text: an incident's evidence, an association's reason
  ResponseTypes,  // the listed counter's response types
  Sectors,        // the sectors the counter's actor type works in
};

struct TableRule {
  Kind kind;                // of the page
  std::string_view header;  // normalised first column header
  RelationType relation;
  bool page_is_from;  // the page is the relation's `from`; otherwise its `to`
  SecondColumn second;
};

// The rule for a datasheet table, or nullptr. Incidents' reference tables are read apart.
const TableRule* table_rule(Kind kind, std::string_view header);

struct IndexColumnRule {
  Kind kind;
  std::string_view column;  // as upstream names it: "tactic_id"
  std::string_view key;     // Field::key when the value is kept as a field
  std::optional<RelationType> relation;
};

// The rule for an index column other than disarm_id, name and summary, or nullptr.
const IndexColumnRule* index_column_rule(Kind kind, std::string_view column);

// Cleans the values upstream writes oddly: "2016.0" as a year, " , " as no countries.
std::string normalised_field_value(std::string_view key, std::string_view value);

}  // namespace disarm::importer
