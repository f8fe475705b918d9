#include "selection_store.hpp"

#include "disarm/pages/route.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

constexpr const char* kCurrentKey = "disarm.selection";
constexpr const char* kPreviousKey = "disarm.selection.previous";

}  // namespace

std::string share_link(const Selection& selection, std::string_view highlight, std::string_view release) {
  Route route = Route::matrix(MatrixSide::Red, highlight, encode_selection(selection));
  route.release = std::string(release);
  return page_address(print_route(route));
}

void SelectionStore::load() {
  working_.restore_codes(store_get(kCurrentKey), store_get(kPreviousKey));
}

void SelectionStore::saved(bool changed) const {
  if (!changed) return;
  store_set(kCurrentKey, working_.current_code());
  store_set(kPreviousKey, working_.previous_code());
}

std::string SelectionStore::use_layer(Result<LayerImport> imported) {
  std::string before = working_.current_code(), previous = working_.previous_code();
  std::string notice = working_.use_layer(std::move(imported));
  saved(working_.current_code() != before || working_.previous_code() != previous);
  return notice;
}

std::string SelectionStore::use_upgrade(const SelectionUpgrade& upgrade, std::string_view from, std::string_view to) {
  std::string notice = working_.use_upgrade(upgrade, from, to);
  saved(true);
  return notice;
}

}  // namespace disarm::web
