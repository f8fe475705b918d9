// Search results: as-you-type hits with the best-matching snippet and its matches in bold,
// kind filter chips with counts, and keyboard selection.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "disarm/route.hpp"
#include "disarm/search_index.hpp"
#include "view_context.hpp"

namespace disarm::web {

class SearchView {
 public:
  // Runs the query when it or the kinds differ from what is shown; cheap otherwise.
  void show(const Framework& framework, const SearchIndex& index, const std::string& query, KindSet kinds);
  void draw(ViewContext& ctx);
  // An embed's menu: the kind chips and "Show matches in matrix", which the results'
  // header holds otherwise.
  void draw_menu(ViewContext& ctx);

  // Keyboard selection while the search box has focus.
  void move_selection(int delta);
  // The selected hit's route, when there are hits.
  std::optional<Route> selected_route(const Framework& framework) const;

  const std::vector<SearchHit>& hits() const { return shown_; }
  const std::string& query() const { return query_; }
  KindSet kinds() const { return kinds_; }
  int selected() const { return selected_; }

 private:
  void draw_chips(ViewContext& ctx);
  void draw_show_in_matrix(ViewContext& ctx);
  void draw_hit(ViewContext& ctx, std::size_t i, float row_h, float width);

  std::string query_;
  KindSet kinds_;
  bool ran_ = false;
  std::vector<SearchHit> all_;    // every kind
  std::vector<SearchHit> shown_;  // all_ narrowed to kinds_
  std::array<std::size_t, kKindCount> per_kind_{};
  int selected_ = 0;
  bool scroll_to_selected_ = false;
};

}  // namespace disarm::web
