// The top bar's search box, with the page's <input> laid over it (text_input.js) so that
// phone keyboards, input methods and paste work; "/" or Ctrl+K focuses it from anywhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "view_context.hpp"

namespace disarm::web {

class SearchBar {
 public:
  // What the user did in the box this frame.
  struct Input {
    bool typed = false;    // the text changed
    int arrow = 0;         // Down presses less Up presses
    bool entered = false;  // Enter
  };

  // From the page's <input>: its text after every edit, and the keys it passes on
  // ("Enter", "ArrowUp", "ArrowDown", "Focus", "Blur"), applied in the next frame's draw.
  void page_input(const std::string& text) { typed_text_ = text; }
  void page_key(const std::string& key) { typed_keys_.push_back(key); }

  Input draw(ViewContext& ctx, float width);
  // Tells the page's <input> where the box is and whether it has the focus, when either
  // changed since it was last told; after the frame's input is handled.
  void tell_page(float scale);

  const std::string& text() const { return text_; }
  void set_text(std::string text) { text_ = std::move(text); }
  bool focused() const { return focused_; }
  // As last drawn, in device pixels.
  ImVec2 min() const { return min_; }
  ImVec2 max() const { return max_; }

 private:
  // Characters typed between "/" and the box taking the focus, which would be lost.
  bool keep_early_characters(bool active);
  // The page's keys since the last frame, into `input`; true when they leave the box.
  bool take_page_keys(Input& input);

  std::string text_;
  bool focus_ = false;
  bool focus_pending_ = false;  // "/" or Ctrl+K asked for the box, which has not got it yet
  bool focused_ = false;
  ImVec2 min_, max_;
  std::optional<std::string> typed_text_;
  std::vector<std::string> typed_keys_;
  bool text_input_open_ = false;  // the page's input is over the box and has the focus
  float told_[5] = {-1};          // focused and CSS rect last told to the page
};

}  // namespace disarm::web
