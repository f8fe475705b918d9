// When a layer or a share link made on an older release starts carrying its selection forward
// (core's selection_upgrade and UpgradePage do the work), and the in-place navigation its
// decisions use.
#include "disarm/selection/selection_fragment.hpp"
#include "disarm/selection/selection_upgrade.hpp"
#include "platform/backend.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

void ViewerApp::replace_route(Route route) {
  if (!history_) return;
  history_->replace(in_release(std::move(route)));
  show(history_->current());
  sync_location(false);
  request_redraw();
}

std::optional<std::string> ViewerApp::start_layer_upgrade(
    const Result<LayerImport>& layer, const std::function<Result<LayerImport>(const Framework&)>& read_on) {
  if (!layer || !history_) return std::nullopt;
  const LayerRelease& made_on = layer.value().release;
  const auto older = older_release_key(catalogue_, release_, made_on.framework, made_on.version);
  if (!older) return std::nullopt;
  auto framework = catalogue_.framework(*older);
  if (!framework) return std::nullopt;
  // Read again on the release it was made on, so that techniques since removed keep their
  // scores and comments for the review to flag.
  auto on_older = read_on(*framework.value());
  if (!on_older || on_older.value().selection.empty()) return std::nullopt;
  navigate(Route::upgrade(*older, encode_selection(on_older.value().selection)));
  request_redraw();
  return "This layer was made on release " + *older + ": review what changed in " + release_ + " to carry its " +
         technique_count(on_older.value().selection.size()) + " forward.";
}

std::optional<Route> ViewerApp::link_upgrade(const Route& link) const {
  if (link.release.empty()) return std::nullopt;  // made on the default release
  const CatalogueEntry* made_on = catalogue_.find(link.release);
  if (!made_on) return std::nullopt;
  auto older = older_release_key(catalogue_, release_, made_on->framework, made_on->version);
  if (!older || *older != made_on->key) return std::nullopt;
  return in_release(Route::upgrade(*older, link.selection));
}

}  // namespace disarm::web
