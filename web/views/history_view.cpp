#include "views/history_view.hpp"

#include <string>

#include "links.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

void HistoryView::draw(ViewContext& ctx) {
  const float width = reading_width(ctx);
  centre_column(width);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::Text("%s in every release", page_->id.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("Newest first. What changed is against the release before it, of the same framework.");
  ImGui::Spacing();
  for (const HistoryEntry& e : page_->entries) {
    ImGui::PushID(e.key.c_str());
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(e.label.c_str());
    ImGui::PopFont();
    ImGui::Indent(ctx.fonts.regular->FontSize * 1.5f);
    if (!e.problem.empty()) {
      ImGui::Text("Could not be read: %s", e.problem.c_str());
    } else if (e.holds) {
      Route route = Route::object(page_->id);
      route.release = e.key;
      route_link(ctx, page_->id + "  " + e.name, route);
    } else {
      ImGui::TextDisabled("Not in this release.");
    }
    if (!e.changes.empty()) {
      std::string line;
      for (const std::string& c : e.changes) line += (line.empty() ? "" : ", ") + c;
      ImGui::Text("Changed: %s", line.c_str());
    }
    ImGui::Unindent(ctx.fonts.regular->FontSize * 1.5f);
    ImGui::Spacing();
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace disarm::web
