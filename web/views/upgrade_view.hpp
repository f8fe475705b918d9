// Carrying a selection forward: "#/upgrade/0.9?sel=CODE&ok=...&skip=...". How far the review
// is ("reviewed n of m"), each changed technique with its older and newer version side by
// side and Accept / Skip for it and for its group, the removed ones flagged, the unchanged
// ones already carried, and "Use this selection" to make the result the working selection.
// Every decision is a new address (UpgradePage in core), so a reload resumes the review.
#pragma once

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

class UpgradeView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const UpgradePage& page) { page_ = &page; }
  void draw(ViewContext& ctx);

 private:
  void draw_summary(ViewContext& ctx);
  void draw_group(ViewContext& ctx, ChangeGroup group, float width);
  void draw_item(ViewContext& ctx, const UpgradeItem& item, float width);
  void draw_removed(ViewContext& ctx);
  void draw_carried(ViewContext& ctx);
  // Opens the page's address with `decisions` in place of its own.
  void decide(ViewContext& ctx, const SelectionUpgrade& decisions);

  const UpgradePage* page_ = nullptr;
};

}  // namespace disarm::web
