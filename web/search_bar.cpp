#include "search_bar.hpp"

#include <algorithm>
#include <utility>

#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "platform/page_api.hpp"

namespace disarm::web {

bool SearchBar::keep_early_characters(bool active) {
  // The box takes the focus a frame or two after "/" (ImGui activates it in the next frame,
  // then the page's <input> opens over it). Characters typed meanwhile would reach no box
  // and be dropped at the end of the frame: keep them, in order, for the box.
  if (!focus_pending_ || active || text_input_open_) return false;
  ImGuiIO& io = ImGui::GetIO();
  bool typed = false;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c < 0x20 || c == 0x7F) continue;
    char utf8[5] = {};
    ImTextCharToUtf8(utf8, c);
    text_ += utf8;
    typed = true;
  }
  io.InputQueueCharacters.resize(0);
  return typed;
}

bool SearchBar::take_page_keys(Input& input) {
  bool leave = false;
  for (const std::string& key : std::exchange(typed_keys_, {})) {
    if (key == "Focus") text_input_open_ = true;
    if (key == "ArrowDown" || key == "ArrowUp") input.arrow += key == "ArrowDown" ? 1 : -1;
    input.entered = input.entered || key == "Enter";
    leave = leave || key == "Blur" || key == "Enter";  // as Enter in the box itself leaves it
  }
  if (leave) text_input_open_ = false;
  return leave;
}

SearchBar::Input SearchBar::draw(ViewContext& ctx, float width) {
  ImGuiIO& io = ImGui::GetIO();
  if ((!io.WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) ||
      (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_K, false))) {
    focus_ = true;
    focus_pending_ = true;
  }
  const ImGuiID box_id = ImGui::GetID("##search");
  const bool active = ImGui::GetActiveID() == box_id;
  Input input;
  input.typed = keep_early_characters(active);
  const bool leave = take_page_keys(input);
  // While the page's input is open it holds the text. ImGui keeps its own copy of an active
  // box's text and writes it back each frame, so a new text from the page deactivates the
  // box for this frame and activates it again, which makes ImGui read it afresh.
  if (typed_text_) {
    input.typed = input.typed || *typed_text_ != text_;
    text_ = std::move(*typed_text_);
    typed_text_.reset();
    if (active && text_input_open_) focus_ = true;
  }
  if (active && (leave || focus_)) ImGui::ClearActiveID();
  if (focus_) {
    ImGui::SetKeyboardFocusHere();
    focus_ = false;
  }
  ImGui::SetNextItemWidth(width);
  // Up and Down reach us through the history callback, which also keeps ImGui's keyboard
  // navigation from taking them (and the focus) away from the box.
  auto on_arrow = [](ImGuiInputTextCallbackData* data) {
    *static_cast<int*>(data->UserData) += data->EventKey == ImGuiKey_DownArrow ? 1 : -1;
    return 0;
  };
  const std::string hint =
      ctx.framework.release().vocabulary.reword("Search techniques, incidents, counters\u2026  ( / )");
  bool changed = ImGui::InputTextWithHint("##search", hint.c_str(), &text_,
                                          ImGuiInputTextFlags_EscapeClearsAll | ImGuiInputTextFlags_CallbackHistory,
                                          on_arrow, &input.arrow);
  input.entered = (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter)) || input.entered;
  focused_ = ImGui::IsItemActive() || text_input_open_;
  if (focused_) focus_pending_ = false;
  min_ = ImGui::GetItemRectMin();
  max_ = ImGui::GetItemRectMax();
  input.typed = input.typed || changed;
  return input;
}

void SearchBar::tell_page(float scale) {
  const float css[5] = {focused_ ? 1.0f : 0.0f, min_.x / scale, min_.y / scale, (max_.x - min_.x) / scale,
                        (max_.y - min_.y) / scale};
  if (std::equal(css, css + 5, told_)) return;
  std::copy(css, css + 5, told_);
  const float rect[4] = {css[1], css[2], css[3], css[4]};
  notify_search_box(focused_, text_, rect);
}

}  // namespace disarm::web
