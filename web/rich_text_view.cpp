#include "rich_text_view.hpp"

#include <algorithm>
#include <string>

#include "links.hpp"

namespace disarm::web {

namespace {

ImFont* font_for(const Fonts& fonts, const Block& block, const Span& span) {
  if (block.type == BlockType::Heading) return fonts.heading;
  if (span.bold() || span.link == LinkKind::Object) return fonts.bold;
  if (span.italic()) return fonts.italic;
  return fonts.regular;
}

float text_width(ImFont* font, const char* begin, const char* end) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, end).x;
}

// Places words on lines. A word is a run of non-spaces plus the spaces after it; a word
// wider than a whole line is broken where ImGui's own wrapping would break it.
class LineBreaker {
 public:
  LineBreaker(std::vector<RichTextView::Run>& runs, float left, float right, float y)
      : runs_(runs), left_(left), right_(right), x_(left), y_(y) {}

  void add(const Span& span, ImFont* font) {
    const char* text = span.text.data();
    std::size_t n = span.text.size(), i = 0;
    while (i < n) {
      std::size_t word_end = i;
      while (word_end < n && span.text[word_end] != ' ') ++word_end;
      std::size_t next = word_end;
      while (next < n && span.text[next] == ' ') ++next;
      float word_w = text_width(font, text + i, text + word_end);
      if (x_ > left_ && x_ + word_w > right_) new_line();
      if (x_ == left_ && word_w > right_ - left_) {
        // Longer than a line (a URL): cut it where it fits.
        const char* cut = font->CalcWordWrapPositionA(1.0f, text + i, text + word_end, right_ - left_);
        if (cut <= text + i) cut = text + i + 1;
        while (cut < text + word_end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;
        place(span, font, i, static_cast<std::size_t>(cut - text));
        new_line();
        i = static_cast<std::size_t>(cut - text);
        continue;
      }
      place(span, font, i, next);
      i = next;
    }
  }

  void new_line() {
    y_ += line_height_ > 0 ? line_height_ : last_font_height_;
    x_ = left_;
    line_height_ = 0;
  }

  float finish() {
    if (x_ > left_ || line_height_ > 0) new_line();
    return y_;
  }

 private:
  void place(const Span& span, ImFont* font, std::size_t begin, std::size_t end) {
    float w = text_width(font, span.text.data() + begin, span.text.data() + end);
    // Consecutive words of one span on one line merge into one run: fewer draw calls.
    if (!runs_.empty() && runs_.back().span == &span && runs_.back().end == begin && runs_.back().y == y_) {
      runs_.back().end = static_cast<std::uint32_t>(end);
      runs_.back().w += w;
    } else {
      runs_.push_back({&span, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), x_, y_, w, font});
    }
    x_ += w;
    line_height_ = std::max(line_height_, font->FontSize * 1.35f);
    last_font_height_ = font->FontSize * 1.35f;
  }

  std::vector<RichTextView::Run>& runs_;
  float left_, right_, x_, y_;
  float line_height_ = 0, last_font_height_ = 0;
};

}  // namespace

RichTextView::Layout& RichTextView::layout_for(ViewContext& ctx, const RichText& text, float width) {
  Layout& layout = layouts_[&text];
  if (layout.width != width || layout.fonts != ctx.fonts.generation) lay_out(ctx, text, width, layout);
  return layout;
}

void RichTextView::lay_out(ViewContext& ctx, const RichText& text, float width, Layout& out) {
  out = Layout{};
  out.width = width;
  out.fonts = ctx.fonts.generation;
  const float indent = ctx.fonts.regular->FontSize * 1.5f;
  const float gap = ctx.fonts.regular->FontSize * 0.6f;
  float y = 0;
  for (std::size_t b = 0; b < text.blocks.size(); ++b) {
    const Block& block = text.blocks[b];
    if (b > 0) y += gap;
    float left = indent * static_cast<float>(block.list_depth + block.quote_depth);
    if (block.type == BlockType::Rule) {
      out.decorations.push_back({Decoration::Rule, 0, y + gap * 0.5f, width, 1, 0});
      y += gap;
      continue;
    }
    if (block.type == BlockType::Table) {
      out.tables.push_back({y, &block});
      // Tables are drawn live with ImGui's table layout; reserve an estimate of rows.
      y += static_cast<float>(block.rows.size()) * ctx.fonts.regular->FontSize * 1.6f;
      continue;
    }
    if (block.type == BlockType::ListItem)
      out.decorations.push_back({block.ordered ? Decoration::Number : Decoration::Bullet, left - indent * 0.8f, y,
                                 indent * 0.8f, ctx.fonts.regular->FontSize, block.number});
    float top = y;
    LineBreaker lines(out.runs, left, std::max(left + indent, width), y);
    for (const Span& span : block.spans) {
      if (span.line_break)
        lines.new_line();
      else
        lines.add(span, font_for(ctx.fonts, block, span));
    }
    y = lines.finish();
    if (block.quote_depth > 0)
      out.decorations.push_back({Decoration::QuoteBar, indent * (block.list_depth + block.quote_depth) - indent * 0.6f,
                                 top, 3 * ctx.scale, y - top, 0});
  }
  out.height = y;
}

void RichTextView::draw(ViewContext& ctx, const RichText& text, float width) {
  if (text.empty()) return;
  Layout& layout = layout_for(ctx, text, width);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();

  for (const Decoration& d : layout.decorations) {
    ImVec2 p(origin.x + d.x, origin.y + d.y);
    if (p.y > clip_max.y || p.y + d.h < clip_min.y) continue;
    switch (d.kind) {
      case Decoration::Bullet:
        draw->AddCircleFilled(ImVec2(p.x + d.w * 0.5f, p.y + d.h * 0.6f), d.h * 0.14f, ctx.palette.text);
        break;
      case Decoration::Number: {
        std::string label = std::to_string(d.number) + ".";
        draw->AddText(ctx.fonts.regular, ctx.fonts.regular->FontSize, p, ctx.palette.text, label.c_str());
        break;
      }
      case Decoration::QuoteBar:
        draw->AddRectFilled(p, ImVec2(p.x + d.w, p.y + d.h), ctx.palette.rule);
        break;
      case Decoration::Rule:
        draw->AddLine(p, ImVec2(p.x + d.w, p.y), ctx.palette.rule, ctx.scale);
        break;
    }
  }

  for (const Run& run : layout.runs) {
    ImVec2 min(origin.x + run.x, origin.y + run.y);
    ImVec2 max(min.x + run.w, min.y + run.font->FontSize * 1.2f);
    if (max.y < clip_min.y) continue;
    if (min.y > clip_max.y) break;  // runs are in reading order: nothing below is visible
    const Span& span = *run.span;
    ImU32 colour = span.link == LinkKind::Object     ? ctx.palette.link
                   : span.link == LinkKind::External ? ctx.palette.external_link
                                                     : ctx.palette.text;
    if (span.code()) draw->AddRectFilled(min, max, ctx.palette.code_bg, 2 * ctx.scale);
    draw->AddText(run.font, run.font->FontSize, min, colour, span.text.data() + run.begin, span.text.data() + run.end);
    if (span.link == LinkKind::Object)
      track_object_link(ctx, span.object, min, max);
    else if (span.link == LinkKind::External)
      track_external_link(ctx, span.url, min, max);
  }

  for (const auto& [y, block] : layout.tables) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + y));
    int columns = 0;
    for (const TableRow& row : block->rows) columns = std::max(columns, static_cast<int>(row.cells.size()));
    if (columns == 0 ||
        !ImGui::BeginTable("##richtable", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImVec2(width, 0)))
      continue;
    for (const TableRow& row : block->rows) {
      ImGui::TableNextRow(row.header ? ImGuiTableRowFlags_Headers : 0);
      for (const auto& cell : row.cells) {
        ImGui::TableNextColumn();
        std::string plain;
        for (const Span& s : cell) plain += s.line_break ? std::string(" ") : s.text;
        ImGui::PushFont(row.header ? ctx.fonts.bold : ctx.fonts.regular);
        ImGui::TextWrapped("%s", plain.c_str());
        ImGui::PopFont();
      }
    }
    ImGui::EndTable();
  }

  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, layout.height));
}

}  // namespace disarm::web
