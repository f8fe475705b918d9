#include "disarm/model/object_id.hpp"

#include <algorithm>

#include "text/ascii.hpp"
#include "disarm/model/release.hpp"

namespace disarm {

namespace {

// `text` as an ID written with `prefix` and `digits` digits, and for techniques an optional
// ".NNN" sub-number of exactly three digits.
std::optional<IdKey> parse_pattern(std::string_view text, std::size_t letters, Kind kind, int digits,
                                   unsigned char pattern) {
  std::string_view rest = text.substr(letters);
  if (rest.size() < static_cast<std::size_t>(digits)) return std::nullopt;
  unsigned number = 0;
  for (int i = 0; i < digits; ++i) {
    if (!is_ascii_digit(rest[i])) return std::nullopt;
    number = number * 10 + static_cast<unsigned>(rest[i] - '0');
  }
  rest.remove_prefix(digits);
  int sub = -1;
  if (!rest.empty()) {
    if (kind != Kind::Technique || rest.size() != 4 || rest[0] != '.' || !is_ascii_digit(rest[1]) ||
        !is_ascii_digit(rest[2]) || !is_ascii_digit(rest[3]))
      return std::nullopt;
    sub = (rest[1] - '0') * 100 + (rest[2] - '0') * 10 + (rest[3] - '0');
  }
  return IdKey{kind, number, sub, pattern};
}

}  // namespace

std::optional<IdKey> parse_id(std::string_view text) {
  std::size_t letters = 0;
  while (letters < text.size() && is_ascii_alpha(text[letters])) ++letters;
  if (letters == 0 || letters > 2) return std::nullopt;
  std::string prefix;
  for (std::size_t i = 0; i < letters; ++i) prefix += ascii_upper(text[i]);

  for (const auto& info : all_kinds())
    if (info.prefix == prefix) {
      if (auto key = parse_pattern(text, letters, info.kind, info.digits, 0)) return key;
      break;
    }
  // Digit counts tell the patterns apart: A001 is an actor type, A0001 an assessment.
  auto alternatives = alternative_id_patterns();
  for (std::size_t i = 0; i < alternatives.size(); ++i)
    if (alternatives[i].id_prefix == prefix)
      if (auto key = parse_pattern(text, letters, alternatives[i].kind, alternatives[i].id_digits,
                                   static_cast<unsigned char>(i + 1)))
        return key;
  return std::nullopt;
}

std::string canonical_id(const IdKey& key) {
  const KindInfo& info = kind_info(key.kind);
  auto alternatives = alternative_id_patterns();
  const KindWords* alternative =
      key.pattern > 0 && key.pattern <= alternatives.size() ? &alternatives[key.pattern - 1] : nullptr;
  std::string_view prefix = alternative ? std::string_view(alternative->id_prefix) : info.prefix;
  std::size_t width = static_cast<std::size_t>(alternative ? alternative->id_digits : info.digits);
  std::string digits = std::to_string(key.number);
  std::string id(prefix);
  if (digits.size() < width) id.append(width - digits.size(), '0');
  id += digits;
  if (key.sub >= 0) {
    std::string sub = std::to_string(key.sub);
    id += '.';
    id.append(3 - std::min<std::size_t>(3, sub.size()), '0');
    id += sub;
  }
  return id;
}

bool id_less(std::string_view a, std::string_view b) {
  auto ka = parse_id(a);
  auto kb = parse_id(b);
  if (ka && kb) return *ka < *kb || (*ka == *kb && a < b);
  if (ka != kb) return ka.has_value();  // valid IDs first
  return a < b;
}

}  // namespace disarm
