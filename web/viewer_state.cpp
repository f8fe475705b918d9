// window.disarm.state() and .search(): what the viewer shows, as JSON for tests and for pages
// that embed it. Rectangles are in CSS pixels.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "platform/backend.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

namespace {

std::string_view field_label(SearchField field) {
  switch (field) {
    case SearchField::Id:
      return "id";
    case SearchField::Name:
      return "name";
    case SearchField::Summary:
      return "summary";
    case SearchField::Field:
      return "field";
    case SearchField::Evidence:
      return "evidence";
    case SearchField::Reference:
      return "reference";
  }
  return "";
}

nlohmann::json hit_json(const Framework& fw, const SearchHit& hit) {
  const Object& o = fw.object(hit.object);
  return {{"id", o.id},
          {"kind", kind_name(o.kind)},
          {"name", o.name},
          {"score", hit.score},
          {"field", hit.field_name},
          {"field_kind", field_label(hit.field)},
          {"snippet", hit.snippet}};
}

}  // namespace

std::string ViewerApp::search_json(const std::string& query) const {
  nlohmann::json hits = nlohmann::json::array();
  if (search_index_)
    for (const SearchHit& hit : search_index_->search(query)) hits.push_back(hit_json(*framework_, hit));
  return hits.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ViewerApp::state_json() const {
  using nlohmann::json;
  auto css = [this](float v) { return v / scale_; };
  json state;
  state["frames"] = frames_;
  const FrameStats& stats = frame_stats();
  state["frame_ms"] = {
      {"last", stats.last_ms}, {"total", stats.total_ms}, {"ui_total", stats.ui_total_ms}, {"count", stats.frames}};
  state["frame_loop"] = frame_loop_paused() ? "paused" : "running";
  state["wasm_memory"] = wasm_memory_bytes();
  state["scale"] = scale_;
  state["theme"] = dark_ ? "dark" : "light";
  state["embed"] = embed_;
  if (!load_error_.empty()) state["error"] = load_error_;
  if (!framework_ || !history_) return state.dump(-1, ' ', false, json::error_handler_t::replace);

  const Provenance& p = framework_->provenance();
  state["framework"] = {
      {"name", p.name}, {"source", p.source}, {"licence", p.licence}, {"objects", framework_->objects().size()}};
  state["data"] = {{"opened", opened_from_}, {"type", opened_type_}, {"load_ms", opened_ms_}};
  const Route& route = history_->current();
  state["route"] = print_route(route);
  state["history"] = {{"index", history_->index()}, {"size", history_->size()}};
  state["search_box"] = {
      {"text", search_text_},
      {"focused", search_focused_},
      {"rect", {css(search_rect_[0]), css(search_rect_[1]), css(search_rect_[2]), css(search_rect_[3])}}};
  // How far the page's most scrolled pane is scrolled: touch scrolling moves it.
  float scroll = 0;
  if (ImGui::GetCurrentContext())
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
      if (window->Active) scroll = std::max(scroll, window->Scroll.y);
  state["scroll"] = css(scroll);
  switch (route.type) {
    case RouteType::Home: {
      const WidgetRect& r = overview_->filter_rect();
      state["overview"] = {{"filter", overview_->filter()},
                           {"filter_focused", overview_->filter_active()},
                           {"shown", overview_->shown()},
                           {"filter_rect", {css(r.x), css(r.y), css(r.w), css(r.h)}}};
      break;
    }
    case RouteType::Object:
      if (framework_->find(route.id)) {
        const ObjectPage& op = object_view_.page();
        state["page"] = {{"id", op.id},
                         {"title", op.title},
                         {"kind", kind_name(op.kind)},
                         {"citations", op.citations.size()},
                         {"references", op.references.size()}};
      } else {
        state["page"] = {{"not_found", route.id}};
      }
      break;
    case RouteType::Matrix: {
      const MatrixHighlight& hl = matrix_view_.highlight();
      json lit = json::array();
      for (ObjectIndex i : hl.techniques) lit.push_back(framework_->object(i).id);
      state["matrix"] = {{"side", matrix_side_name(matrix_view_.side())},
                         {"filter", matrix_view_.filter()},
                         {"shown", matrix_view_.shown_cells()},
                         {"select_mode", matrix_view_.select_mode()},
                         {"only_highlighted", matrix_view_.only_highlighted()},
                         {"panel_open", matrix_view_.panel_open()},
                         {"legend_levels", matrix_view_.legend_levels()}};
      if (!hl.source.empty())
        state["highlight"] = {{"source", hl.source}, {"label", hl.label}, {"count", lit.size()}, {"ids", lit}};
      break;
    }
    case RouteType::Search: {
      json hits = json::array();
      for (std::size_t i = 0; i < search_view_.hits().size() && i < 20; ++i)
        hits.push_back(hit_json(*framework_, search_view_.hits()[i]));
      state["search"] = {{"query", search_view_.query()},
                         {"hits", hits},
                         {"total", search_view_.hits().size()},
                         {"selected", search_view_.selected()}};
      break;
    }
    case RouteType::KindList: {
      json ids = json::array();
      for (const KindPageEntry& e : kind_view_.page().entries) ids.push_back(e.id);
      state["kind_list"] = {{"kind", kind_name(route.kind)}, {"ids", ids}};
      break;
    }
    case RouteType::NotFound:
      state["page"] = {{"not_found", route.text}};
      break;
    case RouteType::About: {
      auto rect = [&](ImVec2 min, ImVec2 max) {
        return json::array({css(min.x), css(min.y), css(max.x - min.x), css(max.y - min.y)});
      };
      state["about"] = {{"open_file_rect", rect(about_.open_min, about_.open_max)},
                        {"builtin_rect", rect(about_.builtin_min, about_.builtin_max)}};
      break;
    }
    default:
      break;
  }
  json items = json::array();
  for (const SelectedTechnique& item : selection_.selection().items())
    items.push_back({{"id", item.id}, {"score", item.score ? json(*item.score) : json()}, {"comment", item.comment}});
  state["selection"] = {{"count", selection_.selection().size()},
                        {"items", std::move(items)},
                        {"previous", selection_.previous().size()},
                        {"notice", selection_.notice()}};
  json buttons = json::array();
  for (const DrawnButton& b : buttons_)
    buttons.push_back(
        {{"label", b.label}, {"rect", {css(b.min.x), css(b.min.y), css(b.max.x - b.min.x), css(b.max.y - b.min.y)}}});
  state["buttons"] = std::move(buttons);
  state["typing"] = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;  // a text field has the keyboard
  json links = json::array();
  for (const DrawnLink& l : links_)
    links.push_back({{"target", l.target},
                     {"external", l.external},
                     {"rect", {css(l.min.x), css(l.min.y), css(l.max.x - l.min.x), css(l.max.y - l.min.y)}}});
  state["links"] = std::move(links);
  state["keyboard_link"] = keyboard_link_;
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace disarm::web
