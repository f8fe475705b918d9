#include "views/word_diff_view.hpp"

#include <string>

namespace disarm::web {

void draw_word_diff(ViewContext& ctx, const WordDiff& diff, float width) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ctx.fonts.regular;
  const float size = font->FontSize;
  const float line_h = size * 1.35f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 at = origin;
  const bool dark = (ctx.palette.text & 0xFF) > 128;  // light text: the dark theme
  const ImU32 removed_bg = dark ? IM_COL32(110, 30, 34, 255) : IM_COL32(255, 215, 215, 255);
  const ImU32 added_bg = dark ? IM_COL32(24, 90, 44, 255) : IM_COL32(205, 240, 210, 255);
  for (const DiffPart& part : diff.parts) {
    std::size_t start = 0;
    while (start < part.text.size()) {
      // A word with the spaces after it.
      std::size_t end = part.text.find(' ', start);
      end = end == std::string::npos ? part.text.size() : part.text.find_first_not_of(' ', end);
      if (end == std::string::npos) end = part.text.size();
      const char* begin_p = part.text.data() + start;
      const char* end_p = part.text.data() + end;
      const float w = font->CalcTextSizeA(size, FLT_MAX, 0, begin_p, end_p).x;
      if (at.x + w > origin.x + width && at.x > origin.x) {
        at.x = origin.x;
        at.y += line_h;
      }
      if (part.op != DiffOp::Same) {
        const float word_w = font->CalcTextSizeA(size, FLT_MAX, 0, begin_p, end_p - (end_p[-1] == ' ' ? 1 : 0)).x;
        draw->AddRectFilled(at, ImVec2(at.x + word_w, at.y + size * 1.15f),
                            part.op == DiffOp::Removed ? removed_bg : added_bg, 2 * ctx.scale);
        if (part.op == DiffOp::Removed)
          draw->AddLine(ImVec2(at.x, at.y + size * 0.6f), ImVec2(at.x + word_w, at.y + size * 0.6f), ctx.palette.text,
                        ctx.scale);
      }
      draw->AddText(font, size, at, ctx.palette.text, begin_p, end_p);
      at.x += w;
      start = end;
    }
  }
  ImGui::Dummy(ImVec2(width, at.y - origin.y + line_h));
}

}  // namespace disarm::web
