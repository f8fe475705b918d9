#include "disarm/io/catalogue.hpp"

#include <string>

#include "catch.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/model/release.hpp"
#include "sample_framework.hpp"

using namespace disarm;

TEST_CASE("release keys: the version, then the framework's last word, then a number") {
  CHECK(release_key("1.6", "DISARM Red/Blue 1.x", {}) == "1.6");
  CHECK(release_key("2.0 beta", "DISARM 2.0 Assessments", {"1.6"}) == "2.0-beta");
  CHECK(release_key("2.0", "DISARM 2.0 Observations", {"2.0"}) == "2.0-observations");
  CHECK(release_key("2.0", "DISARM 2.0 Observations", {"2.0", "2.0-observations"}) == "2.0-2");
  CHECK(release_key("", "", {"1.6", "1.4"}) == "3-data");
  CHECK(release_key("v7", "Our fork", {}) == "1-data");
  CHECK(release_key("1.6 (Fork/Ours)", "", {}) == "1.6-fork-ours");
}

TEST_CASE("versions compare by their numbers, and a suffix is older") {
  CHECK(compare_versions("1.10", "1.9") == 1);
  CHECK(compare_versions("1.4", "1.6") == -1);
  CHECK(compare_versions("1.6", "1.6.0") == 0);
  CHECK(compare_versions("2.0 beta", "2.0") == -1);
  CHECK(compare_versions("2.0", "1.7") == 1);
  CHECK(compare_versions("", "1.0") == -1);
}

TEST_CASE("a catalogue's default is its newest Red/Blue 1.x, and each release loads when first asked") {
  const std::string& text = test::sample_snapshot_text();
  const std::string broken = "{\"format\": \"disarm-snapshot\", \"version\": 2, \"objects\": 7}";
  Catalogue catalogue;
  catalogue.add_snapshot(text, kObservationsFramework, "2.0", "2025-06-01");
  catalogue.add_snapshot(text, kRedBlueFramework, "1.4", "2024-03-01");
  catalogue.add_snapshot(text, kRedBlueFramework, "1.6", "2025-02-10");
  catalogue.add_snapshot(broken, kRedBlueFramework, "1.5", "2024-09-01");
  REQUIRE(catalogue.entries().size() == 4);
  CHECK(catalogue.default_key() == "1.6");
  CHECK(catalogue.entries()[0].label() == "2.0 (DISARM 2.0 Observations)");

  CHECK_FALSE(catalogue.loaded("1.4"));
  auto fw = catalogue.framework("1.4");
  REQUIRE(fw.ok());
  CHECK(fw.value()->find("T0002").has_value());
  CHECK(catalogue.loaded("1.4"));
  CHECK_FALSE(catalogue.loaded("1.6"));  // only what was asked for

  auto bad = catalogue.framework("1.5");
  REQUIRE_FALSE(bad.ok());
  CHECK_FALSE(bad.error().describe().empty());
  CHECK_FALSE(catalogue.framework("1.5").ok());  // the error stays; it is not parsed again

  auto none = catalogue.framework("9.9");
  REQUIRE_FALSE(none.ok());
  CHECK_THAT(none.error().message, ContainsText("no release \"9.9\""));
  CHECK(catalogue.find("9.9") == nullptr);
}

TEST_CASE("a release loads a stage per step (JSON, read, built), and a broken one stops at its fault") {
  const std::string& text = test::sample_snapshot_text();
  const std::string bad_json = "{\"format\": \"disarm-snapshot\",\n \"version\": }";
  const std::string no_provenance = "{\"format\": \"disarm-snapshot\", \"version\": 2, \"objects\": []}";
  Catalogue catalogue;
  catalogue.add_snapshot(text, kRedBlueFramework, "1.6", "2025-02-10");
  catalogue.add_snapshot(bad_json, kRedBlueFramework, "1.5", "2024-09-01");
  catalogue.add_snapshot(no_provenance, kRedBlueFramework, "1.4", "2024-03-01");

  int steps = 1;
  while (catalogue.load_step("1.6")) {
    CHECK_FALSE(catalogue.loaded("1.6"));
    ++steps;
  }
  CHECK(steps == 3);
  CHECK(catalogue.loaded("1.6"));
  CHECK_FALSE(catalogue.load_step("1.6"));  // loaded: nothing left to do
  auto stepped = catalogue.framework("1.6");
  REQUIRE(stepped.ok());
  CHECK(stepped.value()->objects().size() == test::sample_framework().objects().size());

  CHECK_FALSE(catalogue.load_step("1.5"));  // the JSON fails in the first stage
  REQUIRE_FALSE(catalogue.framework("1.5").ok());
  CHECK_THAT(catalogue.framework("1.5").error().location, ContainsText("line 2"));

  CHECK(catalogue.load_step("1.4"));  // the JSON parses; reading it as a snapshot then fails
  CHECK_FALSE(catalogue.load_step("1.4"));
  REQUIRE_FALSE(catalogue.framework("1.4").ok());
  CHECK_THAT(catalogue.framework("1.4").error().describe(), ContainsText("missing required member \"provenance\""));

  CHECK_FALSE(catalogue.load_step("9.9"));
}

TEST_CASE("a framework opened during a visit gets its own key, and is the default only when chosen") {
  Catalogue catalogue;
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.6", "2025-02-10");
  auto opened = load_snapshot(test::sample_snapshot_text());
  REQUIRE(opened.ok());
  const CatalogueEntry& entry = catalogue.add_framework(std::move(opened).value(), "mine.json");
  CHECK(entry.origin == "mine.json");
  CHECK(entry.key != "1.6");
  CHECK(catalogue.default_key() == "1.6");  // only when chosen
  CHECK(catalogue.loaded(entry.key));
  CHECK(catalogue.framework(entry.key).ok());

  // Opened with ?data=, it is what the visit's addresses without a release show.
  const std::string key = entry.key;
  CHECK(catalogue.set_default(key));
  CHECK(catalogue.default_key() == key);
  CHECK(catalogue.builtin_default_key() == "1.6");
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.7", "2025-06-01");
  CHECK(catalogue.default_key() == key);  // a chosen default stays
  CHECK(catalogue.builtin_default_key() == "1.7");
  CHECK_FALSE(catalogue.set_default("9.9"));
  CHECK(catalogue.set_default(catalogue.builtin_default_key()));
  CHECK(catalogue.default_key() == "1.7");
}
