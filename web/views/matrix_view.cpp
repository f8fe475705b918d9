#include "views/matrix_view.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "disarm/pages/print_html.hpp"
#include "imgui_stdlib.h"
#include "links.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

constexpr float kColumnWidth = 176;       // CSS pixels
constexpr float kEmbedColumnWidth = 144;  // three columns across a 480-pixel embed
constexpr float kColumnGap = 6;
constexpr float kCellPad = 6;

// Sequential palettes (ColorBrewer-like): light to dark, distinguishable without hue.
constexpr ImU32 kRedHeat[kHeatLevels] = {
    IM_COL32(238, 238, 234, 255), IM_COL32(253, 224, 197, 255), IM_COL32(252, 174, 124, 255),
    IM_COL32(230, 96, 60, 255),   IM_COL32(165, 15, 21, 255),
};
constexpr ImU32 kBlueHeat[kHeatLevels] = {
    IM_COL32(238, 238, 234, 255), IM_COL32(210, 226, 243, 255), IM_COL32(150, 190, 226, 255),
    IM_COL32(66, 134, 196, 255),  IM_COL32(8, 69, 148, 255),
};

constexpr float kPanelWidth = 380;  // CSS pixels

bool dark_cell(int level) {
  return level >= 3;
}

// `colour` moved `amount` (0..1) of the way to `towards`: how cells outside a highlight fade.
ImU32 blend(ImU32 colour, ImU32 towards, float amount) {
  ImVec4 a = ImGui::ColorConvertU32ToFloat4(colour), b = ImGui::ColorConvertU32ToFloat4(towards);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(a.x + (b.x - a.x) * amount, a.y + (b.y - a.y) * amount, a.z + (b.z - a.z) * amount, 1.0f));
}

// A folded parent's note of its selected sub-techniques: a hollow check pill with their count,
// its top right at `top_right`, so that folding never hides a selection.
void draw_selected_below(ViewContext& ctx, ImDrawList* draw, const std::vector<MatrixCell>& cells, std::size_t parent,
                         const Selection& selection, ImVec2 top_right) {
  int count = 0;
  for (std::size_t j = parent + 1; j < cells.size() && cells[j].depth > 0; ++j)
    if (cells[j].parent == static_cast<int>(parent) && selection.contains(cells[j].id)) ++count;
  if (count == 0) return;
  ImFont* bold = ctx.fonts.bold;
  const float s = ctx.scale, h = bold->FontSize * 1.05f, pad = 4 * s;
  std::string text = "\u2713 " + std::to_string(count);
  float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, text.c_str()).x + 2 * pad;
  ImVec2 min(top_right.x - w, top_right.y), max(top_right.x, top_right.y + h);
  draw->AddRectFilled(min, max, IM_COL32_WHITE, h * 0.5f);
  draw->AddRect(min, max, kSelectedColour, h * 0.5f, 0, 2 * s);
  draw->AddText(bold, bold->FontSize, ImVec2(min.x + pad, min.y + (h - bold->FontSize) * 0.5f),
                IM_COL32(25, 25, 28, 255), text.c_str());
  if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max))
    ImGui::SetTooltip("%d selected sub-technique%s folded here", count, count == 1 ? "" : "s");
}

float luminance(ImU32 colour) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
}

// A highlighted cell's mark: an outline outside the cell and a flag in its top-left corner,
// so that it reads without colour too.
void draw_highlight_mark(ImDrawList* draw, ImVec2 min, ImVec2 max, float scale) {
  const float t = 3 * scale, f = 14 * scale;
  draw->AddRect(ImVec2(min.x - t * 0.5f, min.y - t * 0.5f), ImVec2(max.x + t * 0.5f, max.y + t * 0.5f),
                kHighlightColour, 4 * scale, 0, t);
  draw->AddTriangleFilled(min, ImVec2(min.x + f, min.y), ImVec2(min.x, min.y + f), kHighlightColour);
}

}  // namespace

ImU32 heat_colour(const Palette&, int level, bool red) {
  level = std::clamp(level, 0, kHeatLevels - 1);
  return red ? kRedHeat[level] : kBlueHeat[level];
}

void MatrixView::show(MatrixModel model) {
  bool same_side = model.side == full_.side && !full_.columns.empty();
  full_ = std::move(model);
  if (!same_side) filter_.clear();
  shown_ = full_;
  stale_ = true;  // a filter kept from before applies to the new model
}

void MatrixView::set_highlight(MatrixHighlight highlight) {
  if (highlight.source != highlight_.source) only_highlighted_ = false;
  highlight_ = std::move(highlight);
  scroll_to_highlight_ = !highlight_.techniques.empty();
  stale_ = true;
  highlighted_ = {highlight_.techniques.begin(), highlight_.techniques.end()};
  for (const MatrixTacticColumn& column : full_.columns)
    for (const MatrixCell& cell : column.cells)
      if (cell.depth > 0 && highlighted_.count(cell.object))
        expanded_.insert(column.cells[static_cast<std::size_t>(cell.parent)].object);
}

std::string MatrixView::print_document_html(const Framework& framework, const Selection& selection) const {
  return print_matrix_html(framework, shown_, selection.empty() ? nullptr : &selection, highlight_.techniques);
}

void MatrixView::refilter(const SearchIndexSource& search) {
  stale_ = false;
  const bool only_lit = only_highlighted_ && full_.side == MatrixSide::Red && !highlight_.source.empty();
  filtered_ = !filter_.empty() || only_lit;
  if (!filtered_) {
    shown_ = full_;
    return;
  }
  std::vector<ObjectIndex> matches;
  if (!filter_.empty()) {
    SearchOptions options;
    options.limit = 0;
    options.snippets = 0;
    options.kinds = kind_bit(full_.side == MatrixSide::Red ? Kind::Technique : Kind::Counter);
    for (const SearchHit& hit : search().search(filter_, options)) matches.push_back(hit.object);
    if (only_lit) std::erase_if(matches, [&](ObjectIndex i) { return !highlighted_.count(i); });
  } else {
    matches = highlight_.techniques;
  }
  shown_ = filter_matrix(full_, matches);
}

void MatrixView::draw(ViewContext& ctx) {
  const SearchIndexSource& search = ctx.search;
  SelectionStore& store = ctx.selection;
  const bool red = full_.side == MatrixSide::Red;
  if (stale_) refilter(search);
  // An embed's frame is the matrix's: the panel opens only when asked for, from the menu.
  panel_open_ = panel_choice_.value_or(!ctx.embed && (!store.selection().empty() || !store.previous().empty() ||
                                                      !store.notice().empty() || select_mode_));
  if (select_mode_ && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    select_mode_ = false;
  draw_toolbar(ctx, search, store);
  if (red && !highlight_.source.empty()) draw_highlight_banner(ctx, store);
  if (stale_) refilter(search);

  const float panel_w = panel_open_ ? std::min(kPanelWidth * ctx.scale, ImGui::GetContentRegionAvail().x * 0.45f) : 0;
  const float gap = panel_open_ ? ImGui::GetStyle().ItemSpacing.x : 0;
  ImGui::BeginChild("matrix", ImVec2(ImGui::GetContentRegionAvail().x - panel_w - gap, 0), false,
                    ImGuiWindowFlags_HorizontalScrollbar | kNavFlattened);
  draw_columns(ctx, store);
  ImGui::EndChild();
  if (panel_open_) {
    ImGui::SameLine(0, gap);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    ImGui::BeginChild("selection panel", ImVec2(panel_w, 0), true, kNavFlattened);
    panel_.draw(ctx, store, red ? std::string_view(highlight_.source) : std::string_view());
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
}

void MatrixView::draw_toolbar(ViewContext& ctx, const SearchIndexSource& search, SelectionStore& store) {
  const bool red = full_.side == MatrixSide::Red;
  const char* title = red ? "Red framework" : "Blue framework";
  const std::string subtitle =
      ctx.framework.release().vocabulary.reword(red ? "techniques by tactic" : "counters by tactic");
  if (ctx.embed) {
    // One line: the embed bar's menu holds the rest.
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", subtitle.c_str(), filtered_ ? " (filtered)" : "");
    return;
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", subtitle.c_str());
  draw_controls(ctx, search, store, false);
  draw_legend(ctx, false);
}

void MatrixView::draw_menu(ViewContext& ctx) {
  draw_controls(ctx, ctx.search, ctx.selection, true);
  ImGui::Separator();
  draw_legend(ctx, true);
}

void MatrixView::draw_controls(ViewContext& ctx, const SearchIndexSource& search, SelectionStore& store, bool in_menu) {
  const bool red = full_.side == MatrixSide::Red;
  auto next = [in_menu](float width) {
    if (!in_menu) same_line_if_fits(width);
  };
  const Vocabulary& words = ctx.framework.release().vocabulary;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::InputTextWithHint("##matrixfilter", words.reword(red ? "Filter techniques" : "Filter counters").c_str(),
                               &filter_))
    refilter(search);
  char shown[64];
  std::snprintf(shown, sizeof shown, "%zu of %zu shown", shown_.cell_count(), full_.cell_count());
  next(ImGui::CalcTextSize(shown).x);
  ImGui::TextDisabled("%s", shown);
  if (red) {
    const char* select_label = select_mode_ ? "\u2713 Select mode##select" : "Select mode##select";
    next(button_width(select_label));
    if (select_mode_) ImGui::PushStyleColor(ImGuiCol_Button, kSelectedColour);
    if (page_button(ctx, select_label, false)) select_mode_ = !select_mode_;
    if (select_mode_) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "On: a click selects a technique (Esc turns it off). Off: a click opens it; Ctrl+click (Cmd+click on a Mac) "
          "selects.");
  }
  std::string panel_label =
      panel_open_ ? std::string("Hide selection") : "Selection (" + std::to_string(store.selection().size()) + ")";
  next(button_width(panel_label.c_str()));
  if (page_button(ctx, panel_label.c_str(), false)) panel_choice_ = !panel_open_;
  next(button_width("Print"));
  if (page_button(ctx, "Print", false)) print_document(print_document_html(ctx.framework, store.selection()));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A print view of the matrix as shown, with its highlight and selection");
  if (ctx.releases.size() > 1) {
    const std::string since =
        changes_ && !changes_->since.empty() ? "Changes since " + changes_->since : "Changes since\u2026";
    next(button_width(since.c_str()) + ImGui::GetFrameHeight());
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(since.c_str()).x + ImGui::GetFrameHeight() +
                            ImGui::GetStyle().FramePadding.x * 2);
    const bool open = ImGui::BeginCombo("##since", since.c_str());
    ctx.buttons.push_back({"Changes since", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    if (open) {
      auto pick = [&](const std::string& label, const std::string& key) {
        if (ImGui::Selectable(label.c_str(), changes_ && changes_->since == key)) {
          Route route = Route::matrix(full_.side, highlight_.source);
          route.from = key;
          ctx.open(std::move(route));
        }
        ctx.buttons.push_back(
            {"Since " + (key.empty() ? std::string("none") : key), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
      };
      pick("No marks", "");
      for (const std::string& key : ctx.releases)
        if (key != ctx.release) pick("Since " + key, key);
      ImGui::EndCombo();
    }
  }
}

void MatrixView::draw_highlight_banner(ViewContext& ctx, SelectionStore& store) {
  const float s = ctx.scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 min = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight() + 8 * s;
  ImVec2 max(min.x + ImGui::GetContentRegionAvail().x, min.y + h);
  draw->AddRectFilled(min, max, (kHighlightColour & 0x00FFFFFF) | (0x22u << IM_COL32_A_SHIFT), 4 * s);
  draw->AddRectFilled(min, ImVec2(min.x + 4 * s, max.y), kHighlightColour, 4 * s, ImDrawFlags_RoundCornersLeft);
  ImGui::SetCursorScreenPos(ImVec2(min.x + 12 * s, min.y + 4 * s));
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Highlighting:");
  ImGui::PopFont();
  ImGui::SameLine();
  std::string text = highlight_.label + "  (" + technique_count(highlight_.techniques.size()) + ")";
  ImGui::TextUnformatted(text.c_str());
  ImGui::SameLine(0, ImGui::GetFontSize());
  if (!highlight_.techniques.empty() && page_button(ctx, "Add these to selection", false))
    for (ObjectIndex i : highlight_.techniques) store.add(ctx.framework.object(i).id);
  ImGui::SameLine();
  if (!highlight_.techniques.empty() &&
      page_button(ctx, only_highlighted_ ? "Show all techniques" : "Show only these", false)) {
    only_highlighted_ = !only_highlighted_;
    stale_ = true;
  }
  ImGui::SameLine();
  if (page_button(ctx, "Clear highlight", false)) ctx.open(Route::matrix(full_.side));
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + ImGui::GetStyle().ItemSpacing.y));
}

namespace {

// A changed cell's mark: a word as well as a colour, so that it reads without colour too.
struct ChangeMark {
  std::string word;
  ImU32 colour;
};

ChangeMark change_mark(unsigned groups) {
  auto has = [groups](ChangeGroup g) { return (groups & (1u << static_cast<unsigned>(g))) != 0; };
  if (has(ChangeGroup::Added)) return {"new", IM_COL32(0, 130, 80, 255)};
  if (has(ChangeGroup::Moved)) return {"moved", IM_COL32(0, 100, 180, 255)};
  return {"changed", IM_COL32(190, 100, 0, 255)};
}

float change_mark_height(ViewContext& ctx) {
  return ctx.fonts.regular->FontSize * 0.85f + 4 * ctx.scale;
}

// The mark as a small label whose bottom right is `corner`; returns its width.
float draw_change_mark(ViewContext& ctx, ImDrawList* draw, ImVec2 corner, const ChangeMark& mark, bool anchor_right) {
  ImFont* font = ctx.fonts.regular;
  const float size = font->FontSize * 0.85f;
  const float pad = 3 * ctx.scale;
  const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, mark.word.c_str());
  const ImVec2 min =
      anchor_right ? ImVec2(corner.x - text.x - 2 * pad, corner.y - text.y - pad) : ImVec2(corner.x, corner.y);
  const ImVec2 max(min.x + text.x + 2 * pad, min.y + text.y + pad);
  draw->AddRectFilled(min, max, mark.colour, 3 * ctx.scale);
  draw->AddText(font, size, ImVec2(min.x + pad, min.y + pad * 0.5f), IM_COL32_WHITE, mark.word.c_str());
  return max.x - min.x;
}

}  // namespace

bool MatrixView::marks_changes(const MatrixCell& cell) const {
  if (changes_->groups.count(cell.id)) return true;
  return cell.depth == 0 && cell.child_count > 0 && !expanded_.count(cell.object) && changes_->below.count(cell.id);
}

void MatrixView::draw_cell_changes(ViewContext& ctx, ImDrawList* draw, const MatrixCell& cell, ImVec2 max) const {
  const float s = ctx.scale;
  ImVec2 corner(max.x - s, max.y - s);
  if (auto own = changes_->groups.find(cell.id); own != changes_->groups.end())
    corner.x -= draw_change_mark(ctx, draw, corner, change_mark(own->second), true) + 2 * s;
  // As its colour does, a folded parent stands for its sub-techniques.
  if (cell.depth > 0 || cell.child_count == 0 || expanded_.count(cell.object)) return;
  auto below = changes_->below.find(cell.id);
  if (below == changes_->below.end()) return;
  ChangeMark mark = change_mark(below->second.groups);
  mark.word = std::to_string(below->second.count) + " below";
  draw_change_mark(ctx, draw, corner, mark, true);
}

void MatrixView::draw_legend(ViewContext& ctx, bool in_menu) {
  if (changes_ && !changes_->since.empty()) {
    if (!changes_->problem.empty()) {
      ImGui::TextUnformatted(changes_->problem.c_str());
    } else {
      ImGui::TextDisabled("Since %s:", changes_->since.c_str());
      for (unsigned groups :
           {1u << static_cast<unsigned>(ChangeGroup::Added), 1u << static_cast<unsigned>(ChangeGroup::Moved),
            1u << static_cast<unsigned>(ChangeGroup::Description)}) {
        ImGui::SameLine();
        const float w =
            draw_change_mark(ctx, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), change_mark(groups), false);
        ImGui::Dummy(ImVec2(w, ImGui::GetFontSize()));
      }
      ImGui::SameLine();
      ImGui::TextDisabled("(renamed, reworded or relinked);");
      ImGui::SameLine();
      ChangeMark below = change_mark(1u << static_cast<unsigned>(ChangeGroup::Description));
      below.word = "2 below";
      const float w = draw_change_mark(ctx, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), below, false);
      ImGui::Dummy(ImVec2(w, ImGui::GetFontSize()));
      ImGui::SameLine();
      ImGui::TextDisabled("%s; %zu removed",
                          ctx.framework.release().vocabulary.reword("sub-techniques folded under a parent").c_str(),
                          changes_->removed);
      ImGui::SameLine();
      if (page_button(ctx, "List the changes")) ctx.open(Route::changes(changes_->since, ctx.release));
    }
  }
  const bool red = full_.side == MatrixSide::Red;
  const float box = ImGui::GetFontSize();
  // No incident cites any cell: every cell has the one colour, and a key to it says nothing.
  const std::vector<HeatLegendEntry> legend = heat_legend(full_.max_incident_count);
  legend_ = legend.size();
  if (!legend.empty()) ImGui::TextDisabled(red ? "Incidents:" : "Seen in incidents:");
  for (const HeatLegendEntry& e : legend) {
    ImGui::SameLine();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + box, p.y + box), heat_colour(ctx.palette, e.level, red),
                                              2 * ctx.scale);
    ImGui::Dummy(ImVec2(box, box));
    ImGui::SameLine(0, 4 * ctx.scale);
    if (e.min_count == e.max_count)
      ImGui::Text("%d", e.min_count);
    else
      ImGui::Text("%d\u2013%d", e.min_count, e.max_count);
  }
  if (!red) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // On a narrow screen the two marks' keys each wrap to a line of their own.
  if (!legend.empty() && !in_menu) same_line_if_fits(box * 1.6f + 6 * ctx.scale + ImGui::CalcTextSize("Highlighted").x);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 q(p.x + box * 1.6f, p.y + box);
  draw->AddRectFilled(p, q, heat_colour(ctx.palette, 1, true), 2 * ctx.scale);
  draw_highlight_mark(draw, p, q, ctx.scale * 0.8f);
  ImGui::Dummy(ImVec2(box * 1.6f, box));
  ImGui::SameLine(0, 6 * ctx.scale);
  ImGui::TextUnformatted("Highlighted");
  if (!in_menu) same_line_if_fits(box * 3 + 6 * ctx.scale + ImGui::CalcTextSize("Selected, with its score").x);
  float w = draw_selected_badge(ctx, draw, ImGui::GetCursorScreenPos(), 80);
  ImGui::Dummy(ImVec2(w, box));
  ImGui::SameLine(0, 6 * ctx.scale);
  ImGui::TextUnformatted("Selected, with its score");
}

// What drawing the columns works with, worked out once a frame.
struct MatrixView::ColumnsFrame {
  ImDrawList* draw;
  ImFont* bold;
  ImFont* regular;
  float s, col_w, gap, pad, text_w;
  bool red, filtering, highlighting;
  bool click_selects;
  ImU32 page_bg;
};

float MatrixView::draw_phase_bands(ViewContext& ctx, const ColumnsFrame& f, ImVec2 origin) {
  float y = origin.y;
  const float band_h = f.bold->FontSize * 1.5f;
  for (const MatrixPhaseBand& band : shown_.phases) {
    ImVec2 min(origin.x + band.first_column * (f.col_w + f.gap), y);
    ImVec2 max(min.x + band.column_count * (f.col_w + f.gap) - f.gap, y + band_h);
    f.draw->AddRectFilled(min, max, ctx.palette.chip_bg, 3 * f.s);
    std::string label =
        band.id.empty() ? ctx.framework.release().vocabulary.reword("No phase") : band.id + "  " + band.name;
    f.draw->PushClipRect(min, max, true);
    f.draw->AddText(f.bold, f.bold->FontSize, ImVec2(min.x + f.pad, min.y + band_h * 0.15f), ctx.palette.chip_text,
                    label.c_str());
    f.draw->PopClipRect();
    if (band.phase) track_object_link(ctx, *band.phase, min, max);
  }
  return y + band_h + f.gap;
}

bool MatrixView::draw_fold_toggle(ViewContext& ctx, const ColumnsFrame& f, SelectionStore& store,
                                  const MatrixTacticColumn& column, std::size_t i, ImVec2 min, ImVec2 max, ImU32 ink) {
  const MatrixCell& cell = column.cells[i];
  const float pad = f.pad;
  ImVec2 tmin(max.x - 2.6f * f.bold->FontSize, min.y), tmax(max.x, min.y + f.bold->FontSize + pad);
  bool open = expanded_.count(cell.object) > 0;
  std::string t = open ? "\u2013" : "+" + std::to_string(cell.child_count);
  f.draw->AddText(f.bold, f.bold->FontSize, ImVec2(tmin.x + pad * 0.5f, min.y + pad), ink, t.c_str());
  if (!open && f.red)
    draw_selected_below(ctx, f.draw, column.cells, i, store.selection(),
                        ImVec2(tmin.x - pad * 0.5f, min.y + pad * 0.7f));
  const bool on_toggle = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(tmin, tmax);
  if (on_toggle) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const Vocabulary& words = ctx.framework.release().vocabulary;
    ImGui::SetTooltip("%s",
                      open ? words.reword("Fold the sub-techniques").c_str()
                           : words.reword("Show the " + std::to_string(cell.child_count) + " sub-techniques").c_str());
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      if (open)
        expanded_.erase(cell.object);
      else
        expanded_.insert(cell.object);
    }
  }
  return on_toggle;
}

void MatrixView::draw_cell(ViewContext& ctx, const ColumnsFrame& f, SelectionStore& store,
                           const MatrixTacticColumn& column, std::size_t i, ImVec2 min, ImVec2 max, float indent,
                           bool lit) {
  const MatrixCell& cell = column.cells[i];
  ImDrawList* draw = f.draw;
  ImFont* bold = f.bold;
  const float s = f.s, pad = f.pad;
  // A folded parent stands for its sub-techniques too.
  int level = cell.depth == 0 && !expanded_.count(cell.object) ? cell.family_heat : cell.heat;
  ImU32 fill = heat_colour(ctx.palette, level, f.red);
  ImU32 ink = dark_cell(level) ? IM_COL32_WHITE : IM_COL32(25, 25, 28, 255);
  if (f.highlighting && !lit) {
    fill = blend(fill, f.page_bg, 0.6f);
    ink = blend(luminance(fill) > 0.5f ? IM_COL32(25, 25, 28, 255) : IM_COL32_WHITE, fill, 0.45f);
  }
  // Listed here by a tactic's page while its own page puts it elsewhere: faded, outlined
  // and labelled, so the cell under its own tactic reads as the primary one.
  if (cell.secondary) {
    fill = blend(fill, f.page_bg, 0.7f);
    ink = blend(luminance(fill) > 0.5f ? IM_COL32(25, 25, 28, 255) : IM_COL32_WHITE, fill, 0.3f);
  }
  draw->AddRectFilled(min, max, fill, 3 * s);
  if (!cell.matched || cell.secondary) draw->AddRect(min, max, ctx.palette.rule, 3 * s, 0, s);
  const SelectedTechnique* chosen = f.red ? store.selection().find(cell.id) : nullptr;
  if (chosen)
    draw->AddRect(ImVec2(min.x + s, min.y + s), ImVec2(max.x - s, max.y - s), kSelectedColour, 3 * s, 0, 2.5f * s);
  if (lit) draw_highlight_mark(draw, min, max, s);
  if (chosen) {
    float id_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, cell.id.c_str()).x;
    draw_selected_badge(ctx, draw, ImVec2(min.x + pad + id_w + pad, min.y + pad * 0.7f), chosen->score);
  }
  draw->AddText(bold, bold->FontSize, ImVec2(min.x + pad, min.y + pad), ink,
                cell.secondary ? (cell.id + " (disputed)").c_str() : cell.id.c_str());
  if (changes_) draw_cell_changes(ctx, draw, cell, max);
  draw->AddText(f.regular, f.regular->FontSize, ImVec2(min.x + pad, min.y + pad + bold->FontSize), ink,
                cell.name.c_str(), nullptr, f.text_w - indent);
  // A parent's fold toggle, top right: "+3" folded, "−" unfolded.
  const bool on_toggle =
      cell.child_count > 0 && !f.filtering && draw_fold_toggle(ctx, f, store, column, i, min, max, ink);
  if (!on_toggle && track_object_click(ctx, cell.object, min, max)) {
    if (f.click_selects)
      store.toggle(cell.id);
    else
      ctx.open(Route::object(cell.id));
  }
}

void MatrixView::draw_columns(ViewContext& ctx, SelectionStore& store) {
  const bool red = full_.side == MatrixSide::Red;
  const float s = ctx.scale;
  const float col_w = (ctx.embed ? kEmbedColumnWidth : kColumnWidth) * s, gap = kColumnGap * s, pad = kCellPad * s;
  const float text_w = col_w - 2 * pad;
  ImFont* bold = ctx.fonts.bold;
  ImFont* regular = ctx.fonts.regular;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  const bool filtering = filtered_;
  const bool highlighting = red && !highlight_.source.empty();
  const ImGuiIO& io = ImGui::GetIO();
  const ColumnsFrame f{draw,
                       bold,
                       regular,
                       s,
                       col_w,
                       gap,
                       pad,
                       text_w,
                       red,
                       filtering,
                       highlighting,
                       red && (select_mode_ || io.KeyCtrl || io.KeySuper),
                       ImGui::GetColorU32(ImGuiCol_WindowBg)};

  // Phase bands, then tactic headers.
  float y = draw_phase_bands(ctx, f, origin);

  float header_h = 0;
  for (const auto& column : shown_.columns) {
    std::string label = column.id + "\n" + column.name;
    header_h = std::max(header_h, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, text_w, label.c_str()).y);
  }
  header_h += 2 * pad;
  float bottom = y;
  for (std::size_t c = 0; c < shown_.columns.size(); ++c) {
    const MatrixTacticColumn& column = shown_.columns[c];
    const float x = origin.x + c * (col_w + gap);
    ImVec2 hmin(x, y), hmax(x + col_w, y + header_h);
    draw->AddRectFilled(hmin, hmax, red ? IM_COL32(60, 20, 24, 255) : IM_COL32(16, 40, 78, 255), 3 * s);
    std::string label = column.id + "\n" + column.name;
    draw->AddText(bold, bold->FontSize, ImVec2(x + pad, y + pad), IM_COL32_WHITE, label.c_str(), nullptr, text_w);
    track_object_link(ctx, column.tactic, hmin, hmax);

    float cy = y + header_h + gap;
    for (std::size_t i = 0; i < column.cells.size(); ++i) {
      const MatrixCell& cell = column.cells[i];
      if (cell.depth > 0 && !filtering) {
        const MatrixCell& parent = column.cells[static_cast<std::size_t>(cell.parent)];
        if (!expanded_.count(parent.object)) continue;
      }
      const float indent = cell.depth > 0 ? 10 * s : 0;
      float name_h = regular->CalcTextSizeA(regular->FontSize, FLT_MAX, text_w - indent, cell.name.c_str()).y;
      float cell_h = bold->FontSize + name_h + 2 * pad;
      // A line of its own for the change marks, so that they cover no name.
      if (changes_ && marks_changes(cell)) cell_h += change_mark_height(ctx);
      ImVec2 min(x + indent, cy), max(x + col_w, cy + cell_h);
      const bool lit = highlighting && highlighted_.count(cell.object) > 0;
      if (lit && scroll_to_highlight_) {
        // The first highlighted cell comes into view, the rest follow by scrolling.
        scroll_to_highlight_ = false;
        const ImVec2 window = ImGui::GetWindowPos();
        if (min.x < clip_min.x || max.x > clip_max.x) ImGui::SetScrollFromPosX(min.x - window.x - 3 * gap, 0.0f);
        if (min.y < clip_min.y || max.y > clip_max.y) ImGui::SetScrollFromPosY(min.y - window.y, 0.3f);
      }
      // Only cells in view are drawn, and reported as links.
      if (max.y >= clip_min.y && min.y <= clip_max.y && max.x >= clip_min.x && min.x <= clip_max.x)
        draw_cell(ctx, f, store, column, i, min, max, indent, lit);
      cy += cell_h + gap * 0.5f;
    }
    bottom = std::max(bottom, cy);
  }

  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(shown_.columns.size() * (col_w + gap), bottom - origin.y + gap));
}

}  // namespace disarm::web
