// Every object of one kind, in ID order, with a one-line summary: "#/kind/technique".
#pragma once

#include "disarm/pages/page_model.hpp"
#include "view_context.hpp"

namespace disarm::web {

class KindListView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const KindPage& page) { page_ = &page; }
  void draw(ViewContext& ctx);

 private:
  const KindPage* page_ = nullptr;
};

}  // namespace disarm::web
