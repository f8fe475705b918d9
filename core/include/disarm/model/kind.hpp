// The kinds of DISARM object and the ID shape of each.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace disarm {

enum class Kind : unsigned char {
  Phase,          // P01
  Tactic,         // TA01
  Technique,      // T0001, sub-technique T0001.001
  Task,           // TK0001
  Incident,       // I00001
  Counter,        // C00001
  ActorType,      // A001
  Metatechnique,  // M001
  Detection,      // F00001
  ResponseType,   // D01
  Sector,         // S001: named in counters and actor types, no page upstream
  Framework,      // FW01: framework viewpoints, no page upstream
};

inline constexpr std::size_t kKindCount = 12;

struct KindInfo {
  Kind kind;
  std::string_view name;    // snapshot and CLI name: "technique", "actor-type"
  std::string_view label;   // singular, for people: "Actor type"
  std::string_view plural;  // "Actor types"
  std::string_view prefix;  // ID prefix: "A"
  int digits;               // digits after the prefix
};

// A set of kinds, one bit each: a search's kinds, a search page's chips.
using KindMask = std::uint32_t;
constexpr KindMask kind_bit(Kind kind) {
  return KindMask{1} << static_cast<unsigned>(kind);
}
inline constexpr KindMask kAllKinds = (KindMask{1} << kKindCount) - 1;

const std::array<KindInfo, kKindCount>& all_kinds();
const KindInfo& kind_info(Kind kind);
std::string_view kind_name(Kind kind);
std::optional<Kind> kind_from_name(std::string_view name);

}  // namespace disarm
