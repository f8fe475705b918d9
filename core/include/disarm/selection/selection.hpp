// An analyst's selection: a set of techniques, each with an optional score and a comment,
// that can be shared as a link (selection_fragment.hpp), exchanged with the ATT&CK Navigator
// (navigator_layer.hpp), exported as a table (selection_export.hpp) and printed
// (print_html.hpp).
//
// The selection holds technique IDs, not framework objects, so that a shared link keeps the
// IDs a different version of the framework lacks; exports say which those are.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace disarm {

inline constexpr int kMaxScore = 100;

struct SelectedTechnique {
  std::string id;            // canonical technique ID: "T0086.002"
  std::optional<int> score;  // 0..kMaxScore
  std::string comment;       // valid UTF-8, any length, newlines kept
  friend bool operator==(const SelectedTechnique&, const SelectedTechnique&) = default;
};

// Techniques in numeric ID order (T0009 before T0010, T0086 before T0086.002), each once.
// Every change takes an ID as typed ("t0086.002" too) and returns false, changing nothing,
// when it is no well-formed technique ID or the change is not allowed.
class Selection {
 public:
  // Selects the technique, keeping its score and comment if it was already selected.
  bool add(std::string_view id);
  // Unselects the technique; false when it was not selected.
  bool remove(std::string_view id);
  // Selects or unselects; true when the technique is selected afterwards.
  bool toggle(std::string_view id);
  // Sets or clears (nullopt) the score, selecting the technique if needed; false for a score
  // outside 0..kMaxScore.
  bool set_score(std::string_view id, std::optional<int> score);
  // Sets the comment, selecting the technique if needed. Bytes that are not UTF-8 (and NUL)
  // become U+FFFD, so that every comment survives a share link and an export unchanged.
  bool set_comment(std::string_view id, std::string_view comment);
  void clear() { items_.clear(); }

  bool contains(std::string_view id) const { return find(id) != nullptr; }
  const SelectedTechnique* find(std::string_view id) const;
  std::span<const SelectedTechnique> items() const { return items_; }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

  friend bool operator==(const Selection&, const Selection&) = default;

 private:
  std::size_t position(std::string_view id, bool* found) const;
  SelectedTechnique* select(std::string_view id);
  std::vector<SelectedTechnique> items_;
};

}  // namespace disarm
