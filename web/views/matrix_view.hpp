// The Red and Blue matrices: tactic columns under their phases, cells coloured by how
// many incidents cite them, sub-techniques folded under their parent, filterable. On the red
// one, a highlight (what an incident used, a counter counters, a search found) and the
// analyst's selection are marked, with the selection panel beside it.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "disarm/pages/highlight.hpp"
#include "disarm/pages/matrix_model.hpp"
#include "disarm/pages/page.hpp"
#include "disarm/search/search_index.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"
#include "views/selection_view.hpp"

namespace disarm::web {

class MatrixView {
 public:
  void show(MatrixModel model);
  // Unfolds the parents of highlighted sub-techniques, so that every highlight is in view.
  void set_highlight(MatrixHighlight highlight);
  void draw(ViewContext& ctx);
  // An embed's menu: the toolbar's filter, buttons and legend, one under another.
  void draw_menu(ViewContext& ctx);

  // The cells that changed since an older release, marked by a word and a colour; the page
  // holds them, and stays the caller's until the next show().
  void set_changes(const MatrixChanges& changes) { changes_ = &changes; }
  const MatrixHighlight& highlight() const { return highlight_; }
  bool select_mode() const { return select_mode_; }
  bool panel_open() const { return panel_open_; }
  bool only_highlighted() const { return only_highlighted_; }
  // The matrix as shown (filtered), its highlight and the selection, as a print document.
  std::string print_document_html(const Framework& framework, const Selection& selection) const;

  MatrixSide side() const { return full_.side; }
  const std::string& filter() const { return filter_; }
  std::size_t shown_cells() const { return shown_.cell_count(); }
  // How many heat levels the legend keyed when last drawn: none when no incident cites a cell.
  std::size_t legend_levels() const { return legend_; }

 private:
  void refilter(const SearchIndexSource& search);
  void draw_toolbar(ViewContext& ctx, const SearchIndexSource& search, SelectionStore& store);
  // The filter, select mode, the selection panel's button and Print: on the toolbar's
  // lines, or one under another in a menu.
  void draw_controls(ViewContext& ctx, const SearchIndexSource& search, SelectionStore& store, bool in_menu);
  void draw_legend(ViewContext& ctx, bool in_menu);
  void draw_highlight_banner(ViewContext& ctx, SelectionStore& store);
  void draw_columns(ViewContext& ctx, SelectionStore& store);
  struct ColumnsFrame;
  // The phase bands above the tactics; returns where the tactics' headers start.
  float draw_phase_bands(ViewContext& ctx, const ColumnsFrame& f, ImVec2 origin);
  // One technique or counter cell at [min, max], with its marks, badge and fold toggle.
  void draw_cell(ViewContext& ctx, const ColumnsFrame& f, SelectionStore& store, const MatrixTacticColumn& column,
                 std::size_t i, ImVec2 min, ImVec2 max, float indent, bool lit);
  // A cell's change marks, bottom right: its own, then, on a folded parent, how many of the
  // sub-techniques folded into it changed ("2 below").
  void draw_cell_changes(ViewContext& ctx, ImDrawList* draw, const MatrixCell& cell, ImVec2 max) const;
  bool marks_changes(const MatrixCell& cell) const;  // draw_cell_changes draws a mark on it
  // A parent's fold toggle; true while the mouse is on it, so the cell under it takes no click.
  bool draw_fold_toggle(ViewContext& ctx, const ColumnsFrame& f, SelectionStore& store,
                        const MatrixTacticColumn& column, std::size_t i, ImVec2 min, ImVec2 max, ImU32 ink);

  MatrixModel full_;
  MatrixModel shown_;  // full_ filtered; recomputed when the filter changes
  std::string filter_;
  std::unordered_set<ObjectIndex> expanded_;  // parents whose sub-techniques are unfolded
  bool stale_ = false;                        // shown_ must be recomputed before drawing
  bool filtered_ = false;                     // shown_ is a filtered copy: folds are open, toggles hidden
  MatrixHighlight highlight_;
  const MatrixChanges* changes_ = nullptr;
  bool only_highlighted_ = false;
  bool scroll_to_highlight_ = false;
  std::unordered_set<ObjectIndex> highlighted_;  // highlight_.techniques, for the cells
  bool select_mode_ = false;                     // a plain click selects instead of opening
  // The panel is open while there is something in it (a selection, a previous one, a notice)
  // or select mode is on, unless the user has opened or hidden it.
  std::optional<bool> panel_choice_;
  bool panel_open_ = false;  // as last drawn
  std::size_t legend_ = 0;   // heat levels in the legend, as last drawn
  SelectionView panel_;
};

// Heat colours, colour-blind safe: one hue, lightness carries the level.
ImU32 heat_colour(const Palette& palette, int level, bool red);

}  // namespace disarm::web
