// The selection panel beside the matrix: the selected techniques with their tactic, score and
// comment, and what to do with them (share link, Navigator layer, CSV and Markdown tables,
// import of a layer, clear and restore).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "disarm/selection/selection_export.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"

namespace disarm::web {

class SelectionView {
 public:
  // `highlight`: the matrix route's, so that a share link keeps it.
  void draw(ViewContext& ctx, SelectionStore& store, std::string_view highlight);

 private:
  void draw_contents(ViewContext& ctx, SelectionStore& store, std::string_view highlight);
  void draw_actions(ViewContext& ctx, SelectionStore& store, std::string_view highlight);
  void draw_item(ViewContext& ctx, SelectionStore& store, const SelectedTechnique& item, float width);

  void refresh_rows(const Framework& framework, const Selection& selection);

  bool pasting_ = false;
  std::string pasted_;  // the paste box's text
  // Names, tactics and incident counts of the selection's techniques, rebuilt when it changes.
  Selection rows_of_;
  std::vector<SelectionRow> rows_;
};

// Colour-blind safe marks (Okabe-Ito): blue for a highlight, orange for a selection, each
// with its own shape too (an outline with a corner flag; a check badge), for the matrix and
// its legend.
inline constexpr ImU32 kHighlightColour = IM_COL32(0, 114, 178, 255);
inline constexpr ImU32 kSelectedColour = IM_COL32(230, 159, 0, 255);
// The check badge of a selected technique at `pos` (its top left), with the score if any;
// returns its width.
float draw_selected_badge(ViewContext& ctx, ImDrawList* draw, ImVec2 pos, std::optional<int> score);

}  // namespace disarm::web
