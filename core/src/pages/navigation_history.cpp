#include "disarm/pages/navigation_history.hpp"

namespace disarm {

bool NavigationHistory::push(Route route) {
  if (route == current()) return false;
  entries_.resize(static_cast<std::size_t>(index_) + 1);
  entries_.push_back(std::move(route));
  ++index_;
  return true;
}

int NavigationHistory::arrive(const Route& route, int index) {
  if (index >= 0 && index < static_cast<int>(entries_.size()) && entries_[static_cast<std::size_t>(index)] == route) {
    index_ = index;
    return index_;
  }
  push(route);
  return index_;
}

}  // namespace disarm
