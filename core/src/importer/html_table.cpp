#include "html_table.hpp"

#include "../ascii.hpp"
#include "markup_text.hpp"
#include "source_text.hpp"

namespace disarm::importer {

namespace {

struct Tag {
  std::string name;  // lower case, without '/'
  bool closing = false;
  std::size_t begin = 0, end = 0;  // end is past the '>'
  std::string href;
};

// The value of attribute `name` inside a tag's text, quoted or not.
std::string attribute(std::string_view tag, std::string_view name) {
  std::string lower = ascii_lower_case(tag);
  for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    if (at == 0 || is_ascii_alnum(lower[at - 1])) continue;
    std::size_t i = at + name.size();
    while (i < tag.size() && is_ascii_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && is_ascii_space(tag[i])) ++i;
    if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
      std::size_t close = tag.find(tag[i], i + 1);
      if (close == std::string_view::npos) close = tag.size();
      return std::string(tag.substr(i + 1, close - i - 1));
    }
    std::size_t end = i;
    while (end < tag.size() && !is_ascii_space(tag[end]) && tag[end] != '>') ++end;
    return std::string(tag.substr(i, end - i));
  }
  return {};
}

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
    bool closing = i < page.size() && page[i] == '/';
    if (closing) ++i;
    std::size_t name_begin = i;
    char first = i < page.size() ? static_cast<char>(page[i] | 0x20) : '\0';
    if (first < 'a' || first > 'z') continue;  // "a < b" or "<3" in text
    while (i < page.size() && is_ascii_alnum(page[i])) ++i;
    std::size_t close = page.find('>', i);
    if (close == std::string_view::npos) return false;
    tag.name = ascii_lower_case(page.substr(name_begin, i - name_begin));
    tag.closing = closing;
    tag.begin = at;
    tag.end = close + 1;
    tag.href = tag.name == "a" && !closing ? attribute(page.substr(i, close - i), "href") : std::string();
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
