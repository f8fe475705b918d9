// The window, GL context and frame loop the viewer runs in. One implementation per
// platform, chosen by CMake: backend_emscripten.cpp for the browser.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

struct GLFWwindow;

namespace disarm::web {

class Backend {
 public:
  // `draw` is called once per frame between NewFrame and Render; `appearance_changed` at
  // start and whenever the device pixel ratio (browser zoom, another screen) or the system's
  // light/dark setting changes, before the next frame; `first_picture` once, after the first
  // frame shown on the canvas (the frames before it only lay out, so that it is a settled one).
  Backend(std::function<void()> draw, std::function<void(float scale, bool dark)> appearance_changed,
          std::function<void()> first_picture);
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  // False when no GL context could be made (WebGL2 off or missing): nothing can be drawn.
  bool has_context() const { return window_ != nullptr; }

  // A start-up step: true when it has more to do, to be run again in the next task.
  using StartStep = std::function<bool()>;
  // Runs each of `start_steps` as a task of its own, then prepares the fonts and GL objects,
  // then the frame loop. Start-up as separate tasks keeps each short: one long task would
  // hold up the page's input, and is what Lighthouse's total blocking time counts. In the
  // browser this returns at once and the page runs on.
  void run(std::vector<StartStep> start_steps);

  // Device pixels per CSS pixel. The viewer draws in device pixels, so text is crisp.
  float dpi_scale() const { return dpi_scale_; }

  // Frames are drawn only after input or a request: an idle viewer costs nothing.
  void request_frames();
  bool paused() const { return paused_; }

 private:
  void frame();
  void schedule_next_step();
  void run_next_step();
  void follow_canvas_size();
  void show_mouse_cursor();
  void follow_appearance();

  GLFWwindow* window_ = nullptr;
  std::function<void()> draw_;
  std::function<void(float, bool)> appearance_changed_;
  std::function<void()> first_picture_;
  float dpi_scale_ = 0.0f;
  bool dark_ = false;
  int width_ = 0;  // device pixels
  int height_ = 0;
  int frames_to_settle_ = 0;  // frames still to draw before pausing
  bool paused_ = false;
  int cursor_ = -1;
  std::vector<StartStep> steps_;  // start-up still to run, in order
  std::size_t next_step_ = 0;
};

// Wakes the frame loop from anywhere in the viewer (a navigation from JS, a paste).
void request_redraw();

// What frames have cost, for the page API and the benchmarks: CPU time from the start of
// a frame to the end of its GL submission; and the GL parts of start-up.
struct FrameStats {
  long frames = 0;
  double last_ms = 0;
  double total_ms = 0;
  double ui_total_ms = 0;    // of which building the UI (the viewer's draw), not rendering it
  long layout_only = 0;      // of the frames, the first ones, laid out but not shown
  double first_ms = 0;       // the first frame shown
  double first_ui_ms = 0;    // of which building the UI
  double context_ms = 0;     // start-up: making the WebGL context
  double gl_objects_ms = 0;  // start-up: compiling the shaders, uploading the font atlas
};
const FrameStats& frame_stats();
// The frame loop waits for input or a request: the viewer is idle.
bool frame_loop_paused();
// Bytes of wasm memory now.
std::size_t wasm_memory_bytes();

}  // namespace disarm::web
