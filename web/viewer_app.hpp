// The viewer: owns its data, router, search bar and views, and wires them together each
// frame. Owns no platform code; the Backend calls draw() each frame it draws, and the page
// API reaches it through PageApiAdapter.
#pragma once

#include <string>
#include <vector>

#include "data_loader.hpp"
#include "fonts.hpp"
#include "page_views.hpp"
#include "router.hpp"
#include "search_bar.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"

namespace disarm::web {

class ViewerApp {
 public:
  ViewerApp();
  ViewerApp(const ViewerApp&) = delete;
  ViewerApp& operator=(const ViewerApp&) = delete;

  // One stage of loading the default release, a start-up task each: true while stages remain.
  // A default that fails to load leaves the viewer showing the error instead of the framework.
  bool load_step();
  void set_appearance(float scale, bool dark);
  // Shows the route in the page's URL; call once the data is loaded and the page API installed.
  void start();
  void draw();
  // The page's `ready`: the first picture is on the canvas, laid out by the frames before it,
  // so the widget rectangles the page API reports are the ones on screen.
  void first_picture_shown();

  // Where the viewer's own start-up time went, in ms, for window.disarm.state().startup: the
  // page adds the download and compile times it measured (viewer.js).
  struct StartupTimes {
    double parse_ms = 0;  // the embedded snapshot into the model
    double index_ms = 0;  // the search index, when first needed (0 until then)
    double fonts_ms = 0;  // the font atlas, rasterised
    int atlas_width = 0;  // its size in pixels: every one costs memory twice (alpha, then RGBA)
    int atlas_height = 0;
  };
  StartupTimes startup() const;

  // What the last frame drew, for the page API.
  struct DrawnFrame {
    Route route;  // the page it drew: the route may have changed since, by a click in it
    std::vector<DrawnLink> links;
    std::string keyboard_link;  // the link keyboard navigation was on
    std::vector<DrawnButton> buttons;
    int count = 0;  // frames drawn so far
  };

  DataLoader& data() { return data_; }
  const DataLoader& data() const { return data_; }
  Router& router() { return router_; }
  const Router& router() const { return router_; }
  SearchBar& search_bar() { return search_bar_; }
  const SearchBar& search_bar() const { return search_bar_; }
  const PageViews& views() const { return views_; }
  SelectionStore& selection() { return selection_; }
  const SelectionStore& selection() const { return selection_; }
  const DrawnFrame& drawn() const { return drawn_; }
  // A Navigator layer, however it came (a file, paste, window.disarm.importLayer): made on an
  // older release of the catalogue than the one shown, it opens the page that carries its
  // selection forward; otherwise it becomes the selection (viewer_upgrade.cpp).
  LayerUse use_layer(const LayerReader& read);
  // A layer's text (pasted, or from window.disarm.importLayer), parsed once however many
  // releases it is read on.
  LayerUse use_layer_text(std::string_view text);
  float scale() const { return scale_; }
  bool dark() const { return dark_; }
  bool embed() const { return embed_; }

 private:
  void page_built(const Page& page, bool new_release);
  // Acts on what the user did in the search box this frame.
  void follow_search(ViewContext& ctx, const SearchBar::Input& input);
  void draw_start_error();
  // The upgrade page for a layer made on an older release, and the message to show; nothing
  // when it was made on the one shown, a newer one or one the catalogue lacks.
  std::optional<std::string> start_layer_upgrade(const Result<LayerImport>& layer, const LayerReader& read);

  DataLoader data_;
  SelectionStore selection_;
  Router router_;
  SearchBar search_bar_;
  PageViews views_;
  DrawnFrame drawn_;
  StartupTimes startup_;
  Fonts fonts_;
  Palette palette_{};
  float scale_ = 1.0f;
  bool dark_ = false;
  bool embed_ = false;  // shown in another page's iframe: one page, minimal chrome
};

}  // namespace disarm::web
