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

#if __has_include(<emscripten/version.h>)
#include <emscripten/version.h>  // since 3.1.4x; 3.1.6's emcc defines the version on its command line
#endif

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

constexpr const char* kCanvas = "#canvas";

// The first frames are laid out but not shown: ImGui sizes windows, scrollbars and tables
// from the frame before, so the first picture waits until that has settled.
constexpr long kLayoutFrames = 2;

// After input, ImGui needs a few frames to settle (a click is seen on release, hover states
// and layout follow one frame behind); then the loop pauses until the next event.
constexpr int kSettleFrames = 4;

Backend* g_backend = nullptr;
FrameStats g_frame_stats;

// Keys the viewer owns, kept from the browser: Ctrl+K (the browser's own search), '/'
// outside text fields (quick find), and Alt+Left/Right, which go back and forward here so
// that each press moves exactly one step whether or not the browser also acts on it.
EM_BOOL on_key_down(int, const EmscriptenKeyboardEvent* e, void*) {
  request_redraw();
  std::string_view code = e->code;
  if (e->altKey && !e->ctrlKey && !e->metaKey && (code == "ArrowLeft" || code == "ArrowRight")) {
    history_go(code == "ArrowLeft" ? -1 : 1);
    return EM_TRUE;
  }
  if ((e->ctrlKey || e->metaKey) && code == "KeyK") return EM_TRUE;
  if (code == "Slash" && !e->ctrlKey && !e->altKey && !ImGui::GetIO().WantTextInput) return EM_TRUE;
  return EM_FALSE;
}

// GLFW's mouse positions are in the canvas buffer's pixels up to Emscripten 3.1.50, which
// is what ImGui works in here. Since 3.1.51 (its hi-DPI support) they are in CSS pixels,
// whatever the buffer's size, so on a high-DPI screen every click would land at a fraction
// of its place.
constexpr bool kGlfwMouseInCssPixels =
    __EMSCRIPTEN_major__ * 10000 + __EMSCRIPTEN_minor__ * 100 + __EMSCRIPTEN_tiny__ >= 30151;

void on_cursor_pos(GLFWwindow* window, double x, double y) {
  const double scale = kGlfwMouseInCssPixels && g_backend ? g_backend->dpi_scale() : 1.0;
  ImGui_ImplGlfw_CursorPosCallback(window, x * scale, y * scale);
}

// Leaving the canvas hides the mouse from ImGui, but not through ImGui's own callback: with
// no window under the mouse, imgui_impl_glfw reads GLFW's position back every frame, which
// in the browser is the stale last one, unscaled. So ImGui is told at start that the mouse
// is over the window, and a leave only clears the position. A touch, which brings no
// mouseenter, then needs nothing more either.
void on_cursor_enter(GLFWwindow* window, int entered) {
  if (entered)
    ImGui_ImplGlfw_CursorEnterCallback(window, entered);
  else
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

template <typename Event>
EM_BOOL wake(int, const Event*, void*) {
  request_redraw();
  return EM_FALSE;  // never consume: GLFW and the page see every event too
}

std::string clipboard_copy;

void set_clipboard(void*, const char* text) {
  clipboard_copy = text ? text : "";
  copy_to_clipboard(clipboard_copy);
}

// Pasting arrives as the page's paste event (disarm_api_paste), which holds the system
// clipboard; answering ImGui's Ctrl+V from here as well would paste twice.
const char* get_clipboard(void*) {
  return nullptr;
}

// The canvas's CSS size in device pixels: the size its drawing buffer should have.
std::pair<int, int> canvas_device_size(double ratio) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  return {std::max(1, static_cast<int>(std::lround(css_w * ratio))),
          std::max(1, static_cast<int>(std::lround(css_h * ratio)))};
}

EM_JS(void, set_canvas_cursor, (const char* name), { Module['canvas'].style.cursor = UTF8ToString(name); });

EM_JS(int, page_prefers_dark, (),
      { return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0; });

}  // namespace

Backend::Backend(std::function<void()> draw, std::function<void(float, bool)> appearance_changed,
                 std::function<void()> first_picture)
    : draw_(std::move(draw)),
      appearance_changed_(std::move(appearance_changed)),
      first_picture_(std::move(first_picture)) {
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // ImGui draws flat triangles: a depth, stencil or multisampled buffer would only make the
  // WebGL context slower to create (it is a start-up's longest single step on software GL).
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);
  // Made at the size it will have: resizing a WebGL canvas reallocates its buffers, which
  // costs as much as a frame.
  auto [width, height] = canvas_device_size(emscripten_get_device_pixel_ratio());
  const double context_start = emscripten_get_now();
  window_ = glfwCreateWindow(width, height, "DISARM viewer", nullptr, nullptr);
  g_frame_stats.context_ms = emscripten_get_now() - context_start;
  if (!window_) return;
  glfwMakeContextCurrent(window_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed; there is nothing to remember
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  glfwSetCursorPosCallback(window_, on_cursor_pos);
  glfwSetCursorEnterCallback(window_, on_cursor_enter);
  ImGui_ImplGlfw_CursorEnterCallback(window_, GLFW_TRUE);
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // until the mouse or a finger is on the canvas
  ImGui_ImplOpenGL3_Init("#version 300 es");

  g_backend = this;
  // The wheel and touch wake the loop from the page (viewer.js, touch.js), through passive
  // listeners that never hold up the browser's scrolling; these would not be passive.
  emscripten_set_mousemove_callback(kCanvas, nullptr, false, wake<EmscriptenMouseEvent>);
  emscripten_set_mousedown_callback(kCanvas, nullptr, false, wake<EmscriptenMouseEvent>);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenMouseEvent>);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, false, wake<EmscriptenMouseEvent>);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key_down);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenKeyboardEvent>);
  emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenKeyboardEvent>);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenUiEvent>);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenFocusEvent>);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, wake<EmscriptenFocusEvent>);
  emscripten_set_visibilitychange_callback(nullptr, false, wake<EmscriptenVisibilityChangeEvent>);
}

Backend::~Backend() {
  g_backend = nullptr;
  if (!window_) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void Backend::follow_appearance() {
  float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  bool dark = page_prefers_dark() != 0;
  if (ratio == dpi_scale_ && dark == dark_) return;
  dpi_scale_ = ratio;
  dark_ = dark;
  appearance_changed_(ratio, dark);
}

void Backend::follow_canvas_size() {
  auto [w, h] = canvas_device_size(dpi_scale_);
  if (w != width_ || h != height_) {
    width_ = w;
    height_ = h;
    emscripten_set_canvas_element_size(kCanvas, w, h);
  }
}

const FrameStats& frame_stats() {
  return g_frame_stats;
}

bool frame_loop_paused() {
  return g_backend && g_backend->paused();
}

std::size_t wasm_memory_bytes() {
  return __builtin_wasm_memory_size(0) * 65536u;
}

void request_redraw() {
  if (g_backend) g_backend->request_frames();
}

void Backend::request_frames() {
  frames_to_settle_ = kSettleFrames;
  if (paused_) {
    paused_ = false;
    emscripten_resume_main_loop();
  }
}

void Backend::show_mouse_cursor() {
  int cursor = ImGui::GetMouseCursor();
  if (cursor == cursor_) return;
  cursor_ = cursor;
  const char* name = "default";
  switch (cursor) {
    case ImGuiMouseCursor_TextInput:
      name = "text";
      break;
    case ImGuiMouseCursor_Hand:
      name = "pointer";
      break;
    case ImGuiMouseCursor_ResizeEW:
      name = "ew-resize";
      break;
    case ImGuiMouseCursor_ResizeNS:
      name = "ns-resize";
      break;
    case ImGuiMouseCursor_NotAllowed:
      name = "not-allowed";
      break;
    default:
      break;
  }
  set_canvas_cursor(name);
}

void Backend::frame() {
  const double start = emscripten_get_now();
  // Polling size, ratio and theme each frame drawn is cheap and catches every cause of change
  // (window resize, zoom, moving to another screen, the page's own layout, a system theme
  // switch, whose change event wakes the loop: see viewer.js).
  follow_appearance();
  follow_canvas_size();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));  // GLFW's size is stale
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  const double ui_start = emscripten_get_now();
  draw_();
  const double ui_ms = emscripten_get_now() - ui_start;
  g_frame_stats.ui_total_ms += ui_ms;
  ImGui::Render();
  // The first frames only lay out (kLayoutFrames): what they would show is about to change
  // anyway. GL is skipped for them; on software GL a frame costs tens of milliseconds.
  if (g_frame_stats.frames >= kLayoutFrames) {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, width_, height_);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  } else {
    ++g_frame_stats.layout_only;
  }
  show_mouse_cursor();
  g_frame_stats.last_ms = emscripten_get_now() - start;
  g_frame_stats.total_ms += g_frame_stats.last_ms;
  const bool first_shown = g_frame_stats.frames == kLayoutFrames;
  if (first_shown) {
    g_frame_stats.first_ms = g_frame_stats.last_ms;
    g_frame_stats.first_ui_ms = ui_ms;
  }
  ++g_frame_stats.frames;
  if (first_shown) first_picture_();

  if (--frames_to_settle_ <= 0) {
    paused_ = true;
    emscripten_pause_main_loop();
  }
}

void Backend::run(std::vector<StartStep> start_steps) {
  steps_ = std::move(start_steps);
  // The fonts (their atlas is rasterised at the screen's pixel ratio), then the shaders and
  // the atlas texture, each a step of its own, so that the first frame only draws.
  steps_.push_back([this] {
    follow_appearance();
    follow_canvas_size();  // made at this size already: nothing to reallocate
    return false;
  });
  steps_.push_back([] {
    const double gl_start = emscripten_get_now();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    g_frame_stats.gl_objects_ms = emscripten_get_now() - gl_start;
    return false;
  });
  next_step_ = 0;
  schedule_next_step();
}

void Backend::schedule_next_step() {
  emscripten_async_call([](void* self) { static_cast<Backend*>(self)->run_next_step(); }, this, 0);
}

void Backend::run_next_step() {
  if (next_step_ < steps_.size()) {
    if (!steps_[next_step_]()) ++next_step_;
    schedule_next_step();
    return;
  }
  steps_.clear();
  frames_to_settle_ = kSettleFrames;
  emscripten_set_main_loop_arg([](void* self) { static_cast<Backend*>(self)->frame(); }, this, 0, false);
}

}  // namespace disarm::web

// viewer.js wakes the frame loop for events the viewer does not listen to itself.
extern "C" EMSCRIPTEN_KEEPALIVE void disarm_api_wake() {
  disarm::web::request_redraw();
}

// viewer.js forwards the page's paste event: the only way to read the system clipboard.
extern "C" EMSCRIPTEN_KEEPALIVE void disarm_api_paste(const char* text) {
  if (text && ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) ImGui::GetIO().AddInputCharactersUTF8(text);
  disarm::web::request_redraw();
}
