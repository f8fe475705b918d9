// The snapshot: the JSON file the viewer loads (schema in data/schema/snapshot.schema.json).
#pragma once

#include <string>
#include <string_view>

#include "disarm/model/model.hpp"
#include "disarm/result.hpp"

namespace disarm {

// Version 2 added the release (framework, version, vocabulary) and disputed relations;
// version 1 snapshots still load, as releases of unknown framework.
inline constexpr int kSnapshotVersion = 2;
inline constexpr int kOldestSnapshotVersion = 1;
inline constexpr std::string_view kSnapshotFormat = "disarm-snapshot";

// Parses a snapshot. Never throws and never aborts: malformed JSON, a wrong version or a
// wrong type comes back as an Error whose location is the JSON path (or "line:column").
Result<FrameworkData> parse_snapshot(std::string_view json);

class JsonTree;  // core/src/json_tree.hpp: the document a DataFile (data_file.hpp) parsed
// parse_snapshot of a document already parsed.
Result<FrameworkData> read_snapshot(const JsonTree& tree);

// parse_snapshot, then Framework::build.
Result<Framework> load_snapshot(std::string_view json);

// Writes the data in canonical order with a fixed layout: the same data gives the same bytes.
std::string save_snapshot(FrameworkData data);

}  // namespace disarm
