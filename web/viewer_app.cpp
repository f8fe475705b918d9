#include "viewer_app.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "disarm/data_file.hpp"
#include "disarm/highlight.hpp"
#include "disarm/navigator_layer.hpp"
#include "disarm/page_mirror.hpp"
#include "disarm/page_model.hpp"
#include "disarm/selection_export.hpp"
#include "disarm/selection_fragment.hpp"
#include "disarm/snapshot.hpp"
#include "embedded_files.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "links.hpp"
#include "platform/backend.hpp"
#include "theme.hpp"

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

std::string page_title(const Framework& fw, const Route& route) {
  switch (route.type) {
    case RouteType::Object:
      if (const Object* o = fw.find_object(route.id)) return o->id + " " + o->name + " \u2013 DISARM";
      return route.id + " not found \u2013 DISARM";
    case RouteType::Matrix:
      return route.side == MatrixSide::Red ? "Red framework \u2013 DISARM" : "Blue framework \u2013 DISARM";
    case RouteType::Search:
      return "Search: " + route.query + " \u2013 DISARM";
    case RouteType::KindList:
      return std::string(kind_info(route.kind).plural) + " \u2013 DISARM";
    case RouteType::About:
      return "About \u2013 DISARM viewer";
    default:
      return "DISARM framework viewer";
  }
}

}  // namespace

ViewerApp::ViewerApp() {
  auto loaded = load_snapshot(embedded_snapshot().text());
  if (!loaded) {
    load_error_ = "The embedded snapshot could not be loaded: " + loaded.error().describe();
    notify_page_error(load_error_);
    return;
  }
  use_framework(std::move(loaded).value());
}

void ViewerApp::use_framework(Framework framework) {
  // Views first: they refer to the framework that is about to go.
  overview_.reset();
  previews_.reset();
  object_view_ = ObjectView{};
  matrix_view_ = MatrixView{};
  search_view_ = SearchView{};
  kind_view_ = KindListView{};
  suggestions_.clear();
  links_.clear();
  search_index_.reset();
  framework_.emplace(std::move(framework));
  search_index_.emplace(SearchIndex::build(*framework_));
  previews_ = std::make_unique<LinkPreviewCache>(*framework_);
  overview_ = std::make_unique<OverviewView>(*framework_);
  if (!history_) return;  // not started yet: start() shows the first route
  show(history_->current());
  request_redraw();
}

void ViewerApp::use_builtin_data() {
  auto loaded = load_snapshot(embedded_snapshot().text());
  if (!loaded) return;  // it loaded at start, so it loads now
  opened_from_.clear();
  opened_type_.clear();
  opened_ms_ = 0;
  use_framework(std::move(loaded).value());
}

ViewerApp::OpenedFile ViewerApp::open_file(const std::string& name, std::string_view text) {
  const auto start = std::chrono::steady_clock::now();
  OpenedFile out;
  const DataFileType type = recognise_data_file(text);
  out.type = data_file_type_name(type);
  if (type == DataFileType::NavigatorLayer) {
    // A layer is a selection, not data: it replaces the selection (the old one kept for
    // Restore) and the red matrix shows it.
    const std::string before = encode_selection(selection_.selection());
    out.message = name + ": " + import_layer(std::string(text));
    if (encode_selection(selection_.selection()) != before) {
      out.ok = true;
      navigate(Route::matrix(MatrixSide::Red));
    }
    return out;
  }
  auto opened = open_data_file(text, name);
  if (!opened) {
    out.location = opened.error().location;
    out.message = name + " could not be opened: " + opened.error().describe() + ". The data shown is unchanged.";
    return out;
  }
  OpenedData& data = opened.value();
  const std::size_t objects = data.framework.objects().size() - data.framework.placeholders().size();
  use_framework(std::move(data.framework));
  out.ok = true;
  out.message =
      "Opened " + name + ": " + std::string(data_file_type_label(type)) + ", " + std::to_string(objects) + " objects.";
  if (type == DataFileType::StixBundle) {
    out.message += " A STIX bundle holds tactics and techniques only";
    if (!data.warnings.empty())
      out.message += "; " + std::to_string(data.warnings.size()) + " of its parts could not be placed";
    out.message += ".";
  }
  out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  opened_from_ = name;
  opened_type_ = out.type;
  opened_ms_ = out.ms;
  return out;
}

std::string ViewerApp::open_data(const std::string& name, std::string_view text) {
  OpenedFile opened = open_file(name.empty() ? "the file" : name, text);
  nlohmann::json out = {{"ok", opened.ok},
                        {"type", opened.type},
                        {"message", opened.message},
                        {"location", opened.location},
                        {"ms", opened.ms}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void ViewerApp::set_appearance(float scale, bool dark) {
  scale_ = scale;
  dark_ = dark;
  fonts_ = load_fonts(scale);
  apply_theme(dark, scale);
  palette_ = make_palette(dark);
}

void ViewerApp::start() {
  embed_ = page_query_parameter("embed") == "1";
  if (!framework_) return;
  selection_.load();
  Route route = take_shared_selection(parse_route(location_fragment()));
  history_.emplace(route);
  show(route);
  sync_location(false);  // stamp the first entry and make its address canonical
}

void ViewerApp::sync_location(bool push) {
  std::string fragment = print_route(history_->current());
  if (push)
    push_location(fragment, history_->index());
  else
    replace_location(fragment, history_->index());
}

void ViewerApp::navigate(Route route) {
  if (!history_ || !history_->push(route)) return;
  show(history_->current());
  sync_location(true);
}

Route ViewerApp::take_shared_selection(Route route) {
  if (!route.selection.empty()) selection_.open_shared(route.selection);
  route.selection.clear();
  return route;
}

void ViewerApp::location_changed(const std::string& fragment, int history_index) {
  if (!history_) return;
  Route given = parse_route(fragment);
  const bool shared = !given.selection.empty();
  Route route = take_shared_selection(std::move(given));
  int before = history_->index();
  std::size_t size = history_->size();
  // popstate and hashchange both fire
  if (route == history_->current() && history_index == before && !shared) return;
  history_->arrive(route, history_index);
  show(history_->current());
  // An entry we did not make gets our stamp, so back and forward find it later.
  if (shared || history_->size() != size || history_->index() != history_index) sync_location(false);
  request_redraw();
}

void ViewerApp::show(const Route& route) {
  const Framework& fw = *framework_;
  switch (route.type) {
    case RouteType::Object:
      if (auto i = fw.find(route.id))
        object_view_.show(build_object_page(fw, *i));
      else
        suggestions_ = suggest_ids(fw, route.id, 8);
      break;
    case RouteType::Matrix:
      matrix_view_.show(build_matrix(fw, route.side));
      matrix_view_.set_highlight(route.side == MatrixSide::Red ? matrix_highlight(fw, *search_index_, route.highlight)
                                                               : MatrixHighlight{});
      break;
    case RouteType::Search:
      search_text_ = route.query;
      search_view_.show(fw, *search_index_, route.query, route.kinds);
      break;
    case RouteType::KindList:
      kind_view_.show(build_kind_page(fw, route.kind));
      break;
    case RouteType::NotFound:
      suggestions_ = suggest_ids(fw, route.text, 8);
      break;
    default:
      break;
  }
  notify_page_shown(print_route(route), page_title(fw, route));
}

void ViewerApp::search_typed(ViewContext& ctx) {
  Route route = Route::search(search_text_,
                              history_->current().type == RouteType::Search ? history_->current().kinds : KindSet{});
  if (history_->current().type == RouteType::Search) {
    // Typing refines one search: one history entry, not one per key.
    history_->replace(route);
    show(route);
    sync_location(false);
  } else {
    ctx.open(route);
  }
}

void ViewerApp::draw_top_bar(ViewContext& ctx) {
  const float s = scale_;
  ImGui::BeginDisabled(!history_->can_go_back());
  if (ImGui::Button("\u2190")) history_go(-1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back (Alt+Left)");
  ImGui::SameLine(0, 4 * s);
  ImGui::BeginDisabled(!history_->can_go_forward());
  if (ImGui::Button("\u2192")) history_go(1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forward (Alt+Right)");
  ImGui::SameLine(0, 12 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  if (ImGui::Selectable("DISARM", false, 0, ImGui::CalcTextSize("DISARM"))) ctx.open(Route::home());
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 12 * s);

  // A phone-width bar puts the search box on a line of its own, full width.
  const float buttons_w = 330 * s;
  const bool narrow = ImGui::GetContentRegionAvail().x < 160 * s + buttons_w;
  if (narrow) {
    draw_tabs(ctx);
    draw_search_box(ctx, ImGui::GetContentRegionAvail().x);
  } else {
    draw_search_box(ctx, std::max(160 * s, std::min(560 * s, ImGui::GetContentRegionAvail().x - buttons_w)));
    draw_tabs(ctx);
  }
}

void ViewerApp::draw_tabs(ViewContext& ctx) {
  const Route& current = history_->current();
  auto tab = [&](const char* label, Route route, const char* tip) {
    ImGui::SameLine(0, 6 * scale_);
    bool on = current == route ||
              (current.type == RouteType::Matrix && route.type == RouteType::Matrix && current.side == route.side);
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) ctx.open(route);
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  };
  tab("Red", Route::matrix(MatrixSide::Red), "Red framework: techniques by tactic");
  tab("Blue", Route::matrix(MatrixSide::Blue), "Blue framework: counters by tactic");
  tab("About", Route::about(), "The data, its source and licence; keys");
}

void ViewerApp::draw_embed_bar(ViewContext& ctx) {
  const float s = scale_;
  ImGui::BeginDisabled(!history_->can_go_back());
  if (ImGui::SmallButton("\u2190")) history_go(-1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back");
  ImGui::SameLine(0, 4 * s);
  ImGui::BeginDisabled(!history_->can_go_forward());
  if (ImGui::SmallButton("\u2192")) history_go(1);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forward");
  ImGui::SameLine(0, 10 * s);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("DISARM");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  // Opened by the page on mouse-up, like every external link: a new tab is a user gesture.
  const char* open_label = "Open in full viewer \u2197";
  float right = ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(open_label).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
  external_link(ctx, open_label, page_address(print_route(history_->current())), true);
}

void ViewerApp::draw_search_box(ViewContext& ctx, float width) {
  ImGuiIO& io = ImGui::GetIO();
  // The search box: / or Ctrl+K focuses it from anywhere.
  if ((!io.WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) ||
      (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_K, false)))
    focus_search_ = true;
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
  const ImGuiID box_id = ImGui::GetID("##search");
  const bool active = ImGui::GetActiveID() == box_id;
  bool typed = false;
  if (typed_text_) {
    typed = *typed_text_ != search_text_;
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
  bool changed = ImGui::InputTextWithHint(
      "##search", "Search techniques, incidents, counters\u2026  ( / )", &search_text_,
      ImGuiInputTextFlags_EscapeClearsAll | ImGuiInputTextFlags_CallbackHistory, on_arrow, &arrow);
  bool entered = (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter)) || enter_key;
  search_focused_ = ImGui::IsItemActive() || text_input_open_;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  search_rect_[0] = min.x, search_rect_[1] = min.y, search_rect_[2] = max.x - min.x, search_rect_[3] = max.y - min.y;
  if (changed || typed) search_typed(ctx);
  if (history_->current().type == RouteType::Search) {
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

void ViewerApp::draw_not_found(ViewContext& ctx) {
  float width = reading_width(ctx);
  centre_column(width);
  const Route& route = history_->current();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted("Not found");
  ImGui::PopFont();
  std::string what = route.type == RouteType::Object ? route.id : route.text;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::Text("There is no page \u201C%s\u201D in %s.", what.c_str(), framework_->provenance().name.c_str());
  ImGui::PopTextWrapPos();
  if (!suggestions_.empty()) {
    section_heading(ctx, "Perhaps you meant");
    for (ObjectIndex i : suggestions_) object_link(ctx, i, framework_->object(i).id, framework_->object(i).name);
  }
  ImGui::Spacing();
  if (ImGui::Button("Search for it")) ctx.open(Route::search(what));
  ImGui::SameLine();
  if (ImGui::Button("Go to the start")) ctx.open(Route::home());
}

void ViewerApp::draw_page(ViewContext& ctx) {
  const Route& route = history_->current();
  switch (route.type) {
    case RouteType::Home:
      overview_->draw(ctx);
      break;
    case RouteType::Object:
      if (framework_->find(route.id))
        object_view_.draw(ctx, selection_);
      else
        draw_not_found(ctx);
      break;
    case RouteType::Matrix:
      matrix_view_.draw(ctx, *search_index_, selection_);
      break;
    case RouteType::Search:
      search_view_.draw(ctx);
      break;
    case RouteType::KindList:
      kind_view_.draw(ctx);
      break;
    case RouteType::About:
      about_.showing_builtin = opened_from_.empty();
      draw_about(ctx, about_);
      break;
    case RouteType::NotFound:
      draw_not_found(ctx);
      break;
  }
}

void ViewerApp::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("DISARM viewer", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (!framework_ || !history_) {
    ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("The viewer could not start");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(load_error_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    return;
  }

  ViewContext ctx(*framework_, fonts_, palette_, scale_, *previews_);
  if (embed_)
    draw_embed_bar(ctx);
  else
    draw_top_bar(ctx);
  ImGui::Separator();
  const float credit_h = data_credit_height(ctx);
  ImGui::BeginChild("content", ImVec2(0, -credit_h), false, kNavFlattened);
  draw_page(ctx);
  ImGui::EndChild();
  draw_data_credit(ctx);
  ImGui::End();

  links_ = std::move(ctx.links);
  keyboard_link_ = std::move(ctx.keyboard_link);
  buttons_ = std::move(ctx.buttons);
  set_hovered_external_link(ctx.hovered_external);
  if (ctx.requested) navigate(std::move(*ctx.requested));
  // After the frame: the views drew from the framework it replaces.
  if (about_.builtin_requested) {
    about_.builtin_requested = false;
    use_builtin_data();
  }

  ++frames_;
  // Ready once a frame has been laid out, so widget rectangles in state_json() are real.
  if (!announced_ready_ && frames_ >= 2) {
    announced_ready_ = true;
    notify_page_ready();
  }
}

std::string ViewerApp::search_json(const std::string& query) const {
  nlohmann::json hits = nlohmann::json::array();
  if (search_index_)
    for (const SearchHit& hit : search_index_->search(query)) hits.push_back(hit_json(*framework_, hit));
  return hits.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ViewerApp::mirror_html() const {
  if (!framework_ || !history_) return {};
  return page_mirror_html(*framework_, history_->current(), *search_index_);
}

void ViewerApp::search_box_input(const std::string& text) {
  typed_text_ = text;
  request_redraw();
}

void ViewerApp::search_box_key(const std::string& key) {
  typed_keys_.push_back(key);
  request_redraw();
}

std::string ViewerApp::import_layer(const std::string& text) {
  if (!framework_) return "The viewer has no framework loaded.";
  std::string message = selection_.import_layer(*framework_, text);
  request_redraw();
  return message;
}

std::string ViewerApp::export_text(const std::string& what) const {
  if (!framework_ || !history_) return "";
  const Framework& fw = *framework_;
  const Selection& selection = selection_.selection();
  const Route& route = history_->current();
  if (what == "layer") return export_navigator_layer(fw, selection, "");
  if (what == "csv") return selection_csv(fw, selection);
  if (what == "markdown") return selection_markdown(fw, selection);
  if (what == "share_link")
    return share_link(selection,
                      route.type == RouteType::Matrix && route.side == MatrixSide::Red ? route.highlight : "");
  if (what == "print") {
    if (route.type == RouteType::Object && fw.find(route.id)) return object_view_.print_document_html(fw);
    if (route.type == RouteType::Matrix) return matrix_view_.print_document_html(fw, selection);
  }
  return "";
}

std::string ViewerApp::state_json() const {
  using nlohmann::json;
  auto css = [this](float v) { return v / scale_; };
  json state;
  state["frames"] = frames_;
  const FrameStats& stats = frame_stats();
  state["frame_ms"] = {
      {"last", stats.last_ms}, {"total", stats.total_ms}, {"ui_total", stats.ui_total_ms}, {"count", stats.frames}};
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
                         {"panel_open", matrix_view_.panel_open()}};
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
