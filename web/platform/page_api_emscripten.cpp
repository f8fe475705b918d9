#include <emscripten.h>

#include <cstdlib>

#include "platform/backend.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

PageApiHandler* g_handler = nullptr;

EM_JS(void, page_ready, (), {
  if (Module['onViewerReady']) Module['onViewerReady']();
});

EM_JS(void, page_error, (const char* message), {
  if (Module['onViewerError']) Module['onViewerError'](UTF8ToString(message));
});

EM_JS(char*, page_fragment, (), {
  var fragment = window.location.hash || '';
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
      history.replaceState(state, '', url);
    else
      history.pushState(state, '', url);
  } catch (e) {
    // Some sandboxed frames forbid history changes: the viewer still navigates.
  }
});

EM_JS(char*, page_address_with, (const char* fragment), {
  var address = window.location.href.split('#')[0] + UTF8ToString(fragment);
  var size = lengthBytesUTF8(address) + 1;
  var ptr = _malloc(size);
  stringToUTF8(address, ptr, size);
  return ptr;
});

EM_JS(void, page_history_go, (int delta), { history.go(delta); });

EM_JS(void, page_shown, (const char* route, const char* title), {
  var detail = {route : UTF8ToString(route), title : UTF8ToString(title)};
  document.title = detail.title;
  window.dispatchEvent(new CustomEvent('disarm:shown', {detail : detail}));
});

EM_JS(void, page_copy, (const char* text), {
  var value = UTF8ToString(text);
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function(){});
  if (Module['onViewerCopy']) Module['onViewerCopy'](value);
});

EM_JS(void, page_hovered_link, (const char* url), { Module['hoveredExternalLink'] = UTF8ToString(url); });

EM_JS(char*, page_store_get, (const char* key), {
  var value = '';
  try {
    value = window.localStorage.getItem(UTF8ToString(key)) || '';
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

void notify_page_shown(const std::string& route, const std::string& title) {
  page_shown(route.c_str(), title.c_str());
}

void copy_to_clipboard(const std::string& text) {
  page_copy(text.c_str());
}

void set_hovered_external_link(const std::string& url) {
  page_hovered_link(url.c_str());
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
