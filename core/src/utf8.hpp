// UTF-8 for text the viewer shows: repairing it, encoding code points, cutting it safely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace disarm {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// The text with each byte that starts no well-formed UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included) and each NUL replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Appends a code point; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// The largest n <= max_bytes at which `text` (valid UTF-8) can be cut without splitting a
// character.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes);

}  // namespace disarm
