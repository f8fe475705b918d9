#include "views/selection_view.hpp"

#include <algorithm>

#include "disarm/selection/navigator_layer.hpp"
#include "imgui_stdlib.h"
#include "links.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

constexpr const char* kLayerFile = "disarm-selection-layer.json";

// Lays buttons out in rows: the next one goes on this line when it fits.
class ButtonFlow {
 public:
  explicit ButtonFlow(ViewContext& ctx) : ctx_(ctx) {}
  bool operator()(const char* label) {
    if (!first_) same_line_if_fits(button_width(label));
    first_ = false;
    return page_button(ctx_, label);
  }

 private:
  ViewContext& ctx_;
  bool first_ = true;
};

}  // namespace

float draw_selected_badge(ViewContext& ctx, ImDrawList* draw, ImVec2 pos, std::optional<int> score) {
  ImFont* bold = ctx.fonts.bold;
  const float h = bold->FontSize * 1.05f, pad = 4 * ctx.scale;
  std::string text = score ? "\u2713 " + std::to_string(*score) : "\u2713";
  float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, text.c_str()).x + 2 * pad;
  draw->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), kSelectedColour, h * 0.5f);
  draw->AddRect(pos, ImVec2(pos.x + w, pos.y + h), IM_COL32(25, 25, 28, 255), h * 0.5f, 0, ctx.scale);
  draw->AddText(bold, bold->FontSize, ImVec2(pos.x + pad, pos.y + (h - bold->FontSize) * 0.5f),
                IM_COL32(25, 25, 28, 255), text.c_str());
  return w;
}

void SelectionView::refresh_rows(const Framework& framework, const Selection& selection) {
  if (!rows_.empty() && rows_of_ == selection) return;
  rows_of_ = selection;
  rows_ = selection_rows(framework, selection);
}

void SelectionView::draw(ViewContext& ctx, SelectionStore& store, std::string_view highlight) {
  // Fields on the panel's page-coloured background need an edge to be seen.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ctx.scale);
  draw_contents(ctx, store, highlight);
  ImGui::PopStyleVar();
}

void SelectionView::draw_contents(ViewContext& ctx, SelectionStore& store, std::string_view highlight) {
  const Selection& selection = store.selection();
  refresh_rows(ctx.framework, selection);

  ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("Selection  (%s)", technique_count(selection.size()).c_str());
  ImGui::PopFont();
  if (selection.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled(
        "Ctrl+click (Cmd+click on a Mac) techniques in the matrix, or turn on Select mode, to build a set with scores "
        "and "
        "comments. It stays in this browser and travels in a share link.");
    ImGui::PopTextWrapPos();
  }
  draw_actions(ctx, store, highlight);

  if (!store.notice().empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.palette.text), "%s", store.notice().c_str());
    ImGui::PopTextWrapPos();
    if (page_button(ctx, "Dismiss")) store.dismiss_notice();
  }
  ImGui::Separator();

  ImGui::BeginChild("selected", ImVec2(0, 0));
  std::string removed;
  const float width = ImGui::GetContentRegionAvail().x;
  for (const SelectedTechnique& item : selection.items()) {
    ImGui::PushID(item.id.c_str());
    draw_item(ctx, store, item, width);
    if (page_button(ctx, "Remove")) removed = item.id;
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (!removed.empty()) store.remove(removed);
}

void SelectionView::draw_actions(ViewContext& ctx, SelectionStore& store, std::string_view highlight) {
  const Selection& selection = store.selection();
  const Framework& fw = ctx.framework;
  ButtonFlow button(ctx);
  if (!selection.empty()) {
    if (button("Copy share link")) copy_to_clipboard(share_link(selection, highlight, ctx.release));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("A link that opens this selection, scores and comments included: no server, no file.");
    if (button("Download layer"))
      download_text(kLayerFile, "application/json", export_navigator_layer(fw, selection, ""));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("An ATT&CK Navigator layer (domain DISARM) for DISARM's Navigator");
    if (button("Copy layer JSON")) copy_to_clipboard(export_navigator_layer(fw, selection, ""));
    if (button("Download CSV")) download_text("disarm-selection.csv", "text/csv", selection_csv(fw, selection));
    if (button("Copy CSV")) copy_to_clipboard(selection_csv(fw, selection));
    if (button("Download Markdown"))
      download_text("disarm-selection.md", "text/markdown", selection_markdown(fw, selection));
    if (button("Copy Markdown")) copy_to_clipboard(selection_markdown(fw, selection));
  }
  if (button("Import layer file\u2026")) pick_layer_file();
  if (button(pasting_ ? "Close paste box" : "Paste layer JSON\u2026")) pasting_ = !pasting_;
  if (!selection.empty() && button("Clear")) store.clear();
  if (!store.previous().empty()) {
    std::string label = "Restore previous (" + std::to_string(store.previous().size()) + ")";
    if (button(label.c_str())) store.restore_previous();
  }
  if (pasting_) {
    ImGui::TextDisabled("Paste a layer's JSON (Ctrl+V), then Import:");
    ImGui::InputTextMultiline("##layertext", &pasted_, ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    ctx.buttons.push_back({"Layer JSON box", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    ImGui::BeginDisabled(pasted_.empty());
    if (page_button(ctx, "Import")) {
      ctx.layer_text = std::move(pasted_);
      pasted_.clear();
      pasting_ = false;
    }
    ImGui::EndDisabled();
  }
}

void SelectionView::draw_item(ViewContext& ctx, SelectionStore& store, const SelectedTechnique& item, float width) {
  auto row = std::find_if(rows_.begin(), rows_.end(), [&](const SelectionRow& r) { return r.id == item.id; });
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float x0 = ImGui::GetCursorPosX();
  ImVec2 at = ImGui::GetCursorScreenPos();
  float badge = draw_selected_badge(ctx, draw, ImVec2(at.x, at.y + 2 * ctx.scale), item.score);
  ImGui::Dummy(ImVec2(badge, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
  if (auto object = ctx.framework.find(item.id)) {
    object_link(ctx, *object, item.id, "");
    if (row != rows_.end()) {
      ImGui::SameLine();
      ImGui::PushTextWrapPos(x0 + width);
      ImGui::TextUnformatted(row->name.c_str());
      ImGui::PopTextWrapPos();
    }
  } else {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(item.id.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("not in this framework");
  }
  if (row != rows_.end() && !row->tactic.empty()) {
    std::string incidents = row->incidents ? "  \u00B7  " + std::to_string(*row->incidents) +
                                                 (*row->incidents == 1 ? " incident" : " incidents")
                                           : "";
    ImGui::TextDisabled("%s%s", row->tactic.c_str(), incidents.c_str());
  }

  const float label_w = ImGui::CalcTextSize("Comment ").x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Score");
  ImGui::SameLine(x0 + label_w);
  if (item.score) {
    int score = *item.score;
    ImGui::SetNextItemWidth(width - label_w - ImGui::CalcTextSize("No score").x - 4 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::SliderInt("##score", &score, 0, kMaxScore, "%d", ImGuiSliderFlags_AlwaysClamp))
      store.set_score(item.id, score);
    ImGui::SameLine();
    if (page_button(ctx, "No score")) store.set_score(item.id, std::nullopt);
  } else if (page_button(ctx, "Add score")) {
    store.set_score(item.id, 50);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Comment");
  ImGui::SameLine(x0 + label_w);
  ImGui::SetNextItemWidth(-1);
  // A copy: ImGui edits its own buffer while the field is active and hands back each change.
  // A comment with line breaks (from a layer or a link) gets a box that shows them all.
  std::string comment = item.comment;
  const auto lines = std::count(comment.begin(), comment.end(), '\n');
  bool changed = false;
  if (lines == 0) {
    changed = ImGui::InputTextWithHint("##comment", "why it is selected", &comment);
  } else {
    float h = ImGui::GetTextLineHeight() * static_cast<float>(std::min<long>(lines + 1, 5)) +
              ImGui::GetStyle().FramePadding.y * 2;
    changed = ImGui::InputTextMultiline("##comment", &comment, ImVec2(-1, h));
  }
  if (changed) store.set_comment(item.id, comment);
}

}  // namespace disarm::web
