// The malformed-snapshot corpus (tests/corpus/snapshots): every file gives the error or the
// diagnostics expected.tsv records for it. Inputs too big to keep in the repository are made here.
#include "catch.hpp"
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/io/snapshot.hpp"
#include "disarm/model/validation.hpp"

using namespace disarm;

namespace {

const std::filesystem::path kCorpus = DISARM_SOURCE_DIR "/tests/corpus/snapshots";

struct Expectation {
  std::string expect;  // load-error, error, warning, ok
  std::string location;
  std::string message;
};

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::vector<Expectation>> read_expectations() {
  std::map<std::string, std::vector<Expectation>> out;
  std::istringstream lines(read_bytes(kCorpus / "expected.tsv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> columns;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      columns.push_back(line.substr(start, tab - start));
    columns.push_back(line.substr(start));
    INFO(line);
    REQUIRE(columns.size() == 4);
    out[columns[0]].push_back({columns[1], columns[2], columns[3]});
  }
  return out;
}

const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

// The snapshot header every generated input starts from.
const std::string kHead = R"({"format": "disarm-snapshot", "version": 1, "provenance": {"licence": "MIT"}, )";

}  // namespace

TEST_CASE("every corpus file is listed in expected.tsv, and every listed file exists") {
  auto expectations = read_expectations();
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus))
    if (entry.path().extension() == ".json") files.insert(entry.path().filename().string());
  CHECK(files.size() >= 25);
  for (const auto& f : files) {
    INFO(f);
    CHECK(expectations.count(f) == 1);
  }
  for (const auto& [f, _] : expectations) {
    INFO(f);
    CHECK(files.count(f) == 1);
  }
}

TEST_CASE("each corpus file gives the error or diagnostics recorded for it") {
  for (const auto& [file, expected] : read_expectations()) {
    INFO(file);
    auto loaded = load_snapshot(read_bytes(kCorpus / file));
    if (expected.front().expect == "load-error") {
      REQUIRE(expected.size() == 1);
      REQUIRE_FALSE(loaded.ok());
      CHECK(loaded.error().location == expected.front().location);
      CHECK_THAT(loaded.error().message, ContainsText(expected.front().message));
      continue;
    }
    if (!loaded.ok()) FAIL(loaded.error().describe());
    Diagnostics found = validate(loaded.value());
    if (expected.front().expect == "ok") {
      for (const auto& d : found) INFO(d.describe());
      CHECK(found.empty());
      continue;
    }
    CHECK(found.size() == expected.size());
    for (const auto& e : expected) {
      INFO(e.expect << " at " << e.location << ": " << e.message);
      bool seen = false;
      for (const auto& d : found)
        seen = seen || (severity_name(d.severity) == e.expect && d.location == e.location &&
                        d.message.find(e.message) != std::string::npos);
      CHECK(seen);
    }
  }
}

TEST_CASE("a 64 MB string loads, whole") {
  std::string name(64u << 20, 'x');
  auto loaded =
      parse_snapshot(kHead + R"("objects": [{"id": "T0001", "kind": "technique", "name": ")" + name + "\"}]}");
  REQUIRE(loaded.ok());
  CHECK(loaded.value().objects.at(0).name.size() == name.size());
}

TEST_CASE("a 64 MB string that never ends is an error at the end of the input") {
  auto loaded = parse_snapshot(kHead + R"("objects": [{"id": ")" + std::string(64u << 20, 'x'));
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.error().message, ContainsText("unexpected end of input in a string"));
}

TEST_CASE("100,000-deep nesting neither crashes nor is mistaken for a snapshot") {
  constexpr std::size_t kDepth = 100'000;
  const std::string open(kDepth, '['), close(kDepth, ']');

  auto top = parse_snapshot(open + close);
  REQUIRE_FALSE(top.ok());
  CHECK(top.error().location == "/");
  CHECK_THAT(top.error().message, ContainsText("found array"));

  auto as_object = parse_snapshot(kHead + R"("objects": [)" + open + close + "]}");
  REQUIRE_FALSE(as_object.ok());
  CHECK(as_object.error().location == "/objects/0");

  // Members the loader does not know are skipped, however deep.
  auto unknown = parse_snapshot(kHead + R"("objects": [], "later": )" + open + close + "}");
  CHECK(unknown.ok());

  auto truncated = parse_snapshot(open + close.substr(1));
  REQUIRE_FALSE(truncated.ok());
  CHECK_THAT(truncated.error().message, ContainsText("unexpected end of input"));

  std::string objects;
  for (std::size_t i = 0; i < kDepth; ++i) objects += "{\"a\":";
  auto deep_objects = parse_snapshot(objects + "1" + std::string(kDepth, '}'));
  REQUIRE_FALSE(deep_objects.ok());
  CHECK(deep_objects.error().location == "/");
}
