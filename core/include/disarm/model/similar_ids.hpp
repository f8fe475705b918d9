// "Did you mean": the IDs closest to one that was not found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"

namespace disarm {

// Up to `limit` IDs of the framework's objects within a small edit distance of `text`
// (ignoring case), closest first; ties go to the numerically nearest ID with the same letters.
// "T0155" suggests T0154 and T0156; "I0001" suggests I00001.
std::vector<std::string> similar_ids(const Framework& framework, std::string_view text, std::size_t limit = 3);

}  // namespace disarm
