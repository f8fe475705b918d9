// The bridge between the viewer and its page: the URL and history, the clipboard, links
// that open in a new tab, and window.disarm (viewer.js) through which tests and embedding
// hosts read the viewer's state and drive it. Strings cross as arguments, never as JS source.
#pragma once

#include <string>

namespace disarm::web {

class PageApiHandler {
 public:
  virtual ~PageApiHandler() = default;
  // The viewer's state as a JSON object: what is shown, where its widgets are (CSS pixels).
  virtual std::string state_json() const = 0;
  // The user or a script changed the URL fragment (browser back/forward, a typed URL,
  // window.disarm.navigate). `history_index` is the position in this tab's history that
  // the viewer stamped on the entry, or -1 for an entry it did not make.
  virtual void location_changed(const std::string& fragment, int history_index) = 0;
  // window.disarm.search(q): the hits as a JSON array, without changing the page.
  virtual std::string search_json(const std::string& query) const = 0;
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
// The address of this page with `fragment` in place of its own: what "Copy link" copies.
std::string page_address(const std::string& fragment);

// A page is shown: sets the document title and fires the window event "disarm:shown" with
// detail {route, title}, which the page's scripts (embedding, the screen-reader mirror) follow.
void notify_page_shown(const std::string& route, const std::string& title);
void copy_to_clipboard(const std::string& text);

// External links open from the page's own mouse-up handler, a real user gesture, so popup
// blockers allow them: each frame the viewer says which http(s) link is under the mouse.
void set_hovered_external_link(const std::string& url);

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
