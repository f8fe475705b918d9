#include "viewer_app.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "disarm/data_file.hpp"
#include "disarm/pages/highlight.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/pages/page.hpp"
#include "disarm/pages/page_mirror.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/selection/release_diff_export.hpp"
#include "disarm/selection/selection_export.hpp"
#include "disarm/io/snapshot.hpp"
#include "embedded_files.hpp"
#include "imgui.h"
#include "links.hpp"
#include "platform/backend.hpp"
#include "theme.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

ViewerApp::ViewerApp() {
  for (const EmbeddedRelease& r : embedded_releases())
    catalogue_.add_snapshot(r.snapshot.text(), r.framework, r.version, r.date);
  const Clock::time_point start = Clock::now();
  const std::string key = catalogue_.default_key();
  auto loaded = catalogue_.framework(key);
  startup_.parse_ms = ms_since(start);
  if (!loaded) {
    load_error_ = "The embedded snapshot could not be loaded: " + loaded.error().describe();
    notify_page_error(load_error_);
    return;
  }
  use_release(key, *loaded.value());
}

void ViewerApp::use_release(const std::string& key, const Framework& framework) {
  // Views first: they refer to the page and the framework that are about to go.
  overview_.reset();
  previews_.reset();
  object_view_ = ObjectView{};
  matrix_view_ = MatrixView{};
  search_view_ = SearchView{};
  kind_view_ = KindListView{};
  changes_view_ = ChangesView{};
  history_view_ = HistoryView{};
  upgrade_view_ = UpgradeView{};
  page_.reset();
  links_.clear();
  search_index_.reset();
  framework_ = &framework;
  release_ = key;
  const CatalogueEntry* entry = catalogue_.find(key);
  opened_from_ = entry ? entry->origin : std::string();
  previews_ = std::make_unique<LinkPreviewCache>(*framework_);
  overview_ = std::make_unique<OverviewView>(*framework_);
  request_redraw();
}

void ViewerApp::show_release_as_default(const std::string& key) {
  catalogue_.set_default(key);
  if (!history_) return;  // not started yet: start() shows the first route
  Route route = history_->current();
  route.release = key;  // the default now, so in_release leaves the address without it
  if (in_release(route) == history_->current()) {
    show(history_->current());
    request_redraw();
  } else {
    navigate(std::move(route));
  }
}

Route ViewerApp::in_release(Route route) const {
  if (route.release.empty()) route.release = release_;
  if (route.release == catalogue_.default_key()) route.release.clear();
  return route;
}

const SearchIndex& ViewerApp::search_index() const {
  if (!search_index_) {
    const Clock::time_point start = Clock::now();
    search_index_.emplace(SearchIndex::build(*framework_));
    if (startup_.index_ms == 0) startup_.index_ms = ms_since(start);
  }
  return *search_index_;
}

ViewerApp::OpenedFile ViewerApp::open_file(const std::string& name, std::string_view text, std::uint64_t size) {
  const Clock::time_point start = Clock::now();
  OpenedFile out;
  auto refuse = [&](const Error& error) {
    out.location = error.location;
    out.message = name + " could not be opened: " + error.describe() + ". The data shown is unchanged.";
    return out;
  };
  if (auto too_large = data_file_size_error(std::max<std::uint64_t>(size, text.size()))) return refuse(*too_large);
  const DataFile file(text);
  const DataFileType type = file.type();
  out.type = data_file_type_name(type);
  if (type == DataFileType::NavigatorLayer) {
    // A layer is a selection, not data: it replaces the selection (the old one kept for
    // Restore) and the red matrix shows it.
    const Selection before = selection_.selection();
    if (!framework_) {
      out.message = name + ": the viewer has no framework loaded.";
      return out;
    }
    Result<LayerImport> layer = open_layer_file(*framework_, file);
    if (auto upgrade =
            start_layer_upgrade(layer, [&](const Framework& older) { return open_layer_file(older, file); })) {
      out.ok = true;
      out.message = name + ": " + *upgrade;
      return out;
    }
    out.message = name + ": " + selection_.use_layer(std::move(layer));
    request_redraw();
    if (selection_.selection() != before) {
      out.ok = true;
      navigate(Route::matrix(MatrixSide::Red));
    }
    return out;
  }
  auto opened = open_data_file(file, name);
  if (!opened) return refuse(opened.error());
  OpenedData& data = opened.value();
  const std::size_t objects = data.framework.defined_object_count();
  const std::string key = catalogue_.add_framework(std::move(data.framework), name).key;
  out.ok = true;
  out.message =
      "Opened " + name + ": " + std::string(data_file_type_label(type)) + ", " + std::to_string(objects) + " objects.";
  if (type == DataFileType::StixBundle) {
    out.message += " A STIX bundle holds tactics and techniques only";
    if (!data.warnings.empty())
      out.message += "; " + std::to_string(data.warnings.size()) + " of its parts could not be placed";
    out.message += ".";
  }
  out.ms = ms_since(start);
  opened_type_ = out.type;
  opened_ms_ = out.ms;
  show_release_as_default(key);
  return out;
}

std::string ViewerApp::open_data(const std::string& name, std::string_view text, std::uint64_t size) {
  OpenedFile opened = open_file(name.empty() ? "the file" : name, text, size);
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
  const Clock::time_point start = Clock::now();
  fonts_ = load_fonts(scale);
  if (startup_.fonts_ms == 0) {
    startup_.fonts_ms = ms_since(start);
    startup_.atlas_width = ImGui::GetIO().Fonts->TexWidth;
    startup_.atlas_height = ImGui::GetIO().Fonts->TexHeight;
  }
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
  if (!history_ || !history_->push(in_release(std::move(route)))) return;
  show(history_->current());
  sync_location(true);
}

Route ViewerApp::take_shared_selection(Route route) {
  if (route.selection.empty() || route.type != RouteType::Matrix) return route;
  if (auto upgrade = link_upgrade(route)) return *upgrade;
  // The code holds technique numbers; the release it names says how its IDs write them.
  const std::string key = route.release.empty() ? catalogue_.default_key() : route.release;
  auto named = catalogue_.framework(key);
  const Framework* framework = named ? named.value() : framework_;
  selection_.open_shared(route.selection,
                         framework ? framework->release().vocabulary.id_pattern(Kind::Technique) : 0);
  route.selection.clear();
  // A share link names its release even when it is the default; opened, its address is the
  // default's canonical one.
  if (route.release == catalogue_.default_key()) route.release.clear();
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
  const std::string key = route.release.empty() ? catalogue_.default_key() : route.release;
  if (key != release_) {
    auto loaded = catalogue_.framework(key);
    if (!loaded) {
      // The release shown stays; the page says which releases there are.
      const bool held = catalogue_.find(key) != nullptr;
      page_ = release_not_found_page(route, catalogue_, held ? &loaded.error() : nullptr);
      notify_page_shown(print_route(route), {}, page_->title);
      return;
    }
    use_release(key, *loaded.value());
  }
  page_ = build_page(*framework_, index_source(), route, &catalogue_, release_);
  std::string object_id;
  std::visit(PageVisitor{
                 [&](const ObjectPage& p) {
                   object_view_.show(p);
                   object_id = p.id;
                 },
                 [&](const MatrixPage& p) {
                   matrix_view_.show(p.model);
                   matrix_view_.set_highlight(p.highlight);
                   matrix_view_.set_changes(p.changes);
                 },
                 [&](const SearchPage& p) {
                   search_text_ = p.query;
                   search_view_.show(p);
                 },
                 [&](const KindPage& p) { kind_view_.show(p); },
                 [&](const ChangesPage& p) { changes_view_.show(p); },
                 [&](const HistoryPage& p) { history_view_.show(p); },
                 [&](const UpgradePage& p) { upgrade_view_.show(p); },
                 [](const auto&) {},
             },
             page_->model);
  notify_page_shown(print_route(route), object_id, page_->title);
}

void ViewerApp::search_typed(ViewContext& ctx) {
  const auto* search = std::get_if<SearchPage>(&page_->model);
  Route route = in_release(Route::search(search_text_, search ? search->kinds : KindMask{0}));
  if (search) {
    // Typing refines one search: one history entry, not one per key.
    history_->replace(route);
    show(route);
    sync_location(false);
  } else {
    ctx.open(route);
  }
}

void ViewerApp::draw_not_found(ViewContext& ctx, const NotFoundPage& page) {
  float width = reading_width(ctx);
  centre_column(width);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted("Not found");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  if (page.reason.empty())
    ImGui::Text("There is no page \u201C%s\u201D in %s.", page.text.c_str(), framework_->provenance().name.c_str());
  else
    ImGui::TextUnformatted(page.reason.c_str());
  ImGui::PopTextWrapPos();
  if (!page.suggestions.empty()) {
    section_heading(ctx, "Perhaps you meant");
    for (ObjectIndex i : page.suggestions) object_link(ctx, i, framework_->object(i).id, framework_->object(i).name);
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

void ViewerApp::draw_page(ViewContext& ctx) {
  std::visit(PageVisitor{
                 [&](const HomePage&) { overview_->draw(ctx); },
                 [&](const ObjectPage&) { object_view_.draw(ctx, selection_); },
                 [&](const MatrixPage&) { matrix_view_.draw(ctx, index_source(), selection_); },
                 [&](const SearchPage&) { search_view_.draw(ctx); },
                 [&](const KindPage&) { kind_view_.draw(ctx); },
                 [&](const AboutPage& p) {
                   about_.showing_builtin = opened_from_.empty();
                   draw_about(ctx, p, about_);
                 },
                 [&](const ChangesPage&) { changes_view_.draw(ctx); },
                 [&](const HistoryPage&) { history_view_.draw(ctx); },
                 [&](const UpgradePage&) { upgrade_view_.draw(ctx, selection_); },
                 [&](const NotFoundPage& p) { draw_not_found(ctx, p); },
             },
             page_->model);
}

void ViewerApp::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("DISARM viewer", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (!framework_ || !page_) {
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
  ctx.embed = embed_;
  for (const CatalogueEntry& e : catalogue_.entries()) ctx.releases.push_back(e.key);
  ctx.release = release_;
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
  if (ctx.layer_text) import_layer(*ctx.layer_text);
  if (ctx.requested) ctx.in_place ? replace_route(std::move(*ctx.requested)) : navigate(std::move(*ctx.requested));
  // After the frame: the views drew from the framework it replaces.
  if (about_.builtin_requested) {
    about_.builtin_requested = false;
    show_release_as_default(catalogue_.builtin_default_key());
  }

  ++frames_;
  // Ready once a frame has been laid out, so widget rectangles in state_json() are real.
  if (!announced_ready_ && frames_ >= 2) {
    announced_ready_ = true;
    notify_page_ready();
  }
}

std::string ViewerApp::mirror_html() const {
  if (!framework_ || !page_) return {};
  return page_mirror_html(*framework_, *page_);
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
  Result<LayerImport> layer = import_navigator_layer(*framework_, text);
  if (auto upgrade =
          start_layer_upgrade(layer, [&](const Framework& older) { return import_navigator_layer(older, text); }))
    return *upgrade;
  std::string message = selection_.use_layer(std::move(layer));
  request_redraw();
  return message;
}

std::string ViewerApp::export_text(const std::string& what) const {
  if (!framework_ || !page_) return "";
  const Framework& fw = *framework_;
  const Selection& selection = selection_.selection();
  if (what == "layer") return export_navigator_layer(fw, selection, "");
  if (what == "csv") return selection_csv(fw, selection);
  if (what == "markdown") return selection_markdown(fw, selection);
  if (const auto* changes = std::get_if<ChangesPage>(&page_->model); changes && changes->newer) {
    const Vocabulary& words = changes->newer->release().vocabulary;
    if (what == "changes_markdown") return release_diff_markdown(changes->diff, words);
    if (what == "changes_csv") return release_diff_csv(changes->diff, words);
    if (what == "changes_layer") return release_diff_layer(changes->diff, *changes->newer);
  }
  const auto* matrix = std::get_if<MatrixPage>(&page_->model);
  if (what == "share_link") return share_link(selection, matrix ? matrix->highlight.source : "", release_);
  if (what == "print") {
    if (std::holds_alternative<ObjectPage>(page_->model)) return object_view_.print_document_html(fw);
    if (matrix) return matrix_view_.print_document_html(fw, selection);
  }
  return "";
}

}  // namespace disarm::web
