// ASCII character classes and case, for the syntax of IDs, routes, markup and JSON, which is
// ASCII whatever the text around it. Bytes of multi-byte UTF-8 characters are in no class
// and keep their case.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace disarm {

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Space, \t, \n, \v, \f and \r, as C's isspace() in the C locale.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

constexpr bool is_ascii_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

constexpr bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || is_ascii_alpha(c);
}

constexpr bool has_ascii_digit(std::string_view text) {
  for (char c : text)
    if (is_ascii_digit(c)) return true;
  return false;
}

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

inline std::string ascii_lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// True when `text` starts with `lower_prefix`, a lower-case text, in any case.
constexpr bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i)
    if (ascii_lower(text[i]) != lower_prefix[i]) return false;
  return true;
}

// The value of a hexadecimal digit, either case; -1 for any other character.
constexpr int hex_digit_value(char c) {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Without ASCII whitespace at either end.
constexpr std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// Runs of ASCII whitespace become one space; the ends are trimmed.
inline std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_ascii_space(text[i])) ++i;
    std::size_t word = i;
    while (i < text.size() && !is_ascii_space(text[i])) ++i;
    if (i == word) break;
    if (!out.empty()) out += ' ';
    out.append(text.substr(word, i - word));
  }
  return out;
}

}  // namespace disarm
