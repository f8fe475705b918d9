#include "views/kind_list_view.hpp"

#include "links.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

void KindListView::draw(ViewContext& ctx) {
  float width = reading_width(ctx);
  centre_column(width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(page_->title.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%zu", page_->entries.size());

  ImGui::BeginChild("kindlist", ImVec2(width, 0), false, kNavFlattened);
  const float row_h = ctx.fonts.bold->FontSize * 2.5f;
  const float pad = 4 * ctx.scale;
  // Fixed-height rows, so only the rows in view are laid out.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(page_->entries.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const KindPageEntry& e = page_->entries[static_cast<std::size_t>(i)];
      ImDrawList* draw = ImGui::GetWindowDrawList();
      ImVec2 min = ImGui::GetCursorScreenPos();
      ImVec2 max(min.x + ImGui::GetContentRegionAvail().x, min.y + row_h);
      float x = min.x + pad + (e.depth > 0 ? 16 * ctx.scale : 0);
      draw->PushClipRect(min, max, true);
      draw->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(x, min.y + pad), ctx.palette.link, e.id.c_str());
      float name_x = x + ctx.fonts.bold->FontSize * 5.5f;
      draw->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(name_x, min.y + pad), ctx.palette.text,
                    e.name.c_str());
      const char* note = !e.has_page ? "  (no datasheet upstream)" : !e.indexed ? "  (in no upstream index)" : "";
      if (*note)
        draw->AddText(
            ctx.fonts.italic, ctx.fonts.italic->FontSize,
            ImVec2(name_x + ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, e.name.c_str()).x,
                   min.y + pad),
            ctx.palette.muted, note);
      draw->AddText(ctx.fonts.regular, ctx.fonts.regular->FontSize,
                    ImVec2(name_x, min.y + pad + ctx.fonts.bold->FontSize * 1.2f), ctx.palette.muted,
                    e.summary.c_str());
      draw->PopClipRect();
      ImGui::Dummy(ImVec2(max.x - min.x, row_h));
      track_object_link(ctx, e.object, min, max);
    }
  }
  ImGui::EndChild();
}

}  // namespace disarm::web
