#include "router.hpp"

#include <utility>

#include "disarm/selection/selection_upgrade.hpp"
#include "platform/backend.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

void Router::start(const std::string& fragment) {
  Route route = take_shared_selection(parse_route(fragment));
  history_.emplace(route);
  show(route);
  sync_location(false);  // stamp the first entry and make its address canonical
}

void Router::show_release_as_default(const std::string& key) {
  data_.set_default(key);
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

Route Router::in_release(Route route) const {
  if (route.release.empty()) route.release = data_.release();
  if (route.release == data_.catalogue().default_key()) route.release.clear();
  return route;
}

void Router::sync_location(bool push) {
  std::string fragment = print_route(history_->current());
  if (push)
    push_location(fragment, history_->index());
  else
    replace_location(fragment, history_->index());
}

void Router::navigate(Route route) {
  if (!history_ || !history_->push(in_release(std::move(route)))) return;
  show(history_->current());
  sync_location(true);
}

void Router::replace(Route route) {
  history_->replace(in_release(std::move(route)));
  show(history_->current());
  sync_location(false);
}

Route Router::take_shared_selection(Route route) {
  // An upgrade page's "sel=" is the selection under review, which stays in its address.
  if (route.selection.empty() || route.type != RouteType::Matrix) return route;
  if (auto upgrade = link_upgrade(route)) return *upgrade;
  // The code holds technique numbers; the release it names says how its IDs write them.
  const Catalogue& catalogue = data_.catalogue();
  const std::string key = route.release.empty() ? catalogue.default_key() : route.release;
  auto named = catalogue.framework(key);
  const Framework* framework = named ? named.value() : data_.framework();
  selection_.open_shared(route.selection, framework ? framework->release().vocabulary.id_pattern(Kind::Technique) : 0);
  route.selection.clear();
  // A share link names its release even when it is the default; opened, its address is the
  // default's canonical one.
  if (route.release == catalogue.default_key()) route.release.clear();
  return route;
}

std::optional<Route> Router::link_upgrade(const Route& link) const {
  if (link.release.empty()) return std::nullopt;  // made on the default release
  const Catalogue& catalogue = data_.catalogue();
  const CatalogueEntry* made_on = catalogue.find(link.release);
  if (!made_on) return std::nullopt;
  auto older = older_release_key(catalogue, data_.release(), made_on->framework, made_on->version);
  if (!older || *older != made_on->key) return std::nullopt;
  return in_release(Route::upgrade(*older, link.selection));
}

void Router::location_changed(const std::string& fragment, int history_index) {
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

void Router::show(const Route& route) {
  const Catalogue& catalogue = data_.catalogue();
  const std::string key = route.release.empty() ? catalogue.default_key() : route.release;
  const bool new_release = key != data_.release();
  if (new_release) {
    auto loaded = catalogue.framework(key);
    if (!loaded) {
      // The release shown stays; the page says which releases there are.
      const bool held = catalogue.find(key) != nullptr;
      page_ = release_not_found_page(route, catalogue, held ? &loaded.error() : nullptr);
      notify_page_shown(print_route(route), {}, page_->title);
      return;
    }
    // The page first: it refers to the framework about to go.
    page_.reset();
    data_.use_release(key, *loaded.value());
  }
  page_ = build_page(*data_.framework(), data_.index_source(), route, &catalogue, data_.release());
  built_(*page_, new_release);
  const auto* object = std::get_if<ObjectPage>(&page_->model);
  notify_page_shown(print_route(route), object ? object->id : std::string(), page_->title);
}

}  // namespace disarm::web
