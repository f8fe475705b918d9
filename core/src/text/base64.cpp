#include "disarm/text/base64.hpp"

#include <cstdint>

namespace disarm {

namespace {

constexpr std::string_view kStandard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += alphabet[(bits >> count) & 0x3F];
    }
  }
  if (count > 0) out += alphabet[(bits << (6 - count)) & 0x3F];
  if (pad)
    while (out.size() % 4 != 0) out += '=';
  return out;
}

int url_sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::string character_at(std::size_t index) {
  return "character " + std::to_string(index + 1);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  return encode(bytes, kStandard, true);
}

std::string base64url_encode(std::string_view bytes) {
  return encode(bytes, kUrl, false);
}

Result<std::string> base64url_decode(std::string_view code) {
  std::string bytes;
  bytes.reserve(code.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    int value = url_sextet(code[i]);
    if (value < 0) {
      const unsigned char c = static_cast<unsigned char>(code[i]);
      std::string shown = c >= 0x21 && c < 0x7F ? std::string{'\'', code[i], '\''} : "byte " + std::to_string(c);
      return Error{shown + " is not one of A-Z a-z 0-9 - _", character_at(i)};
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  // What is left over must be fewer than 8 zero bits: the tail an encoder writes.
  if (code.size() % 4 == 1) return Error{"it ends part-way through a byte", character_at(code.size() - 1)};
  if (count > 0 && (bits & ((1u << count) - 1)) != 0)
    return Error{"its last character has stray bits", character_at(code.size() - 1)};
  return bytes;
}

}  // namespace disarm
