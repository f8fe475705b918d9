// The DISARM viewer in the browser: the app, drawn by the platform's backend.
#include "platform/backend.hpp"
#include "platform/page_api.hpp"
#include "viewer_app.hpp"

int main() {
  // Both live for the page's lifetime: the frame loop never returns.
  static disarm::web::ViewerApp app;
  static disarm::web::Backend backend([] { app.draw(); },
                                      [](float scale, bool dark) { app.set_appearance(scale, dark); });
  disarm::web::install_page_api(app);
  app.start();
  backend.run();
  return 0;
}
