#include "selection_store.hpp"

#include "disarm/navigator_layer.hpp"
#include "disarm/route.hpp"
#include "disarm/selection_fragment.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

constexpr const char* kCurrentKey = "disarm.selection";
constexpr const char* kPreviousKey = "disarm.selection.previous";

// An empty selection is stored as no entry at all.
std::string stored_code(const Selection& selection) {
  return selection.empty() ? std::string() : encode_selection(selection);
}

}  // namespace

std::string technique_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " technique" : " techniques");
}

std::string share_link(const Selection& selection, std::string_view highlight) {
  return page_address(print_route(Route::matrix(MatrixSide::Red, highlight, encode_selection(selection))));
}

void SelectionStore::load() {
  auto read = [this](const char* key, Selection& into) {
    std::string code = store_get(key);
    if (code.empty()) return;
    auto decoded = decode_selection(code);
    if (decoded)
      into = std::move(decoded).value();
    else
      notice_ = "The selection stored in this browser could not be read (" + decoded.error().describe() +
                "), so the viewer starts without it.";
  };
  read(kCurrentKey, selection_);
  read(kPreviousKey, previous_);
}

void SelectionStore::save() const {
  store_set(kCurrentKey, stored_code(selection_));
  store_set(kPreviousKey, stored_code(previous_));
}

bool SelectionStore::toggle(std::string_view id) {
  bool on = selection_.toggle(id);
  save();
  return on;
}

void SelectionStore::add(std::string_view id) {
  if (selection_.contains(id)) return;
  selection_.add(id);
  save();
}

void SelectionStore::remove(std::string_view id) {
  if (selection_.remove(id)) save();
}

void SelectionStore::set_score(std::string_view id, std::optional<int> score) {
  if (selection_.set_score(id, score)) save();
}

void SelectionStore::set_comment(std::string_view id, std::string_view comment) {
  if (selection_.set_comment(id, comment)) save();
}

void SelectionStore::replace(Selection next) {
  if (!selection_.empty() && selection_ != next) previous_ = std::move(selection_);
  selection_ = std::move(next);
  save();
}

void SelectionStore::clear() {
  if (selection_.empty()) return;
  std::size_t n = selection_.size();
  replace(Selection{});
  notice_ = "Cleared " + technique_count(n) + ". Restore brings them back.";
}

void SelectionStore::restore_previous() {
  std::swap(selection_, previous_);
  save();
  notice_ = "Restored the previous selection (" + technique_count(selection_.size()) + ").";
  if (!previous_.empty()) notice_ += " Restore again to switch back.";
}

void SelectionStore::open_shared(std::string_view code) {
  auto decoded = decode_selection(code);
  if (!decoded) {
    notice_ =
        "The link's selection could not be read (" + decoded.error().describe() + "). Your selection is unchanged.";
    return;
  }
  Selection shared = std::move(decoded).value();
  if (shared == selection_) return;
  bool had_own = !selection_.empty();
  std::size_t own = selection_.size();
  replace(std::move(shared));
  notice_ = "Showing the selection from the link (" + technique_count(selection_.size()) + ").";
  if (had_own) notice_ += " Your own selection (" + technique_count(own) + ") is kept: Restore switches back.";
}

std::string SelectionStore::import_layer(const Framework& framework, std::string_view json) {
  auto imported = import_navigator_layer(framework, json);
  if (!imported) {
    notice_ = "The layer could not be imported: " + imported.error().describe() + ". Your selection is unchanged.";
    return notice_;
  }
  LayerImport layer = std::move(imported).value();
  bool had_own = !selection_.empty() && selection_ != layer.selection;
  std::size_t own = selection_.size();
  replace(std::move(layer.selection));
  notice_ = "Imported " + technique_count(selection_.size()) + " from the layer.";
  if (!layer.unknown_ids.empty()) {
    notice_ += " Not in this framework, left out: ";
    for (std::size_t i = 0; i < layer.unknown_ids.size(); ++i) notice_ += (i ? ", " : "") + layer.unknown_ids[i];
    notice_ += ".";
  }
  if (!layer.warnings.empty())
    notice_ +=
        " " + std::to_string(layer.warnings.size()) + (layer.warnings.size() == 1 ? " entry was" : " entries were") +
        " changed or left out: " + layer.warnings.front().describe() + (layer.warnings.size() > 1 ? " \u2026" : "");
  if (had_own) notice_ += " Your previous selection (" + technique_count(own) + ") is kept: Restore switches back.";
  return notice_;
}

}  // namespace disarm::web
