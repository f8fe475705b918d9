// The bridge between the viewer and its page's JavaScript (window.disarm in viewer.js):
// tests and embedding hosts read the viewer's state and hear when it is ready.
#pragma once

#include <string>

namespace disarm::web {

class PageApiHandler {
public:
  virtual ~PageApiHandler() = default;
  // The viewer's state as a JSON object: what is shown, where its widgets are (CSS pixels).
  virtual std::string state_json() const = 0;
};

void install_page_api(const PageApiHandler& handler);
// Resolves window.disarm.ready: the first frame is drawn and input is live.
void notify_page_ready();
// Shows a fatal problem on the page as text, so the user never faces a blank canvas.
void notify_page_error(const std::string& message);

}  // namespace disarm::web
