// Consistency checks on a loaded framework: what a snapshot can say that the model allows
// but DISARM does not (a sub-technique without its parent, a counter in the red matrix).
#pragma once

#include "disarm/diagnostic.hpp"
#include "disarm/model/model.hpp"

namespace disarm {

// One Diagnostic per problem, located at the object's ID (or "/matrices/red/2/cells/0" for
// a matrix cell), sorted by ID; problems of one object keep the order the checks run in.
// Errors are what makes the data wrong: dangling, duplicate or malformed IDs, relations
// between the wrong kinds, sub-techniques without their parent, matrix cells of the wrong
// kind. Warnings are what upstream itself does at times: a page listed in no index, an
// index row without a page, an empty name. Never throws.
Diagnostics validate(const Framework& framework);

}  // namespace disarm
