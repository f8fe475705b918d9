#include "viewer_app.hpp"

#include <chrono>
#include <utility>

#include "imgui.h"
#include "platform/backend.hpp"
#include "platform/page_api.hpp"
#include "theme.hpp"
#include "top_bar.hpp"
#include "views/about_view.hpp"

namespace disarm::web {

ViewerApp::ViewerApp()
    : router_(data_, selection_, [this](const Page& page, bool new_release) { page_built(page, new_release); }) {}

bool ViewerApp::load_step() {
  if (data_.load_step()) return true;
  if (data_.framework()) views_.reset(*data_.framework());
  return false;
}

void ViewerApp::page_built(const Page& page, bool new_release) {
  if (new_release) {
    // Every view that holds pages, indexes or references into the old release starts afresh.
    views_.reset(*data_.framework());
    drawn_.links.clear();
    request_redraw();
  }
  views_.show(page);
  if (const auto* search = std::get_if<SearchPage>(&page.model)) search_bar_.set_text(search->query);
}

ViewerApp::StartupTimes ViewerApp::startup() const {
  StartupTimes times = startup_;
  times.parse_ms = data_.parse_ms();
  times.index_ms = data_.index_ms();
  return times;
}

void ViewerApp::set_appearance(float scale, bool dark) {
  scale_ = scale;
  dark_ = dark;
  const auto start = std::chrono::steady_clock::now();
  fonts_ = load_fonts(scale);
  if (startup_.fonts_ms == 0) {
    startup_.fonts_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    startup_.atlas_width = ImGui::GetIO().Fonts->TexWidth;
    startup_.atlas_height = ImGui::GetIO().Fonts->TexHeight;
  }
  apply_theme(dark, scale);
  palette_ = make_palette(dark);
}

void ViewerApp::start() {
  embed_ = page_query_parameter("embed") == "1";
  if (!data_.framework()) return;
  selection_.load();
  router_.start(location_fragment());
}

void ViewerApp::follow_search(ViewContext& ctx, const SearchBar::Input& input) {
  const auto* search = std::get_if<SearchPage>(&router_.page()->model);
  if (input.typed) {
    Route route = Route::search(search_bar_.text(), search ? search->kinds : KindMask{0});
    if (search)
      router_.replace(std::move(route));  // typing refines one search: one history entry, not one per key
    else
      ctx.open(router_.in_release(std::move(route)));
    search = std::get_if<SearchPage>(&router_.page()->model);
  }
  if (search) {
    if (input.arrow != 0) views_.search().move_selection(input.arrow);
    if (input.entered)
      if (auto route = views_.search().selected_route(*data_.framework())) ctx.open(*route);
  } else if (input.entered && !search_bar_.text().empty()) {
    ctx.open(Route::search(search_bar_.text()));
  }
  search_bar_.tell_page(scale_);
}

void ViewerApp::draw_start_error() {
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("The viewer could not start");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(data_.load_error().c_str());
  ImGui::PopTextWrapPos();
}

void ViewerApp::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("DISARM viewer", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (!data_.framework() || !router_.page()) {
    draw_start_error();
    ImGui::End();
    return;
  }

  const SearchIndexSource search = data_.index_source();
  ViewContext ctx(*data_.framework(), fonts_, palette_, scale_, views_.previews(), selection_, search);
  ctx.embed = embed_;
  for (const CatalogueEntry& e : data_.catalogue().entries()) ctx.releases.push_back(e.key);
  ctx.release = data_.release();
  if (embed_)
    draw_embed_bar(ctx, router_, views_);
  else
    follow_search(ctx, draw_top_bar(ctx, router_, data_.catalogue(), search_bar_));
  ImGui::Separator();
  const float credit_h = data_credit_height(ctx);
  ImGui::BeginChild("content", ImVec2(0, -credit_h), false, kNavFlattened);
  views_.about().showing_builtin = data_.opened_from().empty();
  views_.draw(ctx, *router_.page());
  ImGui::EndChild();
  draw_data_credit(ctx);
  ImGui::End();

  drawn_.route = router_.current();
  drawn_.links = std::move(ctx.links);
  drawn_.keyboard_link = std::move(ctx.keyboard_link);
  drawn_.buttons = std::move(ctx.buttons);
  set_hovered_external_link(ctx.hovered_external);
  if (ctx.layer_text) use_layer_text(*ctx.layer_text);
  if (ctx.requested)
    ctx.in_place ? router_.replace(std::move(*ctx.requested)) : router_.navigate(std::move(*ctx.requested));
  // After the frame: the views drew from the framework it replaces.
  if (views_.about().builtin_requested) {
    views_.about().builtin_requested = false;
    router_.show_release_as_default(data_.catalogue().builtin_default_key());
  }

  ++drawn_.count;
}

void ViewerApp::first_picture_shown() {
  if (data_.framework()) notify_page_ready();  // else the page shows the load error instead
}

}  // namespace disarm::web
