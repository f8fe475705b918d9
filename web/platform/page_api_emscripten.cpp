#include <emscripten.h>

#include <cstdlib>

#include "disarm/data_file.hpp"
#include "platform/backend.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

PageApiHandler* g_handler = nullptr;

// In a task of its own: what the page does once the viewer is ready (hiding the loader,
// focus, its scripts' first reads of the state) would otherwise lengthen the frame's task.
EM_JS(void, page_ready, (), {
  setTimeout(function() {
    if (Module['onViewerReady']) Module['onViewerReady']();
  });
});

EM_JS(void, page_error, (const char* message), {
  if (Module['onViewerError']) Module['onViewerError'](UTF8ToString(message));
});

EM_JS(char*, page_fragment, (), {
  var fragment = window.location.hash || "";
  var size = lengthBytesUTF8(fragment) + 1;
  var ptr = _malloc(size);
  stringToUTF8(fragment, ptr, size);
  return ptr;
});

EM_JS(void, page_set_location, (const char* fragment, int index, int replace), {
  var url = UTF8ToString(fragment);
  var state = {disarmIndex : index};
  try {
    if (replace)
      history.replaceState(state, "", url);
    else
      history.pushState(state, "", url);
  } catch (e) {
    // Some sandboxed frames forbid history changes: the viewer still navigates.
  }
});

EM_JS(char*, page_query_value, (const char* name), {
  var value = new URLSearchParams(window.location.search).get(UTF8ToString(name)) || "";
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(char*, page_address_with, (const char* fragment), {
  var url = new URL(window.location.href);
  url.searchParams.delete('embed');
  url.searchParams.delete('host');
  url.hash = "";
  var address = url.href + UTF8ToString(fragment);
  var size = lengthBytesUTF8(address) + 1;
  var ptr = _malloc(size);
  stringToUTF8(address, ptr, size);
  return ptr;
});

EM_JS(void, page_history_go, (int delta), { history.go(delta); });

EM_JS(void, page_shown, (const char* route, const char* id, const char* title), {
  var detail = {route : UTF8ToString(route), id : UTF8ToString(id) || null, title : UTF8ToString(title)};
  document.title = detail.title;
  window.dispatchEvent(new CustomEvent('disarm:shown', {detail : detail}));
});

EM_JS(void, page_copy, (const char* text), {
  var value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function(){});
  if (Module['onViewerCopy']) Module['onViewerCopy'](value);
});

EM_JS(void, page_choose_file, (), {
  if (Module['onChooseDataFile']) Module['onChooseDataFile']();
});

EM_JS(void, page_search_box, (int focused, const char* text, float x, float y, float w, float h), {
  var detail = {focused : !!focused, text : UTF8ToString(text), rect : [ x, y, w, h ]};
  window.dispatchEvent(new CustomEvent('disarm:searchbox', {detail : detail}));
});

EM_JS(void, page_open_tab, (const char* url), {
  var address = UTF8ToString(url);
  var lower = address.toLowerCase();
  if (lower.indexOf("http:") == 0 || lower.indexOf("https:") == 0)
    window.open(address, "_blank", "noopener,noreferrer");
});

EM_JS(void, page_hovered_link, (const char* url), { Module['hoveredExternalLink'] = UTF8ToString(url); });

EM_JS(char*, page_store_get, (const char* key), {
  var value = "";
  try {
    value = window.localStorage.getItem(UTF8ToString(key)) || "";
  } catch (e) {
    // No storage here (file://, a sandboxed frame): the viewer works without it.
  }
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(void, page_store_set, (const char* key, const char* value), {
  try {
    var k = UTF8ToString(key), v = UTF8ToString(value);
    if (v)
      window.localStorage.setItem(k, v);
    else
      window.localStorage.removeItem(k);
  } catch (e) {
    // Unavailable or full: the selection still lives in the page and in its share link.
  }
});

EM_JS(void, page_download, (const char* filename, const char* mime, const char* text), {
  if (Module['downloadText']) Module['downloadText'](UTF8ToString(filename), UTF8ToString(mime), UTF8ToString(text));
});

EM_JS(void, page_print, (const char* html), {
  if (Module['printDocument']) Module['printDocument'](UTF8ToString(html));
});

EM_JS(void, page_pick_layer, (), {
  if (Module['pickLayerFile']) Module['pickLayerFile']();
});

}  // namespace

void install_page_api(PageApiHandler& handler) {
  g_handler = &handler;
}

void notify_page_ready() {
  page_ready();
}

void notify_page_error(const std::string& message) {
  page_error(message.c_str());
}

std::string location_fragment() {
  char* raw = page_fragment();
  std::string fragment(raw);
  free(raw);
  return fragment;
}

void push_location(const std::string& fragment, int history_index) {
  page_set_location(fragment.c_str(), history_index, 0);
}

void replace_location(const std::string& fragment, int history_index) {
  page_set_location(fragment.c_str(), history_index, 1);
}

void history_go(int delta) {
  page_history_go(delta);
}

std::string page_address(const std::string& fragment) {
  char* raw = page_address_with(fragment.c_str());
  std::string address(raw);
  free(raw);
  return address;
}

std::string page_query_parameter(const std::string& name) {
  char* raw = page_query_value(name.c_str());
  std::string value(raw);
  free(raw);
  return value;
}

void notify_page_shown(const std::string& route, const std::string& id, const std::string& title) {
  page_shown(route.c_str(), id.c_str(), title.c_str());
}

void copy_to_clipboard(const std::string& text) {
  page_copy(text.c_str());
}

void notify_search_box(bool focused, const std::string& text, const float (&css_rect)[4]) {
  page_search_box(focused ? 1 : 0, text.c_str(), css_rect[0], css_rect[1], css_rect[2], css_rect[3]);
}

void open_in_new_tab(const std::string& url) {
  page_open_tab(url.c_str());
}

void set_hovered_external_link(const std::string& url) {
  // Called every frame; the page reads it only on a press, so it crosses only when it changes.
  static std::string told;
  if (url == told) return;
  told = url;
  page_hovered_link(url.c_str());
}

void choose_data_file() {
  page_choose_file();
}

std::string store_get(const std::string& key) {
  char* raw = page_store_get(key.c_str());
  std::string value(raw);
  free(raw);
  return value;
}

void store_set(const std::string& key, const std::string& value) {
  page_store_set(key.c_str(), value.c_str());
}

void download_text(const std::string& filename, const std::string& mime_type, const std::string& text) {
  page_download(filename.c_str(), mime_type.c_str(), text.c_str());
}

void print_document(const std::string& html) {
  page_print(html.c_str());
}

void pick_layer_file() {
  page_pick_layer();
}

}  // namespace disarm::web

// Called from viewer.js through ccall. The returned string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_state() {
  static std::string state;
  state = disarm::web::g_handler ? disarm::web::g_handler->state_json() : "{}";
  return state.c_str();
}

// window.disarm.route(), links(), selection() and searchBox(). The returned string lives until
// the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_state_part(const char* part) {
  static std::string json;
  json = disarm::web::g_handler ? disarm::web::g_handler->state_part_json(part ? part : "") : "null";
  return json.c_str();
}

// viewer.js calls this on popstate/hashchange and for window.disarm.navigate().
extern "C" EMSCRIPTEN_KEEPALIVE void disarm_api_location_changed(const char* fragment, int history_index) {
  if (disarm::web::g_handler) disarm::web::g_handler->location_changed(fragment ? fragment : "", history_index);
}

// window.disarm.search(q). The returned string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_search(const char* query) {
  static std::string hits;
  hits = disarm::web::g_handler ? disarm::web::g_handler->search_json(query ? query : "") : "[]";
  return hits.c_str();
}

// data.js: a file's bytes (UTF-8, not NUL-terminated, `size` of them) and its name. Bytes, not
// a JS string through ccall, which would copy a many-megabyte file onto the small stack.
// For a file over disarm_api_data_size_limit() the page passes no bytes, only the size.
// The returned JSON lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_open_data(const char* name, const char* bytes, double size) {
  static std::string result;
  const auto file_size = size > 0 ? static_cast<std::uint64_t>(size) : 0;
  std::string_view text(bytes && file_size <= disarm::kMaxDataFileBytes ? bytes : "",
                        bytes && file_size <= disarm::kMaxDataFileBytes ? file_size : 0);
  result = disarm::web::g_handler ? disarm::web::g_handler->open_data(name ? name : "", text, file_size) : "{}";
  return result.c_str();
}

// The largest file data.js copies into the viewer (kMaxDataFileBytes).
extern "C" EMSCRIPTEN_KEEPALIVE double disarm_api_data_size_limit() {
  return static_cast<double>(disarm::kMaxDataFileBytes);
}

// The screen-reader mirror of the page shown (a11y.js). The returned string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_mirror() {
  static std::string html;
  html = disarm::web::g_handler ? disarm::web::g_handler->mirror_html() : "";
  return html.c_str();
}

// The page's <input> over the search box (text_input.js): its text, and the keys it passes on.
extern "C" EMSCRIPTEN_KEEPALIVE void disarm_api_search_box_input(const char* text) {
  if (disarm::web::g_handler) disarm::web::g_handler->search_box_input(text ? text : "");
}

extern "C" EMSCRIPTEN_KEEPALIVE void disarm_api_search_box_key(const char* key) {
  if (disarm::web::g_handler) disarm::web::g_handler->search_box_key(key ? key : "");
}

// window.disarm.importLayer(text) and the layer file picker (selection.js). The returned
// message lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_import_layer(const char* text) {
  static std::string message;
  message = disarm::web::g_handler ? disarm::web::g_handler->import_layer(text ? text : "") : "";
  disarm::web::request_redraw();
  return message.c_str();
}

// window.disarm.exportText(what) (selection.js). The returned string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_export_text(const char* what) {
  static std::string text;
  text = disarm::web::g_handler ? disarm::web::g_handler->export_text(what ? what : "") : "";
  return text.c_str();
}
