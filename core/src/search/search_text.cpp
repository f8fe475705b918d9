#include "disarm/search/search_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "text/ascii.hpp"
#include "text/html_entity.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};

// What one code point folds to, as UTF-8.
struct Fold {
  char16_t from;
  char to[7];
};

#include "search/search_text_tables.inc"

template <std::size_t N>
bool in_ranges(const CodeRange (&ranges)[N], char32_t cp) {
  auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                             [](char32_t c, const CodeRange& r) { return c < r.first; });
  return it != std::begin(ranges) && cp <= std::prev(it)->last;
}

bool is_word_code_point(char32_t cp) {
  return cp < 0x80 ? is_ascii_alnum(static_cast<char>(cp)) : in_ranges(kWordRanges, cp);
}

// Scripts written without spaces between words: each character is searchable on its own.
bool is_own_word(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_unicode_space(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Writes plain text with single spaces between runs and none at the ends.
class PlainWriter {
 public:
  explicit PlainWriter(std::string& out) : out_(out), start_(out.size()) {}
  void space() { pending_space_ = true; }
  void put(std::string_view bytes) {
    if (pending_space_ && out_.size() > start_) out_ += ' ';
    pending_space_ = false;
    out_ += bytes;
  }
  void put(char32_t cp) {
    if (pending_space_ && out_.size() > start_) out_ += ' ';
    pending_space_ = false;
    append_utf8(out_, cp);
  }

 private:
  std::string& out_;
  std::size_t start_;
  bool pending_space_ = false;
};

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlockTags[] = {"br",    "p",  "div", "li", "ul", "ol", "tr", "td", "th",
                                                    "table", "h1", "h2",  "h3", "h4", "h5", "h6", "hr", "blockquote"};
  return std::find(std::begin(kBlockTags), std::end(kBlockTags), name) != std::end(kBlockTags);
}

// An HTML tag, comment or autolink at `i` ('<'): consumes it and returns true.
bool take_tag(std::string_view md, std::size_t& i, PlainWriter& out) {
  if (i + 1 >= md.size()) return false;
  char next = md[i + 1];
  if (md.substr(i, 4) == "<!--") {
    std::size_t close = md.find("-->", i + 4);
    i = close == std::string_view::npos ? md.size() : close + 3;
    return true;
  }
  bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
  if (!letter && next != '/') return false;
  constexpr std::size_t kLongestTag = 512;
  std::size_t close = i + 1;
  while (close < md.size() && close - i < kLongestTag && md[close] != '>' && md[close] != '<') ++close;
  if (close >= md.size() || md[close] != '>') return false;
  std::string_view body = md.substr(i + 1, close - i - 1);
  if (body.find("://") != std::string_view::npos && body.find(' ') == std::string_view::npos) {
    out.put(body);  // an autolink: <https://example.org>
  } else {
    if (!body.empty() && body[0] == '/') body.remove_prefix(1);
    std::string name;
    for (char c : body) {
      if (!is_ascii_alnum(c)) break;
      name += ascii_lower(c);
    }
    if (is_block_tag(name)) out.space();
  }
  i = close + 1;
  return true;
}

// An entity at `i` ('&'): consumes it and returns true.
bool take_entity(std::string_view md, std::size_t& i, PlainWriter& out) {
  auto entity = html_entity_at(md.substr(i));
  if (!entity) return false;
  const char32_t cp = entity->code_point;
  if (cp < 0x20 || cp == ' ' || cp == 0xA0 || cp == 0x7F)
    out.space();
  else
    out.put(cp);
  i += entity->length;
  return true;
}

// Skips what opens a markdown line but is not text: indentation, "#" headings, ">" quotes,
// list bullets.
void skip_line_markers(std::string_view md, std::size_t& i) {
  auto skip_spaces = [&] {
    while (i < md.size() && (md[i] == ' ' || md[i] == '\t')) ++i;
  };
  skip_spaces();
  while (i < md.size() && md[i] == '>') {
    ++i;
    skip_spaces();
  }
  std::size_t hashes = i;
  while (hashes < md.size() && md[hashes] == '#') ++hashes;
  if (hashes > i && (hashes == md.size() || md[hashes] == ' ')) {
    i = hashes;
    skip_spaces();
  }
  if (i + 1 < md.size() && (md[i] == '*' || md[i] == '-' || md[i] == '+') && md[i + 1] == ' ') {
    i += 2;
    skip_spaces();
  }
}

void append_plain(std::string_view md, PlainWriter& out);

// ASCII bytes that are text as they stand: no markup, space or control character.
constexpr auto kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int b = 0x21; b < 0x7F; ++b) plain[b] = true;
  for (char c : std::string_view("*`~_|\\<&![")) plain[static_cast<unsigned char>(c)] = false;
  return plain;
}();

// Takes the markup at md[i] (a line break, emphasis, code and strike marks, table bars,
// escapes, tags, entities, links and images), writing the text it stands for; false when
// md[i] is text.
bool take_markup(std::string_view md, std::size_t& i, bool& line_start, PlainWriter& out) {
  const char c = md[i];
  switch (c) {
    case '\n':
      line_start = true;
      out.space();
      ++i;
      return true;
    case '*':
    case '`':
      ++i;
      return true;
    case '~':
      if (md.substr(i, 2) == "~~") {
        i += 2;
        return true;
      }
      break;
    case '_': {
      bool inner = i > 0 && i + 1 < md.size() && is_ascii_alnum(md[i - 1]) && is_ascii_alnum(md[i + 1]);
      if (!inner) {
        ++i;
        return true;
      }
      break;
    }
    case '|':
      out.space();
      ++i;
      return true;
    case '\\':
      if (i + 1 < md.size() && md[i + 1] > ' ' && md[i + 1] < 0x7F && !is_ascii_alnum(md[i + 1])) {
        out.put(md.substr(i + 1, 1));
        i += 2;
        return true;
      }
      break;
    case '<':
      if (take_tag(md, i, out)) return true;
      break;
    case '&':
      if (take_entity(md, i, out)) return true;
      break;
    case '!':
    case '[': {
      // "[text](target)" and "![alt](target)" keep their text.
      std::size_t open = c == '!' ? i + 1 : i;
      if (open >= md.size() || md[open] != '[') break;
      std::size_t close = md.find(']', open + 1);
      if (close == std::string_view::npos || close + 1 >= md.size() || md[close + 1] != '(') break;
      std::size_t end = md.find(')', close + 2);
      if (end == std::string_view::npos) break;
      append_plain(md.substr(open + 1, close - open - 1), out);
      i = end + 1;
      return true;
    }
    default:
      break;
  }
  return false;
}

// The text character at md[i]: any kind of space as one space, an invalid UTF-8 byte as
// U+FFFD, anything else as it is.
void put_character(std::string_view md, std::size_t& i, PlainWriter& out) {
  const char c = md[i];
  if (is_ascii_space(c) || (static_cast<unsigned char>(c) < 0x20) || c == 0x7F) {
    out.space();
    ++i;
    return;
  }
  if (static_cast<unsigned char>(c) < 0x80) {
    out.put(md.substr(i, 1));
    ++i;
    return;
  }
  Utf8Char d = decode_utf8(md, i);
  if (d.valid && is_unicode_space(d.code_point))
    out.space();
  else if (d.valid)
    out.put(md.substr(i, d.size));
  else
    out.put(kReplacementCharacter);
  i += d.size;
}

void append_plain(std::string_view md, PlainWriter& out) {
  bool line_start = true;
  std::size_t i = 0;
  while (i < md.size()) {
    if (line_start) {
      skip_line_markers(md, i);
      line_start = false;
      continue;
    }
    std::size_t run = i;
    while (run < md.size() && kPlainBytes[static_cast<unsigned char>(md[run])]) ++run;
    if (run > i) {
      out.put(md.substr(i, run - i));
      i = run;
      continue;
    }
    if (!take_markup(md, i, line_start, out)) put_character(md, i, out);
  }
}

// Where the word whose first code point is `first` (at `begin`) ends.
std::size_t scan_word(std::string_view text, std::size_t begin, const Utf8Char& first) {
  std::size_t i = begin + first.size;
  if (is_own_word(first.code_point)) return i;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (is_ascii_alnum(b)) {
        ++i;
        continue;
      }
      if (b == '.' && is_ascii_digit(text[i - 1]) && i + 1 < text.size() && is_ascii_digit(text[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    Utf8Char d = decode_utf8(text, i);
    if (!d.valid || !is_word_code_point(d.code_point) || is_own_word(d.code_point)) break;
    i += d.size;
  }
  return i;
}

}  // namespace

void append_plain_text(std::string_view markup, std::string& out) {
  PlainWriter writer(out);
  append_plain(markup, writer);
}

bool next_word(std::string_view text, std::size_t from, WordSpan& word) {
  std::size_t i = from;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (is_ascii_alnum(b)) {
        word = {i, scan_word(text, i, Utf8Char{b, 1, true})};
        return true;
      }
      ++i;
      continue;
    }
    Utf8Char d = decode_utf8(text, i);
    if (d.valid && is_word_code_point(d.code_point) && !in_ranges(kIgnoredMarks, d.code_point)) {
      word = {i, scan_word(text, i, d)};
      return true;
    }
    i += d.size;
  }
  return false;
}

std::size_t word_end(std::string_view text, std::size_t begin) {
  if (begin >= text.size()) return begin;
  return scan_word(text, begin, decode_utf8(text, begin));
}

void append_folded(std::string_view word, std::string& out) {
  std::size_t i = 0;
  while (i < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out += ascii_lower(static_cast<char>(b));
      ++i;
      continue;
    }
    Utf8Char d = decode_utf8(word, i);
    i += d.size;
    if (!d.valid) {
      out += kReplacementCharacter;
      continue;
    }
    if (in_ranges(kIgnoredMarks, d.code_point)) continue;
    if (d.code_point <= 0xFFFF) {
      auto it = std::lower_bound(std::begin(kFolds), std::end(kFolds), d.code_point,
                                 [](const Fold& f, char32_t cp) { return f.from < cp; });
      if (it != std::end(kFolds) && it->from == d.code_point) {
        out += it->to;
        continue;
      }
    }
    out.append(word.substr(i - d.size, d.size));
  }
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += decode_utf8(text, i).size) ++count;
  return count;
}

}  // namespace disarm
