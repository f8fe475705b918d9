// Drawing links: object links with a hover preview, external links that open in a new tab
// (through the page's own mouse-up handler), both reported to the page API.
#pragma once

#include <string_view>

#include "imgui.h"
#include "view_context.hpp"

namespace disarm::web {

// Handles hover and click on a link already drawn at [min, max]: the preview tooltip or
// the URL in the status, the pointer cursor, navigation on click, and the page API record.
void track_object_link(ViewContext& ctx, ObjectIndex object, ImVec2 min, ImVec2 max);
// The same, but a click is returned rather than followed: for links a click can also select.
bool track_object_click(ViewContext& ctx, ObjectIndex object, ImVec2 min, ImVec2 max);
void track_external_link(ViewContext& ctx, const std::string& url, ImVec2 min, ImVec2 max);

// "T0154.002  AI media service" as one link, laid out as an ImGui item.
void object_link(ViewContext& ctx, ObjectIndex object, std::string_view id, std::string_view name);
// `label` as a link to a route of the viewer (an object in another release, say), laid out
// as an ImGui item; recorded under the route's address.
void route_link(ViewContext& ctx, std::string_view label, const Route& route);
// A URL or its label as a link, laid out as an ImGui item, opened only if `openable`.
void external_link(ViewContext& ctx, std::string_view label, const std::string& url, bool openable);

void show_preview_tooltip(ViewContext& ctx, ObjectIndex object);

// An ImGui button (small or normal) recorded in ctx.buttons under its visible label.
bool page_button(ViewContext& ctx, const char* label, bool small = true);

}  // namespace disarm::web
