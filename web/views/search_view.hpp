// Search results: as-you-type hits with the best-matching snippet and its matches in bold,
// kind filter chips with counts, and keyboard selection.
#pragma once

#include <optional>

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

class SearchView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const SearchPage& page);
  void draw(ViewContext& ctx);
  // An embed's menu: the kind chips and "Show matches in matrix", which the results'
  // header holds otherwise.
  void draw_menu(ViewContext& ctx);

  // Keyboard selection while the search box has focus.
  void move_selection(int delta);
  // The selected hit's route, when there are hits.
  std::optional<Route> selected_route(const Framework& framework) const;

  int selected() const { return selected_; }

 private:
  void draw_chips(ViewContext& ctx);
  void draw_show_in_matrix(ViewContext& ctx);
  void draw_hit(ViewContext& ctx, std::size_t i, float row_h, float width);

  const SearchPage* page_ = nullptr;
  int selected_ = 0;
  bool scroll_to_selected_ = false;
};

}  // namespace disarm::web
