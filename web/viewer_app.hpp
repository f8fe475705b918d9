// The viewer: its catalogue of releases, the one shown and its search index, the
// back/forward list, and the views.
// Owns no platform code; the Backend calls draw() each frame it draws.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "disarm/io/catalogue.hpp"
#include "disarm/model/model.hpp"
#include "disarm/pages/navigation_history.hpp"
#include "disarm/pages/page.hpp"
#include "disarm/search/search_index.hpp"
#include "fonts.hpp"
#include "platform/page_api.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"
#include "views/about_view.hpp"
#include "views/changes_view.hpp"
#include "views/history_view.hpp"
#include "views/kind_list_view.hpp"
#include "views/matrix_view.hpp"
#include "views/object_view.hpp"
#include "views/overview_view.hpp"
#include "views/search_view.hpp"
#include "views/upgrade_view.hpp"

namespace disarm::web {

class ViewerApp : public PageApiHandler {
 public:
  // Takes the embedded snapshots as its catalogue and loads the default release. A default
  // that fails to load leaves the viewer showing the error instead of the framework.
  ViewerApp();

  void set_appearance(float scale, bool dark);
  // Shows the route in the page's URL; call once the page API is installed.
  void start();
  void draw();

  std::string state_json() const override;
  std::string state_part_json(const std::string& part) const override;
  void location_changed(const std::string& fragment, int history_index) override;
  std::string search_json(const std::string& query) const override;
  std::string open_data(const std::string& name, std::string_view text, std::uint64_t size) override;

  // What opening a file did, for the page to tell the user.
  struct OpenedFile {
    bool ok = false;       // the data shown is now the file's
    std::string type;      // data_file_type_name: "snapshot", "stix-bundle", ...
    std::string message;   // one sentence or two for the user, naming the file
    std::string location;  // where in the file a problem is: "line 3, column 7", "/objects/2"
    double ms = 0;         // time to open it
  };
  // The one place a file's text is opened, whatever brought it: a drop, "Open file...",
  // ?data=URL or window.disarm.load. Framework data joins the catalogue for the visit and is
  // shown (back returns to the release shown before); a Navigator layer
  // becomes the selection, shown on the red matrix; the rest is an error, and so is a file of
  // more than kMaxDataFileBytes (`size`), refused before its text is read.
  OpenedFile open_file(const std::string& name, std::string_view text, std::uint64_t size);
  std::string mirror_html() const override;
  void search_box_input(const std::string& text) override;
  void search_box_key(const std::string& key) override;
  // An ATT&CK Navigator layer's text becomes the selection (the previous one kept for
  // Restore); returns the message the selection panel shows. For the file picker, paste,
  // window.disarm.importLayer and dropped files alike.
  std::string import_layer(const std::string& text) override;
  std::string export_text(const std::string& what) const override;

  // Where the viewer's own start-up time went, in ms, for window.disarm.state().startup: the
  // page adds the download and compile times it measured (viewer.js).
  struct StartupTimes {
    double parse_ms = 0;  // the embedded snapshot into the model
    double index_ms = 0;  // the search index, when first needed (0 until then)
    double fonts_ms = 0;  // the font atlas, rasterised
    int atlas_width = 0;  // its size in pixels: every one costs memory twice (alpha, then RGBA)
    int atlas_height = 0;
  };

 private:
  void navigate(Route route);  // a new page, with a history entry
  // A route's shared selection ("sel=") is opened and taken out of the route, so that back,
  // forward and reload do not open it again over later changes.
  Route take_shared_selection(Route route);
  void show(const Route& route);
  void replace_route(Route route);  // a new page in place of the current history entry
  // Carrying a selection forward (viewer_upgrade.cpp). A layer made on an older release of the
  // catalogue than the one shown opens its upgrade page (`read_on` reads it on that release)
  // and gives the message to show; else nothing, and the layer is used as it is.
  std::optional<std::string> start_layer_upgrade(const Result<LayerImport>& layer,
                                                 const std::function<Result<LayerImport>(const Framework&)>& read_on);
  // The upgrade route for a share link made on an older release than the one shown, if it is.
  std::optional<Route> link_upgrade(const Route& link) const;
  void sync_location(bool push);
  void draw_history_buttons(bool small);  // back and forward
  void draw_top_bar(ViewContext& ctx);
  void draw_embed_bar(ViewContext& ctx);  // ?embed=1: back, forward, the menu, "Open in full viewer"
  // The page's analyst controls (filter, selection, print...), which an embed keeps behind one menu.
  void draw_embed_menu(ViewContext& ctx);
  void draw_search_box(ViewContext& ctx, float width);
  void draw_tabs(ViewContext& ctx);
  void draw_page(ViewContext& ctx);
  nlohmann::json search_box_json() const;
  void add_page_state(nlohmann::json& state) const;
  void draw_not_found(ViewContext& ctx, const NotFoundPage& page);
  void search_typed(ViewContext& ctx);
  // Shows the catalogue's release `key` (its `framework`) in place of the current one: every
  // view that holds pages, indexes or references into the old one starts afresh.
  void use_release(const std::string& key, const Framework& framework);
  // `route` as the viewer navigates to it: with no release, the one shown; with the default
  // one, none, so that addresses stay as they were before releases.
  Route in_release(Route route) const;
  // Makes `key` the release an address without one shows (an opened file, or the built-in
  // data back) and shows the current page in it.
  void show_release_as_default(const std::string& key);
  void draw_release_picker(ViewContext& ctx);

  // Built on first use (search_index()): the first page seldom searches, and a large
  // framework's index takes longer to build than the rest of the start together.
  const SearchIndex& search_index() const;
  SearchIndexSource index_source() const {
    return [this]() -> const SearchIndex& { return search_index(); };
  }

  Catalogue catalogue_;
  const Framework* framework_ = nullptr;  // the catalogue's, of the release shown
  std::string release_;                   // its key
  mutable std::optional<SearchIndex> search_index_;
  std::unique_ptr<LinkPreviewCache> previews_;
  std::string load_error_;
  std::optional<NavigationHistory> history_;
  std::optional<Page> page_;  // the current route's, which the views draw from

  std::unique_ptr<OverviewView> overview_;
  ObjectView object_view_;
  MatrixView matrix_view_;
  SearchView search_view_;
  KindListView kind_view_;
  ChangesView changes_view_;
  HistoryView history_view_;
  UpgradeView upgrade_view_;
  AboutState about_;
  mutable StartupTimes startup_;
  std::string opened_from_;  // the file or URL whose data is shown; empty for built-in data
  std::string opened_type_;
  double opened_ms_ = 0;

  std::string search_text_;  // the top bar's search box
  bool focus_search_ = false;
  bool search_focus_pending_ = false;  // "/" or Ctrl+K asked for the box, which has not got it yet
  bool search_focused_ = false;
  float search_rect_[4] = {};  // device pixels
  // From the page's <input> over the search box, applied in the next frame's top bar.
  std::optional<std::string> typed_text_;
  std::vector<std::string> typed_keys_;
  bool text_input_open_ = false;     // the page's input is over the box and has the focus
  float notified_search_[5] = {-1};  // focused and CSS rect last told to the page
  std::vector<DrawnLink> links_;     // drawn in the last frame
  std::string keyboard_link_;        // the link keyboard navigation was on in the last frame
  std::vector<DrawnButton> buttons_;
  SelectionStore selection_;

  Fonts fonts_;
  Palette palette_{};
  float scale_ = 1.0f;
  bool dark_ = false;
  bool embed_ = false;  // shown in another page's iframe: one page, minimal chrome
  bool announced_ready_ = false;
  int frames_ = 0;
};

}  // namespace disarm::web
