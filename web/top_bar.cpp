#include "top_bar.hpp"

#include <algorithm>
#include <utility>

#include "imgui.h"
#include "links.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

void draw_history_buttons(const NavigationHistory& history, bool small, float scale) {
  auto button = [small](const char* label) { return small ? ImGui::SmallButton(label) : ImGui::Button(label); };
  ImGui::BeginDisabled(!history.can_go_back());
  if (button("\u2190")) history_go(-1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back (Alt+Left)");
  ImGui::SameLine(0, 4 * scale);
  ImGui::BeginDisabled(!history.can_go_forward());
  if (button("\u2192")) history_go(1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forward (Alt+Right)");
}

void draw_release_picker(ViewContext& ctx, const Route& current, const Catalogue& catalogue) {
  if (catalogue.entries().size() < 2) return;
  const CatalogueEntry* shown = catalogue.find(ctx.release);
  const std::string preview = !shown ? ctx.release : shown->version.empty() ? shown->key : shown->version;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() + style.FramePadding.x * 2);
  const bool open = ImGui::BeginCombo("##release", preview.c_str());
  ctx.buttons.push_back({"Release", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
  if (ImGui::IsItemHovered() && !open)
    ImGui::SetTooltip("The release shown: pick another to see this page as it was (the address names it)");
  if (open) {
    for (const CatalogueEntry& e : catalogue.entries()) {
      std::string label = e.label();
      if (e.key == catalogue.default_key()) label += ", the default";
      if (ImGui::Selectable(label.c_str(), e.key == ctx.release)) {
        Route route = current;
        route.release = e.key;
        ctx.open(std::move(route));
      }
      ctx.buttons.push_back({"Release " + e.key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    }
    ImGui::Separator();
    if (ImGui::Selectable("What changed in this release…")) ctx.open(Route::changes());
    ctx.buttons.push_back({"What changed", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, 12 * ctx.scale);
}

void draw_tabs(ViewContext& ctx, Route current) {
  current.release.clear();  // a tab is on in every release
  auto tab = [&](const char* label, Route route, const char* tip) {
    ImGui::SameLine(0, 6 * ctx.scale);
    bool on = current == route ||
              (current.type == RouteType::Matrix && route.type == RouteType::Matrix && current.side == route.side);
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) ctx.open(route);
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  };
  const Vocabulary& words = ctx.framework.release().vocabulary;
  tab("Red", Route::matrix(MatrixSide::Red), words.reword("Red framework: techniques by tactic").c_str());
  tab("Blue", Route::matrix(MatrixSide::Blue), words.reword("Blue framework: counters by tactic").c_str());
  tab("About", Route::about(), "The data, its source and licence; keys");
}

void draw_embed_menu(ViewContext& ctx, const Route& route, PageViews& views) {
  const bool object_page = route.type == RouteType::Object && ctx.framework.find(route.id);
  const bool search_page = route.type == RouteType::Search && !route.query.empty();
  if (!object_page && route.type != RouteType::Matrix && !search_page) return;
  ImGui::SameLine(0, 10 * ctx.scale);
  if (page_button(ctx, "Menu \u25BE")) ImGui::OpenPopup("embed menu");
  // A popup no wider than the frame, so nothing in it is cut off.
  const ImVec2 frame = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(frame.x - 16 * ctx.scale, frame.y - 16 * ctx.scale));
  if (!ImGui::BeginPopup("embed menu")) return;
  if (object_page)
    views.object().draw_menu(ctx);
  else if (route.type == RouteType::Matrix)
    views.matrix().draw_menu(ctx);
  else
    views.search().draw_menu(ctx);
  if (ctx.requested) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace

SearchBar::Input draw_top_bar(ViewContext& ctx, const Router& router, const Catalogue& catalogue, SearchBar& search) {
  const float s = ctx.scale;
  draw_history_buttons(router.history(), false, s);
  ImGui::SameLine(0, 12 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  if (ImGui::Selectable("DISARM", false, 0, ImGui::CalcTextSize("DISARM"))) ctx.open(Route::home());
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 8 * s);
  const float picker_start = ImGui::GetCursorPosX();
  draw_release_picker(ctx, router.current(), catalogue);
  const float picker_w = ImGui::GetCursorPosX() - picker_start;

  // A phone-width bar puts the search box on a line of its own, full width.
  const float buttons_w = 330 * s + picker_w;
  const bool narrow = ImGui::GetContentRegionAvail().x < 160 * s + buttons_w;
  SearchBar::Input input;
  if (narrow) {
    draw_tabs(ctx, router.current());
    input = search.draw(ctx, ImGui::GetContentRegionAvail().x);
  } else {
    input = search.draw(ctx, std::max(160 * s, std::min(560 * s, ImGui::GetContentRegionAvail().x - buttons_w)));
    draw_tabs(ctx, router.current());
  }
  return input;
}

void draw_embed_bar(ViewContext& ctx, const Router& router, PageViews& views) {
  const float s = ctx.scale;
  draw_history_buttons(router.history(), true, s);
  ImGui::SameLine(0, 10 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("DISARM");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  draw_embed_menu(ctx, router.current(), views);
  // Opened by the page on mouse-up, like every external link: a new tab is a user gesture.
  const char* open_label = "Open in full viewer \u2197";
  float right = ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(open_label).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
  external_link(ctx, open_label, page_address(print_route(router.current())), true);
}

}  // namespace disarm::web
