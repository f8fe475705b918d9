// Which techniques to light up on the red matrix: those an object points at, those a search
// found, those a selection holds. Each list is of technique objects, in ID order, each once,
// ready for filter_matrix() or the matrix's highlight classes.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm {

// An incident: the techniques it used. A counter: the techniques it counters. A technique:
// itself. Any other object: none.
std::vector<ObjectIndex> highlight_for(const Framework& framework, ObjectIndex object);

// The techniques among search hits (or any objects), whatever order the hits come in.
std::vector<ObjectIndex> technique_hits(const Framework& framework, std::span<const ObjectIndex> hits);

// The selection's techniques that the framework has.
std::vector<ObjectIndex> selected_techniques(const Framework& framework, const Selection& selection);

// A matrix route's highlight (route.hpp: "I00099" or "search:QUERY") resolved against the
// framework, with the words its banner shows.
struct MatrixHighlight {
  std::string source;                 // as in the route
  std::string label;                  // "I00099 Name", "search \u201Cdeepfake\u201D", "T9999 (not in ...)"
  std::optional<ObjectIndex> object;  // the object it comes from, when the framework has it
  std::vector<ObjectIndex> techniques;
};

// An empty source gives an empty highlight. A search highlights every technique the query
// finds, not only the best hits a results page lists; only then is `index` asked for.
MatrixHighlight matrix_highlight(const Framework& framework, const SearchIndexSource& index, std::string_view source);

}  // namespace disarm
