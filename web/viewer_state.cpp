// window.disarm.state() and .search(): what the viewer shows, as JSON for tests and for pages
// that embed it; and the parts of the state that the page's own scripts read (route, links,
// selection, search box), each on its own so that none of them builds the whole state.
// Rectangles are in CSS pixels.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "disarm/search/search_json.hpp"
#include "imgui_internal.h"
#include "platform/backend.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

namespace {

nlohmann::json rect_json(ImVec2 min, ImVec2 max, float scale) {
  return {min.x / scale, min.y / scale, (max.x - min.x) / scale, (max.y - min.y) / scale};
}

nlohmann::json links_json(const std::vector<DrawnLink>& links, float scale) {
  nlohmann::json out = nlohmann::json::array();
  for (const DrawnLink& l : links)
    out.push_back({{"target", l.target}, {"external", l.external}, {"rect", rect_json(l.min, l.max, scale)}});
  return out;
}

nlohmann::json selection_json(const SelectionStore& store) {
  nlohmann::json items = nlohmann::json::array();
  for (const SelectedTechnique& item : store.selection().items())
    items.push_back({{"id", item.id},
                     {"score", item.score ? nlohmann::json(*item.score) : nlohmann::json()},
                     {"comment", item.comment}});
  return {{"count", store.selection().size()},
          {"items", std::move(items)},
          {"previous", store.previous().size()},
          {"notice", store.notice()}};
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json ViewerApp::search_box_json() const {
  const float* r = search_rect_;
  return {{"text", search_text_},
          {"focused", search_focused_},
          {"rect", rect_json(ImVec2(r[0], r[1]), ImVec2(r[0] + r[2], r[1] + r[3]), scale_)}};
}

std::string ViewerApp::state_part_json(const std::string& part) const {
  if (!framework_ || !history_) return "null";
  if (part == "route") return dump(print_route(history_->current()));
  if (part == "links") return dump(links_json(links_, scale_));
  if (part == "selection") return dump(selection_json(selection_));
  if (part == "search_box") return dump(search_box_json());
  return "null";
}

std::string ViewerApp::search_json(const std::string& query) const {
  nlohmann::json hits = nlohmann::json::array();
  if (framework_)
    for (const SearchHit& hit : search_index().search(query))
      hits.push_back(nlohmann::json(search_hit_json(*framework_, hit)));
  return dump(hits);
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
  state["startup"] = {{"parse_ms", startup_.parse_ms},    {"index_ms", startup_.index_ms},
                      {"fonts_ms", startup_.fonts_ms},    {"atlas", {startup_.atlas_width, startup_.atlas_height}},
                      {"first_frame_ms", stats.first_ms}, {"first_ui_ms", stats.first_ui_ms}};
  state["scale"] = scale_;
  state["theme"] = dark_ ? "dark" : "light";
  state["embed"] = embed_;
  if (!load_error_.empty()) state["error"] = load_error_;
  if (!framework_ || !page_) return dump(state);

  const Provenance& p = framework_->provenance();
  state["framework"] = {
      {"name", p.name}, {"source", p.source}, {"licence", p.licence}, {"objects", framework_->objects().size()}};
  const Release& release = framework_->release();
  state["release"] = {{"framework", release.framework},
                      {"version", release.version},
                      {"date", p.date},
                      {"commit", p.commit},
                      {"key", release_},
                      {"default", catalogue_.default_key()}};
  json catalogue = json::array();
  for (const CatalogueEntry& e : catalogue_.entries())
    catalogue.push_back({{"key", e.key},
                         {"framework", e.framework},
                         {"version", e.version},
                         {"date", e.date},
                         {"origin", e.origin},
                         {"loaded", catalogue_.loaded(e.key)}});
  state["catalogue"] = std::move(catalogue);
  state["data"] = {{"opened", opened_from_}, {"type", opened_type_}, {"load_ms", opened_ms_}};
  state["route"] = print_route(history_->current());
  state["history"] = {{"index", history_->index()}, {"size", history_->size()}};
  state["search_box"] = search_box_json();
  // How far the page's most scrolled pane is scrolled: touch scrolling moves it.
  float scroll = 0;
  if (ImGui::GetCurrentContext())
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
      if (window->Active) scroll = std::max(scroll, window->Scroll.y);
  state["scroll"] = css(scroll);
  add_page_state(state);
  auto rect = [this](ImVec2 min, ImVec2 max) { return rect_json(min, max, scale_); };
  state["selection"] = selection_json(selection_);
  json buttons = json::array();
  for (const DrawnButton& b : buttons_) buttons.push_back({{"label", b.label}, {"rect", rect(b.min, b.max)}});
  state["buttons"] = std::move(buttons);
  state["typing"] = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;  // a text field has the keyboard
  state["links"] = links_json(links_, scale_);
  state["keyboard_link"] = keyboard_link_;
  return dump(state);
}

// What the page shown holds and where its widgets are.
void ViewerApp::add_page_state(nlohmann::json& state) const {
  using nlohmann::json;
  auto rect = [this](ImVec2 min, ImVec2 max) { return rect_json(min, max, scale_); };
  std::visit(
      PageVisitor{
          [&](const HomePage&) {
            const WidgetRect& r = overview_->filter_rect();
            state["overview"] = {{"filter", overview_->filter()},
                                 {"filter_focused", overview_->filter_active()},
                                 {"shown", overview_->shown()},
                                 {"filter_rect", rect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h))}};
          },
          [&](const ObjectPage& op) {
            json sections = json::array();
            for (const PageSection& section : op.sections) {
              json disputed = json::array();
              for (const SectionEntry& e : section.entries)
                if (!e.dispute.empty()) disputed.push_back(e.id);
              sections.push_back(
                  {{"title", section.title}, {"count", section.entries.size()}, {"disputed", disputed}});
            }
            state["page"] = {{"id", op.id},
                             {"title", op.title},
                             {"kind", kind_name(op.kind)},
                             {"kind_label", op.kind_label},
                             {"sections", sections},
                             {"citations", op.citations.size()},
                             {"references", op.references.size()}};
          },
          [&](const MatrixPage& mp) {
            const MatrixHighlight& hl = mp.highlight;
            json lit = json::array();
            for (ObjectIndex i : hl.techniques) lit.push_back(framework_->object(i).id);
            state["matrix"] = {{"side", matrix_side_name(mp.model.side)},
                               {"filter", matrix_view_.filter()},
                               {"shown", matrix_view_.shown_cells()},
                               {"select_mode", matrix_view_.select_mode()},
                               {"only_highlighted", matrix_view_.only_highlighted()},
                               {"panel_open", matrix_view_.panel_open()},
                               {"legend_levels", matrix_view_.legend_levels()}};
            if (!hl.source.empty())
              state["highlight"] = {{"source", hl.source}, {"label", hl.label}, {"count", lit.size()}, {"ids", lit}};
            if (!mp.changes.since.empty()) {
              json marked = json::object();
              for (const auto& [id, groups] : mp.changes.groups) marked[id] = groups;
              state["matrix"]["changes"] = {{"since", mp.changes.since},
                                            {"problem", mp.changes.problem},
                                            {"marked", marked},
                                            {"removed", mp.changes.removed}};
            }
          },
          [&](const SearchPage& sp) {
            json hits = json::array();
            for (std::size_t i = 0; i < sp.hits.size() && i < 20; ++i)
              hits.push_back(nlohmann::json(search_hit_json(*framework_, sp.hits[i])));
            state["search"] = {
                {"query", sp.query}, {"hits", hits}, {"total", sp.hits.size()}, {"selected", search_view_.selected()}};
          },
          [&](const KindPage& kp) {
            json ids = json::array();
            for (const KindPageEntry& e : kp.entries) ids.push_back(e.id);
            state["kind_list"] = {{"kind", kind_name(kp.kind)}, {"ids", ids}};
          },
          [&](const ChangesPage& cp) {
            json counts = json::object();
            for (std::size_t g = 0; g < kChangeGroupCount; ++g)
              counts[std::string(change_group_name(static_cast<ChangeGroup>(g)))] =
                  cp.diff.count(static_cast<ChangeGroup>(g));
            json shown = json::array();
            for (std::size_t i : cp.shown) shown.push_back(cp.diff.changes[i].id);
            state["changes"] = {{"from", cp.from},     {"to", cp.to},         {"show", cp.show},
                                {"problem", cp.problem}, {"counts", counts},   {"shown", shown},
                                {"total", cp.diff.changes.size()}};
          },
          [&](const HistoryPage& hp) {
            json entries = json::array();
            for (const HistoryEntry& e : hp.entries)
              entries.push_back({{"key", e.key}, {"holds", e.holds}, {"name", e.name}, {"changes", e.changes}});
            state["history_page"] = {{"id", hp.id}, {"releases", entries}};
          },
          [&](const UpgradePage& up) {
            json items = json::array();
            for (const UpgradeItem& item : up.upgrade.changed)
              items.push_back({{"id", item.selected.id},
                               {"group", std::string(change_group_name(item.group))},
                               {"decision", std::string(upgrade_decision_name(item.decision))}});
            auto ids = [](const std::vector<SelectedTechnique>& list) {
              json out = json::array();
              for (const SelectedTechnique& t : list) out.push_back(t.id);
              return out;
            };
            state["upgrade"] = {{"from", up.from},
                                {"to", up.to},
                                {"problem", up.problem},
                                {"notes", up.notes},
                                {"reviewed", up.upgrade.reviewed()},
                                {"to_review", up.upgrade.to_review()},
                                {"changed", items},
                                {"carried", ids(up.upgrade.carried)},
                                {"removed", ids(up.upgrade.removed)}};
          },
          [&](const NotFoundPage& nf) {
            state["page"] = {{"not_found", nf.text}};
          },
          [&](const AboutPage&) {
            state["about"] = {{"open_file_rect", rect(about_.open_min, about_.open_max)},
                              {"builtin_rect", rect(about_.builtin_min, about_.builtin_max)}};
          },
      },
      page_->model);
}

}  // namespace disarm::web
