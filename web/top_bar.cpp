// The viewer's top bar: back and forward, the search box (with the page's <input> over it,
// see text_input.js), the Red, Blue and About tabs; and the smaller bar of an embed.
#include <algorithm>
#include <utility>

#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "links.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

void ViewerApp::draw_history_buttons(bool small) {
  auto button = [small](const char* label) { return small ? ImGui::SmallButton(label) : ImGui::Button(label); };
  ImGui::BeginDisabled(!history_->can_go_back());
  if (button("\u2190")) history_go(-1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back (Alt+Left)");
  ImGui::SameLine(0, 4 * scale_);
  ImGui::BeginDisabled(!history_->can_go_forward());
  if (button("\u2192")) history_go(1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forward (Alt+Right)");
}

void ViewerApp::draw_top_bar(ViewContext& ctx) {
  const float s = scale_;
  draw_history_buttons(false);
  ImGui::SameLine(0, 12 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  if (ImGui::Selectable("DISARM", false, 0, ImGui::CalcTextSize("DISARM"))) ctx.open(Route::home());
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 8 * s);
  const float picker_start = ImGui::GetCursorPosX();
  draw_release_picker(ctx);
  const float picker_w = ImGui::GetCursorPosX() - picker_start;

  // A phone-width bar puts the search box on a line of its own, full width.
  const float buttons_w = 330 * s + picker_w;
  const bool narrow = ImGui::GetContentRegionAvail().x < 160 * s + buttons_w;
  if (narrow) {
    draw_tabs(ctx);
    draw_search_box(ctx, ImGui::GetContentRegionAvail().x);
  } else {
    draw_search_box(ctx, std::max(160 * s, std::min(560 * s, ImGui::GetContentRegionAvail().x - buttons_w)));
    draw_tabs(ctx);
  }
}

void ViewerApp::draw_release_picker(ViewContext& ctx) {
  if (catalogue_.entries().size() < 2) return;
  const CatalogueEntry* shown = catalogue_.find(release_);
  const std::string preview = !shown ? release_ : shown->version.empty() ? shown->key : shown->version;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize(preview.c_str()).x + ImGui::GetFrameHeight() + style.FramePadding.x * 2);
  const bool open = ImGui::BeginCombo("##release", preview.c_str());
  ctx.buttons.push_back({"Release", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
  if (ImGui::IsItemHovered() && !open)
    ImGui::SetTooltip("The release shown: pick another to see this page as it was (the address names it)");
  if (open) {
    for (const CatalogueEntry& e : catalogue_.entries()) {
      std::string label = e.label();
      if (e.key == catalogue_.default_key()) label += ", the default";
      if (ImGui::Selectable(label.c_str(), e.key == release_)) {
        Route route = history_->current();
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
  ImGui::SameLine(0, 12 * scale_);
}

void ViewerApp::draw_tabs(ViewContext& ctx) {
  Route current = history_->current();
  current.release.clear();  // a tab is on in every release
  auto tab = [&](const char* label, Route route, const char* tip) {
    ImGui::SameLine(0, 6 * scale_);
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

void ViewerApp::draw_embed_bar(ViewContext& ctx) {
  const float s = scale_;
  draw_history_buttons(true);
  ImGui::SameLine(0, 10 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("DISARM");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  draw_embed_menu(ctx);
  // Opened by the page on mouse-up, like every external link: a new tab is a user gesture.
  const char* open_label = "Open in full viewer \u2197";
  float right = ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(open_label).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
  external_link(ctx, open_label, page_address(print_route(history_->current())), true);
}

void ViewerApp::draw_embed_menu(ViewContext& ctx) {
  const Route& route = history_->current();
  const bool object_page = route.type == RouteType::Object && framework_->find(route.id);
  const bool search_page = route.type == RouteType::Search && !route.query.empty();
  if (!object_page && route.type != RouteType::Matrix && !search_page) return;
  ImGui::SameLine(0, 10 * scale_);
  if (page_button(ctx, "Menu \u25BE")) ImGui::OpenPopup("embed menu");
  // A popup no wider than the frame, so nothing in it is cut off.
  const ImVec2 frame = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(frame.x - 16 * scale_, frame.y - 16 * scale_));
  if (!ImGui::BeginPopup("embed menu")) return;
  if (object_page)
    object_view_.draw_menu(ctx, selection_);
  else if (route.type == RouteType::Matrix)
    matrix_view_.draw_menu(ctx, index_source(), selection_);
  else
    search_view_.draw_menu(ctx);
  if (ctx.requested) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void ViewerApp::draw_search_box(ViewContext& ctx, float width) {
  ImGuiIO& io = ImGui::GetIO();
  // The search box: / or Ctrl+K focuses it from anywhere.
  if ((!io.WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) ||
      (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_K, false))) {
    focus_search_ = true;
    search_focus_pending_ = true;
  }
  const ImGuiID box_id = ImGui::GetID("##search");
  const bool active = ImGui::GetActiveID() == box_id;
  // The box takes the focus a frame or two after "/" (ImGui activates it in the next frame,
  // then the page's <input> opens over it). Characters typed meanwhile would reach no box
  // and be dropped at the end of the frame: keep them, in order, for the box.
  bool typed = false;
  if (search_focus_pending_ && !active && !text_input_open_) {
    for (ImWchar c : io.InputQueueCharacters) {
      if (c < 0x20 || c == 0x7F) continue;
      char utf8[5] = {};
      ImTextCharToUtf8(utf8, c);
      search_text_ += utf8;
      typed = true;
    }
    io.InputQueueCharacters.resize(0);
  }
  // What the page's <input> over the box passed on since the last frame, in order.
  int arrow = 0;
  bool enter_key = false, leave = false;
  for (const std::string& key : std::exchange(typed_keys_, {})) {
    if (key == "Focus") text_input_open_ = true;
    if (key == "ArrowDown" || key == "ArrowUp") arrow += key == "ArrowDown" ? 1 : -1;
    enter_key = enter_key || key == "Enter";
    leave = leave || key == "Blur" || key == "Enter";  // as Enter in the box itself leaves it
  }
  if (leave) text_input_open_ = false;
  // While the page's input is open it holds the text. ImGui keeps its own copy of an active
  // box's text and writes it back each frame, so a new text from the page deactivates the
  // box for this frame and activates it again, which makes ImGui read it afresh.
  if (typed_text_) {
    typed = typed || *typed_text_ != search_text_;
    search_text_ = std::move(*typed_text_);
    typed_text_.reset();
    if (active && text_input_open_) focus_search_ = true;
  }
  if (active && (leave || focus_search_)) ImGui::ClearActiveID();
  if (focus_search_) {
    ImGui::SetKeyboardFocusHere();
    focus_search_ = false;
  }
  ImGui::SetNextItemWidth(width);
  // Up and Down reach us through the history callback, which also keeps ImGui's keyboard
  // navigation from taking them (and the focus) away from the box.
  auto on_arrow = [](ImGuiInputTextCallbackData* data) {
    *static_cast<int*>(data->UserData) += data->EventKey == ImGuiKey_DownArrow ? 1 : -1;
    return 0;
  };
  const std::string hint =
      ctx.framework.release().vocabulary.reword("Search techniques, incidents, counters\u2026  ( / )");
  bool changed = ImGui::InputTextWithHint("##search", hint.c_str(), &search_text_,
                                          ImGuiInputTextFlags_EscapeClearsAll | ImGuiInputTextFlags_CallbackHistory,
                                          on_arrow, &arrow);
  bool entered = (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter)) || enter_key;
  search_focused_ = ImGui::IsItemActive() || text_input_open_;
  if (search_focused_) search_focus_pending_ = false;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  search_rect_[0] = min.x, search_rect_[1] = min.y, search_rect_[2] = max.x - min.x, search_rect_[3] = max.y - min.y;
  if (changed || typed) search_typed(ctx);
  if (std::holds_alternative<SearchPage>(page_->model)) {
    if (arrow != 0) search_view_.move_selection(arrow);
    if (entered)
      if (auto route = search_view_.selected_route(*framework_)) ctx.open(*route);
  } else if (entered && !search_text_.empty()) {
    ctx.open(Route::search(search_text_));
  }

  const float css[5] = {search_focused_ ? 1.0f : 0.0f, search_rect_[0] / scale_, search_rect_[1] / scale_,
                        search_rect_[2] / scale_, search_rect_[3] / scale_};
  if (!std::equal(css, css + 5, notified_search_)) {
    std::copy(css, css + 5, notified_search_);
    const float rect[4] = {css[1], css[2], css[3], css[4]};
    notify_search_box(search_focused_, search_text_, rect);
  }
}

}  // namespace disarm::web
