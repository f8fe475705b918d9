// A datasheet's parts given their DISARM meaning: the title's ID and name, fields as the
// object's summary and fields or as relations, tables as relations and references.
#include <algorithm>
#include <optional>

#include "text/ascii.hpp"
#include "import/datasheet.hpp"
#include "disarm/model/object_id.hpp"
#include "import/markup_text.hpp"
#include "import/page_fields.hpp"
#include "import/page_import.hpp"

namespace disarm::importer {

namespace {

// The page being read, and where its warnings and claims go.
struct Page {
  const std::string& path;
  std::string id;
  Kind kind;
  Assembly& assembly;

  void warn(int line, std::string message) const { assembly.warn(path, line, std::move(message)); }

  void claim(RelationType type, const std::string& from, const std::string& to, std::string text, ClaimSource source,
             int line) const {
    assembly.add_claim(Claim{type, from, to, std::move(text), source, path, line});
  }
};

struct Title {
  std::optional<IdMention> id;
  std::string name;
};

// "Technique T0154.002: AI Media Platform": the ID is the last word before the colon.
// Without a colon, the first word that is an ID, and the rest is the name.
Title parse_title(std::string_view title) {
  Title out;
  std::size_t colon = title.find(':');
  if (colon != std::string_view::npos) {
    std::string head = collapse_whitespace(title.substr(0, colon));
    std::size_t space = head.rfind(' ');
    out.id = leading_id(space == std::string::npos ? head : head.substr(space + 1));
    out.name = collapse_whitespace(title.substr(colon + 1));
    return out;
  }
  std::string_view rest = title;
  while (!rest.empty()) {
    rest = trim(rest);
    std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    if (auto id = leading_id(word); id && id->name.empty()) {
      out.id = id;
      out.name = collapse_whitespace(space == std::string_view::npos ? std::string_view() : rest.substr(space));
      return out;
    }
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space);
  }
  return out;
}

// The IDs of a list of kind `kind`, reporting what is not one. False when anything was not.
bool read_ids(const Page& page, std::string_view plain, Kind kind, int line, std::vector<IdMention>& ids) {
  IdList list = id_list(plain);
  bool all_read = list.unreadable.empty();
  for (auto& id : list.ids) {
    if (id.kind != kind) {
      page.warn(line, id.id + " is not a " + kind_word(kind) + "; not imported");
      all_read = false;
      continue;
    }
    page.assembly.note_mention(id, page.path, line);
    ids.push_back(std::move(id));
  }
  for (const auto& item : list.unreadable)
    page.warn(line, quoted_excerpt(item) + " is not a " + kind_word(kind) + " ID; not imported");
  return all_read;
}

// The object a table cell names: by its link's text, else by the link's file name, else by
// the cell's text.
std::optional<IdMention> cell_object(const Page& page, const DatasheetCell& cell, int line) {
  if (!cell.links.empty()) {
    const DatasheetLink& link = cell.links.front();
    auto by_text = leading_id(link.text);
    auto by_target = id_of_path(link_path(link.href));
    if (by_text && by_target && by_text->id != by_target->id)
      page.warn(line, "a link reads " + by_text->id + " but leads to " + link_path(link.href) + "; " + by_text->id +
                          " is kept");
    if (by_text) return by_text;
    if (by_target) {
      by_target->name = link.text;
      return by_target;
    }
  }
  return leading_id(cell.text);
}

bool is_blank(const DatasheetRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const DatasheetCell& c) { return c.markdown.empty() && c.links.empty(); });
}

// The rule for a field whose label no rule knows but whose value is a list of IDs of one
// kind that only one relation of this page's kind lists: "Stage: TA06" on a technique's page.
const FieldRule* rule_by_value(const Page& page, const DatasheetField& field) {
  IdList list = id_list(plain_text(field.value));
  if (list.ids.empty() || !list.unreadable.empty()) return nullptr;
  Kind listed = list.ids.front().kind;
  for (const auto& id : list.ids)
    if (id.kind != listed) return nullptr;
  auto relation = relation_by_listed_kind(page.kind, listed);
  if (!relation) return nullptr;
  const FieldRule* rule = field_rule_for(page.kind, *relation);
  if (rule)
    page.warn(field.line, "unknown field \"" + field.label + "\" lists " + ascii_lower_case(kind_info(listed).plural) +
                              "; read as \"" + std::string(rule->key) + "\"");
  return rule;
}

void read_fields(const Page& page, const Datasheet& sheet, Object& object, std::vector<std::string>& parents) {
  bool has_summary = false;
  for (const auto& field : sheet.fields) {
    const FieldRule* rule = field_rule(page.kind, field.label);
    if (!rule) rule = rule_by_value(page, field);
    if (!rule) {
      page.warn(field.line, "unknown field \"" + field.label + "\"; kept as a field");
      object.fields.push_back(Field{collapse_whitespace(field.label), field.value});
      continue;
    }
    if (rule->key.empty()) {
      if (has_summary) {
        page.warn(field.line, "a second summary; appended to the first");
        object.summary += object.summary.empty() ? "" : "\n\n";
      }
      object.summary += field.value;
      has_summary = true;
      continue;
    }
    if (!rule->relation) {
      object.fields.push_back(Field{std::string(rule->key), normalised_field_value(rule->key, field.value)});
      continue;
    }
    const RelationInfo& info = relation_info(*rule->relation);
    std::vector<IdMention> ids;
    bool all_read = read_ids(page, plain_text(field.value), info.to, field.line, ids);
    for (const auto& id : ids) {
      page.claim(*rule->relation, page.id, id.id, {}, ClaimSource::FromPage, field.line);
      if (*rule->relation == RelationType::TechniqueParent) parents.push_back(id.id);
    }
    // What could not be read stays visible as the field upstream wrote.
    if (!all_read) object.fields.push_back(Field{std::string(rule->key), field.value});
  }
}

// A sub-technique's parent is also its ID without the sub-number: the two must agree, and
// a missing Parent Technique field is made good from the ID.
void check_parent(const Page& page, int line, const std::vector<std::string>& parents) {
  auto key = parse_id(page.id);
  if (!key || key->kind != Kind::Technique) return;
  if (key->sub < 0) {
    if (!parents.empty()) page.warn(line, page.id + " has no sub-number but names a parent technique");
    return;
  }
  std::string expected = canonical_id(IdKey{key->kind, key->number, -1, key->pattern});
  if (parents.empty()) {
    page.warn(line, "no Parent Technique field; the parent is taken from the ID: " + expected);
    page.claim(RelationType::TechniqueParent, page.id, expected, {}, ClaimSource::FromPage, line);
  } else if (std::find(parents.begin(), parents.end(), expected) == parents.end()) {
    page.warn(line, "the parent technique " + parents.front() + " is not the ID's " + expected);
  }
}

void read_relation_table(const Page& page, const DatasheetTable& table, const TableRule& rule) {
  const RelationInfo& info = relation_info(rule.relation);
  Kind listed = rule.page_is_from ? info.to : info.from;
  std::vector<std::string> sectors;
  int sectors_line = 0;
  for (const auto& row : table.rows) {
    if (is_blank(row)) continue;
    auto named = cell_object(page, row.cells[0], row.line);
    if (!named) {
      page.warn(row.line, "a row of the \"" + table.columns[0] + "\" table names no " + kind_word(listed) + " (" +
                              quoted_excerpt(row.cells[0].text) + "); not imported");
      continue;
    }
    if (named->kind != listed) {
      page.warn(row.line, named->id + " is not a " + kind_word(listed) + "; not imported");
      continue;
    }
    page.assembly.note_mention(*named, page.path, row.line);
    std::string text =
        rule.second == SecondColumn::RelationText && row.cells.size() > 1 ? row.cells[1].markdown : std::string();
    if (rule.page_is_from)
      page.claim(rule.relation, page.id, named->id, std::move(text), ClaimSource::FromPage, row.line);
    else
      page.claim(rule.relation, named->id, page.id, std::move(text), ClaimSource::ToPage, row.line);

    if (row.cells.size() < 2) continue;
    if (rule.second == SecondColumn::ResponseTypes) {
      std::vector<IdMention> types;
      read_ids(page, row.cells[1].text, Kind::ResponseType, row.line, types);
      for (const auto& t : types)
        page.claim(RelationType::CounterResponseType, named->id, t.id, {}, ClaimSource::OtherPage, row.line);
    } else if (rule.second == SecondColumn::Sectors) {
      std::vector<IdMention> found;
      read_ids(page, row.cells[1].text, Kind::Sector, row.line, found);
      for (const auto& s : found)
        if (std::find(sectors.begin(), sectors.end(), s.id) == sectors.end()) {
          sectors.push_back(s.id);
          if (!sectors_line) sectors_line = row.line;
        }
    }
  }
  // A counter's sectors are those of the actor types it lists, each once.
  for (const auto& s : sectors)
    page.claim(RelationType::CounterSector, page.id, s, {}, ClaimSource::FromPage, sectors_line);
}

// "-" is upstream's way of writing that a reference has no URL or organisation.
std::string reference_value(std::string_view text) {
  std::string_view t = trim(text);
  return t == "-" ? std::string() : std::string(t);
}

void read_references(const Page& page, const DatasheetTable& table, Object& object) {
  enum Column { Title, Published, Authors, Organisation, Archive, Unknown };
  std::vector<Column> columns;
  for (const auto& name : table.columns) {
    std::string label = normalised_label(name);
    Column c = label == "reference" || label == "title"                               ? Title
               : label == "pub date" || label == "date" || label == "published"       ? Published
               : label == "authors" || label == "author"                              ? Authors
               : label == "org" || label == "organisation" || label == "organization" ? Organisation
               : label == "archive" || label == "archive url"                         ? Archive
                                                                                      : Unknown;
    if (c == Unknown) page.warn(table.line, "unknown reference column \"" + name + "\"; not imported");
    columns.push_back(c);
  }
  for (const auto& row : table.rows) {
    if (is_blank(row)) continue;
    Reference ref;
    for (std::size_t i = 0; i < row.cells.size() && i < columns.size(); ++i) {
      const DatasheetCell& cell = row.cells[i];
      const DatasheetLink* link = cell.links.empty() ? nullptr : &cell.links.front();
      switch (columns[i]) {
        case Title:
          ref.title = reference_value(link ? link->text : cell.text);
          ref.url = reference_value(link ? link->href : std::string());
          if (ref.url.empty() && ref.title.rfind("http", 0) == 0) ref.url = ref.title;
          break;
        case Published:
          ref.published = reference_value(cell.text);
          break;
        case Authors:
          ref.authors = reference_value(cell.text);
          break;
        case Organisation:
          ref.organisation = reference_value(cell.text);
          break;
        case Archive:
          ref.archive_url = reference_value(link ? link->href : cell.text);
          break;
        case Unknown:
          break;
      }
    }
    if (ref.title.empty() && ref.url.empty() && ref.archive_url.empty())
      page.warn(row.line, "a reference with no title or link");
    object.references.push_back(std::move(ref));
  }
}

void read_tables(const Page& page, const Datasheet& sheet, Object& object) {
  for (const auto& table : sheet.tables) {
    std::string header = table.columns.empty() ? std::string() : normalised_label(table.columns[0]);
    if (page.kind == Kind::Incident && header == "reference") {
      read_references(page, table, object);
    } else if (const TableRule* rule = table_rule(page.kind, header)) {
      read_relation_table(page, table, *rule);
    } else {
      page.warn(table.line, "unknown table \"" + header + "\" on a " + kind_word(page.kind) + " page; not imported");
    }
  }
}

}  // namespace

void import_datasheet(const std::string& path, std::string_view text, Kind folder_kind, Assembly& assembly) {
  if (trim(text).empty()) {
    assembly.warn(path, 0, "an empty page; not imported");
    return;
  }
  Diagnostics layout;
  Datasheet sheet = parse_datasheet(path, text, layout);

  Title title = parse_title(sheet.title);
  auto from_file = id_of_path(path);
  int title_line = sheet.title_line ? sheet.title_line : 1;
  if (!title.id && !from_file) {
    assembly.warn(path, title_line,
                  "no ID in the title (" + quoted_excerpt(sheet.title) + ") or the file name; not imported");
    return;
  }
  if (!title.id) {
    assembly.warn(
        path, title_line,
        "no valid ID in the title (" + quoted_excerpt(sheet.title) + "); using the file name's, " + from_file->id);
  } else if (from_file && from_file->id != title.id->id) {
    assembly.warn(
        path, title_line,
        "the title gives " + title.id->id + " but the file is named " + from_file->id + "; using the title's");
  }
  const IdMention& id = title.id ? *title.id : *from_file;
  Page page{path, id.id, id.kind, assembly};
  if (id.kind != folder_kind)
    page.warn(title_line, id.id + " is a " + kind_word(id.kind) + " but its page is in the " +
                              std::string(kind_pages(folder_kind).folder) + " folder; imported as a " +
                              kind_word(id.kind));
  for (auto& d : layout) assembly.report(std::move(d));
  if (title.name.empty()) page.warn(title_line, "no name in the title");
  if (!sheet.has_end_marker)
    page.warn(title_line, "no \"DO NOT EDIT ABOVE THIS LINE\" line: the page may be truncated");

  Object object;
  object.id = id.id;
  object.kind = id.kind;
  object.name = title.name;
  std::vector<std::string> parents;
  read_fields(page, sheet, object, parents);
  check_parent(page, title_line, parents);
  read_tables(page, sheet, object);
  // Upstream regenerates everything above the marker; what people wrote below it is kept.
  if (!sheet.notes.empty()) object.fields.push_back(Field{"Notes", sheet.notes});
  assembly.add_page_object(std::move(object), path, title_line);
}

}  // namespace disarm::importer
