// The DISARM viewer in the browser: the app, drawn by the platform's backend.
#include "page_api_adapter.hpp"
#include "platform/backend.hpp"
#include "platform/page_api.hpp"
#include "viewer_app.hpp"

int main() {
  // All three live for the page's lifetime: the frame loop never returns.
  static disarm::web::ViewerApp app;
  static disarm::web::Backend backend([] { app.draw(); },
                                      [](float scale, bool dark) { app.set_appearance(scale, dark); });
  static disarm::web::PageApiAdapter api(app);
  disarm::web::install_page_api(api);
  app.start();
  backend.run();
  return 0;
}
