// One object in every release the viewer holds: "#/history/T0019". Each release says whether
// it has the object, under which name, and what changed since the release before it.
#pragma once

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

class HistoryView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const HistoryPage& page) { page_ = &page; }
  void draw(ViewContext& ctx);

 private:
  const HistoryPage* page_ = nullptr;
};

}  // namespace disarm::web
