// Every object of one kind, in ID order, with a one-line summary: "#/kind/technique".
#pragma once

#include "disarm/page_model.hpp"
#include "view_context.hpp"

namespace disarm::web {

class KindListView {
 public:
  void show(KindPage page) { page_ = std::move(page); }
  void draw(ViewContext& ctx);
  const KindPage& page() const { return page_; }

 private:
  KindPage page_;
};

}  // namespace disarm::web
