// The DISARM viewer in the browser: the app, drawn by the platform's backend.
#include <optional>

#include "page_api_adapter.hpp"
#include "platform/backend.hpp"
#include "platform/page_api.hpp"
#include "viewer_app.hpp"

int main() {
  using namespace disarm::web;
  // All of these live for the page's lifetime: the frame loop never ends. The app is made,
  // and its data loaded stage by stage, in start-up steps after the GL context.
  static std::optional<ViewerApp> app;
  static std::optional<PageApiAdapter> api;
  static Backend backend([] { app->draw(); }, [](float scale, bool dark) { app->set_appearance(scale, dark); },
                         [] { app->first_picture_shown(); });
  if (!backend.has_context()) {
    notify_page_error(
        "This browser has WebGL2 turned off or unavailable, and the viewer draws with it. "
        "Check that hardware acceleration is enabled, or try another browser.");
    return 0;
  }
  backend.run({
      [] {
        app.emplace();
        api.emplace(*app);
        install_page_api(*api);
        return false;
      },
      [] { return app->load_step(); },
      [] {
        app->start();
        return false;
      },
  });
  return 0;
}
