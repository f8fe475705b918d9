// parse_html_tag and html_attribute: the one loose tag reader the rich text, the importer
// and the offline bundle share.
#include "catch.hpp"

#include "disarm/text/html_tag.hpp"

using namespace disarm;

TEST_CASE("A tag gives its name in lower case, whether it closes, and its attributes", "[html]") {
  const HtmlTag open = parse_html_tag("<A HREF='#/T0001' title=\"x\">");
  CHECK(open.name == "a");
  CHECK_FALSE(open.closing);
  CHECK(open.attributes == " HREF='#/T0001' title=\"x\"");
  CHECK(parse_html_tag("<a href=x").attributes == " href=x");  // the '>' may be left off
  const HtmlTag close = parse_html_tag("</Td>");
  CHECK(close.name == "td");
  CHECK(close.closing);
  CHECK(parse_html_tag("<br/>").name == "br");
  CHECK(parse_html_tag("<!-- note -->").name.empty());
}

TEST_CASE("An attribute is found by name in any case, quoted or bare", "[html]") {
  CHECK(html_attribute(R"( HREF="#/T0001" class=x)", "href") == "#/T0001");
  CHECK(html_attribute(" href='a b' ", "href") == "a b");
  CHECK(html_attribute(" href = bare>", "href") == "bare");
  CHECK(html_attribute(" async src=app.js", "async") == "");
  CHECK(html_attribute(" async src=app.js", "src") == "app.js");
  // A name inside another attribute's name or value is not that attribute.
  CHECK_FALSE(html_attribute(R"( data-href="x" title="href=y")", "href").has_value());
  CHECK_FALSE(html_attribute("", "href").has_value());
  // An unclosed quote runs to the end of the tag.
  CHECK(html_attribute(R"( href="unclosed)", "href") == "unclosed");
}
