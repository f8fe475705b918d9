// The bridge between the viewer and its page: the URL and history, the clipboard, links
// that open in a new tab, and window.disarm (viewer.js) through which tests and embedding
// hosts read the viewer's state and drive it. Strings cross as arguments, never as JS source.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace disarm::web {

class PageApiHandler {
 public:
  virtual ~PageApiHandler() = default;
  // The viewer's state as a JSON object: what is shown, where its widgets are (CSS pixels).
  virtual std::string state_json() const = 0;
  // One part of the state, for the page's own scripts, which need one field and should not
  // build the whole state for it: "route", "links", "selection" or "search_box" (as in
  // state_json), "null" for any other.
  virtual std::string state_part_json(const std::string& part) const = 0;
  // The user or a script changed the URL fragment (browser back/forward, a typed URL,
  // window.disarm.navigate). `history_index` is the position in this tab's history that
  // the viewer stamped on the entry, or -1 for an entry it did not make.
  virtual void location_changed(const std::string& fragment, int history_index) = 0;
  // window.disarm.search(q): the hits as a JSON array, without changing the page.
  virtual std::string search_json(const std::string& query) const = 0;
  // A file's text from the page (dropped, chosen, fetched for ?data=URL, window.disarm.load),
  // named by its file name or URL: what opening it did, as a JSON object {ok, type, message,
  // ...}. Framework data replaces what is shown; anything else leaves it as it is. `size` is
  // the file's size in bytes: the page leaves out the text (empty) of a file over
  // kMaxDataFileBytes, which is refused by its size.
  virtual std::string open_data(const std::string& name, std::string_view text, std::uint64_t size) = 0;
  // The current page as semantic HTML for the screen-reader mirror (see page_mirror.hpp).
  virtual std::string mirror_html() const = 0;
  // The page's <input> over the search box (text_input.js): its text after every edit, and
  // the keys it passes on: "Enter", "ArrowUp", "ArrowDown", "Focus" and "Blur".
  virtual void search_box_input(const std::string& text) = 0;
  virtual void search_box_key(const std::string& key) = 0;
  // window.disarm.importLayer(text), and a layer file the user picked: reads an ATT&CK
  // Navigator layer into the selection and returns the message the viewer shows about it.
  virtual std::string import_layer(const std::string& text) = 0;
  // window.disarm.exportText(what): "layer", "csv", "markdown", "share_link", or "print" (the
  // print view of the page shown, "" where there is none).
  virtual std::string export_text(const std::string& what) const = 0;
};

void install_page_api(PageApiHandler& handler);
// Resolves window.disarm.ready: the first frame is drawn and input is live.
void notify_page_ready();
// Shows a fatal problem on the page as text, so the user never faces a blank canvas.
void notify_page_error(const std::string& message);

// The URL fragment ("#/T0154.002"), and changing it with a history entry (push) or without.
std::string location_fragment();
void push_location(const std::string& fragment, int history_index);
void replace_location(const std::string& fragment, int history_index);
void history_go(int delta);
// The address of this page with `fragment` in place of its own, in the full viewer: what
// "Copy link" copies and an embed's "Open in full viewer" opens. The embed parameters
// ("embed", "host") are dropped; every other one (the data) is kept.
std::string page_address(const std::string& fragment);
// A parameter of the page's query string ("?embed=1" gives "1" for "embed"), "" when absent.
std::string page_query_parameter(const std::string& name);

// A page is shown: sets the document title and fires the window event "disarm:shown" with
// detail {route, id, title}, which the page's scripts (embedding, the screen-reader mirror)
// follow. `id` is the object's on an object page, else empty (null in the event).
void notify_page_shown(const std::string& route, const std::string& id, const std::string& title);
void copy_to_clipboard(const std::string& text);

// The search box gained or lost keyboard focus, or moved: fires the window event
// "disarm:searchbox" with detail {focused, text, rect: [x, y, w, h] in CSS pixels}, which the
// page's text input follows.
void notify_search_box(bool focused, const std::string& text, const float (&css_rect)[4]);

// External links open from the page's own mouse-up handler, a real user gesture, so popup
// blockers allow them: each frame the viewer says which http(s) link is under the mouse.
void set_hovered_external_link(const std::string& url);
// Opens an http(s) link chosen from the keyboard in a new tab: the key press is recent
// enough that popup blockers allow it.
void open_in_new_tab(const std::string& url);

// Opens the page's file picker ("Open file…"); the chosen file comes back through open_data.
// Call it from a click or key press: browsers open pickers only on a user's gesture.
void choose_data_file();

// The browser's local storage, for what the viewer keeps between visits (the selection).
// Both fail quietly where storage is unavailable (file://, sandboxed frames, private modes):
// store_get then gives "", and an empty value removes the key.
std::string store_get(const std::string& key);
void store_set(const std::string& key, const std::string& value);

// The page's selection.js: saves `text` as a file the browser downloads; prints an HTML
// document from a hidden frame (a canvas prints badly); asks the user for a layer file,
// whose text comes back through PageApiHandler::import_layer.
void download_text(const std::string& filename, const std::string& mime_type, const std::string& text);
void print_document(const std::string& html);
void pick_layer_file();

}  // namespace disarm::web
