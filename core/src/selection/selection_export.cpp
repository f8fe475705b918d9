#include "disarm/selection/selection_export.hpp"

#include <algorithm>
#include <array>

namespace disarm {

namespace {

constexpr std::array<std::string_view, 6> kHeader = {"ID", "Name", "Tactic", "Score", "Comment", "Incidents"};

std::array<std::string, 6> cells(const SelectionRow& row) {
  return {row.id,      row.name,
          row.tactic,  row.score ? std::to_string(*row.score) : std::string(),
          row.comment, row.incidents ? std::to_string(*row.incidents) : std::string()};
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string field(text);
  if (!field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@' || field[0] == '\t'))
    field.insert(0, 1, '\'');
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      if (std::string_view("\\`*_[]<>|&").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

SelectionRow selection_row(const Framework& framework, const SelectedTechnique& item) {
  SelectionRow row;
  row.id = item.id;
  row.score = item.score;
  row.comment = item.comment;
  if (auto index = framework.find(item.id); index && framework.object(*index).kind == Kind::Technique) {
    row.name = framework.object(*index).name;
    auto tactics = framework.related(*index, RelationType::TechniqueTactic, true);
    if (!tactics.empty()) {
      const Object& tactic = framework.object(tactics.front());
      row.tactic = tactic.name.empty() ? tactic.id : tactic.id + " " + tactic.name;
    }
    auto incidents = framework.related(*index, RelationType::IncidentTechnique, false);
    std::sort(incidents.begin(), incidents.end());
    row.incidents = static_cast<int>(std::unique(incidents.begin(), incidents.end()) - incidents.begin());
  }
  return row;
}

std::vector<SelectionRow> selection_rows(const Framework& framework, const Selection& selection) {
  std::vector<SelectionRow> rows;
  rows.reserve(selection.size());
  for (const SelectedTechnique& item : selection.items()) rows.push_back(selection_row(framework, item));
  return rows;
}

// The header in the release's words: "Category" for 2.0 Assessments' tactics.
std::array<std::string, 6> header(const Framework& framework) {
  std::array<std::string, 6> out;
  for (std::size_t i = 0; i < kHeader.size(); ++i) out[i] = framework.release().vocabulary.reword(kHeader[i]);
  return out;
}

std::string selection_csv(const Framework& framework, const Selection& selection) {
  std::string out;
  auto line = [&](const auto& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  line(header(framework));
  for (const SelectionRow& row : selection_rows(framework, selection)) line(cells(row));
  return out;
}

std::string selection_markdown(const Framework& framework, const Selection& selection) {
  std::string out = "|";
  for (const std::string& title : header(framework)) (out += ' ').append(title) += " |";
  out += "\n| --- | --- | --- | ---: | --- | ---: |\n";
  for (const SelectionRow& row : selection_rows(framework, selection)) {
    out += "|";
    for (const std::string& cell : cells(row)) (out += ' ').append(markdown_cell(cell)) += " |";
    out += "\n";
  }
  return out;
}

}  // namespace disarm
