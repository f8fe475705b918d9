// A selection as a table for a report: CSV or Markdown, one row per selected technique in ID
// order, with the columns ID, Name, Tactic, Score, Comment, Incidents.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm {

struct SelectionRow {
  std::string id;
  std::string name;    // empty for a technique the framework lacks
  std::string tactic;  // "TA06 Develop Content"; empty when it has none
  std::optional<int> score;
  std::string comment;
  std::optional<int> incidents;  // incidents citing the technique itself, each once; none when unknown
};

// A row for each selected technique, in the selection's order; selection_row makes one.
std::vector<SelectionRow> selection_rows(const Framework& framework, const Selection& selection);
SelectionRow selection_row(const Framework& framework, const SelectedTechnique& item);

// RFC 4180: CRLF line ends, a header row, fields holding a comma, quote, CR or LF quoted with
// quotes doubled. A text field starting with = + - @ or a tab, which spreadsheets would run
// as a formula, gets a leading apostrophe: a shared selection's comment is someone else's text.
std::string selection_csv(const Framework& framework, const Selection& selection);

// A GitHub-flavoured Markdown table. In text cells \ ` * _ [ ] < > | & are backslash-escaped,
// so that they show as typed, and line breaks become <br>.
std::string selection_markdown(const Framework& framework, const Selection& selection);

// One CSV field as selection_csv writes it: quoted when needed, formula-like text defused.
std::string csv_field(std::string_view text);
// One Markdown table cell's text as selection_markdown writes it: escaped, breaks as <br>.
std::string markdown_cell(std::string_view text);

}  // namespace disarm
