#include "import/html_table.hpp"

#include "text/ascii.hpp"
#include "disarm/text/html_tag.hpp"
#include "import/markup_text.hpp"
#include "import/source_text.hpp"

namespace disarm::importer {

namespace {

struct Tag {
  std::string name;  // lower case, without '/'
  bool closing = false;
  std::size_t begin = 0, end = 0;  // end is past the '>'
  std::string href;
};

// The next tag at or after `from`, or nothing. Comments are skipped whole.
bool next_tag(std::string_view page, std::size_t from, Tag& tag) {
  for (std::size_t at = page.find('<', from); at != std::string_view::npos; at = page.find('<', at + 1)) {
    if (page.substr(at, 4) == "<!--") {
      std::size_t close = page.find("-->", at + 4);
      if (close == std::string_view::npos) return false;
      at = close + 2;
      continue;
    }
    std::size_t i = at + 1;
    if (i < page.size() && page[i] == '/') ++i;
    char first = i < page.size() ? static_cast<char>(page[i] | 0x20) : '\0';
    if (first < 'a' || first > 'z') continue;  // "a < b" or "<3" in text
    std::size_t close = page.find('>', i);
    if (close == std::string_view::npos) return false;
    HtmlTag parsed = parse_html_tag(page.substr(at, close + 1 - at));
    tag.name = std::move(parsed.name);
    tag.closing = parsed.closing;
    tag.begin = at;
    tag.end = close + 1;
    tag.href = tag.name == "a" && !tag.closing ? std::string(html_attribute(parsed.attributes, "href").value_or(""))
                                               : std::string();
    return true;
  }
  return false;
}

}  // namespace

std::vector<HtmlRow> html_table_rows(std::string_view page) {
  LineIndex lines(page);
  std::vector<HtmlRow> rows;
  HtmlRow row;
  bool in_row = false;
  bool in_cell = false;
  HtmlCell cell;
  std::size_t cell_begin = 0;

  auto close_cell = [&](std::size_t end) {
    if (!in_cell) return;
    in_cell = false;
    std::string_view inner = page.substr(cell_begin, end - cell_begin);
    cell.html = std::string(trim(inner));
    cell.text = plain_text(inner);
    if (row.cells.empty()) row.line = lines.line_of(cell_begin);
    row.cells.push_back(std::move(cell));
    cell = HtmlCell{};
  };
  auto close_row = [&](std::size_t end) {
    close_cell(end);
    if (in_row && !row.cells.empty()) rows.push_back(std::move(row));
    row = HtmlRow{};
    in_row = false;
  };

  Tag tag;
  for (std::size_t at = 0; next_tag(page, at, tag); at = tag.end) {
    if (tag.name == "tr") {
      close_row(tag.begin);
      in_row = !tag.closing;
    } else if (tag.name == "table") {
      close_row(tag.begin);
    } else if (tag.name == "td" || tag.name == "th") {
      close_cell(tag.begin);
      if (!tag.closing) {
        in_row = true;  // a cell outside any <tr> still makes a row
        in_cell = true;
        cell.header = tag.name == "th";
        cell_begin = tag.end;
      }
    } else if (tag.name == "a" && in_cell && !tag.closing && cell.href.empty()) {
      cell.href = tag.href;
    }
  }
  close_row(page.size());
  return rows;
}

}  // namespace disarm::importer
