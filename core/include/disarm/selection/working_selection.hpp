// The analyst's selection as a viewer keeps it: the one being worked on, and the one it last
// replaced wholesale, so that nothing is lost silently.
//
// Whatever replaces a selection wholesale (a share link, an imported layer, clearing) keeps
// the replaced one as "previous", and restore_previous() swaps the two. A share link's
// selection is shown at once, because that is what its sender meant the reader to see; the
// reader's own is one click away. Each wholesale change leaves a notice saying what happened,
// for the viewer to show.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "disarm/model/model.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/result.hpp"
#include "disarm/selection/selection.hpp"
#include "disarm/selection/selection_upgrade.hpp"

namespace disarm {

class WorkingSelection {
 public:
  // What a browser stored: share codes (selection_fragment.hpp), either possibly empty. A code
  // that does not decode is left out, with a notice.
  void restore_codes(std::string_view current, std::string_view previous);
  // The codes to store; an empty selection is "".
  std::string current_code() const;
  std::string previous_code() const;

  const Selection& current() const { return current_; }
  const Selection& previous() const { return previous_; }
  const std::string& notice() const { return notice_; }
  void dismiss_notice() { notice_.clear(); }

  // Edits of single techniques (selection.hpp); false when nothing changed.
  bool toggle(std::string_view id);
  bool add(std::string_view id);
  bool remove(std::string_view id);
  bool set_score(std::string_view id, std::optional<int> score);
  bool set_comment(std::string_view id, std::string_view comment);

  // Wholesale changes: each keeps what it replaced as previous() and leaves a notice.
  bool clear();
  bool restore_previous();
  // A share link's code: its selection becomes current, or the notice says why not.
  bool open_shared(std::string_view code, unsigned char technique_pattern = 0);
  // An ATT&CK Navigator layer (navigator_layer.hpp): its techniques become current. The
  // notice names the IDs the framework lacks. Returns the notice.
  std::string import_layer(const Framework& framework, std::string_view json);
  // The same for a layer already read (data_file.hpp's open_layer_file), or its error.
  std::string use_layer(Result<LayerImport> imported);
  // The result of carrying a selection forward from release `from` to `to`
  // (selection_upgrade.hpp). Returns the notice.
  std::string use_upgrade(const SelectionUpgrade& upgrade, std::string_view from, std::string_view to);

 private:
  void replace(Selection next);

  Selection current_;
  Selection previous_;
  std::string notice_;
};

std::string technique_count(std::size_t n);  // "1 technique", "3 techniques"

}  // namespace disarm
