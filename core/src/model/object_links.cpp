#include "disarm/model/object_links.hpp"

#include <array>

namespace disarm {

std::vector<LinkGroup> link_groups(const Framework& framework, ObjectIndex object) {
  std::array<std::vector<Link>, 2 * kRelationTypeCount> buckets;
  for (const Link& link : framework.links(object))
    buckets[2 * static_cast<std::size_t>(link.type) + (link.forward ? 0 : 1)].push_back(link);
  std::vector<LinkGroup> groups;
  for (std::size_t b = 0; b < buckets.size(); ++b)
    if (!buckets[b].empty()) groups.push_back({static_cast<RelationType>(b / 2), b % 2 == 0, std::move(buckets[b])});
  return groups;
}

}  // namespace disarm
