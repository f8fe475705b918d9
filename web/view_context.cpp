#include "view_context.hpp"

namespace disarm::web {

const LinkPreview& LinkPreviewCache::get(ObjectIndex object) {
  auto it = previews_.find(object);
  if (it == previews_.end()) it = previews_.emplace(object, preview(framework_, object)).first;
  return it->second;
}

void same_line_if_fits(float next_width) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + next_width <= right) ImGui::SameLine(0, gap);
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

Palette make_palette(bool dark) {
  if (dark)
    return Palette{
        .text = IM_COL32(230, 230, 228, 255),
        .muted = IM_COL32(160, 164, 170, 255),
        .link = IM_COL32(130, 180, 255, 255),
        .link_hover = IM_COL32(170, 205, 255, 255),
        .external_link = IM_COL32(150, 200, 170, 255),
        .heading = IM_COL32(245, 245, 245, 255),
        .code_bg = IM_COL32(60, 64, 72, 255),
        .rule = IM_COL32(80, 84, 92, 255),
        .chip_bg = IM_COL32(58, 62, 70, 255),
        .chip_text = IM_COL32(220, 222, 226, 255),
        .accent = IM_COL32(235, 90, 80, 255),
    };
  return Palette{
      .text = IM_COL32(29, 31, 35, 255),
      .muted = IM_COL32(100, 104, 112, 255),
      .link = IM_COL32(20, 90, 190, 255),
      .link_hover = IM_COL32(10, 60, 140, 255),
      .external_link = IM_COL32(15, 110, 70, 255),
      .heading = IM_COL32(15, 17, 20, 255),
      .code_bg = IM_COL32(236, 236, 232, 255),
      .rule = IM_COL32(205, 205, 200, 255),
      .chip_bg = IM_COL32(232, 232, 228, 255),
      .chip_text = IM_COL32(50, 52, 58, 255),
      .accent = IM_COL32(179, 38, 30, 255),
  };
}

}  // namespace disarm::web
