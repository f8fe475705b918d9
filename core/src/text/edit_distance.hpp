// Levenshtein distance, for "did you mean" suggestions among IDs and names. Search's typo
// matching has its own bounded, banded variant (search_words.hpp), made for its hot loop.
#pragma once

#include <cstddef>
#include <string_view>

namespace disarm {

// The fewest single-byte insertions, deletions and substitutions that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace disarm
