// Index pages (techniques_index.md, ...) and the framework matrices: HTML tables whose cells
// name objects by ID. An index row lists an object: its datasheet's twin, or the object
// itself for detections and response types, which have no datasheets.
#include <algorithm>
#include <map>
#include <optional>

#include "text/ascii.hpp"
#include "import/html_table.hpp"
#include "import/markup_text.hpp"
#include "import/page_fields.hpp"
#include "import/page_import.hpp"

namespace disarm::importer {

namespace {

// The object a cell names: "TA01 Plan Strategy", or the file name of its link.
std::optional<IdMention> cell_object(const HtmlCell& cell) {
  if (auto id = leading_id(cell.text)) return id;
  if (auto id = id_of_path(link_path(cell.href))) {
    id->name = cell.text;
    return id;
  }
  return std::nullopt;
}

bool is_blank(const HtmlRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const HtmlCell& c) { return c.text.empty(); });
}

// A relation column's value ("TA01 Strategic Planning", "S001, S002") as claims. What is no
// ID ("ALL") is reported and kept as a field, so the viewer still shows it.
void read_relation_column(const std::string& path, const HtmlRow& row, const HtmlCell& cell,
                          const IndexColumnRule& rule, Object& object, Assembly& assembly) {
  const RelationInfo& info = relation_info(*rule.relation);
  IdList list = id_list(cell.text);
  bool all_read = list.unreadable.empty();
  for (const auto& id : list.ids) {
    if (id.kind != info.to) {
      assembly.warn(path, row.line, id.id + " is not a " + kind_word(info.to) + "; not imported");
      all_read = false;
      continue;
    }
    assembly.note_mention(id, path, row.line);
    assembly.add_claim(Claim{*rule.relation, object.id, id.id, {}, ClaimSource::Index, path, row.line});
  }
  for (const auto& item : list.unreadable)
    assembly.warn(path, row.line,
                  quoted_excerpt(item) + " is not a " + kind_word(info.to) + " ID; kept as the field \"" +
                      std::string(rule.key) + "\"");
  if (!all_read) object.fields.push_back(Field{std::string(rule.key), cell.text});
}

}  // namespace

void import_index_page(const std::string& path, std::string_view text, Kind kind, Assembly& assembly) {
  assembly.note_index_page(kind);
  std::vector<HtmlRow> rows = html_table_rows(text);
  // The header row: upstream's is all <th>; one written with <td> still names disarm_id.
  auto header = std::find_if(rows.begin(), rows.end(), [](const HtmlRow& r) {
    return std::all_of(r.cells.begin(), r.cells.end(), [](const HtmlCell& c) { return c.header; }) ||
           std::any_of(r.cells.begin(), r.cells.end(),
                       [](const HtmlCell& c) { return ascii_lower_case(c.text) == "disarm_id"; });
  });
  if (header == rows.end()) {
    assembly.warn(path, 0, "no header row naming disarm_id; not imported");
    return;
  }
  std::vector<std::string> columns;
  for (const auto& c : header->cells) columns.push_back(ascii_lower_case(c.text));
  auto column = [&](std::string_view name) -> int {
    auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
  };
  int id_column = column("disarm_id");
  if (id_column < 0) {
    assembly.warn(path, header->line, "no disarm_id column; not imported");
    return;
  }
  int name_column = column("name");
  int summary_column = column("summary");
  std::vector<const IndexColumnRule*> rules(columns.size(), nullptr);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (static_cast<int>(i) == id_column || static_cast<int>(i) == name_column || static_cast<int>(i) == summary_column)
      continue;
    rules[i] = index_column_rule(kind, columns[i]);
    if (!rules[i]) assembly.warn(path, header->line, "unknown column \"" + columns[i] + "\"; not imported");
  }

  for (auto it = header + 1; it != rows.end(); ++it) {
    HtmlRow row = *it;
    if (row.cells.size() != columns.size()) {
      assembly.warn(path, row.line,
                    "a row has " + std::to_string(row.cells.size()) + " cells for " + std::to_string(columns.size()) +
                        " columns" + (row.cells.size() > columns.size() ? "; the extra cells are not imported" : ""));
      row.cells.resize(columns.size());
    }
    if (is_blank(row)) {
      assembly.warn(path, row.line, "an empty row; skipped");
      continue;
    }
    auto id = cell_object(row.cells[static_cast<std::size_t>(id_column)]);
    if (!id) {
      assembly.warn(
          path, row.line,
          "no valid ID in " + quoted_excerpt(row.cells[static_cast<std::size_t>(id_column)].text) + "; skipped");
      continue;
    }
    if (id->kind != kind) {
      assembly.warn(path, row.line, id->id + " is not a " + kind_word(kind) + "; skipped");
      continue;
    }
    Object object;
    object.id = id->id;
    object.kind = kind;
    if (name_column >= 0) object.name = row.cells[static_cast<std::size_t>(name_column)].text;
    if (summary_column >= 0)
      object.summary = std::string(trim_markdown(row.cells[static_cast<std::size_t>(summary_column)].html));
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!rules[i]) continue;
      if (rules[i]->relation)
        read_relation_column(path, row, row.cells[i], *rules[i], object, assembly);
      else
        object.fields.push_back(
            Field{std::string(rules[i]->key), normalised_field_value(rules[i]->key, row.cells[i].text)});
    }
    assembly.add_index_row(std::move(object), path, row.line);
  }
}

void import_matrix_page(const std::string& path, std::string_view text, bool red, Assembly& assembly) {
  const Kind cell_kind = red ? Kind::Technique : Kind::Counter;
  const RelationType type = red ? RelationType::TechniqueTactic : RelationType::CounterTactic;
  std::vector<HtmlRow> rows = html_table_rows(text);
  if (rows.empty()) {
    assembly.warn(path, 0, "no table; not imported");
    return;
  }
  // The first row names the tactics, one column each; the rows below fill the columns.
  Matrix matrix;
  std::vector<int> column_of;  // page column -> matrix column, -1 when it names no tactic
  for (const auto& cell : rows.front().cells) {
    auto tactic = cell_object(cell);
    if (!tactic || tactic->kind != Kind::Tactic) {
      assembly.warn(path, rows.front().line,
                    "a column names no tactic (" + quoted_excerpt(cell.text) + "); its cells are not imported");
      column_of.push_back(-1);
      continue;
    }
    assembly.note_mention(*tactic, path, rows.front().line);
    column_of.push_back(static_cast<int>(matrix.columns.size()));
    matrix.columns.push_back(MatrixColumn{tactic->id, {}});
  }

  std::map<std::string, std::string> placed;  // cell -> its column's tactic
  for (auto row = rows.begin() + 1; row != rows.end(); ++row) {
    for (std::size_t j = 0; j < row->cells.size(); ++j) {
      const HtmlCell& cell = row->cells[j];
      if (cell.text.empty()) continue;
      if (j >= column_of.size()) {
        assembly.warn(path, row->line,
                      "a cell beyond the last column (" + quoted_excerpt(cell.text) + "); not imported");
        continue;
      }
      if (column_of[j] < 0) continue;
      auto id = cell_object(cell);
      if (!id || id->kind != cell_kind) {
        assembly.warn(path, row->line,
                      "a cell names no " + kind_word(cell_kind) + " (" + quoted_excerpt(cell.text) + "); not imported");
        continue;
      }
      MatrixColumn& column = matrix.columns[static_cast<std::size_t>(column_of[j])];
      auto [seen, first] = placed.try_emplace(id->id, column.tactic);
      if (!first) {
        assembly.warn(path, row->line, id->id + " is already in the column of " + seen->second + "; not repeated");
        continue;
      }
      assembly.note_mention(*id, path, row->line);
      assembly.add_claim(Claim{type, id->id, column.tactic, {}, ClaimSource::OtherPage, path, row->line});
      column.cells.push_back(id->id);
    }
  }
  assembly.set_matrix(red, std::move(matrix));
}

}  // namespace disarm::importer
