// How a query word may differ from the terms it should find: other forms of the same English
// word (plurals, British and American spellings), and typos (a bounded edit distance).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace disarm {

// Words longer than this get no typo tolerance.
inline constexpr std::size_t kMaxTypoWordBytes = 32;

// Other forms of an English word that mean the same: singular and plural ("networks" ->
// "network", "bot" -> "bots", "policies" -> "policy"), and British and American spellings
// ("organizations" -> "organisations", "behavior" -> "behaviour", "defense" -> "defence",
// "labeling" -> "labelling"), which matter here: DISARM writes British English and quotes
// American sources. Cheap rules that catch the commonest near misses; a form that no term has
// costs one lookup.
struct WordForms {
  std::array<std::pair<std::uint32_t, std::uint32_t>, 8> at{};  // byte ranges in the pool
  std::size_t count = 0;
};

// The forms of a folded word, written into `pool` (cleared first); none for words with digits
// or under 3 letters.
WordForms english_forms(std::string_view word, std::string& pool);

// The edit distance (insertions, deletions, substitutions, swaps of two neighbours) of `word`
// to `term`, or with `prefix` to the closest start of `term`, in bytes. Any distance above
// `max_distance` (at most 3) comes back as max_distance + 1, as does any for a word longer
// than kMaxTypoWordBytes.
unsigned bounded_edit_distance(std::string_view word, std::string_view term, unsigned max_distance, bool prefix);

}  // namespace disarm
