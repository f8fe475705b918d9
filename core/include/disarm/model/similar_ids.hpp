// "Did you mean": what to offer for an ID or name that was not found, the same in the
// viewer's not-found page and the CLI (suggest_ids), and its typo step (similar_ids).
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

// Objects to offer on a "not found" page, best first, at most `limit`. A well-formed ID
// the framework lacks ("T0155") gives the numerically nearest IDs of its kind; other text
// gives IDs a typo away ("I0001" -> I00001, see similar_ids()) and then objects whose name
// contains the text or is a few edits from it ("deepfakes"). A leading "#/" is ignored.
std::vector<ObjectIndex> suggest_ids(const Framework& framework, std::string_view unknown, std::size_t limit);

}  // namespace disarm
