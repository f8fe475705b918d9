#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/io/snapshot.hpp"
#include "sample_framework.hpp"

using namespace disarm;

TEST_CASE("the sample snapshot loads with objects of every kind and both matrices") {
  auto fw = load_snapshot(test::sample_snapshot_text());
  REQUIRE(fw.ok());
  for (const auto& k : all_kinds()) {
    INFO(k.name);
    CHECK(fw.value().count(k.kind) > 0);
  }
  CHECK(fw.value().placeholders().empty());
  CHECK_FALSE(fw.value().data().red.columns.empty());
  CHECK_FALSE(fw.value().data().blue.columns.empty());
  CHECK_FALSE(fw.value().provenance().licence.empty());
}

TEST_CASE("relations link both ways") {
  auto loaded = load_snapshot(test::sample_snapshot_text());
  REQUIRE(loaded.ok());
  const Framework& fw = loaded.value();
  auto sub = fw.find("t0154.002");
  REQUIRE(sub);
  auto parents = fw.related(*sub, RelationType::TechniqueParent, true);
  REQUIRE(parents.size() == 1);
  CHECK(fw.object(parents[0]).id == "T0154");
  auto children = fw.related(parents[0], RelationType::TechniqueParent, false);
  REQUIRE(children.size() == 1);
  CHECK(fw.object(children[0]).id == "T0154.002");
}

TEST_CASE("save -> parse -> save is byte-identical") {
  auto first = parse_snapshot(test::sample_snapshot_text());
  REQUIRE(first.ok());
  std::string saved = save_snapshot(first.value());
  auto second = parse_snapshot(saved);
  REQUIRE(second.ok());
  CHECK(save_snapshot(second.value()) == saved);
}

TEST_CASE("malformed snapshots give an error with a location, never an exception") {
  struct Case {
    const char* text;
    const char* location;
    const char* message;
  };
  for (auto c : {
           Case{"", "line 1, column 1", "invalid JSON"},
           Case{"{\"format\": ", "line 1, column 12", "invalid JSON"},
           Case{"[]", "/", "expected a snapshot object"},
           Case{"{\"format\": \"other\", \"version\": 1}", "/format", "not a DISARM snapshot"},
           Case{"{\"format\": \"disarm-snapshot\", \"version\": 9}", "/version", "not supported"},
           Case{"{\"format\": \"disarm-snapshot\", \"version\": \"1\"}", "/version", "expected an integer"},
           Case{"{\"format\": \"disarm-snapshot\", \"version\": 1}", "/", "missing required member \"provenance\""},
           Case{"{\"format\": \"disarm-snapshot\", \"version\": 1, \"provenance\": {\"licence\": \"x\"}, "
                "\"objects\": [{\"id\": \"T0001\", \"kind\": \"widget\"}]}",
                "/objects/0/kind", "unknown kind"},
           Case{"{\"format\": \"disarm-snapshot\", \"version\": 1, \"provenance\": {\"licence\": \"x\"}, "
                "\"objects\": [{\"id\": 7, \"kind\": \"technique\"}]}",
                "/objects/0/id", "expected a string, found number"},
       }) {
    INFO(c.text);
    auto r = parse_snapshot(c.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().location == c.location);
    CHECK_THAT(r.error().message, ContainsText(c.message));
  }
}

TEST_CASE("strings decode the same wherever their escapes and UTF-8 fall") {
  // The string scanner reads eight bytes at a time: put each special byte at every offset.
  struct Case {
    std::string written;  // inside the JSON quotes
    std::string decoded;
  };
  for (const auto& c : {Case{"\\\"", "\""}, Case{"\\\\", "\\"}, Case{"\\n", "\n"}, Case{"\\u00e9", "\xC3\xA9"},
                        Case{"\\ud83d\\ude00", "\xF0\x9F\x98\x80"}, Case{"\xC3\xA9", "\xC3\xA9"},
                        Case{"\xE6\x97\xA5", "\xE6\x97\xA5"}, Case{"\\u0000", std::string(1, '\0')}}) {
    for (std::size_t before = 0; before < 18; ++before) {
      std::string pad(before, 'a'), tail(17 - before, 'b');
      std::string json = R"({"format": "disarm-snapshot", "version": 1, "provenance": {"licence": "MIT"}, )"
                         R"("objects": [{"id": "T0001", "kind": "technique", "name": ")" +
                         pad + c.written + tail + "\"}]}";
      INFO(json);
      auto r = parse_snapshot(json);
      REQUIRE(r.ok());
      CHECK(r.value().objects[0].name == pad + c.decoded + tail);
    }
  }
}

TEST_CASE("control characters and ill-formed UTF-8 are found at every offset") {
  for (std::string bad :
       {std::string(1, '\x01'), std::string("\xC3"), std::string("\xF5\x80\x80\x80"), std::string("\xE0\x80\x80")}) {
    for (std::size_t before = 0; before < 18; ++before) {
      std::string json = "{\"format\": \"" + std::string(before, 'a') + bad + std::string(17 - before, 'b') + "\"}";
      INFO(before);
      auto r = parse_snapshot(json);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().location == "line 1, column " + std::to_string(13 + before));
    }
  }
}

TEST_CASE("the documented schema names exactly the kinds and relation types the loader knows") {
  std::ifstream in(DISARM_SOURCE_DIR "/data/schema/snapshot.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  auto schema = nlohmann::json::parse(text.str());
  std::vector<std::string> kinds, relations;
  for (const auto& k : all_kinds()) kinds.emplace_back(k.name);
  for (const auto& r : all_relation_types()) relations.emplace_back(r.name);
  CHECK(schema["$defs"]["object"]["properties"]["kind"]["enum"].get<std::vector<std::string>>() == kinds);
  CHECK(schema["$defs"]["relation"]["properties"]["type"]["enum"].get<std::vector<std::string>>() == relations);
  std::vector<int> versions;
  for (int v = kOldestSnapshotVersion; v <= kSnapshotVersion; ++v) versions.push_back(v);
  CHECK(schema["properties"]["version"]["enum"].get<std::vector<int>>() == versions);
}
