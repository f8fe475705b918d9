#include "disarm/object_id.hpp"

#include <algorithm>

#include "ascii.hpp"

namespace disarm {

std::optional<IdKey> parse_id(std::string_view text) {
  std::size_t letters = 0;
  while (letters < text.size() && is_ascii_alpha(text[letters])) ++letters;
  if (letters == 0 || letters > 2) return std::nullopt;
  std::string prefix;
  for (std::size_t i = 0; i < letters; ++i) prefix += ascii_upper(text[i]);

  for (const auto& info : all_kinds()) {
    if (info.prefix != prefix) continue;
    std::string_view rest = text.substr(letters);
    if (rest.size() < static_cast<std::size_t>(info.digits)) return std::nullopt;
    unsigned number = 0;
    for (int i = 0; i < info.digits; ++i) {
      if (!is_ascii_digit(rest[i])) return std::nullopt;
      number = number * 10 + static_cast<unsigned>(rest[i] - '0');
    }
    rest.remove_prefix(info.digits);
    int sub = -1;
    // Only techniques have sub-IDs: T0097.100. Exactly three digits.
    if (!rest.empty()) {
      if (info.kind != Kind::Technique || rest.size() != 4 || rest[0] != '.' || !is_ascii_digit(rest[1]) ||
          !is_ascii_digit(rest[2]) || !is_ascii_digit(rest[3]))
        return std::nullopt;
      sub = (rest[1] - '0') * 100 + (rest[2] - '0') * 10 + (rest[3] - '0');
    }
    return IdKey{info.kind, number, sub};
  }
  return std::nullopt;
}

std::string canonical_id(const IdKey& key) {
  const KindInfo& info = kind_info(key.kind);
  std::string digits = std::to_string(key.number);
  std::string id(info.prefix);
  if (digits.size() < static_cast<std::size_t>(info.digits)) id.append(info.digits - digits.size(), '0');
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
