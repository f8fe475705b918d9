// DISARM IDs: parsing, validation and numeric order.
//
// IDs compare by kind, then by number, then by sub-number, never as text: T0009 comes
// before T0010 and T0097.100 after T0097.99 would, were there one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "disarm/model/kind.hpp"

namespace disarm {

struct IdKey {
  Kind kind;
  unsigned number;
  int sub;  // -1 when the ID has no ".NNN" part
  // 0 for the kind's own pattern (kind_info); i for alternative_id_patterns()[i - 1]: the
  // same kind written as another framework writes it (an assessment A0001 is a technique).
  unsigned char pattern = 0;

  friend auto operator<=>(const IdKey&, const IdKey&) = default;
};

// Parses a canonical ID ("T0154.002", "TA07", "I00099", an assessment "A0001.001").
// Case-insensitive on input, so "t0154.002" parses; canonical_id() gives the upper-case form.
std::optional<IdKey> parse_id(std::string_view text);
std::string canonical_id(const IdKey& key);

// True when `text` is exactly a well-formed ID of its kind.
inline bool is_valid_id(std::string_view text) {
  return parse_id(text).has_value();
}

// Orders two ID strings numerically; malformed IDs sort after all valid ones, as text.
bool id_less(std::string_view a, std::string_view b);

}  // namespace disarm
