#include "views/upgrade_view.hpp"

#include <string>

#include "links.hpp"
#include "views/page_layout.hpp"
#include "views/word_diff_view.hpp"

namespace disarm::web {

namespace {

// A button that shows whether its choice is the one made; after the item before it on its
// line when it fits.
bool choice_button(ViewContext& ctx, const std::string& label, bool chosen, bool after = true) {
  if (after) same_line_if_fits(button_width(label.c_str()));
  if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = page_button(ctx, label.c_str());
  if (chosen) ImGui::PopStyleColor();
  return pressed;
}

std::string score_and_comment(const SelectedTechnique& t) {
  std::string out;
  if (t.score) out = "score " + std::to_string(*t.score);
  if (!t.comment.empty()) out += (out.empty() ? "\u201C" : ", \u201C") + t.comment + "\u201D";
  return out;
}

// One release's version of a technique, in its column.
void draw_side(ViewContext& ctx, const char* release, const UpgradeSide& side) {
  ImGui::TextDisabled("In %s", release);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextWrapped("%s", side.name.empty() ? "(no name)" : side.name.c_str());
  ImGui::PopFont();
  if (!side.tactic.empty()) ImGui::TextWrapped("Tactic: %s", side.tactic.c_str());
  if (!side.summary.empty()) ImGui::TextWrapped("%s", side.summary.c_str());
}

}  // namespace

void UpgradeView::decide(ViewContext& ctx, const SelectionUpgrade& decisions) {
  // In place: a decision is not a page of its own, so back leaves the review rather than
  // undoing it one click at a time, while reload still resumes it from the address.
  ctx.open_in_place(upgrade_route(*page_, decisions));
}

void UpgradeView::draw(ViewContext& ctx) {
  const float width = reading_width(ctx);
  centre_column(width);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::Text("Carry a selection forward from %s to %s", page_->from.c_str(), page_->to.c_str());
  ImGui::PopFont();
  if (!page_->problem.empty()) {
    ImGui::TextUnformatted(page_->problem.c_str());
    ImGui::Spacing();
    if (page_button(ctx, "Open the matrix", false)) ctx.open(Route::matrix(MatrixSide::Red));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return;
  }
  for (const std::string& note : page_->notes) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopStyleColor();
  }
  draw_summary(ctx);
  for (ChangeGroup group : kUpgradeGroups) draw_group(ctx, group, width);
  draw_removed(ctx);
  draw_carried(ctx);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

void UpgradeView::draw_summary(ViewContext& ctx) {
  const SelectionUpgrade& u = page_->upgrade;
  ImGui::TextDisabled(
      "This selection was made on release %s. Techniques unchanged in %s are carried over as they are; review the "
      "changed ones, then use the result.",
      page_->from.c_str(), page_->to.c_str());
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(upgrade_progress(u).c_str());
  ImGui::PopFont();
  if (u.to_review() > 0) {
    const float done = static_cast<float>(u.reviewed()) / static_cast<float>(u.to_review());
    ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 16, ImGui::GetFontSize() * 0.5f), "");
  }
  ImGui::Text("%zu unchanged, carried over \u00B7 %zu accepted \u00B7 %zu skipped \u00B7 %zu removed in %s",
              u.carried.size(), u.count(UpgradeDecision::Accepted), u.count(UpgradeDecision::Skipped), u.removed.size(),
              page_->to.c_str());
  ImGui::Spacing();
  const Selection result = u.result();
  const std::string use = "Use this selection (" + technique_count(result.size()) + ")";
  if (page_button(ctx, use.c_str(), false)) {
    ctx.selection.use_upgrade(u, page_->from, page_->to);
    ctx.open(Route::matrix(MatrixSide::Red));
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "The unchanged and accepted techniques, with their scores and comments, become your selection; "
        "the one it replaces is kept for Restore.");
  if (u.reviewed() < u.to_review()) {
    ImGui::SameLine();
    ImGui::TextDisabled("Techniques not yet reviewed are left out.");
  }
  ImGui::Separator();
}

void UpgradeView::draw_group(ViewContext& ctx, ChangeGroup group, float width) {
  const SelectionUpgrade& u = page_->upgrade;
  const std::vector<std::size_t> items = u.group(group);
  if (items.empty()) return;
  ImGui::PushID(static_cast<int>(group));
  const std::string name(change_group_name(group));
  section_heading(ctx, (std::string(change_group_label(group)) + " (" + std::to_string(items.size()) + ")").c_str());
  bool all_accepted = true, all_skipped = true;
  for (std::size_t i : items) {
    all_accepted = all_accepted && u.changed[i].decision == UpgradeDecision::Accepted;
    all_skipped = all_skipped && u.changed[i].decision == UpgradeDecision::Skipped;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("All %zu:", items.size());
  if (choice_button(ctx, "Accept all " + name, all_accepted)) {
    SelectionUpgrade next = u;
    next.decide_group(group, UpgradeDecision::Accepted);
    decide(ctx, next);
  }
  if (choice_button(ctx, "Skip all " + name, all_skipped)) {
    SelectionUpgrade next = u;
    next.decide_group(group, UpgradeDecision::Skipped);
    decide(ctx, next);
  }
  for (std::size_t i : items) draw_item(ctx, u.changed[i], width);
  ImGui::PopID();
}

void UpgradeView::draw_item(ViewContext& ctx, const UpgradeItem& item, float width) {
  const std::string& id = item.selected.id;
  ImGui::PushID(id.c_str());
  ImGui::Spacing();
  Route in_newer = Route::object(id);
  in_newer.release = page_->to;
  ImGui::PushFont(ctx.fonts.bold);
  route_link(ctx, id + "  " + item.newer.name, in_newer);
  ImGui::PopFont();
  ImGui::SameLine();
  std::string changes;
  for (const std::string& c : item.changes) changes += (changes.empty() ? "" : " \u00B7 ") + c;
  ImGui::TextDisabled("%s", changes.c_str());
  const bool pending = item.decision == UpgradeDecision::Pending;
  ImGui::SameLine();
  if (pending) ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::TextUnformatted(pending ? "to review" : std::string(upgrade_decision_name(item.decision)).c_str());
  if (pending) ImGui::PopStyleColor();
  if (std::string kept = score_and_comment(item.selected); !kept.empty())
    ImGui::TextDisabled("Yours: %s", kept.c_str());

  if (ImGui::BeginTable("sides", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame,
                        ImVec2(width, 0))) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    draw_side(ctx, page_->from.c_str(), item.older);
    ImGui::TableNextColumn();
    draw_side(ctx, page_->to.c_str(), item.newer);
    ImGui::EndTable();
  }
  if (!item.summary_diff.parts.empty()) {
    ImGui::TextDisabled("The description, word by word:");
    draw_word_diff(ctx, item.summary_diff, width);
  }
  // Pressing the decision already made takes it back.
  const bool accepted = item.decision == UpgradeDecision::Accepted;
  const bool skipped = item.decision == UpgradeDecision::Skipped;
  if (choice_button(ctx, "Accept " + id, accepted, false)) {
    SelectionUpgrade next = page_->upgrade;
    next.decide(id, accepted ? UpgradeDecision::Pending : UpgradeDecision::Accepted);
    decide(ctx, next);
  }
  if (choice_button(ctx, "Skip " + id, skipped)) {
    SelectionUpgrade next = page_->upgrade;
    next.decide(id, skipped ? UpgradeDecision::Pending : UpgradeDecision::Skipped);
    decide(ctx, next);
  }
  ImGui::Spacing();
  ImGui::PopID();
}

void UpgradeView::draw_removed(ViewContext& ctx) {
  const SelectionUpgrade& u = page_->upgrade;
  if (u.removed.empty()) return;
  section_heading(ctx, ("Removed in " + page_->to + " (" + std::to_string(u.removed.size()) + ")").c_str());
  ImGui::TextDisabled("Not in %s, so they cannot be carried forward.", page_->to.c_str());
  for (const SelectedTechnique& t : u.removed) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
    ImGui::TextUnformatted("\u26A0 removed");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    Route last = Route::object(t.id);
    last.release = page_->from;
    route_link(ctx, t.id + " in " + page_->from, last);
    if (std::string kept = score_and_comment(t); !kept.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", kept.c_str());
    }
  }
}

void UpgradeView::draw_carried(ViewContext& ctx) {
  const SelectionUpgrade& u = page_->upgrade;
  if (u.carried.empty()) return;
  section_heading(ctx, ("Unchanged, carried over (" + std::to_string(u.carried.size()) + ")").c_str());
  // The release shown is the newer one, so its own links and previews serve.
  for (const SelectedTechnique& t : u.carried) {
    if (auto index = ctx.framework.find(t.id)) object_link(ctx, *index, t.id, ctx.framework.object(*index).name);
    if (std::string kept = score_and_comment(t); !kept.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", kept.c_str());
    }
  }
}

}  // namespace disarm::web
