#include "page_api_adapter.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "disarm/pages/page_mirror.hpp"
#include "disarm/search/search_json.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/selection/release_diff_export.hpp"
#include "disarm/selection/selection_export.hpp"
#include "imgui_internal.h"
#include "platform/backend.hpp"

namespace disarm::web {

namespace {

using nlohmann::json;

json rect_json(ImVec2 min, ImVec2 max, float scale) {
  return {min.x / scale, min.y / scale, (max.x - min.x) / scale, (max.y - min.y) / scale};
}

json links_json(const std::vector<DrawnLink>& links, float scale) {
  json out = json::array();
  for (const DrawnLink& l : links)
    out.push_back({{"target", l.target}, {"external", l.external}, {"rect", rect_json(l.min, l.max, scale)}});
  return out;
}

json selection_json(const SelectionStore& store) {
  json items = json::array();
  for (const SelectedTechnique& item : store.selection().items())
    items.push_back({{"id", item.id}, {"score", item.score ? json(*item.score) : json()}, {"comment", item.comment}});
  return {{"count", store.selection().size()},
          {"items", std::move(items)},
          {"previous", store.previous().size()},
          {"notice", store.notice()}};
}

json search_box_json(const SearchBar& box, float scale) {
  return {{"text", box.text()}, {"focused", box.focused()}, {"rect", rect_json(box.min(), box.max(), scale)}};
}

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The viewer itself: frames, their cost, memory, start-up, appearance.
json viewer_json(const ViewerApp& app) {
  json state;
  state["frames"] = app.drawn().count;
  const FrameStats& stats = frame_stats();
  state["frame_ms"] = {{"last", stats.last_ms},
                       {"total", stats.total_ms},
                       {"ui_total", stats.ui_total_ms},
                       {"count", stats.frames},
                       {"layout_only", stats.layout_only}};
  state["frame_loop"] = frame_loop_paused() ? "paused" : "running";
  state["wasm_memory"] = wasm_memory_bytes();
  const ViewerApp::StartupTimes startup = app.startup();
  state["startup"] = {{"parse_ms", startup.parse_ms},     {"index_ms", startup.index_ms},
                      {"fonts_ms", startup.fonts_ms},     {"atlas", {startup.atlas_width, startup.atlas_height}},
                      {"first_frame_ms", stats.first_ms}, {"first_ui_ms", stats.first_ui_ms},
                      {"context_ms", stats.context_ms},   {"gl_objects_ms", stats.gl_objects_ms}};
  state["scale"] = app.scale();
  state["theme"] = app.dark() ? "dark" : "light";
  state["embed"] = app.embed();
  if (!app.data().load_error().empty()) state["error"] = app.data().load_error();
  return state;
}

// The data shown: its framework and release, the catalogue, the file it came from.
void add_data_state(json& state, const DataLoader& data) {
  const Framework& framework = *data.framework();
  const Provenance& p = framework.provenance();
  state["framework"] = {
      {"name", p.name}, {"source", p.source}, {"licence", p.licence}, {"objects", framework.objects().size()}};
  const Release& release = framework.release();
  const Catalogue& catalogue = data.catalogue();
  state["release"] = {
      {"framework", release.framework}, {"version", release.version},        {"date", p.date}, {"commit", p.commit},
      {"key", data.release()},          {"default", catalogue.default_key()}};
  json entries = json::array();
  for (const CatalogueEntry& e : catalogue.entries())
    entries.push_back({{"key", e.key},
                       {"framework", e.framework},
                       {"version", e.version},
                       {"date", e.date},
                       {"origin", e.origin},
                       {"loaded", catalogue.loaded(e.key)}});
  state["catalogue"] = std::move(entries);
  state["data"] = {{"opened", data.opened_from()}, {"type", data.opened_type()}, {"load_ms", data.opened_ms()}};
}

json object_page_json(const ObjectPage& op) {
  json sections = json::array();
  for (const PageSection& section : op.sections) {
    json disputed = json::array();
    for (const SectionEntry& e : section.entries)
      if (!e.dispute.empty()) disputed.push_back(e.id);
    sections.push_back({{"title", section.title}, {"count", section.entries.size()}, {"disputed", disputed}});
  }
  return {{"id", op.id},
          {"title", op.title},
          {"kind", kind_name(op.kind)},
          {"kind_label", op.kind_label},
          {"sections", sections},
          {"citations", op.citations.size()},
          {"references", op.references.size()}};
}

void add_matrix_state(json& state, const MatrixPage& mp, const MatrixView& view, const Framework& framework) {
  const MatrixHighlight& hl = mp.highlight;
  json lit = json::array();
  for (ObjectIndex i : hl.techniques) lit.push_back(framework.object(i).id);
  state["matrix"] = {{"side", matrix_side_name(mp.model.side)},
                     {"filter", view.filter()},
                     {"shown", view.shown_cells()},
                     {"select_mode", view.select_mode()},
                     {"only_highlighted", view.only_highlighted()},
                     {"panel_open", view.panel_open()},
                     {"legend_levels", view.legend_levels()}};
  if (!hl.source.empty())
    state["highlight"] = {{"source", hl.source}, {"label", hl.label}, {"count", lit.size()}, {"ids", lit}};
  if (!mp.changes.since.empty()) {
    json marked = json::object();
    for (const auto& [id, groups] : mp.changes.groups) marked[id] = groups;
    json below = json::object();
    for (const auto& [id, folded] : mp.changes.below) below[id] = folded.count;
    state["matrix"]["changes"] = {{"since", mp.changes.since},
                                  {"problem", mp.changes.problem},
                                  {"marked", marked},
                                  {"below", below},
                                  {"removed", mp.changes.removed}};
  }
}

// A selection carried forward: how far the review is, and each technique's place in it.
json upgrade_page_json(const UpgradePage& page) {
  json items = json::array();
  for (const UpgradeItem& item : page.upgrade.changed)
    items.push_back({{"id", item.selected.id},
                     {"group", std::string(change_group_name(item.group))},
                     {"decision", std::string(upgrade_decision_name(item.decision))}});
  auto ids = [](const std::vector<SelectedTechnique>& list) {
    json out = json::array();
    for (const SelectedTechnique& t : list) out.push_back(t.id);
    return out;
  };
  return {{"from", page.from},
          {"to", page.to},
          {"problem", page.problem},
          {"notes", page.notes},
          {"reviewed", page.upgrade.reviewed()},
          {"to_review", page.upgrade.to_review()},
          {"changed", items},
          {"carried", ids(page.upgrade.carried)},
          {"removed", ids(page.upgrade.removed)}};
}

json changes_page_json(const ChangesPage& cp) {
  json counts = json::object();
  for (std::size_t g = 0; g < kChangeGroupCount; ++g)
    counts[std::string(change_group_name(static_cast<ChangeGroup>(g)))] = cp.diff.count(static_cast<ChangeGroup>(g));
  json shown = json::array();
  for (std::size_t i : cp.shown) shown.push_back(cp.diff.changes[i].id);
  return {{"from", cp.from},
          {"to", cp.to},
          {"show", cp.show},
          {"problem", cp.problem},
          {"counts", counts},
          {"shown", shown},
          {"total", cp.diff.changes.size()}};
}

// What the page shown holds and where its widgets are.
void add_page_state(json& state, const Page& page, const PageViews& views, const Framework& framework, float scale) {
  auto rect = [scale](ImVec2 min, ImVec2 max) { return rect_json(min, max, scale); };
  std::visit(PageVisitor{
                 [&](const HomePage&) {
                   const OverviewView& overview = views.overview();
                   const WidgetRect& r = overview.filter_rect();
                   state["overview"] = {{"filter", overview.filter()},
                                        {"filter_focused", overview.filter_active()},
                                        {"shown", overview.shown()},
                                        {"filter_rect", rect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h))}};
                 },
                 [&](const ObjectPage& op) { state["page"] = object_page_json(op); },
                 [&](const MatrixPage& mp) { add_matrix_state(state, mp, views.matrix(), framework); },
                 [&](const SearchPage& sp) {
                   json hits = json::array();
                   for (std::size_t i = 0; i < sp.hits.size() && i < 20; ++i)
                     hits.push_back(json(search_hit_json(framework, sp.hits[i])));
                   state["search"] = {{"query", sp.query},
                                      {"hits", hits},
                                      {"total", sp.hits.size()},
                                      {"selected", views.search().selected()}};
                 },
                 [&](const KindPage& kp) {
                   json ids = json::array();
                   for (const KindPageEntry& e : kp.entries) ids.push_back(e.id);
                   state["kind_list"] = {{"kind", kind_name(kp.kind)}, {"ids", ids}};
                 },
                 [&](const ChangesPage& cp) { state["changes"] = changes_page_json(cp); },
                 [&](const HistoryPage& hp) {
                   json entries = json::array();
                   for (const HistoryEntry& e : hp.entries)
                     entries.push_back({{"key", e.key}, {"holds", e.holds}, {"name", e.name}, {"changes", e.changes}});
                   state["history_page"] = {{"id", hp.id}, {"releases", entries}};
                 },
                 [&](const UpgradePage& up) { state["upgrade"] = upgrade_page_json(up); },
                 [&](const NotFoundPage& nf) {
                   state["page"] = {{"not_found", nf.text}};
                 },
                 [&](const AboutPage&) {
                   const AboutState& about = views.about();
                   state["about"] = {{"open_file_rect", rect(about.open_min, about.open_max)},
                                     {"builtin_rect", rect(about.builtin_min, about.builtin_max)}};
                 },
             },
             page.model);
}

}  // namespace

std::string PageApiAdapter::state_part_json(const std::string& part) const {
  if (!app_.data().framework() || !app_.router().started()) return "null";
  const float scale = app_.scale();
  if (part == "route") return dump(print_route(app_.router().current()));
  if (part == "links") return dump(links_json(app_.drawn().links, scale));
  if (part == "selection") return dump(selection_json(app_.selection()));
  if (part == "search_box") return dump(search_box_json(app_.search_bar(), scale));
  return "null";
}

std::string PageApiAdapter::search_json(const std::string& query) const {
  json hits = json::array();
  if (const Framework* framework = app_.data().framework())
    for (const SearchHit& hit : app_.data().search_index().search(query))
      hits.push_back(json(search_hit_json(*framework, hit)));
  return dump(hits);
}

std::string PageApiAdapter::state_json() const {
  const float scale = app_.scale();
  json state = viewer_json(app_);
  const Page* page = app_.router().page();
  if (!app_.data().framework() || !page) return dump(state);

  add_data_state(state, app_.data());
  const NavigationHistory& history = app_.router().history();
  state["route"] = print_route(history.current());
  state["history"] = {{"index", history.index()}, {"size", history.size()}};
  state["search_box"] = search_box_json(app_.search_bar(), scale);
  // How far the page's most scrolled pane is scrolled: touch scrolling moves it.
  float scroll = 0;
  if (ImGui::GetCurrentContext())
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
      if (window->Active) scroll = std::max(scroll, window->Scroll.y);
  state["scroll"] = scroll / scale;
  add_page_state(state, *page, app_.views(), *app_.data().framework(), scale);
  state["selection"] = selection_json(app_.selection());
  json buttons = json::array();
  for (const DrawnButton& b : app_.drawn().buttons)
    buttons.push_back({{"label", b.label}, {"rect", rect_json(b.min, b.max, scale)}});
  state["buttons"] = std::move(buttons);
  state["typing"] = ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput;  // a text field has the keyboard
  state["drawn_route"] = print_route(app_.drawn().route);
  state["links"] = links_json(app_.drawn().links, scale);
  state["keyboard_link"] = app_.drawn().keyboard_link;
  return dump(state);
}

void PageApiAdapter::location_changed(const std::string& fragment, int history_index) {
  app_.router().location_changed(fragment, history_index);
}

std::string PageApiAdapter::open_data(const std::string& name, std::string_view text, std::uint64_t size) {
  DataLoader::OpenedFile opened = app_.data().open_file(
      name.empty() ? "the file" : name, text, size, [this](const LayerReader& read) { return app_.use_layer(read); });
  request_redraw();
  if (opened.selection) app_.router().navigate(Route::matrix(MatrixSide::Red));
  if (!opened.release.empty()) app_.router().show_release_as_default(opened.release);
  json out = {{"ok", opened.ok},
              {"type", opened.type},
              {"message", opened.message},
              {"location", opened.location},
              {"ms", opened.ms}};
  return dump(out);
}

std::string PageApiAdapter::mirror_html() const {
  const Page* page = app_.router().page();
  if (!app_.data().framework() || !page) return {};
  return page_mirror_html(*app_.data().framework(), *page, app_.router().in_release(Route::home()).release);
}

void PageApiAdapter::search_box_input(const std::string& text) {
  app_.search_bar().page_input(text);
  request_redraw();
}

void PageApiAdapter::search_box_key(const std::string& key) {
  app_.search_bar().page_key(key);
  request_redraw();
}

std::string PageApiAdapter::import_layer(const std::string& text) {
  if (!app_.data().framework()) return "The viewer has no framework loaded.";
  LayerUse used = app_.use_layer_text(text);
  request_redraw();
  return used.message;
}

std::string PageApiAdapter::export_text(const std::string& what) const {
  const Page* page = app_.router().page();
  if (!app_.data().framework() || !page) return "";
  const Framework& fw = *app_.data().framework();
  const Selection& selection = app_.selection().selection();
  if (what == "layer") return export_navigator_layer(fw, selection, "");
  if (what == "csv") return selection_csv(fw, selection);
  if (what == "markdown") return selection_markdown(fw, selection);
  if (const auto* changes = std::get_if<ChangesPage>(&page->model); changes && changes->newer) {
    const Vocabulary& words = changes->newer->release().vocabulary;
    if (what == "changes_markdown") return release_diff_markdown(changes->diff, words);
    if (what == "changes_csv") return release_diff_csv(changes->diff, words);
    if (what == "changes_layer") return release_diff_layer(changes->diff, *changes->newer);
  }
  const auto* matrix = std::get_if<MatrixPage>(&page->model);
  if (what == "share_link") return share_link(selection, matrix ? matrix->highlight.source : "", app_.data().release());
  if (what == "print") {
    if (std::holds_alternative<ObjectPage>(page->model)) return app_.views().object().print_document_html(fw);
    if (matrix) return app_.views().matrix().print_document_html(fw, selection);
  }
  return "";
}

}  // namespace disarm::web
