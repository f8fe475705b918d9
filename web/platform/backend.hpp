// The window, GL context and frame loop the viewer runs in. One implementation per
// platform, chosen by CMake: backend_emscripten.cpp for the browser.
#pragma once

#include <functional>

struct GLFWwindow;

namespace disarm::web {

class Backend {
public:
  // `draw` is called once per frame between NewFrame and Render; `scale_changed` when the
  // device pixel ratio changes (browser zoom, another screen), before the next frame.
  Backend(std::function<void()> draw, std::function<void(float)> scale_changed);
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  // Runs the frame loop. In the browser this never returns to the caller.
  void run();

  // Device pixels per CSS pixel. The viewer draws in device pixels, so text is crisp.
  float dpi_scale() const { return dpi_scale_; }
  bool prefers_dark() const;

private:
  void frame();
  void follow_canvas_size();

  GLFWwindow* window_ = nullptr;
  std::function<void()> draw_;
  std::function<void(float)> scale_changed_;
  float dpi_scale_ = 1.0f;
  int width_ = 0;   // device pixels
  int height_ = 0;
};

}  // namespace disarm::web
