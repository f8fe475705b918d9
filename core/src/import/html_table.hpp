// The rows of the HTML tables that upstream's index and matrix pages hold inside markdown.
// A small tolerant scanner rather than md4c: a cell may span lines and even blank lines,
// which ends an HTML block for a markdown parser, and rows are not always closed
// ("<tr>\n<tr style=...>" opens the matrices).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace disarm::importer {

struct HtmlCell {
  std::string html;     // the cell's inner HTML, trimmed: markdown with inline HTML for the viewer
  std::string text;     // plain text, for IDs and names
  std::string href;     // the first link's target, if any
  bool header = false;  // a <th>
};

struct HtmlRow {
  int line = 0;
  std::vector<HtmlCell> cells;
};

// Every row with at least one cell, in page order, from all the page's tables.
std::vector<HtmlRow> html_table_rows(std::string_view page);

}  // namespace disarm::importer
