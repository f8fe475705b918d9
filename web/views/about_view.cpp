#include "views/about_view.hpp"

#include <algorithm>
#include <string>

#include "disarm/version.hpp"
#include "links.hpp"
#include "platform/page_api.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

void draw_about(ViewContext& ctx, const AboutPage& page, AboutState& state) {
  float width = reading_width(ctx);
  centre_column(width);
  const Provenance& p = ctx.framework.provenance();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted("About this viewer");
  ImGui::PopFont();
  ImGui::TextUnformatted(
      "A fast, offline browser for the DISARM framework of disinformation tactics, techniques and counters. "
      "Everything runs in this page: nothing is sent anywhere.");

  section_heading(ctx, "The data shown");
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(p.name.empty() ? "Unnamed framework" : p.name.c_str());
  ImGui::PopFont();
  if (!p.source.empty()) ImGui::Text("Source: %s", p.source.c_str());
  if (!p.commit.empty()) ImGui::Text("Upstream commit: %s", p.commit.c_str());
  if (!p.date.empty()) ImGui::Text("Date: %s", p.date.c_str());
  ImGui::Text("Licence: %s", p.licence.c_str());
  if (!p.licence_url.empty()) {
    ImGui::SameLine();
    external_link(ctx, p.licence_url, p.licence_url, is_web_url(p.licence_url));
  }
  if (!p.attribution.empty()) ImGui::TextUnformatted(p.attribution.c_str());
  std::size_t objects = ctx.framework.defined_object_count();
  ImGui::Text("%zu objects, %zu relations.", objects, ctx.framework.relations().size());

  if (page.releases.size() > 1) {
    section_heading(ctx, "Releases");
    ImGui::TextUnformatted(releases_sentence(page).c_str());
    ImGui::TextUnformatted("The picker beside DISARM at the top shows any of them; the address names the one shown.");
    if (page_button(ctx, "What changed in the release shown")) ctx.open(Route::changes());
    for (const CatalogueEntry& e : page.releases) {
      const std::string label = e.label() + (e.key == page.shown ? "  (shown)" : "");
      if (page_button(ctx, label.c_str())) {
        Route start = Route::home();
        start.release = e.key;
        ctx.open(std::move(start));
      }
    }
  }

  // Dropping a file is not discoverable, and not possible from a keyboard: a button is both.
  section_heading(ctx, "Other data");
  if (ImGui::Button("Open file\u2026  (Ctrl+O)")) choose_data_file();
  state.open_min = ImGui::GetItemRectMin();
  state.open_max = ImGui::GetItemRectMax();
  state.builtin_min = state.builtin_max = ImVec2();
  if (!state.showing_builtin) {
    ImGui::SameLine();
    if (ImGui::Button("Show the built-in data")) state.builtin_requested = true;
    state.builtin_min = ImGui::GetItemRectMin();
    state.builtin_max = ImGui::GetItemRectMax();
  }
  ImGui::TextUnformatted(
      "Opens a DISARM snapshot (.json) or a DISARM STIX 2.1 bundle (such as upstream's DISARM.json) as one "
      "more release, for this visit, and shows it. You can also drop the file onto the page, or link to data elsewhere with ?data=URL in "
      "the address. The file is read in this page only.");

  section_heading(ctx, "Keys");
  ImGui::TextUnformatted("/ or Ctrl+K: search.  Up and Down: move through results.  Enter: open.  Esc: clear.");
  ImGui::TextUnformatted("Alt+Left and Alt+Right, or the browser's buttons: back and forward.");
  ImGui::TextUnformatted("Ctrl+O: open a snapshot or STIX bundle file.");
  ImGui::TextUnformatted("Every address in the location bar can be bookmarked and shared.");

  section_heading(ctx, "The viewer");
  ImGui::Text("Version %s. Its code is MIT-licensed; the DISARM data is not covered by that licence.", kVersion);
  ImGui::PopTextWrapPos();
}

namespace {

std::string credit_text(const Provenance& p) {
  return "Data: " + (p.name.empty() ? std::string("unnamed") : p.name) + "  \u00B7  " +
         (p.source.empty() ? std::string("unknown source") : p.source) + "  \u00B7  " + p.licence;
}

}  // namespace

float data_credit_height(ViewContext& ctx) {
  std::string text = credit_text(ctx.framework.provenance());
  float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
  return std::max(ImGui::GetFrameHeightWithSpacing(), text_h + ImGui::GetStyle().ItemSpacing.y);
}

void draw_data_credit(ViewContext& ctx) {
  const Provenance& p = ctx.framework.provenance();
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(credit_text(p).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered() && !p.attribution.empty()) {
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(480 * ctx.scale, FLT_MAX));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(460 * ctx.scale);
    ImGui::TextUnformatted(p.attribution.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace disarm::web
