// Reading IDs out of upstream's text: "TA07 Select Channels", "M004 - Friction",
// "S001, S002", and link targets such as "../../generated_pages/techniques/T0001.md".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/kind.hpp"

namespace disarm::importer {

struct IdMention {
  std::string id;  // canonical: "T0154.002"
  Kind kind = Kind::Technique;
  std::string name;  // the words after the ID, if any: "AI Media Platform"
};

// The ID plain text starts with ("TA07 Select Channels" -> TA07, "Select Channels").
std::optional<IdMention> leading_id(std::string_view plain);

// True when text starts with something shaped like an ID (letters then digits), valid or not:
// tells a malformed ID ("T01X") from ordinary words.
bool starts_like_id(std::string_view plain);

struct IdList {
  std::vector<IdMention> ids;
  std::vector<std::string> unreadable;  // items that should start with an ID and do not
};

// A list of "ID name" items separated by commas: "M006 - Scoring, M005 - Removal". An item
// starting with no ID continues the previous item's name, since names may hold commas.
IdList id_list(std::string_view plain);

// A link target relative to generated_pages: "../../generated_pages/techniques/T0001.md"
// and "../generated_pages/techniques/T0001.md" both give "techniques/T0001.md".
std::string link_path(std::string_view href);

// The ID a page path names by its file name: "techniques/T0001.md" -> T0001.
std::optional<IdMention> id_of_path(std::string_view path);

}  // namespace disarm::importer
