#include "html_entity.hpp"

#include <array>

#include "ascii.hpp"

namespace disarm {

namespace {

// The named entities upstream and ordinary prose use.
struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};
constexpr std::array<NamedEntity, 44> kNamedEntities = {{
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", 0x00A0},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},   {"middot", 0x00B7},
    {"laquo", 0x00AB},  {"raquo", 0x00BB},  {"copy", 0x00A9},   {"reg", 0x00AE},    {"trade", 0x2122},
    {"deg", 0x00B0},    {"plusmn", 0x00B1}, {"times", 0x00D7},  {"divide", 0x00F7}, {"euro", 0x20AC},
    {"pound", 0x00A3},  {"yen", 0x00A5},    {"cent", 0x00A2},   {"sect", 0x00A7},   {"para", 0x00B6},
    {"shy", 0x00AD},    {"iexcl", 0x00A1},  {"iquest", 0x00BF}, {"eacute", 0x00E9}, {"egrave", 0x00E8},
    {"aacute", 0x00E1}, {"oacute", 0x00F3}, {"uuml", 0x00FC},   {"ouml", 0x00F6},
}};

}  // namespace

std::optional<char32_t> html_entity_code_point(std::string_view name) {
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char32_t cp = 0;
    for (char c : digits) {
      const int v = hex ? hex_digit_value(c) : is_ascii_digit(c) ? c - '0' : -1;
      if (v < 0) return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      if (cp > 0x10FFFF) return std::nullopt;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;
    return cp;
  }
  for (const NamedEntity& e : kNamedEntities)
    if (e.name == name) return e.code_point;
  return std::nullopt;
}

std::optional<HtmlEntity> html_entity_at(std::string_view text) {
  // The longest entity decoded is "&#x0010FFFF;": a ';' further on ends no entity.
  constexpr std::size_t kLongest = 12;
  if (text.empty() || text[0] != '&') return std::nullopt;
  const std::size_t semicolon = text.substr(0, kLongest).find(';');
  if (semicolon == std::string_view::npos) return std::nullopt;
  auto cp = html_entity_code_point(text.substr(1, semicolon - 1));
  if (!cp) return std::nullopt;
  return HtmlEntity{*cp, semicolon + 1};
}

}  // namespace disarm
