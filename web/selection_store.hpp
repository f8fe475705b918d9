// The analyst's selection as the viewer keeps it: in the browser's storage between visits,
// and the one it last replaced, so that nothing is lost silently.
//
// Whatever replaces a selection wholesale (a share link, an imported layer, Clear) keeps the
// replaced one as "previous", and "Restore" swaps the two back. A share link's selection is
// shown at once, because that is what its sender meant the reader to see; the reader's own
// is one click away.
#pragma once

#include <string>
#include <string_view>

#include "disarm/model.hpp"
#include "disarm/selection.hpp"

namespace disarm::web {

class SelectionStore {
 public:
  // Reads what an earlier visit stored; a damaged entry is left out with a notice.
  void load();

  const Selection& selection() const { return selection_; }
  const Selection& previous() const { return previous_; }
  // What the panel tells the user about the last wholesale change or import; may be empty.
  const std::string& notice() const { return notice_; }
  void dismiss_notice() { notice_.clear(); }

  bool toggle(std::string_view id);
  void add(std::string_view id);
  void remove(std::string_view id);
  void set_score(std::string_view id, std::optional<int> score);
  void set_comment(std::string_view id, std::string_view comment);
  void clear();
  void restore_previous();

  // A share link's code ("sel=" in a matrix route): decoded and shown, or refused with a notice.
  void open_shared(std::string_view code);
  // An ATT&CK Navigator layer's text: its techniques become the selection. Returns the notice.
  std::string import_layer(const Framework& framework, std::string_view json);

 private:
  void replace(Selection next);
  void save() const;

  Selection selection_;
  Selection previous_;
  std::string notice_;
};

// The address that opens `selection` on the red matrix, with `highlight` (a route's) kept.
std::string share_link(const Selection& selection, std::string_view highlight);

std::string technique_count(std::size_t n);  // "1 technique", "3 techniques"

}  // namespace disarm::web
