#include "views/matrix_view.hpp"

#include <algorithm>
#include <string>

#include "imgui_stdlib.h"
#include "links.hpp"

namespace disarm::web {

namespace {

constexpr float kColumnWidth = 176;  // CSS pixels
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

bool dark_cell(int level) {
  return level >= 3;
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
}

void MatrixView::refilter(const SearchIndex& search) {
  if (filter_.empty()) {
    shown_ = full_;
    return;
  }
  SearchOptions options;
  options.limit = 0;
  options.kinds = kind_bit(full_.side == MatrixSide::Red ? Kind::Technique : Kind::Counter);
  std::vector<ObjectIndex> matches;
  for (const SearchHit& hit : search.search(filter_, options)) matches.push_back(hit.object);
  shown_ = filter_matrix(full_, matches);
}

void MatrixView::draw(ViewContext& ctx, const SearchIndex& search) {
  const bool red = full_.side == MatrixSide::Red;
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(red ? "Red framework" : "Blue framework");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled(red ? "techniques by tactic" : "counters by tactic");

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::InputTextWithHint("##matrixfilter", red ? "Filter techniques" : "Filter counters", &filter_))
    refilter(search);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu of %zu shown", shown_.cell_count(), full_.cell_count());
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  draw_legend(ctx);

  ImGui::BeginChild("matrix", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar | kNavFlattened);
  draw_columns(ctx);
  ImGui::EndChild();
}

void MatrixView::draw_legend(ViewContext& ctx) {
  const bool red = full_.side == MatrixSide::Red;
  ImGui::TextDisabled("Incidents:");
  const float box = ImGui::GetFontSize();
  for (const HeatLegendEntry& e : heat_legend(full_.max_incident_count)) {
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
}

void MatrixView::draw_columns(ViewContext& ctx) {
  const bool red = full_.side == MatrixSide::Red;
  const float s = ctx.scale;
  const float col_w = kColumnWidth * s, gap = kColumnGap * s, pad = kCellPad * s;
  const float text_w = col_w - 2 * pad;
  ImFont* bold = ctx.fonts.bold;
  ImFont* regular = ctx.fonts.regular;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float clip_top = draw->GetClipRectMin().y, clip_bottom = draw->GetClipRectMax().y;
  const bool filtering = !filter_.empty();

  // Phase bands, then tactic headers.
  float y = origin.y;
  const float band_h = bold->FontSize * 1.5f;
  for (const MatrixPhaseBand& band : shown_.phases) {
    ImVec2 min(origin.x + band.first_column * (col_w + gap), y);
    ImVec2 max(min.x + band.column_count * (col_w + gap) - gap, y + band_h);
    draw->AddRectFilled(min, max, ctx.palette.chip_bg, 3 * s);
    std::string label = band.id.empty() ? std::string("No phase") : band.id + "  " + band.name;
    draw->PushClipRect(min, max, true);
    draw->AddText(bold, bold->FontSize, ImVec2(min.x + pad, min.y + band_h * 0.15f), ctx.palette.chip_text,
                  label.c_str());
    draw->PopClipRect();
    if (band.phase) track_object_link(ctx, *band.phase, min, max);
  }
  y += band_h + gap;

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
      const std::string& name = cell.name;
      float name_h = regular->CalcTextSizeA(regular->FontSize, FLT_MAX, text_w - indent, name.c_str()).y;
      float cell_h = bold->FontSize + name_h + 2 * pad;
      ImVec2 min(x + indent, cy), max(x + col_w, cy + cell_h);
      if (max.y >= clip_top && min.y <= clip_bottom) {
        // A folded parent stands for its sub-techniques too.
        int level = cell.depth == 0 && !expanded_.count(cell.object) ? cell.family_heat : cell.heat;
        ImU32 fill = heat_colour(ctx.palette, level, red);
        ImU32 ink = dark_cell(level) ? IM_COL32_WHITE : IM_COL32(25, 25, 28, 255);
        draw->AddRectFilled(min, max, fill, 3 * s);
        if (!cell.matched) draw->AddRect(min, max, ctx.palette.rule, 3 * s, 0, s);
        draw->AddText(bold, bold->FontSize, ImVec2(min.x + pad, min.y + pad), ink, cell.id.c_str());
        draw->AddText(regular, regular->FontSize, ImVec2(min.x + pad, min.y + pad + bold->FontSize), ink, name.c_str(),
                      nullptr, text_w - indent);
        // A parent's fold toggle, top right: "+3" folded, "−" unfolded.
        ImVec2 tmin(max.x - 2.6f * bold->FontSize, min.y), tmax(max.x, min.y + bold->FontSize + pad);
        bool on_toggle = false;
        if (cell.child_count > 0 && !filtering) {
          bool open = expanded_.count(cell.object) > 0;
          std::string t = open ? "\u2212" : "+" + std::to_string(cell.child_count);
          draw->AddText(bold, bold->FontSize, ImVec2(tmin.x + pad * 0.5f, min.y + pad), ink, t.c_str());
          on_toggle = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(tmin, tmax);
          if (on_toggle) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip(open ? "Fold the sub-techniques" : "Show the %d sub-techniques", cell.child_count);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
              if (open)
                expanded_.erase(cell.object);
              else
                expanded_.insert(cell.object);
            }
          }
        }
        if (!on_toggle) track_object_link(ctx, cell.object, min, max);
      }
      cy += cell_h + gap * 0.5f;
    }
    bottom = std::max(bottom, cy);
  }

  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(shown_.columns.size() * (col_w + gap), bottom - origin.y + gap));
}

}  // namespace disarm::web
