// HTML character references through md4c's table of HTML5's named ones.
#include "catch.hpp"

#include "text/html_entity.hpp"

using namespace disarm;

TEST_CASE("Every HTML5 named entity that is one code point decodes", "[entity]") {
  CHECK(html_entity_code_point("amp") == U'&');
  CHECK(html_entity_code_point("AMP") == U'&');
  CHECK(html_entity_code_point("rsquo") == U'\u2019');
  CHECK(html_entity_code_point("Aacute") == U'\u00C1');
  CHECK(html_entity_code_point("zwnj") == U'\u200C');
  CHECK(html_entity_code_point("CounterClockwiseContourIntegral") == U'\u2233');
  CHECK(html_entity_code_point("#8217") == U'\u2019');
  CHECK(html_entity_code_point("#x1F600") == U'\U0001F600');
  // Names are case-sensitive; two-code-point entities and unknown names are kept as written.
  CHECK_FALSE(html_entity_code_point("Rsquo").has_value());
  CHECK_FALSE(html_entity_code_point("NotEqualTilde").has_value());
  CHECK_FALSE(html_entity_code_point("unknown").has_value());
  CHECK_FALSE(html_entity_code_point("").has_value());
  CHECK_FALSE(html_entity_code_point(std::string(40, 'a')).has_value());
  CHECK_FALSE(html_entity_code_point("#xD800").has_value());
}

TEST_CASE("An entity is found at the start of text, up to its semicolon", "[entity]") {
  auto longest = html_entity_at("&CounterClockwiseContourIntegral; rest");
  REQUIRE(longest.has_value());
  CHECK(longest->code_point == U'\u2233');
  CHECK(longest->length == 33);
  auto named = html_entity_at("&eacute;t\u00E9");
  REQUIRE(named.has_value());
  CHECK(named->length == 8);
  CHECK_FALSE(html_entity_at("&amp").has_value());
  CHECK_FALSE(html_entity_at("& amp;").has_value());
  CHECK_FALSE(html_entity_at("amp;").has_value());
}
