#include <algorithm>
#include "catch.hpp"
#include <string>
#include <vector>

#include "disarm/model/object_id.hpp"

using namespace disarm;

TEST_CASE("IDs of every kind parse to their kind") {
  struct Case {
    const char* id;
    Kind kind;
  };
  for (auto c : {Case{"P01", Kind::Phase}, Case{"TA07", Kind::Tactic}, Case{"T0154", Kind::Technique},
                 Case{"T0154.002", Kind::Technique}, Case{"TK0010", Kind::Task}, Case{"I00099", Kind::Incident},
                 Case{"C00006", Kind::Counter}, Case{"A033", Kind::ActorType}, Case{"M004", Kind::Metatechnique},
                 Case{"F00001", Kind::Detection}, Case{"D01", Kind::ResponseType}, Case{"S007", Kind::Sector},
                 Case{"FW01", Kind::Framework}}) {
    INFO(c.id);
    auto key = parse_id(c.id);
    REQUIRE(key);
    CHECK(key->kind == c.kind);
    CHECK(canonical_id(*key) == c.id);
  }
}

TEST_CASE("IDs parse case-insensitively and print canonically") {
  auto key = parse_id("t0154.002");
  REQUIRE(key);
  CHECK(canonical_id(*key) == "T0154.002");
  CHECK(key->number == 154);
  CHECK(key->sub == 2);
}

TEST_CASE("malformed IDs are rejected") {
  for (const char* bad : {"", "T", "T01", "T00001", "T0154.02", "T0154.0021", "TA1", "TA01.001", "X0001", "T0154.",
                          "I0009", "0154", "TAB01", "T0154 "}) {
    INFO(bad);
    CHECK_FALSE(parse_id(bad));
  }
}

TEST_CASE("IDs sort numerically, not as text") {
  std::vector<std::string> ids = {"T0010", "T0097.208", "T0009", "T0097.100", "TA10", "TA02", "P01", "T0097", "bogus"};
  std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) { return id_less(a, b); });
  CHECK(ids ==
        std::vector<std::string>{"P01", "TA02", "TA10", "T0009", "T0010", "T0097", "T0097.100", "T0097.208", "bogus"});
}
