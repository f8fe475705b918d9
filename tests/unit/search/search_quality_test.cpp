// The search quality query file (tests/search/queries.tsv): every query's expected IDs in its
// top 3, on the sample always and on upstream's framework when DISARM_UPSTREAM_DIR has it.
#include "catch.hpp"
#include <filesystem>
#include <string>
#include <vector>

#include "../search/query_file.hpp"
#include "disarm/import/importer.hpp"
#include "disarm/search/search_index.hpp"
#include "page_tree.hpp"
#include "sample_framework.hpp"
#include "upstream_data.hpp"

using namespace disarm;
using search_quality::QueryCase;

namespace {

const std::string kQueries = DISARM_SOURCE_DIR "/tests/search/queries.tsv";
const std::string kPagesDir = DISARM_UPSTREAM_DIR "/generated_pages";

void check_queries(const Framework& fw, const std::vector<QueryCase>& cases) {
  SearchIndex index = SearchIndex::build(fw);
  SearchOptions options;
  options.limit = search_quality::kTop;
  for (const QueryCase& c : cases) {
    std::vector<std::string> ids;
    for (const SearchHit& h : index.search(c.query, options)) ids.push_back(fw.object(h.object).id);
    std::string got;
    for (const auto& id : ids) got += id + " ";
    INFO("line " << c.line << ": " << c.query << " -> " << got);
    CHECK(search_quality::top_results_right(c, ids));
  }
}

}  // namespace

TEST_CASE("the query file holds at least 40 queries per snapshot") {
  CHECK(search_quality::read_query_file(kQueries, "sample").size() >= 30);
  CHECK(search_quality::read_query_file(kQueries, "full").size() >= 40);
  for (const QueryCase& c : search_quality::read_query_file(kQueries, "")) {
    INFO("line " << c.line);
    CHECK((c.set == "sample" || c.set == "full"));
    CHECK(!c.expected.empty());
    CHECK(c.expected.size() <= search_quality::kTop);
  }
}

TEST_CASE("the sample's queries find their expected top 3") {
  check_queries(test::sample_framework(), search_quality::read_query_file(kQueries, "sample"));
}

TEST_CASE("upstream's queries find their expected top 3", "[upstream]") {
  REQUIRE_UPSTREAM(kPagesDir);
  auto files = shell::read_page_tree(kPagesDir);
  REQUIRE(files.ok());
  Provenance provenance;
  provenance.licence = "CC BY-SA 4.0";
  ImportResult imported = import_pages(files.value(), provenance);
  REQUIRE(imported.pages_recognised > 0);
  check_queries(Framework::build(std::move(imported.data)), search_quality::read_query_file(kQueries, "full"));
}
