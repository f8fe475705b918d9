#include "catch.hpp"
#include <string>

#include "disarm/io/snapshot.hpp"
#include "disarm/model/validation.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

Object object(std::string id, Kind kind, std::string name = "Invented") {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = std::move(name);
  return o;
}

std::vector<std::string> described(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& d : diagnostics) lines.push_back(d.describe());
  return lines;
}

}  // namespace

TEST_CASE("the sample has no errors, and warns about its unindexed tactic only") {
  auto fw = load_snapshot(test::sample_snapshot_text());
  REQUIRE(fw.ok());
  CHECK(described(validate(fw.value())) ==
        std::vector<std::string>{"warning: TA03: has a page but is listed in no index"});
}

TEST_CASE("diagnostics come sorted by ID, whatever order the data is in") {
  FrameworkData data;
  data.objects = {object("T0010", Kind::Technique, ""), object("TA02", Kind::Tactic, ""),
                  object("T0009", Kind::Technique, ""), object("P01", Kind::Phase, "")};
  data.objects[3].has_page = false;
  auto lines = described(validate(Framework::build(data)));
  CHECK(lines == std::vector<std::string>{
                     "warning: P01: has no name", "warning: P01: has no page, though a phase has one",
                     "warning: TA02: has no name", "warning: T0009: has no name", "warning: T0010: has no name"});
}

TEST_CASE("sub-technique checks: several parents, a parent of a plain technique") {
  FrameworkData data;
  data.objects = {object("T0001", Kind::Technique), object("T0001.001", Kind::Technique),
                  object("T0002", Kind::Technique), object("T0003", Kind::Technique)};
  data.relations = {{RelationType::TechniqueParent, "T0001.001", "T0001", ""},
                    {RelationType::TechniqueParent, "T0001.001", "T0002", ""},
                    {RelationType::TechniqueParent, "T0003", "T0001", ""}};
  auto lines = described(validate(Framework::build(data)));
  CHECK(lines ==
        std::vector<std::string>{"error: T0001.001: sub-technique has 2 parents",
                                 "error: T0001.001: sub-technique's parent is T0002, but its ID makes it T0001's",
                                 "error: T0003: has a parent (T0001) but its ID is not a sub-technique's"});
}

TEST_CASE("an empty ID and a malformed dangling ID are reported without a guessed kind") {
  FrameworkData data;
  data.objects = {object("", Kind::Counter, "Nameless"), object("T0001", Kind::Technique)};
  data.relations = {{RelationType::TechniqueTactic, "T0001", "XYZ", ""}};
  auto lines = described(validate(Framework::build(data)));
  CHECK(lines == std::vector<std::string>{
                     "error: object \"Nameless\" has an empty ID",
                     "error: XYZ: referenced but defined nowhere (by technique-tactic relation T0001 -> XYZ)",
                     "error: XYZ: malformed ID"});
}

TEST_CASE("a dangling ID named many times is one diagnostic that counts the mentions") {
  FrameworkData data;
  data.objects = {object("T0001", Kind::Technique), object("T0002", Kind::Technique)};
  data.relations = {{RelationType::TechniqueTactic, "T0001", "TA05", ""},
                    {RelationType::TechniqueTactic, "T0002", "TA05", ""}};
  data.red.columns = {{"TA05", {"T0001", "T0002"}}};
  auto found = validate(Framework::build(data));
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Error);
  CHECK(found[0].describe() ==
        "error: TA05: referenced but defined nowhere (by technique-tactic relation T0001 -> TA05 and 2 more)");
}

TEST_CASE("validation is deterministic: the same data gives the same lines") {
  auto fw = load_snapshot(test::sample_snapshot_text());
  REQUIRE(fw.ok());
  FrameworkData data = fw.value().data();
  data.objects.push_back(object("T0154", Kind::Technique, "Again"));
  data.relations.push_back({RelationType::CounterTechnique, "TA01", "C00006", ""});
  auto first = described(validate(Framework::build(data)));
  std::reverse(data.objects.begin(), data.objects.end());
  CHECK(described(validate(Framework::build(data))) == first);
  CHECK(first.size() == 4);  // TA03's warning, the duplicate, two wrong kinds
}
