#include "links.hpp"

#include "disarm/model/kind.hpp"
#include "imgui_internal.h"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

// A click is a press and a release on the same link: releasing a drag that began
// elsewhere must not navigate.
bool clicked_within(ImVec2 min, ImVec2 max) {
  const ImGuiIO& io = ImGui::GetIO();
  ImVec2 pressed = io.MouseClickedPos[0];
  bool pressed_inside = pressed.x >= min.x && pressed.x < max.x && pressed.y >= min.y && pressed.y < max.y;
  return pressed_inside && ImGui::IsMouseReleased(ImGuiMouseButton_Left);
}

bool hovering(ImVec2 min, ImVec2 max) {
  return ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
         ImGui::IsMouseHoveringRect(min, max, /*clip=*/true);
}

// Links are drawn as text, which keyboard navigation cannot reach: each is also an item
// without layout, so Tab and the arrows stop on it (ImGui scrolls it into view and frames
// it) and Enter or Space opens it. Its ID is its target and its place in the window's
// content, which scrolling does not change: a page may link one object twice, and items
// sharing an ID would trap Tab.
bool opened_from_keyboard(ViewContext& ctx, const std::string& target, ImVec2 min, ImVec2 max) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiWindow* window = g.CurrentWindow;
  const int place[2] = {static_cast<int>(min.x - window->Pos.x + window->Scroll.x + 0.5f),
                        static_cast<int>(min.y - window->Pos.y + window->Scroll.y + 0.5f)};
  const ImGuiID id = ImHashData(place, sizeof place, ImGui::GetID(target.c_str()));
  const ImRect bb(min, max);
  if (!ImGui::ItemAdd(bb, id)) return false;
  ImGui::RenderNavHighlight(bb, id);
  if (g.NavId == id && !g.NavDisableHighlight) ctx.keyboard_link = target;
  return g.NavActivatePressedId == id;
}

void underline(ImVec2 min, ImVec2 max, ImU32 colour, float scale) {
  ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y - scale), ImVec2(max.x, max.y - scale), colour, scale);
}

}  // namespace

void show_preview_tooltip(ViewContext& ctx, ObjectIndex object) {
  const LinkPreview& p = ctx.previews.get(object);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(420 * ctx.scale, FLT_MAX));
  ImGui::BeginTooltip();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(p.id.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", p.kind_label.c_str());
  ImGui::PushTextWrapPos(400 * ctx.scale);
  if (!p.name.empty()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopFont();
  }
  if (!p.summary.empty()) ImGui::TextUnformatted(p.summary.c_str());
  if (!p.availability_note.empty()) ImGui::TextDisabled("%s", p.availability_note.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void route_link(ViewContext& ctx, std::string_view label, const Route& route) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.link);
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopStyleColor();
  const ImVec2 max = ImGui::GetItemRectMax();
  const std::string target = print_route(route);
  ctx.links.push_back({target, false, min, max});
  bool open = opened_from_keyboard(ctx, target, min, max);
  if (hovering(min, max)) {
    underline(min, max, ctx.palette.link_hover, ctx.scale);
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    open = open || clicked_within(min, max);
  }
  if (open) ctx.open(route);
}

bool track_object_click(ViewContext& ctx, ObjectIndex object, ImVec2 min, ImVec2 max) {
  const std::string& id = ctx.framework.object(object).id;
  ctx.links.push_back({id, false, min, max});
  if (opened_from_keyboard(ctx, id, min, max)) return true;
  if (!hovering(min, max)) return false;
  underline(min, max, ctx.palette.link_hover, ctx.scale);
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  show_preview_tooltip(ctx, object);
  return clicked_within(min, max);
}

void track_object_link(ViewContext& ctx, ObjectIndex object, ImVec2 min, ImVec2 max) {
  if (track_object_click(ctx, object, min, max)) ctx.open(Route::object(ctx.framework.object(object).id));
}

bool page_button(ViewContext& ctx, const char* label, bool small) {
  bool pressed = small ? ImGui::SmallButton(label) : ImGui::Button(label);
  std::string_view shown(label);
  shown = shown.substr(0, shown.find("##"));
  ctx.buttons.push_back({std::string(shown), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
  return pressed;
}

void track_external_link(ViewContext& ctx, const std::string& url, ImVec2 min, ImVec2 max) {
  ctx.links.push_back({url, true, min, max});
  if (opened_from_keyboard(ctx, url, min, max)) open_in_new_tab(url);
  if (!hovering(min, max)) return;
  underline(min, max, ctx.palette.external_link, ctx.scale);
  ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ctx.hovered_external = url;  // the page opens it on mouse-up: see viewer.js
  ImGui::SetTooltip("%s  (opens in a new tab)", url.c_str());
}

void object_link(ViewContext& ctx, ObjectIndex object, std::string_view id, std::string_view name) {
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.link);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(id.data(), id.data() + id.size());
  ImGui::PopFont();
  ImVec2 min = ImGui::GetItemRectMin();
  if (!name.empty()) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 0.5f);
    ImGui::TextUnformatted(name.data(), name.data() + name.size());
  }
  ImGui::PopStyleColor();
  track_object_link(ctx, object, min, ImGui::GetItemRectMax());
}

void external_link(ViewContext& ctx, std::string_view label, const std::string& url, bool openable) {
  if (!openable) {
    // Not an http(s) address: shown so nothing is hidden, but never opened.
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not a web address: shown, not opened");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.external_link);
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopStyleColor();
  track_external_link(ctx, url, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

}  // namespace disarm::web
