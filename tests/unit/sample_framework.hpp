// The sample snapshot (data/sample/snapshot.json), read once for the tests that use it: as
// text for those that test loading, loaded for the rest. And its older release, 0.9
// (data/sample/previous/snapshot.json), as text.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/io/catalogue.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm::test {

// A file of the repository, by its path from the root.
inline std::string source_file_text(const char* path) {
  std::ifstream in(std::string(DISARM_SOURCE_DIR "/") + path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const std::string& sample_snapshot_text() {
  static const std::string text = source_file_text("data/sample/snapshot.json");
  return text;
}

inline const std::string& previous_sample_snapshot_text() {
  static const std::string text = source_file_text("data/sample/previous/snapshot.json");
  return text;
}

// A catalogue of the sample's two releases, 1.0 (the default) and 0.9, as the test build embeds them.
inline Catalogue sample_catalogue() {
  Catalogue catalogue;
  catalogue.add_snapshot(sample_snapshot_text(), "Sample framework (DISARM-shaped)", "1.0", "2026-11-26");
  catalogue.add_snapshot(previous_sample_snapshot_text(), "Sample framework (DISARM-shaped)", "0.9", "2026-06-01");
  return catalogue;
}

inline const Framework& sample_framework() {
  static const Framework framework = load_snapshot(sample_snapshot_text()).value();
  return framework;
}

// A selection's technique IDs in order, for comparing with a list.
inline std::vector<std::string> selection_ids(const Selection& selection) {
  std::vector<std::string> out;
  for (const SelectedTechnique& item : selection.items()) out.push_back(item.id);
  return out;
}

}  // namespace disarm::test
