#include "theme.hpp"

#include "imgui.h"

namespace disarm::web {

void apply_theme(bool dark, float scale) {
  ImGuiStyle style;
  if (dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
  }
  // A document, not a tool palette: roomier spacing and soft corners.
  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 8);
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowBorderSize = 0;
  style.ScrollbarSize = 14;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace disarm::web
