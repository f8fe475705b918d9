#include "disarm/selection/selection.hpp"

#include <algorithm>

#include "disarm/model/object_id.hpp"
#include "text/utf8.hpp"

namespace disarm {

// Where the technique is, or would go in ID order; `found` says which. items_.size() + 1
// for an ID that is no technique's.
std::size_t Selection::position(std::string_view id, bool* found) const {
  *found = false;
  auto key = parse_id(id);
  if (!key || key->kind != Kind::Technique) return items_.size() + 1;
  auto it = std::lower_bound(items_.begin(), items_.end(), *key,
                             [](const SelectedTechnique& item, const IdKey& k) { return *parse_id(item.id) < k; });
  *found = it != items_.end() && *parse_id(it->id) == *key;
  return static_cast<std::size_t>(it - items_.begin());
}

// The technique's entry, added if it is not selected; null for an ID that is no technique's.
SelectedTechnique* Selection::select(std::string_view id) {
  bool found = false;
  std::size_t at = position(id, &found);
  if (found) return &items_[at];
  if (at > items_.size()) return nullptr;
  auto key = parse_id(id);
  return &*items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(at),
                         SelectedTechnique{canonical_id(*key), {}, {}});
}

const SelectedTechnique* Selection::find(std::string_view id) const {
  bool found = false;
  std::size_t at = position(id, &found);
  return found ? &items_[at] : nullptr;
}

bool Selection::add(std::string_view id) {
  return select(id) != nullptr;
}

bool Selection::remove(std::string_view id) {
  bool found = false;
  std::size_t at = position(id, &found);
  if (found) items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(at));
  return found;
}

bool Selection::toggle(std::string_view id) {
  if (remove(id)) return false;
  return add(id);
}

bool Selection::set_score(std::string_view id, std::optional<int> score) {
  if (score && (*score < 0 || *score > kMaxScore)) return false;
  SelectedTechnique* item = select(id);
  if (item) item->score = score;
  return item != nullptr;
}

bool Selection::set_comment(std::string_view id, std::string_view comment) {
  SelectedTechnique* item = select(id);
  if (item) item->comment = valid_utf8(comment);
  return item != nullptr;
}

}  // namespace disarm
