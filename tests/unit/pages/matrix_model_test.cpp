#include "disarm/pages/matrix_model.hpp"

#include <string>
#include <vector>
#include "catch.hpp"

#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::sample_framework;

namespace {

// A column's cells in one line: "T0086 >T0086.002 >T0086.003 T0088 >T0088.001".
std::string describe(const MatrixTacticColumn& column) {
  std::string out;
  for (const MatrixCell& cell : column.cells) {
    if (!out.empty()) out += ' ';
    if (cell.depth == 1) out += '>';
    if (!cell.matched) out += '~';
    out += cell.id;
  }
  return out;
}

MatrixCell cell(const MatrixModel& model, std::string_view id) {
  for (const auto& column : model.columns)
    for (const auto& c : column.cells)
      if (c.id == id) return c;
  FAIL("no cell " << id);
  return {};
}

Object object(std::string id, Kind kind) {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = "Name of " + o.id;
  return o;
}

}  // namespace

TEST_CASE("the red matrix: tactic columns in order, sub-techniques folded under their parent") {
  const Framework& fw = sample_framework();
  MatrixModel m = build_matrix(fw, MatrixSide::Red);
  CHECK(m.side == MatrixSide::Red);
  REQUIRE(m.columns.size() == 5);
  CHECK(m.columns[0].id == "TA01");
  CHECK(m.columns[0].name == "Set the plan");
  REQUIRE(m.columns[0].phase);
  CHECK(fw.object(*m.columns[0].phase).id == "P01");
  CHECK(describe(m.columns[2]) == "T0086 >T0086.002 >T0086.003 T0088 >T0088.001");
  CHECK(describe(m.columns[3]) == "T0146 T0154 >T0154.002");
  CHECK(m.cell_count() == 12);

  const auto& cells = m.columns[2].cells;
  CHECK(cells[0].child_count == 2);
  CHECK(cells[0].parent == -1);
  CHECK(cells[1].parent == 0);
  CHECK(cells[2].parent == 0);
  CHECK(cells[3].child_count == 1);
  CHECK(cells[4].parent == 3);
  CHECK(cells[4].depth == 1);
  CHECK(fw.object(cells[4].object).id == "T0088.001");
}

TEST_CASE("red cells count incidents (the technique's own, and with its sub-techniques) and counters") {
  const Framework& fw = sample_framework();
  MatrixModel m = build_matrix(fw, MatrixSide::Red);
  CHECK(cell(m, "T0154.002").incident_count == 2);
  CHECK(cell(m, "T0154").incident_count == 0);
  CHECK(cell(m, "T0154").family_incident_count == 2);
  CHECK(cell(m, "T0154").heat == 0);
  CHECK(cell(m, "T0154").family_heat == heat_level(2, m.max_incident_count));
  // I00003 cites both T0049 and T0049.001: one incident for the family.
  CHECK(cell(m, "T0049").incident_count == 1);
  CHECK(cell(m, "T0049").family_incident_count == 1);
  CHECK(cell(m, "T0086.002").counter_count == 1);
  CHECK(cell(m, "T0002").counter_count == 0);
  CHECK(m.max_incident_count == 2);
  CHECK(cell(m, "T0154.002").heat == kHeatLevels - 1);
  CHECK(cell(m, "T0146").heat == 1);
  CHECK(cell(m, "T0002").heat == 0);
}

TEST_CASE("phase bands span consecutive columns of one phase") {
  MatrixModel m = build_matrix(sample_framework(), MatrixSide::Red);
  REQUIRE(m.phases.size() == 2);
  CHECK(m.phases[0].id == "P01");
  CHECK(m.phases[0].name == "Prepare");
  CHECK(m.phases[0].first_column == 0);
  CHECK(m.phases[0].column_count == 4);
  CHECK(m.phases[1].id == "P02");
  CHECK(m.phases[1].first_column == 4);
  CHECK(m.phases[1].column_count == 1);
}

TEST_CASE("the blue matrix: counters by tactic with their incident and technique counts") {
  MatrixModel m = build_matrix(sample_framework(), MatrixSide::Blue);
  REQUIRE(m.columns.size() == 5);
  CHECK(describe(m.columns[2]) == "C00012");
  CHECK(m.columns[1].cells.empty());
  CHECK(cell(m, "C00012").incident_count == 1);
  CHECK(cell(m, "C00012").technique_count == 2);
  CHECK(cell(m, "C00012").depth == 0);
  CHECK(m.max_incident_count == 1);
}

TEST_CASE("heat levels: zero for none, the top level for the maximum, log-spaced between") {
  CHECK(heat_level(0, 10) == 0);
  CHECK(heat_level(5, 0) == 0);
  CHECK(heat_level(1, 1) == kHeatLevels - 1);
  CHECK(heat_level(100, 100) == kHeatLevels - 1);
  CHECK(heat_level(1, 100) == 1);
  CHECK(heat_level(500, 100) == kHeatLevels - 1);
  for (int c = 1; c < 100; ++c) CHECK(heat_level(c, 100) <= heat_level(c + 1, 100));

  CHECK(heat_legend(0).empty());  // nothing cited: no key to one colour
  CHECK(heat_legend(1) == std::vector<HeatLegendEntry>{{0, 0, 0}, {4, 1, 1}});
  CHECK(heat_legend(2) == std::vector<HeatLegendEntry>{{0, 0, 0}, {1, 1, 1}, {4, 2, 2}});
  auto legend = heat_legend(100);
  REQUIRE(legend.size() == static_cast<std::size_t>(kHeatLevels));
  for (std::size_t i = 1; i < legend.size(); ++i) {
    CHECK(legend[i].level == static_cast<int>(i));
    CHECK(legend[i].min_count == legend[i - 1].max_count + 1);
  }
  CHECK(legend.back().max_count == 100);
}

TEST_CASE("filtering keeps matches and the parents of matching children") {
  const Framework& fw = sample_framework();
  MatrixModel m = build_matrix(fw, MatrixSide::Red);
  auto idx = [&](const char* id) { return *fw.find(id); };

  std::vector<ObjectIndex> sub_only = {idx("T0086.003")};
  MatrixModel f = filter_matrix(m, sub_only);
  REQUIRE(f.columns.size() == m.columns.size());
  CHECK(describe(f.columns[2]) == "~T0086 >T0086.003");
  CHECK(f.columns[2].cells[0].child_count == 1);
  CHECK(f.columns[2].cells[1].parent == 0);
  CHECK(f.columns[0].cells.empty());
  CHECK(f.max_incident_count == m.max_incident_count);
  CHECK(f.cell_count() == 2);

  std::vector<ObjectIndex> parent_only = {idx("T0088")};
  f = filter_matrix(m, parent_only);
  CHECK(describe(f.columns[2]) == "T0088");
  CHECK(f.columns[2].cells[0].child_count == 0);

  std::vector<ObjectIndex> several = {idx("T0088.001"), idx("T0002"), idx("T0088"), idx("I00001")};
  f = filter_matrix(m, several);
  CHECK(describe(f.columns[0]) == "T0002");
  CHECK(describe(f.columns[2]) == "T0088 >T0088.001");
  CHECK(f.columns[2].cells[1].parent == 0);

  CHECK(filter_matrix(m, {}).cell_count() == 0);
}

TEST_CASE("folding copes with odd matrices: children before parents, parents elsewhere, repeats, cycles") {
  FrameworkData data;
  data.objects = {
      object("TA01", Kind::Tactic),         object("TA02", Kind::Tactic),         object("T0001", Kind::Technique),
      object("T0001.001", Kind::Technique), object("T0001.002", Kind::Technique), object("T0002", Kind::Technique),
      object("T0002.001", Kind::Technique), object("T0003", Kind::Technique),     object("T0004", Kind::Technique)};
  auto parent = [](const char* from, const char* to) { return Relation{RelationType::TechniqueParent, from, to, ""}; };
  data.relations = {parent("T0001.001", "T0001"), parent("T0001.002", "T0001"), parent("T0002.001", "T0002"),
                    parent("T0003", "T0004"), parent("T0004", "T0003")};
  data.red.columns = {
      {"TA01", {"T0001.002", "T0001", "T0002.001", "T0001.001", "T0001", "T0003", "T0004", "T9999"}},
      {"TA02", {"T0002"}},
  };
  Framework fw = Framework::build(std::move(data));
  MatrixModel m = build_matrix(fw, MatrixSide::Red);
  // T0001.002 moves under T0001; T0002.001's parent is in another column; T0003 and T0004
  // name each other as parent and both stay at the top; T9999 is a placeholder cell.
  CHECK(describe(m.columns[0]) == "T0001 >T0001.002 >T0001.001 T0002.001 T0003 T0004 T9999");
  CHECK(m.columns[0].cells[0].child_count == 2);
  CHECK(m.columns[0].cells[2].parent == 0);
  CHECK(describe(m.columns[1]) == "T0002");
  CHECK(m.columns[1].phase == std::nullopt);
  REQUIRE(m.phases.size() == 1);
  CHECK(m.phases[0].id.empty());
  CHECK(m.phases[0].column_count == 2);
}

TEST_CASE("an empty framework gives an empty matrix") {
  Framework fw = Framework::build({});
  MatrixModel m = build_matrix(fw, MatrixSide::Blue);
  CHECK(m.columns.empty());
  CHECK(m.phases.empty());
  CHECK(m.max_incident_count == 0);
}

TEST_CASE("the red matrix places a technique by its own page, the disputed listing is secondary", "[release]") {
  FrameworkData d;
  d.provenance.licence = "test";
  d.objects = {object("TA01", Kind::Tactic), object("TA02", Kind::Tactic), object("T0001", Kind::Technique),
               object("T0002", Kind::Technique), object("T0003", Kind::Technique)};
  d.objects[4].indexed = false;  // listed nowhere upstream: stays out
  // T0001's page says TA02; TA01's page (and the matrix page) list it under TA01.
  d.relations = {{RelationType::TechniqueTactic, "T0001", "TA02", "", ""},
                 {RelationType::TechniqueTactic, "T0001", "TA01", "", "TA01's page lists it; T0001's says TA02"},
                 {RelationType::TechniqueTactic, "T0002", "TA01", "", ""},
                 {RelationType::TechniqueTactic, "T0003", "TA02", "", ""}};
  d.red.columns = {{"TA01", {"T0001", "T0002"}}, {"TA02", {}}};
  Framework fw = Framework::build(std::move(d));
  MatrixModel m = build_matrix(fw, MatrixSide::Red);
  REQUIRE(m.columns.size() == 2);
  CHECK(describe(m.columns[0]) == "T0001 T0002");
  CHECK(describe(m.columns[1]) == "T0001");
  CHECK(m.columns[0].cells[0].secondary);
  CHECK_FALSE(m.columns[0].cells[1].secondary);
  CHECK_FALSE(m.columns[1].cells[0].secondary);
}
