// Which techniques to light up on the red matrix: those an object points at, those a search
// found, those a selection holds. Each list is of technique objects, in ID order, each once,
// ready for filter_matrix() or the matrix's highlight classes.
#pragma once

#include <span>
#include <vector>

#include "disarm/model.hpp"
#include "disarm/selection.hpp"

namespace disarm {

// An incident: the techniques it used. A counter: the techniques it counters. A technique:
// itself. Any other object: none.
std::vector<ObjectIndex> highlight_for(const Framework& framework, ObjectIndex object);

// The techniques among search hits (or any objects), whatever order the hits come in.
std::vector<ObjectIndex> technique_hits(const Framework& framework, std::span<const ObjectIndex> hits);

// The selection's techniques that the framework has.
std::vector<ObjectIndex> selected_techniques(const Framework& framework, const Selection& selection);

}  // namespace disarm
