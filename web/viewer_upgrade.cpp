// Where a Navigator layer goes: made on an older release of the catalogue than the one shown,
// it starts carrying its selection forward (core's selection_upgrade and UpgradePage do the
// work); otherwise it becomes the selection.
#include "disarm/data_file.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "disarm/selection/selection_upgrade.hpp"
#include "platform/backend.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

LayerUse ViewerApp::use_layer(const LayerReader& read) {
  const Framework* shown = data_.framework();
  if (!shown) return {"the viewer has no framework loaded."};
  Result<LayerImport> layer = read(*shown);
  if (auto upgrade = start_layer_upgrade(layer, read)) return {*upgrade, false, true};
  const Selection before = selection_.selection();
  std::string message = selection_.use_layer(std::move(layer));
  request_redraw();
  return {std::move(message), selection_.selection() != before, false};
}

LayerUse ViewerApp::use_layer_text(std::string_view text) {
  const DataFile file(text);
  return use_layer([&file](const Framework& framework) { return open_layer_file(framework, file); });
}

std::optional<std::string> ViewerApp::start_layer_upgrade(const Result<LayerImport>& layer, const LayerReader& read) {
  if (!layer || !router_.started()) return std::nullopt;
  const LayerRelease& made_on = layer.value().release;
  const Catalogue& catalogue = data_.catalogue();
  const auto older = older_release_key(catalogue, data_.release(), made_on.framework, made_on.version);
  if (!older) return std::nullopt;
  auto framework = catalogue.framework(*older);
  if (!framework) return std::nullopt;
  // Read again on the release it was made on, so that techniques since removed keep their
  // scores and comments for the review to flag.
  auto on_older = read(*framework.value());
  if (!on_older || on_older.value().selection.empty()) return std::nullopt;
  router_.navigate(Route::upgrade(*older, encode_selection(on_older.value().selection)));
  request_redraw();
  return "This layer was made on release " + *older + ": review what changed in " + data_.release() + " to carry its " +
         technique_count(on_older.value().selection.size()) + " forward.";
}

}  // namespace disarm::web
