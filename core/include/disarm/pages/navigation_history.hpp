// The viewer's back/forward list, kept in step with the browser's history: each entry the
// viewer pushes is stamped with its index here, so when the browser moves (its own back
// button, Alt+Left, a typed URL) the viewer knows where it landed.
#pragma once

#include <vector>

#include "disarm/pages/route.hpp"

namespace disarm {

class NavigationHistory {
 public:
  explicit NavigationHistory(Route first) : entries_{std::move(first)} {}

  const Route& current() const { return entries_[static_cast<std::size_t>(index_)]; }
  int index() const { return index_; }
  std::size_t size() const { return entries_.size(); }
  bool can_go_back() const { return index_ > 0; }
  bool can_go_forward() const { return index_ + 1 < static_cast<int>(entries_.size()); }

  // A new page: the entries ahead of the current one are dropped. Returns false, changing
  // nothing, when `route` is the current page already.
  bool push(Route route);
  // The current page changes without a new entry (the search box while typing).
  void replace(Route route) { entries_[static_cast<std::size_t>(index_)] = std::move(route); }
  // The browser arrived at an entry. When `index` is one of ours and holds `route`, that is
  // where we are; otherwise it is a new entry (a typed URL, a script's navigate) and is
  // pushed. Returns the index of the entry now current.
  int arrive(const Route& route, int index);

 private:
  std::vector<Route> entries_;
  int index_ = 0;
};

}  // namespace disarm
