// The browser backend: Emscripten's built-in GLFW for input, WebGL2 for drawing.
//
// Emscripten 3.1.6's GLFW knows nothing of devicePixelRatio, and its glfwSetWindowSize
// asks for fullscreen instead when the size equals the screen's. So the backend sizes the
// canvas drawing buffer itself, in device pixels (CSS size x ratio), and tells ImGui that
// size each frame: ImGui works in device pixels throughout. GLFW scales mouse positions by
// buffer/CSS size, so input and drawing agree, and fonts are rasterised at full resolution.
#include "platform/backend.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace disarm::web {

namespace {

constexpr const char* kCanvas = "#canvas";

EM_JS(int, page_prefers_dark, (), {
  return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
});

}  // namespace

Backend::Backend(std::function<void()> draw, std::function<void(float)> scale_changed)
    : draw_(std::move(draw)), scale_changed_(std::move(scale_changed)) {
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  window_ = glfwCreateWindow(1280, 720, "DISARM viewer", nullptr, nullptr);
  glfwMakeContextCurrent(window_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed; there is nothing to remember
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  dpi_scale_ = static_cast<float>(emscripten_get_device_pixel_ratio());
  follow_canvas_size();
}

Backend::~Backend() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Backend::prefers_dark() const { return page_prefers_dark() != 0; }

void Backend::follow_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  int w = std::max(1, static_cast<int>(std::lround(css_w * dpi_scale_)));
  int h = std::max(1, static_cast<int>(std::lround(css_h * dpi_scale_)));
  if (w != width_ || h != height_) {
    width_ = w;
    height_ = h;
    emscripten_set_canvas_element_size(kCanvas, w, h);
  }
}

void Backend::frame() {
  // Polling the size and ratio each frame is cheap and catches every cause of change
  // (window resize, zoom, moving to another screen, the page's own layout).
  float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (ratio != dpi_scale_) {
    dpi_scale_ = ratio;
    scale_changed_(ratio);
  }
  follow_canvas_size();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));  // GLFW's size is stale
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  draw_();
  ImGui::Render();
  glViewport(0, 0, width_, height_);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Backend::run() {
  emscripten_set_main_loop_arg([](void* self) { static_cast<Backend*>(self)->frame(); }, this, 0, true);
}

}  // namespace disarm::web
