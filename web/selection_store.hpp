// The analyst's selection (core's WorkingSelection: the current one and the one it last
// replaced) kept in the browser's storage between visits. Every change is stored at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "disarm/model/model.hpp"
#include "disarm/selection/working_selection.hpp"

namespace disarm::web {

class SelectionStore {
 public:
  // Reads what an earlier visit stored.
  void load();

  const Selection& selection() const { return working_.current(); }
  const Selection& previous() const { return working_.previous(); }
  const std::string& notice() const { return working_.notice(); }
  void dismiss_notice() { working_.dismiss_notice(); }

  void toggle(std::string_view id) { saved(working_.toggle(id)); }
  void add(std::string_view id) { saved(working_.add(id)); }
  void remove(std::string_view id) { saved(working_.remove(id)); }
  void set_score(std::string_view id, std::optional<int> score) { saved(working_.set_score(id, score)); }
  void set_comment(std::string_view id, std::string_view comment) { saved(working_.set_comment(id, comment)); }
  void clear() { saved(working_.clear()); }
  void restore_previous() { saved(working_.restore_previous()); }
  void open_shared(std::string_view code, unsigned char technique_pattern) {
    saved(working_.open_shared(code, technique_pattern));
  }
  std::string use_layer(Result<LayerImport> imported);
  std::string use_upgrade(const SelectionUpgrade& upgrade, std::string_view from, std::string_view to);

 private:
  void saved(bool changed) const;

  WorkingSelection working_;
};

// The address that opens `selection` on the red matrix of `release` (a catalogue key, named
// even when it is the default, so that the link reads the same IDs after a newer release),
// with `highlight` (a route's) kept.
std::string share_link(const Selection& selection, std::string_view highlight, std::string_view release);

}  // namespace disarm::web
