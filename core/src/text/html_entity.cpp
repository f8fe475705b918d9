#include "text/html_entity.hpp"

#include "text/ascii.hpp"

extern "C" {
#include "entity.h"
}

namespace disarm {

namespace {

// "CounterClockwiseContourIntegral", HTML5's longest entity name.
constexpr std::size_t kLongestName = 31;

// A named entity from md4c's table of every HTML5 one. The few that stand for two code
// points give nothing, as if unknown, so their text is kept as written.
std::optional<char32_t> named_entity(std::string_view name) {
  if (name.empty() || name.size() > kLongestName) return std::nullopt;
  char key[kLongestName + 2];
  key[0] = '&';
  name.copy(key + 1, name.size());
  key[name.size() + 1] = ';';
  const ENTITY* entity = entity_lookup(key, name.size() + 2);
  if (!entity || entity->codepoints[1] != 0) return std::nullopt;
  return static_cast<char32_t>(entity->codepoints[0]);
}

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
  return named_entity(name);
}

std::optional<HtmlEntity> html_entity_at(std::string_view text) {
  // The longest entity decoded is "&" + the longest name + ";": a ';' further on ends none.
  constexpr std::size_t kLongest = kLongestName + 2;
  if (text.empty() || text[0] != '&') return std::nullopt;
  const std::size_t semicolon = text.substr(0, kLongest).find(';');
  if (semicolon == std::string_view::npos) return std::nullopt;
  auto cp = html_entity_code_point(text.substr(1, semicolon - 1));
  if (!cp) return std::nullopt;
  return HtmlEntity{*cp, semicolon + 1};
}

}  // namespace disarm
