// HTML character references, decoded with md4c's table of every HTML5 named one: for the rich
// text renderer, search's plain text and the importer's table cells alike.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace disarm {

// The code point an entity's name stands for: "amp", "nbsp", "#8217", "#x2019" (without the
// '&' and ';'). Nothing for a name not in the table, or a number that is not a Unicode scalar
// value; callers keep such text as written.
std::optional<char32_t> html_entity_code_point(std::string_view name);

// The entity `text` starts with ("&amp;", "&#x2019;"): its code point and its length in
// bytes. Nothing when `text` does not start with one the table decodes.
struct HtmlEntity {
  char32_t code_point;
  std::size_t length;
};
std::optional<HtmlEntity> html_entity_at(std::string_view text);

}  // namespace disarm
