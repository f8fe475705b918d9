// UTF-8, the one place it is decoded and encoded: reading a code point, checking and repairing
// text, encoding code points, cutting text at a character boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace disarm {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// One code point read from UTF-8.
struct Utf8Char {
  char32_t code_point;  // U+FFFD when `valid` is false
  std::size_t size;     // bytes read: 1 for a byte that starts no well-formed sequence
  bool valid;
};

// Reads the code point at text[i] (i < text.size()). Strict, per Unicode table 3-7: overlong
// forms, surrogates, values past U+10FFFF and cut-off sequences are not well-formed. NUL is.
// Inline: the JSON parser and the search tokenizer call it for every non-ASCII character.
inline Utf8Char decode_utf8(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) -> char32_t {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
  };
  auto in = [](char32_t b, char32_t lo, char32_t hi) { return b >= lo && b <= hi; };
  constexpr Utf8Char kIllFormed{0xFFFD, 1, false};
  const char32_t b0 = byte(0);
  if (b0 < 0x80) return {b0, 1, true};
  const char32_t b1 = byte(1);
  if (in(b0, 0xC2, 0xDF)) {
    if (!in(b1, 0x80, 0xBF)) return kIllFormed;
    return {(b0 & 0x1F) << 6 | (b1 & 0x3F), 2, true};
  }
  if (in(b0, 0xE0, 0xEF)) {
    const char32_t lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF, b2 = byte(2);
    if (!in(b1, lo, hi) || !in(b2, 0x80, 0xBF)) return kIllFormed;
    return {(b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 3, true};
  }
  if (in(b0, 0xF0, 0xF4)) {
    const char32_t lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF, b2 = byte(2), b3 = byte(3);
    if (!in(b1, lo, hi) || !in(b2, 0x80, 0xBF) || !in(b3, 0x80, 0xBF)) return kIllFormed;
    return {(b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F), 4, true};
  }
  return kIllFormed;
}

// True for the second to last bytes of a multi-byte sequence.
inline bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The length of the longest prefix of `text` that valid_utf8() keeps as it is: text.size()
// when the whole text is well-formed UTF-8 without NUL.
std::size_t valid_utf8_length(std::string_view text);

// The text with each byte that starts no well-formed UTF-8 sequence and each NUL replaced by
// U+FFFD, one replacement per byte.
std::string valid_utf8(std::string_view text);

// Appends a Unicode scalar value, NUL included; the caller has made sure it is no surrogate
// and at most U+10FFFF.
void encode_utf8(std::string& out, char32_t scalar);

// Appends a code point to text the viewer shows: NUL, surrogates and values past U+10FFFF
// become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// The largest n <= max_bytes at which `text` (valid UTF-8) can be cut without splitting a
// character.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes);

}  // namespace disarm
