#include "views/page_layout.hpp"

#include <algorithm>

namespace disarm::web {

float reading_width(const ViewContext& ctx) {
  return std::min(ImGui::GetContentRegionAvail().x, 860.0f * ctx.scale);
}

void centre_column(float width) {
  float spare = ImGui::GetContentRegionAvail().x - width;
  if (spare > 0) ImGui::Indent(spare * 0.5f);
}

void section_heading(ViewContext& ctx, const char* title) {
  ImGui::Dummy(ImVec2(0, ctx.fonts.regular->FontSize * 0.6f));
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.heading);
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Separator();
}

}  // namespace disarm::web
