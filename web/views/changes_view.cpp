#include "views/changes_view.hpp"

#include <string>

#include "disarm/selection/release_diff_export.hpp"
#include "links.hpp"
#include "platform/page_api.hpp"
#include "views/page_layout.hpp"
#include "views/word_diff_view.hpp"

namespace disarm::web {

namespace {

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? std::string("none") : out;
}

}  // namespace

void ChangesView::draw(ViewContext& ctx) {
  const float width = reading_width(ctx);
  centre_column(width);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(ctx.fonts.heading);
  if (page_->from.empty())
    ImGui::TextUnformatted("Changes");
  else
    ImGui::Text("Changes from %s to %s", page_->from.c_str(), page_->to.c_str());
  ImGui::PopFont();
  if (!page_->problem.empty()) {
    ImGui::TextUnformatted(page_->problem.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return;
  }
  ImGui::TextDisabled("%s  \u2192  %s", page_->diff.older.label().c_str(), page_->diff.newer.label().c_str());
  if (std::string note = page_->diff.mapping_note(); !note.empty()) ImGui::TextUnformatted(note.c_str());
  if (std::string note = page_->diff.unpublished_note(page_->newer->release().vocabulary); !note.empty())
    ImGui::TextUnformatted(note.c_str());
  draw_groups(ctx);
  draw_exports(ctx);
  ImGui::Separator();
  if (page_->shown.empty()) ImGui::TextUnformatted("Nothing changed between these releases.");
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  for (std::size_t k = 0; k < page_->shown.size(); ++k) {
    const std::size_t i = page_->shown[k];
    const float top = ImGui::GetCursorScreenPos().y;
    // Not yet drawn: about three lines, until it comes into view and is measured.
    const float height = heights_[k] > 0 ? heights_[k] : ImGui::GetTextLineHeightWithSpacing() * 3;
    if (!ImGui::IsRectVisible(ImVec2(width, height))) {
      ImGui::Dummy(ImVec2(width, height));
      continue;
    }
    ImGui::PushID(static_cast<int>(i));
    draw_change(ctx, page_->diff.changes[i], page_->summaries[i], width);
    ImGui::PopID();
    heights_[k] = ImGui::GetCursorScreenPos().y - top - spacing;
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

void ChangesView::draw_groups(ViewContext& ctx) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Show:");
  auto chip = [&](const std::string& label, std::string_view group) {
    same_line_if_fits(button_width(label.c_str()));
    const bool on = page_->show == group;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (page_button(ctx, label.c_str())) ctx.open(Route::changes(page_->from, page_->to, group));
    if (on) ImGui::PopStyleColor();
  };
  chip("All " + std::to_string(page_->diff.changes.size()), {});
  for (std::size_t g = 0; g < kChangeGroupCount; ++g) {
    const auto group = static_cast<ChangeGroup>(g);
    if (page_->diff.count(group) == 0) continue;
    chip(std::string(change_group_label(group)) + " " + std::to_string(page_->diff.count(group)),
         change_group_name(group));
  }
}

void ChangesView::draw_exports(ViewContext& ctx) {
  const Vocabulary& words = page_->newer->release().vocabulary;
  const std::string base = "disarm-changes-" + page_->from + "-to-" + page_->to;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Export:");
  ImGui::SameLine();
  if (page_button(ctx, "Markdown"))
    download_text(base + ".md", "text/markdown", release_diff_markdown(page_->diff, words));
  ImGui::SameLine();
  if (page_button(ctx, "CSV")) download_text(base + ".csv", "text/csv", release_diff_csv(page_->diff, words));
  ImGui::SameLine();
  if (page_button(ctx, "Navigator layer"))
    download_text(base + ".json", "application/json", release_diff_layer(page_->diff, *page_->newer));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A layer for DISARM's ATT&CK Navigator: each technique coloured by its kind of change");
}

void ChangesView::draw_change(ViewContext& ctx, const ObjectChange& c, const WordDiff& summary, float width) {
  ImGui::Spacing();
  // The groups as tags: words as well as colours.
  std::string tags;
  for (std::size_t g = 0; g < kChangeGroupCount; ++g)
    if (c.has(static_cast<ChangeGroup>(g))) tags += (tags.empty() ? "" : " \u00B7 ") + std::string(change_group_name(static_cast<ChangeGroup>(g)));
  ImGui::TextDisabled("%s", std::string(ctx.framework.kind_label(c.kind)).c_str());
  ImGui::SameLine();
  Route route = Route::object(c.id);
  route.release = c.has(ChangeGroup::Removed) ? page_->from : page_->to;
  const std::string& name = c.new_name.empty() ? c.old_name : c.new_name;
  ImGui::PushFont(ctx.fonts.bold);
  route_link(ctx, c.id + "  " + name, route);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tags.c_str());
  ImGui::Indent(ctx.fonts.regular->FontSize * 1.5f);
  if (c.has(ChangeGroup::Renamed)) ImGui::Text("Was \u201C%s\u201D.", c.old_name.c_str());
  if (c.has(ChangeGroup::Removed)) {
    ImGui::TextUnformatted("Removed:");
    ImGui::SameLine();
    Route last = Route::object(c.id);
    last.release = page_->from;
    route_link(ctx, "its last version, in " + page_->from, last);
  }
  for (const PlaceChange& m : c.moves)
    ImGui::Text("%s: %s \u2192 %s", std::string(m.name()).c_str(), joined(m.older).c_str(), joined(m.newer).c_str());
  for (const LinkChange& l : c.links) {
    std::string line = std::string(l.name()) + ":";
    if (!l.added.empty()) line += " + " + joined(l.added);
    if (!l.removed.empty()) line += " \u2013 " + joined(l.removed);  // an en dash: the fonts have it
    ImGui::TextUnformatted(line.c_str());
  }
  if (!c.changed_fields.empty() && !c.has(ChangeGroup::Added) && !c.has(ChangeGroup::Removed))
    ImGui::TextDisabled("Changed: %s", joined(c.changed_fields).c_str());
  if (!summary.parts.empty()) draw_word_diff(ctx, summary, width - ctx.fonts.regular->FontSize * 1.5f);
  ImGui::Unindent(ctx.fonts.regular->FontSize * 1.5f);
}

}  // namespace disarm::web
