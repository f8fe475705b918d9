#include "views/not_found_view.hpp"

#include "links.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

void draw_not_found(ViewContext& ctx, const NotFoundPage& page) {
  float width = reading_width(ctx);
  centre_column(width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted("Not found");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  if (page.reason.empty())
    ImGui::Text("There is no page \u201C%s\u201D in %s.", page.text.c_str(), ctx.framework.provenance().name.c_str());
  else
    ImGui::TextUnformatted(page.reason.c_str());
  ImGui::PopTextWrapPos();
  if (!page.suggestions.empty()) {
    section_heading(ctx, "Perhaps you meant");
    for (ObjectIndex i : page.suggestions)
      object_link(ctx, i, ctx.framework.object(i).id, ctx.framework.object(i).name);
  }
  ImGui::Spacing();
  if (page.history) {
    if (page_button(ctx, "Look for it in the other releases", false)) ctx.open(Route::history(page.text));
    ImGui::SameLine();
  }
  if (page.reason.empty()) {  // a release's key is not worth a search
    if (page_button(ctx, "Search for it", false)) ctx.open(Route::search(page.text));
    ImGui::SameLine();
  }
  if (page_button(ctx, "Go to the start", false)) ctx.open(Route::home());
}

}  // namespace disarm::web
