// search_hit_json: the one JSON shape of a hit, for the CLI and the page API.
#include "catch.hpp"

#include "disarm/search/search_json.hpp"
#include "sample_framework.hpp"

using namespace disarm;

TEST_CASE("A search hit as JSON names its object, field and matches", "[search]") {
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const std::vector<SearchHit> hits = index.search("synthetic images");
  REQUIRE_FALSE(hits.empty());
  const nlohmann::ordered_json hit = search_hit_json(fw, hits.front());
  CHECK(hit["id"] == "T0086");
  CHECK(hit["kind"] == "technique");
  CHECK(hit["name"] == fw.object(hits.front().object).name);
  CHECK(hit["field_kind"] == search_field_name(hits.front().field));
  CHECK(hit["snippet"] == hits.front().snippet);
  REQUIRE(hit["highlights"].size() == hits.front().highlights.size());
  for (const auto& range : hit["highlights"]) CHECK(range[0].get<int>() < range[1].get<int>());
  CHECK_FALSE(hit.contains("evidence_for"));

  CHECK(search_field_name(SearchField::Evidence) == "evidence");
  CHECK(search_field_name(SearchField::Reference) == "reference");
}
