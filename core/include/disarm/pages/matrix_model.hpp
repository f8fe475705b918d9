// The red and blue matrices as the viewer draws them: tactic columns grouped by phase,
// sub-techniques folded under their parent, with the counts that colour each cell.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"

namespace disarm {

enum class MatrixSide : unsigned char {
  Red,   // techniques by tactic
  Blue,  // counters by tactic
};

std::string_view matrix_side_name(MatrixSide side);  // "red", "blue"
const Matrix& matrix_of(const Framework& framework, MatrixSide side);

// Incident counts map to a few heat levels for the legend: level 0 is "cited by no
// incident", levels 1..kHeatLevels-1 split 1..max on a log scale (a few techniques are
// cited by dozens of incidents, most by a handful).
inline constexpr int kHeatLevels = 5;
int heat_level(int count, int max_count);

// The counts each heat level covers, for the legend: level 0 is {0, 0}; a level that no
// count reaches (max_count smaller than the number of levels) is left out. Empty when
// max_count is 0: with no incident citing any cell (as on upstream's blue matrix) every cell
// has one colour, and a key to it would say nothing.
struct HeatLegendEntry {
  int level;
  int min_count;
  int max_count;
  friend bool operator==(const HeatLegendEntry&, const HeatLegendEntry&) = default;
};
std::vector<HeatLegendEntry> heat_legend(int max_count);

struct MatrixCell {
  ObjectIndex object = 0;
  std::string id;
  std::string name;
  int depth = 0;        // 1 for a sub-technique folded under its parent
  int parent = -1;      // the parent's index in the column's cells; -1 at depth 0
  int child_count = 0;  // cells folded under this one
  bool matched = true;  // false for a parent kept by filter_matrix only for its children
  // Red: the technique's own page places it under another tactic; this column's listing
  // of it is upstream's other, disputed, word. Drawn as secondary.
  bool secondary = false;
  // Red: incidents citing this technique itself (not its sub-techniques), each once.
  // Blue: incidents the counter was seen in.
  int incident_count = 0;
  // Red: incidents citing this technique or any of its sub-techniques, each once: what a
  // folded parent stands for. Equal to incident_count for sub-techniques and on blue.
  int family_incident_count = 0;
  int counter_count = 0;    // red: counters of this technique
  int technique_count = 0;  // blue: techniques this counter counters
  int heat = 0;             // heat_level(incident_count, the model's max_incident_count)
  int family_heat = 0;      // heat_level(family_incident_count, ...): a folded parent's colour
};

struct MatrixTacticColumn {
  ObjectIndex tactic = 0;
  std::string id;
  std::string name;
  std::optional<ObjectIndex> phase;  // none when the tactic names no phase
  std::vector<MatrixCell> cells;     // upstream order, each parent followed by its children
};

// Consecutive columns of one phase, for a header spanning them.
struct MatrixPhaseBand {
  std::optional<ObjectIndex> phase;
  std::string id;  // empty when the columns have no phase
  std::string name;
  std::size_t first_column = 0;
  std::size_t column_count = 0;
};

struct MatrixModel {
  MatrixSide side = MatrixSide::Red;
  std::vector<MatrixTacticColumn> columns;  // the matrix's column order
  std::vector<MatrixPhaseBand> phases;
  int max_incident_count = 0;  // over all cells' incident_count: the legend's top
  std::size_t cell_count() const;
};

// Builds the model of one matrix. Red: a listed technique whose own page places it under a
// column's tactic but which the matrix page leaves out of that column is added to it, after
// upstream's cells; a cell whose technique's own page places it elsewhere is `secondary`.
// Cells keep upstream's order within their column, except
// that a sub-technique listed in the same column as its parent moves directly under it
// (after its earlier siblings); a sub-technique whose parent is elsewhere stays at depth 0.
// A cell listed twice in one column is shown once.
MatrixModel build_matrix(const Framework& framework, MatrixSide side);

// The model with only the cells whose object is in `matches` (any order), plus the parents
// of matching children (matched = false unless they match themselves). Columns are all
// kept, empty or not, so the matrix keeps its shape; counts and heat are unchanged.
MatrixModel filter_matrix(const MatrixModel& model, std::span<const ObjectIndex> matches);

}  // namespace disarm
