// Where the viewer is: the back/forward list kept in step with the browser's, and the page
// built for the current route, which the views draw until the next one.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "data_loader.hpp"
#include "disarm/pages/navigation_history.hpp"
#include "disarm/pages/page.hpp"
#include "selection_store.hpp"

namespace disarm::web {

class Router {
 public:
  // Called with each page built; `new_release` when it is in another release than the last
  // page, so that whatever held the old one starts afresh.
  using PageBuilt = std::function<void(const Page& page, bool new_release)>;
  Router(DataLoader& data, SelectionStore& selection, PageBuilt built)
      : data_(data), selection_(selection), built_(std::move(built)) {}

  // Shows the page's URL (`fragment`) and makes its address canonical.
  void start(const std::string& fragment);
  bool started() const { return history_.has_value(); }
  const NavigationHistory& history() const { return *history_; }
  const Route& current() const { return history_->current(); }
  // The current route's page; null before start().
  const Page* page() const { return page_ ? &*page_ : nullptr; }

  void navigate(Route route);  // a new page, with a history entry
  // The current page changes without a new entry: typing refines one search.
  void replace(Route route);
  // The user or a script changed the URL fragment; see PageApiHandler::location_changed.
  void location_changed(const std::string& fragment, int history_index);
  // Makes `key` the release an address without one shows (an opened file, or the built-in
  // data back) and shows the current page in it.
  void show_release_as_default(const std::string& key);
  // `route` as the viewer navigates to it: with no release, the one shown; with the default
  // one, none, so that addresses stay as they were before releases.
  Route in_release(Route route) const;

 private:
  // A route's shared selection ("sel=") is opened and taken out of the route, so that back,
  // forward and reload do not open it again over later changes.
  Route take_shared_selection(Route route);
  // The upgrade route for a share link made on an older release than the one shown, if it is.
  std::optional<Route> link_upgrade(const Route& link) const;
  void show(const Route& route);
  void sync_location(bool push);

  DataLoader& data_;
  SelectionStore& selection_;
  PageBuilt built_;
  std::optional<NavigationHistory> history_;
  std::optional<Page> page_;
};

}  // namespace disarm::web
