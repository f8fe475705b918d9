#include "text/utf8.hpp"

namespace disarm {

namespace {

// The bytes at text[i] that valid_utf8() keeps: a whole character, or 0 for a byte it replaces.
std::size_t kept_length(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return b != 0 ? 1 : 0;
  const Utf8Char c = decode_utf8(text, i);
  return c.valid ? c.size : 0;
}

}  // namespace

std::size_t valid_utf8_length(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = kept_length(text, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t run = 0;  // start of the valid bytes not yet copied, copied in one go
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = kept_length(text, i);
    if (n == 0) {
      out.append(text, run, i - run);
      out += kReplacementCharacter;
      run = ++i;
    } else {
      i += n;
    }
  }
  out.append(text, run, text.size() - run);
  return out;
}

void encode_utf8(std::string& out, char32_t scalar) {
  if (scalar < 0x80) {
    out += static_cast<char>(scalar);
  } else if (scalar < 0x800) {
    out += static_cast<char>(0xC0 | (scalar >> 6));
    out += static_cast<char>(0x80 | (scalar & 0x3F));
  } else if (scalar < 0x10000) {
    out += static_cast<char>(0xE0 | (scalar >> 12));
    out += static_cast<char>(0x80 | ((scalar >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (scalar & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (scalar >> 18));
    out += static_cast<char>(0x80 | ((scalar >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((scalar >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (scalar & 0x3F));
  }
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    out += kReplacementCharacter;
  else
    encode_utf8(out, code_point);
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) {
  if (max_bytes >= text.size()) return text.size();
  std::size_t n = max_bytes;
  while (n > 0 && is_utf8_continuation(text[n])) --n;
  return n;
}

}  // namespace disarm
