// The DISARM viewer in the browser: the app, drawn by the platform's backend.
#include "platform/backend.hpp"
#include "platform/page_api.hpp"
#include "viewer_app.hpp"

int main() {
  // Both live for the page's lifetime: the frame loop never returns.
  static disarm::web::ViewerApp app;
  static disarm::web::Backend* backend = nullptr;
  backend =
      new disarm::web::Backend([] { app.draw(); }, [](float scale) { app.set_scale(scale, backend->prefers_dark()); });
  app.set_scale(backend->dpi_scale(), backend->prefers_dark());
  disarm::web::install_page_api(app);
  app.start();
  backend->run();
  return 0;
}
