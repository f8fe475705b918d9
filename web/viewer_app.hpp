// The viewer: the loaded framework and the views over it. Owns no platform code; the
// Backend calls draw() each frame.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "disarm/model.hpp"
#include "fonts.hpp"
#include "platform/page_api.hpp"
#include "views/overview_view.hpp"

namespace disarm::web {

class ViewerApp : public PageApiHandler {
public:
  // Loads the embedded snapshot. A snapshot that fails to load leaves the viewer showing
  // the error instead of the framework.
  ViewerApp();

  void set_scale(float scale, bool dark);
  void draw();

  std::string state_json() const override;
  void location_changed(const std::string& fragment, int history_index) override;

private:
  std::optional<Framework> framework_;
  std::string load_error_;
  std::unique_ptr<OverviewView> overview_;
  Fonts fonts_;
  float scale_ = 1.0f;
  bool announced_ready_ = false;
  int frames_ = 0;
  std::string fragment_;
};

}  // namespace disarm::web
