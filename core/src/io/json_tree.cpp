#include "io/json_tree.hpp"

#include <cstdio>
#include <cstring>
#include <tuple>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// True when one of the 8 bytes at p ends a plain run in a string: a quote, a backslash, a
// control character, or a byte of a multi-byte UTF-8 sequence. May say true for a run
// without one (the caller then goes byte by byte), never false for a run with one.
bool has_special_byte(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  auto has_zero_byte = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  std::uint64_t below_space = (v - kOnes * 0x20) & ~v & kHighs;
  return (has_zero_byte(v ^ (kOnes * '"')) | has_zero_byte(v ^ (kOnes * '\\')) | below_space | (v & kHighs)) != 0;
}

std::string line_column(std::string_view text, std::size_t pos) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!is_utf8_continuation(text[i])) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// What to call the byte at an error: "'x'", or "byte 0x00" when it does not print.
std::string describe_byte(char c) {
  auto b = static_cast<unsigned char>(c);
  if (b > 0x20 && b < 0x7F) return std::string("'") + c + "'";
  char hex[16];
  std::snprintf(hex, sizeof hex, "byte 0x%02X", b);
  return hex;
}

}  // namespace

// Fills a JsonTree in one pass over the input. Containers are closed with an explicit
// stack, not by recursion.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) { tree_.input_ = text; }

  Result<JsonTree> run() {
    if (text_.size() >= JsonTree::kNone) return Error{"invalid JSON: the input is larger than 4 GB", ""};
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark, as editors write
    tree_.nodes_.reserve(text_.size() / 32 + 16);        // upstream's snapshot has a node per 34 bytes
    if (!parse_document()) return Error{"invalid JSON: " + error_, line_column(text_, error_pos_)};
    return std::move(tree_);
  }

 private:
  using Node = JsonTree::Node;

  bool fail(std::string message, std::size_t at) {
    error_ = std::move(message);
    error_pos_ = at;
    return false;
  }
  bool fail_here(const std::string& expected) {
    if (pos_ >= text_.size()) return fail("unexpected end of input; expected " + expected, pos_);
    return fail("unexpected " + describe_byte(text_[pos_]) + "; expected " + expected, pos_);
  }

  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }

  JsonTree::Index add(JsonType type, bool flag = false, std::uint32_t size = 0, std::uint32_t offset = 0) {
    auto index = static_cast<JsonTree::Index>(tree_.nodes_.size());
    tree_.nodes_.push_back(Node{type, flag, size, offset, index + 1});
    return index;
  }

  bool parse_document() {
    std::vector<JsonTree::Index> open;  // containers not yet closed, innermost last
    skip_space();
    for (;;) {
      // A value starts here.
      if (pos_ >= text_.size()) return fail_here("a value");
      char c = text_[pos_];
      if (c == '{' || c == '[') {
        bool object = c == '{';
        open.push_back(add(object ? JsonType::Object : JsonType::Array));
        ++pos_;
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == (object ? '}' : ']')) {
          ++pos_;
          close(open);
        } else {
          if (object && !parse_key()) return false;
          continue;
        }
      } else if (!parse_scalar()) {
        return false;
      }
      // A value ended: close the containers it ends, or go on to the next element.
      for (;;) {
        if (open.empty()) {
          skip_space();
          if (pos_ < text_.size()) return fail("unexpected " + describe_byte(text_[pos_]) + " after the value", pos_);
          return true;
        }
        Node& container = tree_.nodes_[open.back()];
        ++container.size;
        bool object = container.type == JsonType::Object;
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          skip_space();
          if (object && !parse_key()) return false;
          break;
        }
        if (pos_ < text_.size() && text_[pos_] == (object ? '}' : ']')) {
          ++pos_;
          close(open);
          continue;
        }
        return fail_here(object ? "',' or '}' after an object member" : "',' or ']' after an array element");
      }
    }
  }

  void close(std::vector<JsonTree::Index>& open) {
    tree_.nodes_[open.back()].end = static_cast<JsonTree::Index>(tree_.nodes_.size());
    open.pop_back();
  }

  // A member's name and its colon; leaves pos_ at the value.
  bool parse_key() {
    if (pos_ >= text_.size() || text_[pos_] != '"') return fail_here("a member name in double quotes");
    if (!parse_string()) return false;
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != ':') return fail_here("':' after a member name");
    ++pos_;
    skip_space();
    return true;
  }

  bool parse_scalar() {
    char c = text_[pos_];
    if (c == '"') return parse_string();
    if (c == '-' || is_ascii_digit(c)) return parse_number();
    for (auto [word, type, value] : {std::tuple{std::string_view("true"), JsonType::Boolean, true},
                                     std::tuple{std::string_view("false"), JsonType::Boolean, false},
                                     std::tuple{std::string_view("null"), JsonType::Null, false}}) {
      if (c != word[0]) continue;
      if (text_.substr(pos_, word.size()) != word) return fail("invalid literal; expected " + std::string(word), pos_);
      pos_ += word.size();
      add(type, value);
      return true;
    }
    return fail_here("a value");
  }

  bool parse_number() {
    std::size_t start = pos_;
    bool integer = true;
    if (text_[pos_] == '-') ++pos_;
    auto digits = [&] {
      std::size_t from = pos_;
      while (pos_ < text_.size() && is_ascii_digit(text_[pos_])) ++pos_;
      return pos_ > from;
    };
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail_here("a digit");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      integer = false;
      if (!digits()) return fail_here("a digit after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      integer = false;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return fail_here("a digit in the exponent");
    }
    add(JsonType::Number, integer, static_cast<std::uint32_t>(pos_ - start), static_cast<std::uint32_t>(start));
    return true;
  }

  // Strings without escapes stay views of the input; others are decoded into decoded_.
  bool parse_string() {
    std::size_t start = ++pos_;
    std::string* decoded = nullptr;
    std::size_t decoded_start = 0;
    for (;;) {
      // The common case: a run of plain ASCII, eight bytes at a time, then byte by byte.
      while (text_.size() - pos_ >= 8 && !has_special_byte(text_.data() + pos_)) pos_ += 8;
      while (pos_ < text_.size()) {
        auto b = static_cast<unsigned char>(text_[pos_]);
        if (b < 0x20 || b == '"' || b == '\\' || b >= 0x80) break;
        ++pos_;
      }
      if (pos_ >= text_.size()) return fail("unexpected end of input in a string", pos_);
      auto b = static_cast<unsigned char>(text_[pos_]);
      if (b == '"') break;
      if (b >= 0x80) {
        Utf8Char c = decode_utf8(text_, pos_);
        if (!c.valid) return fail("invalid string: ill-formed UTF-8 " + describe_byte(text_[pos_]), pos_);
        pos_ += c.size;
        continue;
      }
      if (b < 0x20) {
        char code[8];
        std::snprintf(code, sizeof code, "%04X", b);
        return fail(std::string("invalid string: control character U+") + code + " must be escaped", pos_);
      }
      // A backslash: from here on the string is decoded, starting with what came before.
      if (!decoded) {
        decoded = &tree_.decoded_;
        decoded_start = decoded->size();
      }
      decoded->append(text_.substr(start, pos_ - start));
      if (!parse_escape(*decoded)) return false;
      start = pos_;
    }
    if (decoded) {
      decoded->append(text_.substr(start, pos_ - start));
      add(JsonType::String, true, static_cast<std::uint32_t>(decoded->size() - decoded_start),
          static_cast<std::uint32_t>(decoded_start));
    } else {
      add(JsonType::String, false, static_cast<std::uint32_t>(pos_ - start), static_cast<std::uint32_t>(start));
    }
    ++pos_;  // the closing quote
    return true;
  }

  bool parse_escape(std::string& out) {
    std::size_t at = pos_++;  // the backslash
    if (pos_ >= text_.size()) return fail("unexpected end of input in a string", pos_);
    char c = text_[pos_++];
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return fail("invalid string: unknown escape \\" + std::string(1, c), at);
    }
    std::uint32_t cp = 0;
    if (!hex4(cp)) return fail("invalid string: \\u must be followed by four hex digits", at);
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("invalid string: lone low surrogate in \\u escape", at);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (text_.substr(pos_, 2) != "\\u" || (pos_ += 2, !hex4(low)) || low < 0xDC00 || low > 0xDFFF)
        return fail("invalid string: high surrogate not followed by a low one in \\u escape", at);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    encode_utf8(out, cp);  // not append_utf8(): a JSON string may hold NUL, and must load as saved
    return true;
  }

  bool hex4(std::uint32_t& value) {
    if (text_.size() - pos_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      int h = hex_digit_value(text_[pos_ + i]);
      if (h < 0) return false;
      value = value * 16 + static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  JsonTree tree_;
  std::string error_;
  std::size_t error_pos_ = 0;
};

Result<JsonTree> JsonTree::parse(std::string_view text) {
  return JsonParser(text).run();
}

const char* JsonTree::type_name(Index i) const {
  switch (nodes_[i].type) {
    case JsonType::Null:
      return "null";
    case JsonType::Boolean:
      return "boolean";
    case JsonType::Number:
      return "number";
    case JsonType::String:
      return "string";
    case JsonType::Array:
      return "array";
    case JsonType::Object:
      return "object";
  }
  return "value";
}

std::string_view JsonTree::text(Index i) const {
  const Node& n = nodes_[i];
  std::string_view source = n.flag && n.type == JsonType::String ? std::string_view(decoded_) : input_;
  return source.substr(n.offset, n.size);
}

JsonTree::Index JsonTree::member(Index object, std::string_view key) const {
  Index found = kNone;
  Index child = first_child(object);
  for (std::uint32_t m = 0; m < nodes_[object].size; ++m) {
    Index value = child + 1;
    if (text(child) == key) found = value;
    child = next_sibling(value);
  }
  return found;
}

}  // namespace disarm
