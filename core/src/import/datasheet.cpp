#include "import/datasheet.hpp"

#include <md4c.h>

#include <algorithm>
#include <limits>

#include "text/ascii.hpp"
#include "import/markup_text.hpp"
#include "import/source_text.hpp"

namespace disarm::importer {

namespace {

constexpr std::string_view kEndMarker = "DO NOT EDIT ABOVE THIS LINE";
constexpr std::size_t kUnknown = std::numeric_limits<std::size_t>::max();

struct Span {
  std::size_t begin;
  std::size_t end;
};

// Text and links md4c reports inside a table, kept with their source offsets until the
// table ends and its rows are known: cells are found by offset, not by md4c's cell count,
// because md4c drops the cells beyond the header's count and pads short rows.
struct TableText {
  int row;
  std::size_t offset;  // kUnknown for text md4c made up (line breaks)
  std::string text;
};

struct TableLink {
  int row;
  std::size_t offset;
  DatasheetLink link;
};

struct PendingTable {
  int rows = 0;  // header row included
  std::vector<TableText> texts;
  std::vector<TableLink> links;
};

struct PendingField {
  std::string label;
  std::size_t start;        // where the field begins: its line, or its label when mid-line
  std::size_t value_begin;  // just after the label and its colon
  int line;
};

// One source row of a table, split at its pipes. A cell has more than one span only when a
// row broken across two lines has been joined.
struct RawRow {
  int line;
  std::vector<std::vector<Span>> cells;
};

bool is_list_marker(char c) {
  return c == '*' || c == '-' || c == '+' || c == '.' || c == ')' || (c >= '0' && c <= '9');
}

bool is_br_tag(std::string_view html) {
  std::string tag = ascii_lower_case(trim(html));
  return tag.rfind("<br", 0) == 0;
}

// Splits a table line at its unescaped pipes; a leading and a trailing pipe open and close
// the row rather than delimiting empty cells. A row md4c placed past the body (whose lines
// the index counts in the whole page, notes too) is cut to the body's end.
std::vector<Span> split_row(std::string_view body, std::size_t begin, std::size_t end) {
  end = std::min(end, body.size());
  begin = std::min(begin, end);
  std::size_t i = begin;
  while (i < end && is_ascii_space(body[i])) ++i;
  if (i < end && body[i] == '|') ++i;
  std::vector<Span> cells;
  std::size_t cell = i;
  for (; i < end; ++i) {
    if (body[i] == '\\' && i + 1 < end) {
      ++i;
      continue;
    }
    if (body[i] == '|') {
      cells.push_back({cell, i});
      cell = i + 1;
    }
  }
  if (cells.empty() || !trim(body.substr(cell, end - cell)).empty()) cells.push_back({cell, end});
  return cells;
}

// Markdown callbacks into one datasheet, in the style of Tracy's TracyMarkdown: md4c calls
// the static functions, which forward to the reader passed as userdata.
class DatasheetReader {
 public:
  DatasheetReader(std::string_view path, std::string_view body, const LineIndex& lines, Datasheet& sheet,
                  Diagnostics& warnings)
      : path_(path), body_(body), lines_(lines), sheet_(sheet), warnings_(warnings) {}

  // The body's text in a span; a span md4c placed past the body (the line index counts the
  // whole page, and md4c ends lines at a lone CR where the index does not) is cut to it.
  std::string_view body_part(Span s) const {
    const std::size_t end = std::min(s.end, body_.size());
    const std::size_t begin = std::min(s.begin, end);
    return body_.substr(begin, end - begin);
  }

  void read() {
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Indented lines are never code in a datasheet; bare URLs stay text.
    parser.flags = MD_FLAG_TABLES | MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = &DatasheetReader::enter_block;
    parser.leave_block = &DatasheetReader::leave_block;
    parser.enter_span = &DatasheetReader::enter_span;
    parser.leave_span = &DatasheetReader::leave_span;
    parser.text = &DatasheetReader::text;
    if (md_parse(body_.data(), static_cast<MD_SIZE>(body_.size()), &parser, this) != 0)
      warn(1, "the markdown parser gave up on this page; what it read before is kept");
    finish_fields();
  }

 private:
  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<DatasheetReader*>(self)->on_enter_block(type, detail);
  }
  static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
    return static_cast<DatasheetReader*>(self)->on_leave_block(type);
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<DatasheetReader*>(self)->on_enter_span(type, detail);
  }
  static int leave_span(MD_SPANTYPE type, void*, void* self) {
    return static_cast<DatasheetReader*>(self)->on_leave_span(type);
  }
  static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return static_cast<DatasheetReader*>(self)->on_text(type, text, size);
  }

  int on_enter_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_H:
        ++heading_depth_;
        heading_text_.clear();
        heading_first_ = heading_last_ = kUnknown;
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_LI:  // a tight list's items hold their text without a paragraph
        ++prose_depth_;
        at_break_ = true;
        break;
      case MD_BLOCK_TABLE:
        in_table_ = true;
        table_ = PendingTable{};
        break;
      case MD_BLOCK_TR:
        if (in_table_) row_ = table_.rows++;
        break;
      default:
        break;
    }
    return 0;
  }

  int on_leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H:
        if (--heading_depth_ == 0) finish_heading();
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_LI:
        --prose_depth_;
        capturing_label_ = false;
        break;
      case MD_BLOCK_TABLE:
        in_table_ = false;
        finish_table();
        break;
      default:
        break;
    }
    return 0;
  }

  int on_enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_STRONG && prose_depth_ > 0 && !in_table_ && heading_depth_ == 0) {
      if (capturing_label_) {
        ++label_depth_;
      } else if (at_break_) {
        capturing_label_ = true;
        label_depth_ = 1;
        label_.clear();
        label_first_ = label_end_ = kUnknown;
      }
    } else if (type == MD_SPAN_A && in_table_) {
      const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
      link_open_ = true;
      link_ = TableLink{row_, kUnknown, {}};
      if (a && a->href.text) link_.link.href.assign(a->href.text, a->href.size);
    }
    return 0;
  }

  int on_leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_STRONG && capturing_label_ && --label_depth_ == 0) finish_label();
    if (type == MD_SPAN_A && link_open_) {
      link_open_ = false;
      link_.link.text = collapse_whitespace(link_.link.text);
      table_.links.push_back(std::move(link_));
    }
    return 0;
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    std::string_view piece(text, size);
    // md4c points into the source for everything but the text it makes up (breaks, U+FFFD).
    bool located = text >= body_.data() && text + size <= body_.data() + body_.size();
    std::size_t offset = located ? static_cast<std::size_t>(text - body_.data()) : kUnknown;
    std::string plain;
    switch (type) {
      case MD_TEXT_NULLCHAR:
        plain = "\xEF\xBF\xBD";
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        plain = " ";
        break;
      case MD_TEXT_HTML:
        if (is_br_tag(piece)) plain = " ";
        break;
      case MD_TEXT_ENTITY:
        plain = plain_text(piece);
        break;
      default:
        plain = piece;
        break;
    }

    if (heading_depth_ > 0) {
      heading_text_ += plain;
      if (located) {
        if (heading_first_ == kUnknown) heading_first_ = offset;
        heading_last_ = offset + size;
      }
    } else if (in_table_) {
      table_.texts.push_back(TableText{row_, offset, plain});
      if (link_open_) {
        link_.link.text += plain;
        if (located && link_.offset == kUnknown) link_.offset = offset;
      }
    } else if (prose_depth_ > 0) {
      if (capturing_label_) {
        label_ += plain;
        if (located) {
          if (label_first_ == kUnknown) label_first_ = offset;
          label_end_ = offset + size;
        }
      } else if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR || (type == MD_TEXT_HTML && is_br_tag(piece))) {
        at_break_ = true;  // a label may follow a line break: "TA07 ... <br><br>**Parent Technique:**"
      } else if (!trim(plain).empty()) {
        at_break_ = false;
      }
    }
    return 0;
  }

  void finish_heading() {
    if (heading_first_ == kUnknown) return;
    int first = lines_.line_of(heading_first_);
    int last = lines_.line_of(heading_last_ > 0 ? heading_last_ - 1 : 0);
    // A setext heading's underline belongs to it.
    std::string_view next = trim(lines_.line_text(last + 1));
    if (!next.empty() && (next.front() == '=' || next.front() == '-') &&
        next.find_first_not_of(next.front()) == std::string_view::npos)
      ++last;
    Span span{lines_.line_start(first), lines_.line_end(last)};
    boundaries_.push_back(span.begin);
    if (!title_found_) {
      title_found_ = true;
      sheet_.title = collapse_whitespace(heading_text_);
      sheet_.title_line = first;
      covered_.push_back(span);
    }
  }

  void finish_label() {
    capturing_label_ = false;
    std::string label = collapse_whitespace(label_);
    while (!label.empty() && (label.back() == ':' || is_ascii_space(label.back()))) label.pop_back();
    at_break_ = false;
    if (label.empty() || label_first_ == kUnknown) return;  // "****" in prose is no label

    std::size_t open = label_first_;
    for (int n = 0; n < 3 && open > 0 && (body_[open - 1] == '*' || body_[open - 1] == '_'); ++n) --open;
    std::size_t value = label_end_;
    for (int n = 0; n < 3 && value < body_.size() && (body_[value] == '*' || body_[value] == '_'); ++n) ++value;
    while (value < body_.size() && (body_[value] == ' ' || body_[value] == '\t')) ++value;
    if (value < body_.size() && body_[value] == ':') ++value;  // "**Summary**:" as well as "**Summary:**"

    int line = lines_.line_of(open);
    std::size_t line_begin = lines_.line_start(line);
    std::string_view before = body_.substr(line_begin, open - line_begin);
    bool starts_line =
        std::all_of(before.begin(), before.end(), [](char c) { return is_ascii_space(c) || is_list_marker(c); });
    std::size_t start = starts_line ? line_begin : open;
    fields_.push_back(PendingField{std::move(label), start, value, line});
    boundaries_.push_back(start);
  }

  void finish_table() {
    // The header's line, from the first text md4c located: rows are consecutive lines, the
    // delimiter row second.
    int header_line = 0;
    for (const auto& t : table_.texts)
      if (t.offset != kUnknown) {
        header_line = lines_.line_of(t.offset) - (t.row == 0 ? 0 : t.row + 1);
        break;
      }
    if (header_line <= 0) {
      warn(last_line(), "a table whose header has no text; not imported");
      return;
    }

    std::vector<RawRow> raw;
    for (int r = 0; r < table_.rows; ++r) {
      int line = r == 0 ? header_line : header_line + 1 + r;
      RawRow row{line, {}};
      for (Span s : split_row(body_, lines_.line_start(line), lines_.line_end(line))) row.cells.push_back({s});
      raw.push_back(std::move(row));
    }
    std::size_t columns = raw.empty() ? 0 : raw[0].cells.size();
    std::vector<RawRow> rows = repair_rows(raw, columns);
    int last = table_.rows > 0 ? header_line + table_.rows : header_line;
    Span span{lines_.line_start(header_line), lines_.line_end(last)};
    boundaries_.push_back(span.begin);
    covered_.push_back(span);

    // Give each piece of text and each link to the cell whose source holds it.
    std::vector<std::vector<DatasheetCell>> cells(rows.size());
    std::vector<std::vector<std::string>> plain(rows.size());
    struct Slot {
      Span span;
      std::size_t row, cell;
    };
    std::vector<Slot> slots;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      cells[r].resize(columns);
      plain[r].resize(columns);
      for (std::size_t c = 0; c < columns; ++c) {
        std::string markdown;
        for (Span s : rows[r].cells[c]) {
          slots.push_back({s, r, c});
          std::string_view part = trim(body_part(s));
          if (part.empty()) continue;
          if (!markdown.empty()) markdown += ' ';
          markdown += part;
        }
        cells[r][c].markdown = std::move(markdown);
      }
    }
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.span.begin < b.span.begin; });
    auto slot_of = [&](std::size_t offset) -> const Slot* {
      auto it = std::upper_bound(slots.begin(), slots.end(), offset,
                                 [](std::size_t o, const Slot& s) { return o < s.span.begin; });
      if (it == slots.begin()) return nullptr;
      --it;
      return offset <= it->span.end ? &*it : nullptr;
    };
    const Slot* current = nullptr;
    for (const auto& t : table_.texts) {
      if (t.offset != kUnknown) current = slot_of(t.offset);
      if (current) plain[current->row][current->cell] += t.text;
    }
    for (auto& l : table_.links)
      if (const Slot* s = l.offset != kUnknown ? slot_of(l.offset) : nullptr)
        cells[s->row][s->cell].links.push_back(std::move(l.link));

    DatasheetTable table;
    table.line = header_line;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < columns; ++c) cells[r][c].text = collapse_whitespace(plain[r][c]);
      if (r == 0) {
        for (auto& cell : cells[r]) table.columns.push_back(std::move(cell.text));
      } else {
        table.rows.push_back(DatasheetRow{rows[r].line, std::move(cells[r])});
      }
    }
    sheet_.tables.push_back(std::move(table));
  }

  // Gives every body row exactly `columns` cells: a row broken over two lines is joined, the
  // extra '|' of a row with too many cells stay text of its last cell, short rows are padded.
  std::vector<RawRow> repair_rows(const std::vector<RawRow>& raw, std::size_t columns) {
    std::vector<RawRow> rows;
    if (raw.empty()) return rows;
    rows.push_back(raw[0]);
    for (std::size_t i = 1; i < raw.size(); ++i) {
      RawRow row = raw[i];
      std::size_t n = row.cells.size();
      if (n < columns && i + 1 < raw.size()) {
        const RawRow& next = raw[i + 1];
        std::size_t m = next.cells.size();
        if (m < columns && (n + m == columns || n + m - 1 == columns)) {
          auto rest = next.cells.begin();
          if (n + m - 1 == columns) {  // the break fell inside a cell
            row.cells.back().insert(row.cells.back().end(), rest->begin(), rest->end());
            ++rest;
          }
          row.cells.insert(row.cells.end(), rest, next.cells.end());
          warn(row.line, "a table row continues on line " + std::to_string(next.line) + "; joined");
          rows.push_back(std::move(row));
          ++i;
          continue;
        }
      }
      if (n > columns && columns > 0) {
        Span last{row.cells[columns - 1].front().begin, row.cells.back().back().end};
        row.cells.resize(columns);
        row.cells.back() = {last};
        warn(row.line, "a table row has " + std::to_string(n) + " cells for " + std::to_string(columns) +
                           " columns; the extra '|' are kept as text of the last cell");
      } else if (n < columns) {
        warn(row.line, "a table row has " + std::to_string(n) + " cells for " + std::to_string(columns) +
                           " columns; the missing cells are empty");
        row.cells.resize(columns, {Span{lines_.line_end(row.line), lines_.line_end(row.line)}});
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  // Each field's value runs to the next field, table or heading; text that no field, table or
  // title holds is reported.
  void finish_fields() {
    std::sort(boundaries_.begin(), boundaries_.end());
    for (auto& f : fields_) {
      auto next = std::lower_bound(boundaries_.begin(), boundaries_.end(), f.value_begin);
      std::size_t end = next == boundaries_.end() ? body_.size() : *next;
      std::size_t begin = std::min(f.value_begin, end);
      sheet_.fields.push_back(
          DatasheetField{std::move(f.label), std::string(trim_markdown(body_.substr(begin, end - begin))), f.line});
      covered_.push_back(Span{f.start, end});
    }
    std::sort(covered_.begin(), covered_.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::size_t at = 0;
    auto check_gap = [&](std::size_t begin, std::size_t end) {
      std::string_view gap = body_.substr(begin, end - begin);
      std::size_t first = 0;
      while (first < gap.size() && is_ascii_space(gap[first])) ++first;
      if (first == gap.size()) return;
      warn(lines_.line_of(begin + first),
           "text outside any field or table, not imported: " + quoted_excerpt(gap.substr(first, 200)));
    };
    for (Span s : covered_) {
      if (s.begin > at) check_gap(at, s.begin);
      at = std::max(at, s.end);
    }
    if (at < body_.size()) check_gap(at, body_.size());
  }

  int last_line() const {
    return boundaries_.empty() ? 1 : lines_.line_of(*std::max_element(boundaries_.begin(), boundaries_.end()));
  }

  void warn(int line, std::string message) {
    warnings_.push_back(
        Diagnostic{Severity::Warning, std::move(message), std::string(path_) + ":" + std::to_string(line)});
  }

  std::string_view path_;
  std::string_view body_;
  const LineIndex& lines_;
  Datasheet& sheet_;
  Diagnostics& warnings_;

  int heading_depth_ = 0;
  std::string heading_text_;
  std::size_t heading_first_ = kUnknown, heading_last_ = kUnknown;
  bool title_found_ = false;

  int prose_depth_ = 0;    // paragraphs and list items we are in
  bool at_break_ = false;  // only whitespace since the paragraph began or the last line break
  bool capturing_label_ = false;
  int label_depth_ = 0;
  std::string label_;
  std::size_t label_first_ = kUnknown, label_end_ = kUnknown;
  std::vector<PendingField> fields_;

  bool in_table_ = false;
  int row_ = 0;
  PendingTable table_;
  bool link_open_ = false;
  TableLink link_{0, kUnknown, {}};

  std::vector<std::size_t> boundaries_;  // where a field's value must stop
  std::vector<Span> covered_;            // title, fields, tables
};

}  // namespace

Datasheet parse_datasheet(std::string_view path, std::string_view text, Diagnostics& warnings) {
  Datasheet sheet;
  LineIndex lines(text);
  std::string_view body = text;
  if (std::size_t marker = text.find(kEndMarker); marker != std::string_view::npos) {
    int line = lines.line_of(marker);
    sheet.has_end_marker = true;
    sheet.end_marker_line = line;
    body = text.substr(0, lines.line_start(line));
    std::size_t after = std::min(text.size(), lines.line_end(line) + 1);
    std::string_view notes = text.substr(after);
    std::size_t first = 0;
    while (first < notes.size() && is_ascii_space(notes[first])) ++first;
    if (first < notes.size()) {
      sheet.notes = std::string(trim(notes));
      sheet.notes_line = lines.line_of(after + first);
    }
  }
  DatasheetReader(path, body, lines, sheet, warnings).read();
  return sheet;
}

}  // namespace disarm::importer
