#include "viewer_app.hpp"

#include <nlohmann/json.hpp>

#include "disarm/snapshot.hpp"
#include "embedded_files.hpp"
#include "imgui.h"
#include "theme.hpp"

namespace disarm::web {

ViewerApp::ViewerApp() {
  auto loaded = load_snapshot(embedded_snapshot().text());
  if (loaded) {
    framework_.emplace(std::move(loaded).value());
    overview_ = std::make_unique<OverviewView>(*framework_);
  } else {
    load_error_ = "The embedded snapshot could not be loaded: " + loaded.error().describe();
    notify_page_error(load_error_);
  }
}

void ViewerApp::set_scale(float scale, bool dark) {
  scale_ = scale;
  fonts_ = load_fonts(scale);
  apply_theme(dark, scale);
}

void ViewerApp::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("DISARM viewer", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (overview_) {
    overview_->draw(fonts_);
  } else {
    ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("The viewer could not start");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(load_error_.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();

  ++frames_;
  // Ready once a frame has been laid out, so widget rectangles in state_json() are real.
  if (!announced_ready_ && frames_ >= 2) {
    announced_ready_ = true;
    notify_page_ready();
  }
}

void ViewerApp::location_changed(const std::string& fragment, int) { fragment_ = fragment; }

std::string ViewerApp::state_json() const {
  nlohmann::json state;
  state["frames"] = frames_;
  state["scale"] = scale_;
  state["route"] = fragment_;
  if (!load_error_.empty()) state["error"] = load_error_;
  if (framework_) {
    const Provenance& p = framework_->provenance();
    state["framework"] = {{"name", p.name}, {"source", p.source}, {"licence", p.licence},
                          {"objects", framework_->objects().size()}};
  }
  if (overview_) {
    const WidgetRect& r = overview_->filter_rect();
    // CSS pixels, which is what the page and its tests deal in.
    state["overview"] = {{"filter", overview_->filter()},
                         {"shown", overview_->shown()},
                         {"filter_rect", {r.x / scale_, r.y / scale_, r.w / scale_, r.h / scale_}}};
  }
  return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace disarm::web
