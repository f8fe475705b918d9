#include "disarm/pages/matrix_model.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace disarm {

namespace {

// How many different objects one relation type links `object` to in one direction.
int distinct_related(const Framework& framework, ObjectIndex object, RelationType type, bool forward) {
  std::vector<ObjectIndex> others = framework.related(object, type, forward);
  std::sort(others.begin(), others.end());
  return static_cast<int>(std::unique(others.begin(), others.end()) - others.begin());
}

// Incidents citing the technique or any of its sub-techniques, each once.
int family_incident_count(const Framework& framework, ObjectIndex technique) {
  std::vector<ObjectIndex> incidents = framework.related(technique, RelationType::IncidentTechnique, false);
  for (ObjectIndex child : framework.related(technique, RelationType::TechniqueParent, false)) {
    auto more = framework.related(child, RelationType::IncidentTechnique, false);
    incidents.insert(incidents.end(), more.begin(), more.end());
  }
  std::sort(incidents.begin(), incidents.end());
  return static_cast<int>(std::unique(incidents.begin(), incidents.end()) - incidents.begin());
}

MatrixCell make_cell(const Framework& framework, MatrixSide side, ObjectIndex index) {
  const Object& object = framework.object(index);
  MatrixCell cell;
  cell.object = index;
  cell.id = object.id;
  cell.name = object.name;
  if (side == MatrixSide::Red) {
    cell.incident_count = distinct_related(framework, index, RelationType::IncidentTechnique, false);
    cell.family_incident_count = family_incident_count(framework, index);
    cell.counter_count = distinct_related(framework, index, RelationType::CounterTechnique, false);
  } else {
    cell.incident_count = distinct_related(framework, index, RelationType::CounterIncident, true);
    cell.family_incident_count = cell.incident_count;
    cell.technique_count = distinct_related(framework, index, RelationType::CounterTechnique, true);
  }
  return cell;
}

// True when the technique's undisputed tactics (its own page's) do not include `tactic`.
bool placed_elsewhere(const Framework& framework, ObjectIndex technique, const std::string& tactic) {
  bool has_own = false;
  for (const Link& link : framework.links(technique)) {
    if (link.type != RelationType::TechniqueTactic || !link.forward) continue;
    if (framework.relations()[link.relation].disputed()) continue;
    if (framework.object(link.other).id == tactic) return false;
    has_own = true;
  }
  return has_own;
}

// The column as upstream's matrix page lists it, plus the listed techniques whose own page
// places them under this tactic but which the page leaves out of its column, in ID order.
MatrixColumn with_own_techniques(const Framework& framework, const MatrixColumn& source) {
  MatrixColumn column = source;
  auto tactic = framework.find(source.tactic);
  if (!tactic) return column;
  std::unordered_set<std::string> listed(source.cells.begin(), source.cells.end());
  for (const Link& link : framework.links(*tactic)) {
    if (link.type != RelationType::TechniqueTactic || link.forward) continue;
    if (framework.relations()[link.relation].disputed()) continue;
    const Object& technique = framework.object(link.other);
    // Techniques upstream lists nowhere (indexed = false) stay out of the matrix.
    if (technique.indexed && technique.has_page && listed.insert(technique.id).second)
      column.cells.push_back(technique.id);
  }
  return column;
}

// The column's cells with sub-techniques folded under their parent (see build_matrix).
std::vector<MatrixCell> folded_cells(const Framework& framework, MatrixSide side, const MatrixColumn& column) {
  std::vector<ObjectIndex> order;
  std::unordered_set<ObjectIndex> in_column;
  for (const std::string& id : column.cells) {
    auto index = framework.find(id);
    if (index && in_column.insert(*index).second) order.push_back(*index);
  }
  auto parent_in_column = [&](ObjectIndex index) -> std::optional<ObjectIndex> {
    for (ObjectIndex parent : framework.related(index, RelationType::TechniqueParent, true))
      if (parent != index && in_column.count(parent)) return parent;
    return std::nullopt;
  };
  // A cell folds under a parent that is itself at depth 0, so folding is one level deep
  // and a cycle of parents in bad data leaves every cell of it at depth 0.
  std::unordered_map<ObjectIndex, std::vector<ObjectIndex>> children;
  std::unordered_set<ObjectIndex> folded;
  for (ObjectIndex index : order) {
    auto parent = parent_in_column(index);
    if (parent && !parent_in_column(*parent)) {
      children[*parent].push_back(index);
      folded.insert(index);
    }
  }
  std::vector<MatrixCell> cells;
  cells.reserve(order.size());
  for (ObjectIndex index : order) {
    if (folded.count(index)) continue;
    const int parent_position = static_cast<int>(cells.size());
    cells.push_back(make_cell(framework, side, index));
    auto it = children.find(index);
    if (it == children.end()) continue;
    cells[parent_position].child_count = static_cast<int>(it->second.size());
    for (ObjectIndex child : it->second) {
      MatrixCell cell = make_cell(framework, side, child);
      cell.depth = 1;
      cell.parent = parent_position;
      cells.push_back(std::move(cell));
    }
  }
  return cells;
}

std::vector<MatrixPhaseBand> phase_bands(const Framework& framework, const std::vector<MatrixTacticColumn>& columns) {
  std::vector<MatrixPhaseBand> bands;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!bands.empty() && bands.back().phase == columns[c].phase) {
      ++bands.back().column_count;
      continue;
    }
    MatrixPhaseBand band;
    band.phase = columns[c].phase;
    if (band.phase) {
      band.id = framework.object(*band.phase).id;
      band.name = framework.object(*band.phase).name;
    }
    band.first_column = c;
    band.column_count = 1;
    bands.push_back(std::move(band));
  }
  return bands;
}

}  // namespace

std::string_view matrix_side_name(MatrixSide side) {
  return side == MatrixSide::Red ? "red" : "blue";
}

const Matrix& matrix_of(const Framework& framework, MatrixSide side) {
  return side == MatrixSide::Red ? framework.data().red : framework.data().blue;
}

int heat_level(int count, int max_count) {
  if (count <= 0 || max_count <= 0) return 0;
  if (count >= max_count) return kHeatLevels - 1;
  const double t = std::log(static_cast<double>(count)) / std::log(static_cast<double>(max_count));
  const int steps = kHeatLevels - 1;
  return 1 + std::clamp(static_cast<int>(t * steps), 0, steps - 1);
}

std::vector<HeatLegendEntry> heat_legend(int max_count) {
  if (max_count <= 0) return {};
  std::vector<HeatLegendEntry> legend{{0, 0, 0}};
  for (int count = 1; count <= max_count; ++count) {
    int level = heat_level(count, max_count);
    if (legend.back().level == level)
      legend.back().max_count = count;
    else
      legend.push_back({level, count, count});
  }
  return legend;
}

std::size_t MatrixModel::cell_count() const {
  std::size_t n = 0;
  for (const auto& column : columns) n += column.cells.size();
  return n;
}

MatrixModel build_matrix(const Framework& framework, MatrixSide side) {
  MatrixModel model;
  model.side = side;
  for (const MatrixColumn& source : matrix_of(framework, side).columns) {
    MatrixTacticColumn column;
    if (auto tactic = framework.find(source.tactic)) {
      column.tactic = *tactic;
      column.id = framework.object(*tactic).id;
      column.name = framework.object(*tactic).name;
      auto phases = framework.related(*tactic, RelationType::TacticPhase, true);
      if (!phases.empty()) column.phase = phases.front();
    } else {
      column.id = source.tactic;
    }
    column.cells =
        folded_cells(framework, side, side == MatrixSide::Red ? with_own_techniques(framework, source) : source);
    if (side == MatrixSide::Red && !source.tactic.empty())
      for (MatrixCell& cell : column.cells) cell.secondary = placed_elsewhere(framework, cell.object, column.id);
    for (const MatrixCell& cell : column.cells)
      model.max_incident_count = std::max(model.max_incident_count, cell.incident_count);
    model.columns.push_back(std::move(column));
  }
  for (auto& column : model.columns)
    for (auto& cell : column.cells) {
      cell.heat = heat_level(cell.incident_count, model.max_incident_count);
      cell.family_heat = heat_level(cell.family_incident_count, model.max_incident_count);
    }
  model.phases = phase_bands(framework, model.columns);
  return model;
}

MatrixModel filter_matrix(const MatrixModel& model, std::span<const ObjectIndex> matches) {
  std::vector<ObjectIndex> wanted(matches.begin(), matches.end());
  std::sort(wanted.begin(), wanted.end());
  auto is_match = [&](const MatrixCell& cell) { return std::binary_search(wanted.begin(), wanted.end(), cell.object); };

  MatrixModel out;
  out.side = model.side;
  out.phases = model.phases;
  out.max_incident_count = model.max_incident_count;
  for (const MatrixTacticColumn& column : model.columns) {
    MatrixTacticColumn kept;
    kept.tactic = column.tactic;
    kept.id = column.id;
    kept.name = column.name;
    kept.phase = column.phase;
    for (std::size_t i = 0; i < column.cells.size(); ++i) {
      const MatrixCell& top = column.cells[i];
      if (top.depth != 0) continue;
      std::vector<MatrixCell> children;
      for (std::size_t j = i + 1; j < column.cells.size() && column.cells[j].depth != 0; ++j)
        if (is_match(column.cells[j])) children.push_back(column.cells[j]);
      const bool matched = is_match(top);
      if (!matched && children.empty()) continue;
      const int parent_position = static_cast<int>(kept.cells.size());
      kept.cells.push_back(top);
      kept.cells.back().matched = matched;
      kept.cells.back().child_count = static_cast<int>(children.size());
      for (MatrixCell& child : children) {
        child.parent = parent_position;
        kept.cells.push_back(std::move(child));
      }
    }
    out.columns.push_back(std::move(kept));
  }
  return out;
}

}  // namespace disarm
