// An object's links gathered into groups, one per relation and direction, in a fixed order:
// what an object page and `disarm show` list under "tactic", "incidents", "subtechniques".
#pragma once

#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"

namespace disarm {

struct LinkGroup {
  RelationType type;
  bool forward;             // true when the object is the relations' `from`
  std::vector<Link> links;  // in relation order: an incident's techniques as upstream lists them

  // "tactic", "incidents". Unique among one object's groups unless relations join the
  // wrong kinds (which validation reports).
  std::string_view name() const {
    const RelationInfo& info = relation_info(type);
    return forward ? info.forward : info.backward;
  }
};

// Groups in relation-type order (all_relation_types()), the forward group before the
// backward one of the same type; empty groups are left out.
std::vector<LinkGroup> link_groups(const Framework& framework, ObjectIndex object);

}  // namespace disarm
