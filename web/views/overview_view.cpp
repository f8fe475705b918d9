#include "views/overview_view.hpp"

#include <algorithm>
#include <cctype>

#include "disarm/pages/route.hpp"
#include "fonts.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "links.hpp"

namespace disarm::web {

namespace {

bool contains_folded(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return lower(a) == lower(b); });
  return it != haystack.end();
}

}  // namespace

OverviewView::OverviewView(const Framework& framework) : framework_(framework) {
  refilter();
}

void OverviewView::refilter() {
  shown_.clear();
  auto objects = framework_.objects();
  for (ObjectIndex i = 0; i < objects.size(); ++i) {
    const Object& o = objects[i];
    if (filter_.empty() || contains_folded(o.id, filter_) || contains_folded(o.name, filter_)) shown_.push_back(i);
  }
}

void OverviewView::draw(ViewContext& ctx) {
  const Provenance& p = framework_.provenance();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(p.name.empty() ? "DISARM framework" : p.name.c_str());
  ImGui::PopFont();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float em = ImGui::GetFontSize();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("Source: %s   Licence: %s", p.source.empty() ? "unknown" : p.source.c_str(), p.licence.c_str());
  if (!p.attribution.empty()) ImGui::TextDisabled("%s", p.attribution.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  draw_kinds_and_matrices(ctx, avail, em);
  ImGui::Separator();
  draw_object_list(ctx, avail, em);
}

void OverviewView::draw_kinds_and_matrices(ViewContext& ctx, float avail, float em) {
  // Counts per kind, each opening the list of that kind; then the two matrices. On a phone
  // the grid has fewer columns rather than cut labels.
  const int count_columns = std::clamp(static_cast<int>(avail / (em * 10)), 2, 6);
  if (ImGui::BeginTable("counts", count_columns, ImGuiTableFlags_SizingStretchSame)) {
    for (const auto& k : all_kinds()) {
      ImGui::TableNextColumn();
      std::string label = std::to_string(framework_.count(k.kind)) + "  " + std::string(framework_.kind_plural(k.kind));
      ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.link);
      if (ImGui::Selectable(label.c_str())) ctx.open(Route::kind_list(k.kind));
      ImGui::PopStyleColor();
      ctx.links.push_back(
          {print_route(Route::kind_list(k.kind)), false, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    }
    ImGui::EndTable();
  }
  const Vocabulary& words = framework_.release().vocabulary;
  if (ImGui::Button(words.reword("Red framework: techniques by tactic").c_str()))
    ctx.open(Route::matrix(MatrixSide::Red));
  const char* blue = "Blue framework: counters by tactic";
  same_line_if_fits(button_width(blue));
  if (ImGui::Button(blue)) ctx.open(Route::matrix(MatrixSide::Blue));
}

void OverviewView::draw_object_list(ViewContext& ctx, float avail, float em) {
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 26));
  if (ImGui::InputTextWithHint("##filter", "Filter by ID or name", &filter_)) refilter();
  filter_active_ = ImGui::IsItemActive();
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  filter_rect_ = {min.x, min.y, max.x - min.x, max.y - min.y};
  ImGui::SameLine();
  ImGui::TextDisabled("%zu of %zu", shown_.size(), framework_.objects().size());

  // Narrow screens drop the kind column: an ID's letters say its kind.
  const bool show_kind = avail >= em * 26;
  if (ImGui::BeginTable("objects", show_kind ? 3 : 2,
                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("ID", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    if (show_kind) ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    // Only the visible rows are laid out, so 10 or 10,000 objects cost the same per frame.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown_.size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const Object& o = framework_.object(shown_[row]);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.link);
        ImGui::TextUnformatted(o.id.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImVec2 row_min = ImGui::GetItemRectMin();
        if (show_kind) {
          ImGui::TableNextColumn();
          std::string_view label = framework_.kind_label(o.kind);
          ImGui::TextUnformatted(label.data(), label.data() + label.size());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.name.c_str());
        // The whole row is the object's link: its ID, kind and name.
        track_object_link(ctx, shown_[row], row_min, ImGui::GetItemRectMax());
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace disarm::web
