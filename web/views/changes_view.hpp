// What changed between two releases: "#/changes/1.4..1.6". Counts per group as filters, the
// exports (Markdown, CSV, a Navigator layer coloured by change), then one entry per object
// that changed, linked into the release that has it, with its summary's words struck out in
// red and added in green.
#pragma once

#include <vector>

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

class ChangesView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const ChangesPage& page) {
    page_ = &page;
    heights_.assign(page.shown.size(), 0);
  }
  void draw(ViewContext& ctx);

 private:
  void draw_groups(ViewContext& ctx);
  void draw_exports(ViewContext& ctx);
  void draw_change(ViewContext& ctx, const ObjectChange& change, const WordDiff& summary, float width);

  const ChangesPage* page_ = nullptr;
  // Each entry's height when last drawn (0: not yet): an entry out of view is skipped for a
  // space that tall, so a page of a thousand changes stays within one draw list's 64K
  // vertices.
  std::vector<float> heights_;
};

}  // namespace disarm::web
