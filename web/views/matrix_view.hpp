// The Red and Blue matrices: tactic columns under their phases, cells coloured by how
// many incidents cite them, sub-techniques folded under their parent, filterable.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "disarm/matrix_model.hpp"
#include "disarm/search_index.hpp"
#include "view_context.hpp"

namespace disarm::web {

class MatrixView {
 public:
  void show(MatrixModel model);
  void draw(ViewContext& ctx, const SearchIndex& search);

  MatrixSide side() const { return full_.side; }
  const std::string& filter() const { return filter_; }
  std::size_t shown_cells() const { return shown_.cell_count(); }

 private:
  void refilter(const SearchIndex& search);
  void draw_legend(ViewContext& ctx);
  void draw_columns(ViewContext& ctx);

  MatrixModel full_;
  MatrixModel shown_;  // full_ filtered; recomputed when the filter changes
  std::string filter_;
  std::unordered_set<ObjectIndex> expanded_;  // parents whose sub-techniques are unfolded
};

// Heat colours, colour-blind safe: one hue, lightness carries the level.
ImU32 heat_colour(const Palette& palette, int level, bool red);

}  // namespace disarm::web
