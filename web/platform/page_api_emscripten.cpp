#include <emscripten.h>

#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

const PageApiHandler* g_handler = nullptr;

// Strings go to JS as arguments, never spliced into JS source.
EM_JS(void, page_ready, (), {
  if (Module['onViewerReady']) Module['onViewerReady']();
});

EM_JS(void, page_error, (const char* message), {
  if (Module['onViewerError']) Module['onViewerError'](UTF8ToString(message));
});

}  // namespace

void install_page_api(const PageApiHandler& handler) { g_handler = &handler; }

void notify_page_ready() { page_ready(); }

void notify_page_error(const std::string& message) { page_error(message.c_str()); }

}  // namespace disarm::web

// Called from viewer.js through ccall. The returned string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* disarm_api_state() {
  static std::string state;
  state = disarm::web::g_handler ? disarm::web::g_handler->state_json() : "{}";
  return state.c_str();
}
