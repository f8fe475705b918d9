#include "views/search_view.hpp"

#include <algorithm>

#include "links.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

namespace {

// Draws `text` from `x` on one line, bold where `highlights` say, clipped at `right`.
void draw_snippet(ViewContext& ctx, ImVec2 pos, float right, const std::string& text,
                  const std::vector<TextRange>& highlights, ImU32 colour) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(pos, ImVec2(right, pos.y + ctx.fonts.regular->FontSize * 1.4f), true);
  float x = pos.x;
  std::uint32_t at = 0;
  auto put = [&](ImFont* font, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    const char* b = text.data() + begin;
    const char* e = text.data() + end;
    draw->AddText(font, font->FontSize, ImVec2(x, pos.y), colour, b, e);
    x += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, e).x;
  };
  for (const TextRange& r : highlights) {
    if (r.begin < at || r.end > text.size()) continue;
    put(ctx.fonts.regular, at, r.begin);
    put(ctx.fonts.bold, r.begin, r.end);
    at = r.end;
    if (x > right) break;
  }
  put(ctx.fonts.regular, at, static_cast<std::uint32_t>(text.size()));
  draw->PopClipRect();
}

}  // namespace

void SearchView::show(const SearchPage& page) {
  page_ = &page;
  selected_ = 0;
}

void SearchView::move_selection(int delta) {
  if (!page_ || page_->hits.empty()) return;
  selected_ = std::clamp(selected_ + delta, 0, static_cast<int>(page_->hits.size()) - 1);
  scroll_to_selected_ = true;
}

std::optional<Route> SearchView::selected_route(const Framework& framework) const {
  if (!page_ || page_->hits.empty()) return std::nullopt;
  return Route::object(framework.object(page_->hits[static_cast<std::size_t>(selected_)].object).id);
}

void SearchView::draw_chips(ViewContext& ctx) {
  ImGui::TextDisabled("Show:");
  for (const KindInfo& k : all_kinds()) {
    std::size_t n = page_->per_kind[static_cast<std::size_t>(k.kind)];
    if (n == 0) continue;
    bool on = (page_->kinds & kind_bit(k.kind)) != 0;
    std::string label = std::string(ctx.framework.kind_plural(k.kind)) + " " + std::to_string(n);
    same_line_if_fits(button_width(label.c_str()));
    ImGui::PushStyleColor(ImGuiCol_Button, on ? ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive)
                                              : ImGui::ColorConvertU32ToFloat4(ctx.palette.chip_bg));
    if (ImGui::SmallButton(label.c_str())) {
      ctx.open(Route::search(page_->query, page_->kinds ^ kind_bit(k.kind)));
    }
    ImGui::PopStyleColor();
  }
  if (page_->kinds != 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton("All")) ctx.open(Route::search(page_->query));
  }
}

void SearchView::draw_show_in_matrix(ViewContext& ctx) {
  ImGui::BeginDisabled(page_->per_kind[static_cast<std::size_t>(Kind::Technique)] == 0);
  const bool show_in_matrix = page_button(ctx, "Show matches in matrix");
  ImGui::EndDisabled();
  if (show_in_matrix) ctx.open(Route::matrix(MatrixSide::Red, std::string(kSearchHighlightPrefix) + page_->query));
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Light up every technique this search finds in the red matrix");
}

void SearchView::draw_menu(ViewContext& ctx) {
  if (!page_ || page_->query.empty()) return;
  draw_chips(ctx);
  ImGui::TextDisabled("%zu result%s", page_->hits.size(), page_->hits.size() == 1 ? "" : "s");
  draw_show_in_matrix(ctx);
}

void SearchView::draw_hit(ViewContext& ctx, std::size_t i, float row_h, float width) {
  const SearchHit& hit = page_->hits[i];
  const Object& o = ctx.framework.object(hit.object);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImVec2 max(min.x + width, min.y + row_h);
  if (static_cast<int>(i) == selected_) draw->AddRectFilled(min, max, ctx.palette.chip_bg, 4 * ctx.scale);
  const float pad = 6 * ctx.scale;
  ImFont* bold = ctx.fonts.bold;
  ImVec2 line(min.x + pad, min.y + pad);

  std::string_view kind = ctx.framework.kind_label(o.kind);
  draw->AddText(ctx.fonts.regular, ctx.fonts.regular->FontSize, line, ctx.palette.muted, kind.data(),
                kind.data() + kind.size());
  // An embed's narrow frame gives the kind less room; the ID and name need it more.
  const float kind_w = (ctx.embed ? 6.5f : 9.0f) * ctx.fonts.regular->FontSize;
  line.x += kind_w;
  draw->AddText(bold, bold->FontSize, line, ctx.palette.link, o.id.c_str());
  line.x += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, o.id.c_str()).x + pad * 1.5f;
  draw->PushClipRect(min, max, true);
  draw->AddText(bold, bold->FontSize, line, ctx.palette.text, o.name.c_str());
  draw->PopClipRect();

  ImVec2 second(min.x + pad + kind_w, line.y + bold->FontSize * 1.3f);
  if (hit.field == SearchField::Id || hit.field == SearchField::Name || hit.snippet.empty()) {
    // The match is in the first line: the summary's opening words say what the object is.
    draw_snippet(ctx, second, max.x - pad, ctx.previews.get(hit.object).summary, {}, ctx.palette.muted);
  } else {
    std::string where(hit.field_name);
    if (hit.evidence_for) where += " for " + ctx.framework.object(*hit.evidence_for).id;
    where += ": ";
    draw->AddText(ctx.fonts.italic, ctx.fonts.italic->FontSize, second, ctx.palette.muted, where.c_str());
    second.x += ctx.fonts.italic->CalcTextSizeA(ctx.fonts.italic->FontSize, FLT_MAX, 0, where.c_str()).x;
    draw_snippet(ctx, second, max.x - pad, hit.snippet, hit.highlights, ctx.palette.text);
  }
  ImGui::Dummy(ImVec2(width, row_h));
  if (ImGui::IsItemHovered()) selected_ = static_cast<int>(i);
  track_object_link(ctx, hit.object, min, max);
}

void SearchView::draw(ViewContext& ctx) {
  float width = reading_width(ctx) + 200 * ctx.scale;
  width = std::min(width, ImGui::GetContentRegionAvail().x);
  centre_column(width);
  if (page_->query.empty()) {
    ImGui::TextDisabled("Type in the search box: a word (\"deepfake\"), a phrase in quotes, an ID (\"T0154\"),");
    ImGui::TextDisabled("or a kind filter (\"kind:incident bots\"). Press / or Ctrl+K to search from anywhere.");
    return;
  }
  if (!ctx.embed) draw_chips(ctx);
  if (std::string notice = search_query_limit_notice(page_->query); !notice.empty())
    ImGui::TextWrapped("%s", notice.c_str());
  if (page_->hits.empty()) {
    ImGui::Spacing();
    ImGui::Text("No matches for \u201C%s\u201D.", page_->query.c_str());
    ImGui::TextDisabled("Check the spelling, try fewer words, or search an ID such as T0049.");
    return;
  }
  if (!ctx.embed) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%zu result%s%s", page_->hits.size(), page_->hits.size() == 1 ? "" : "s",
                        page_->capped ? " (the best 500)" : "");
    ImGui::SameLine(0, ImGui::GetFontSize());
    draw_show_in_matrix(ctx);
  }
  const float row_h = ctx.fonts.bold->FontSize * 2.6f + 12 * ctx.scale;
  ImGui::BeginChild("results", ImVec2(width, 0), false, kNavFlattened);
  // A fixed row height lets the clipper lay out only the rows in view: 10 or 500 hits
  // cost the same per frame.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(page_->hits.size()), row_h + ImGui::GetStyle().ItemSpacing.y);
  if (scroll_to_selected_) {
    clipper.IncludeItemByIndex(selected_);
    scroll_to_selected_ = false;
    ImGui::SetScrollY(
        std::max(0.0f, selected_ * (row_h + ImGui::GetStyle().ItemSpacing.y) - ImGui::GetWindowHeight() * 0.4f));
  }
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      draw_hit(ctx, static_cast<std::size_t>(i), row_h, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
}

}  // namespace disarm::web
