// The viewer: the loaded framework, its search index, the back/forward list, and the views.
// Owns no platform code; the Backend calls draw() each frame it draws.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "disarm/model.hpp"
#include "disarm/navigation_history.hpp"
#include "disarm/search_index.hpp"
#include "fonts.hpp"
#include "platform/page_api.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"
#include "views/kind_list_view.hpp"
#include "views/matrix_view.hpp"
#include "views/object_view.hpp"
#include "views/overview_view.hpp"
#include "views/search_view.hpp"

namespace disarm::web {

class ViewerApp : public PageApiHandler {
 public:
  // Loads the embedded snapshot and builds the search index. A snapshot that fails to load
  // leaves the viewer showing the error instead of the framework.
  ViewerApp();

  void set_appearance(float scale, bool dark);
  // Shows the route in the page's URL; call once the page API is installed.
  void start();
  void draw();

  std::string state_json() const override;
  void location_changed(const std::string& fragment, int history_index) override;
  std::string search_json(const std::string& query) const override;
  // An ATT&CK Navigator layer's text becomes the selection (the previous one kept for
  // Restore); returns the message the selection panel shows. For the file picker, paste,
  // window.disarm.importLayer and dropped files alike.
  std::string import_layer(const std::string& text) override;
  std::string export_text(const std::string& what) const override;

 private:
  void navigate(Route route);  // a new page, with a history entry
  // A route's shared selection ("sel=") is opened and taken out of the route, so that back,
  // forward and reload do not open it again over later changes.
  Route take_shared_selection(Route route);
  void show(const Route& route);
  void sync_location(bool push);
  void draw_top_bar(ViewContext& ctx);
  void draw_page(ViewContext& ctx);
  void draw_not_found(ViewContext& ctx);
  void search_typed(ViewContext& ctx);

  std::optional<Framework> framework_;
  std::optional<SearchIndex> search_index_;
  std::unique_ptr<LinkPreviewCache> previews_;
  std::string load_error_;
  std::optional<NavigationHistory> history_;

  std::unique_ptr<OverviewView> overview_;
  ObjectView object_view_;
  MatrixView matrix_view_;
  SearchView search_view_;
  KindListView kind_view_;
  std::vector<ObjectIndex> suggestions_;  // for a not-found page

  std::string search_text_;  // the top bar's search box
  bool focus_search_ = false;
  bool search_focused_ = false;
  float search_rect_[4] = {};     // device pixels
  std::vector<DrawnLink> links_;  // drawn in the last frame
  std::vector<DrawnButton> buttons_;
  SelectionStore selection_;

  Fonts fonts_;
  Palette palette_{};
  float scale_ = 1.0f;
  bool dark_ = false;
  bool announced_ready_ = false;
  int frames_ = 0;
};

}  // namespace disarm::web
