// What every view gets each frame: the data, the fonts, the selection, and a place to put what
// the user asked for (a route to open) and what was drawn (links, for the page API and tests).
// Every page view has one shape: show(const ThatPage&) hands it the page (kept by pointer until
// the next show), draw(ViewContext&) draws it, and draw_menu(ViewContext&), where it has one,
// draws its analyst controls in an embed's menu; a view with no UI state of its own is one
// draw function of the context and the page.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/pages/route.hpp"
#include "disarm/search/search_index.hpp"
#include "fonts.hpp"
#include "imgui.h"
#include "selection_store.hpp"

namespace disarm::web {

// A link drawn this frame, in device pixels: window.disarm reports them (in CSS pixels)
// so tests can click a link by what it points at.
struct DrawnLink {
  std::string target;  // an object ID, an external URL, or a route ("#/kind/technique")
  bool external = false;
  ImVec2 min, max;
};

// A button drawn this frame, in device pixels: window.disarm reports them (in CSS pixels) so
// tests can press a button by its label.
struct DrawnButton {
  std::string label;
  ImVec2 min, max;
};

struct Palette {
  ImU32 text, muted, link, link_hover, external_link, heading, code_bg, rule, chip_bg, chip_text, accent;
};

Palette make_palette(bool dark);

// For the page's scrolling panes: keyboard navigation (Tab, the arrows) crosses into them
// from the top bar and between them, as if they were one window.
inline constexpr ImGuiWindowFlags kNavFlattened = ImGuiWindowFlags_NavFlattened;

// Keeps the next item on the line when it fits in the window, else starts a new line, so a
// row of buttons or links wraps on a phone instead of running off the edge.
void same_line_if_fits(float next_width);
// The width of a button, small or not, with this label ("##" and after not shown).
float button_width(const char* label);

// Link previews are built on first hover and kept: hovering must not parse per frame.
class LinkPreviewCache {
 public:
  explicit LinkPreviewCache(const Framework& framework) : framework_(framework) {}
  const LinkPreview& get(ObjectIndex object);

 private:
  const Framework& framework_;
  std::unordered_map<ObjectIndex, LinkPreview> previews_;
};

class ViewContext {
 public:
  ViewContext(const Framework& framework, const Fonts& fonts, const Palette& palette, float scale,
              LinkPreviewCache& previews, SelectionStore& selection, const SearchIndexSource& search)
      : framework(framework),
        fonts(fonts),
        palette(palette),
        scale(scale),
        previews(previews),
        selection(selection),
        search(search) {}

  const Framework& framework;
  const Fonts& fonts;
  const Palette& palette;
  float scale;  // device pixels per CSS pixel: multiply CSS sizes by it
  LinkPreviewCache& previews;
  SelectionStore& selection;        // the analyst's, kept between visits
  const SearchIndexSource& search;  // the shown release's index, built when first asked for
  // Shown in another page's iframe (?embed=1): the reader's content first, and the analyst's
  // controls behind the embed bar's one menu (each view's draw_menu).
  bool embed = false;
  // The releases the viewer holds (with more than one, pages offer the others), and the key
  // of the one shown.
  std::vector<std::string> releases;
  std::string release;

  // The route a view asked to open this frame; the app navigates after the frame.
  std::optional<Route> requested;
  bool in_place = false;  // the requested route replaces the current history entry
  void open(Route route) {
    requested = std::move(route);
    in_place = false;
  }
  // For a change of the page's own state that its address records (a decision in a review):
  // reload resumes it, and back leaves the page instead of undoing one click at a time.
  void open_in_place(Route route) {
    requested = std::move(route);
    in_place = true;
  }
  // A Navigator layer's text the user gave this frame (the paste box), for the app to import
  // as it imports a picked or dropped file.
  std::optional<std::string> layer_text;

  std::vector<DrawnLink> links;
  std::string hovered_external;  // the http(s) link under the mouse, if any
  std::string keyboard_link;     // the link keyboard navigation is on, if any
  std::vector<DrawnButton> buttons;
};

}  // namespace disarm::web
