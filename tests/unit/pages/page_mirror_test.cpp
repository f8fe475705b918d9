// The screen-reader mirror: every kind of page as headings, lists and links, on the sample
// and on data written to break out of the markup.
#include <string>
#include <string_view>
#include "catch.hpp"

#include "disarm/pages/page_mirror.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

const SearchIndex& sample_index() {
  static const SearchIndex index = SearchIndex::build(test::sample_framework());
  return index;
}

std::string mirror(std::string_view hash) {
  return page_mirror_html(test::sample_framework(),
                          build_page(test::sample_framework(), sample_index(), parse_route(hash)));
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// Opened and closed as often, and exactly one h1: what a screen reader's heading and list
// navigation relies on.
void check_structure(const std::string& html) {
  CHECK(count(html, "<h1>") == 1);
  CHECK(count(html, "</h1>") == 1);
  CHECK(count(html, "<ul>") == count(html, "</ul>"));
  CHECK(count(html, "<ol") == count(html, "</ol>"));
  CHECK(count(html, "<li>") == count(html, "</li>"));
  CHECK(count(html, "<a ") == count(html, "</a>"));
  CHECK_FALSE(contains(html, "<!DOCTYPE"));
  CHECK_FALSE(contains(html, "<footer"));
}

}  // namespace

TEST_CASE("Mirror: an object page has its title, breadcrumbs and links", "[mirror]") {
  const std::string html = mirror("#/T0086");
  check_structure(html);
  CHECK(contains(html, "<h1>Make synthetic images</h1>"));
  CHECK(contains(html, "<a href=\"#/TA06\">TA06</a>"));
  CHECK(contains(html, "<a href=\"#/T0086.002\">T0086.002</a>"));
  CHECK(contains(html, "<a href=\"#/T0086.003\">T0086.003</a>"));
  CHECK(contains(html, "<h2>Sub-techniques</h2>"));
}

TEST_CASE("Mirror: a page shown in another release links into that release", "[mirror]") {
  const Framework& fw = test::sample_framework();
  auto in_release = [&](std::string_view hash) {
    return page_mirror_html(fw, build_page(fw, sample_index(), parse_route(hash)), "0.9");
  };
  // Every object and page link names the release; none falls back to the default's address.
  const std::string object = in_release("#/T0154.002");
  CHECK(contains(object, "href=\"#/0.9/T0154\""));
  CHECK_FALSE(contains(object, "href=\"#/T0"));
  const std::string matrix = in_release("#/matrix/red");
  CHECK(contains(matrix, "href=\"#/0.9/TA06\""));
  CHECK_FALSE(contains(matrix, "href=\"#/T"));
  const std::string home = in_release("#/");
  CHECK(contains(home, "href=\"#/0.9/matrix/red\""));
  CHECK(contains(in_release("#/search?q=image"), "href=\"#/0.9/T0"));
  const std::string missing = in_release("#/T0155");
  CHECK(contains(missing, "href=\"#/0.9/T0154\""));
  CHECK(contains(missing, "href=\"#/0.9/search?q=T0155\""));
  // The default release's links stay as every address published before releases.
  CHECK(contains(mirror("#/T0154.002"), "href=\"#/T0154\""));
}

TEST_CASE("Mirror: the matrix is phases, tactics and nested techniques", "[mirror]") {
  const std::string red = mirror("#/matrix/red");
  check_structure(red);
  CHECK(contains(red, "<h1>Red framework: techniques by tactic</h1>"));
  CHECK(contains(red, "<h2><a href=\"#/P01\">P01</a>"));
  CHECK(contains(red, "<h3><a href=\"#/TA06\">TA06</a>"));
  // The sub-technique is in a list inside its parent's item.
  const std::size_t parent = red.find("<li><a href=\"#/T0086\">");
  REQUIRE(parent != std::string::npos);
  const std::size_t child = red.find("<a href=\"#/T0086.002\">", parent);
  REQUIRE(child != std::string::npos);
  CHECK(red.substr(parent, child - parent).find("</li>") == std::string::npos);
  CHECK(contains(red.substr(parent, child - parent), "<ul>"));

  const std::string blue = mirror("#/matrix/blue");
  check_structure(blue);
  CHECK(contains(blue, "<h1>Blue framework: counters by tactic</h1>"));
  CHECK(contains(blue, "<a href=\"#/C00006\">"));
}

TEST_CASE("Mirror: search results, kind lists, start, about and not found", "[mirror]") {
  const std::string search = mirror("#/search?q=synthetic+images");
  check_structure(search);
  CHECK(contains(search, "<h1>Search: synthetic images</h1>"));
  CHECK(contains(search, "<li><a href=\"#/T0086\">T0086 Make synthetic images</a> (Technique)"));
  const std::string only_incidents = mirror("#/search?q=synthetic&kind=incident");
  CHECK_FALSE(contains(only_incidents, "(Technique)"));

  const std::string kinds = mirror("#/kind/technique");
  check_structure(kinds);
  CHECK(contains(kinds, "<h1>Techniques</h1>"));
  CHECK(contains(kinds, "<a href=\"#/T0086.002\">"));

  const std::string home = mirror("#/");
  check_structure(home);
  CHECK(contains(home, "<a href=\"#/matrix/red\">Red framework</a>"));
  CHECK(contains(home, "<a href=\"#/kind/incident\">Incidents</a>"));

  const std::string about = mirror("#/about");
  check_structure(about);
  CHECK(contains(about, "<h1>About this viewer</h1>"));

  const std::string missing = mirror("#/T0087");
  check_structure(missing);
  CHECK(contains(missing, "<h1>Not found</h1>"));
  CHECK(contains(missing, "\xE2\x80\x9CT0087\xE2\x80\x9D"));
  CHECK(contains(missing, "<a href=\"#/T0086\">"));  // the nearest ID
  CHECK(contains(missing, "<a href=\"#/search?q=T0087\">Search for it</a>"));
}

TEST_CASE("Mirror: a search query over the limit says how much of it was searched", "[mirror]") {
  std::string query = "synthetic images ";
  query.resize(std::size_t{1} << 20, 'z');
  const std::string cut = mirror("#/search?q=" + percent_encode(query));
  check_structure(cut);
  CHECK(contains(cut, "Only the first " + std::to_string(kMaxSearchQueryBytes) + " bytes of this query were searched"));
  CHECK_FALSE(contains(mirror("#/search?q=synthetic+images"), "Only the first"));
}

TEST_CASE("Mirror: hostile text is escaped on every page", "[mirror]") {
  FrameworkData data;
  data.provenance.name = "<script>alert('name')</script>";
  data.provenance.source = "javascript:alert('source')";
  data.provenance.attribution = "</ul><script>alert('attribution')</script>";
  data.objects = {
      {"P01", Kind::Phase, "<img src=x onerror=alert('phase')>", "", {}, {}, true, true},
      {"TA01", Kind::Tactic, "Plan <script>alert('tactic')</script>", "", {}, {}, true, true},
      {"T0001",
       Kind::Technique,
       "\"><script>alert('technique')</script>",
       "[x](javascript:alert('link')) <b onclick=alert(1)>bold</b>",
       {},
       {},
       true,
       true},
      {"T0001.001", Kind::Technique, "<script>alert('sub')</script>", "", {}, {}, true, true},
  };
  data.relations = {{RelationType::TacticPhase, "TA01", "P01", ""},
                    {RelationType::TechniqueTactic, "T0001", "TA01", ""},
                    {RelationType::TechniqueParent, "T0001.001", "T0001", ""}};
  data.red.columns = {{"TA01", {"T0001", "T0001.001"}}};
  const Framework fw = Framework::build(std::move(data));
  const SearchIndex index = SearchIndex::build(fw);
  for (std::string_view hash : {"#/", "#/T0001", "#/T0001.001", "#/TA01", "#/matrix/red", "#/kind/technique",
                                "#/search?q=script", "#/about", "#/<script>alert(1)</script>", "#/T0009"}) {
    INFO(hash);
    const std::string html = page_mirror_html(fw, build_page(fw, index, parse_route(hash)));
    check_structure(html);
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<b "));
    CHECK_FALSE(contains(html, "href=\"javascript"));
  }
  CHECK(contains(page_mirror_html(fw, build_page(fw, index, parse_route("#/search?q=script"))),
                 "<h1>Search: script</h1>"));
  // The name that tried to close an attribute is text, shown as written.
  CHECK(contains(page_mirror_html(fw, build_page(fw, index, parse_route("#/T0001"))),
                 "<h1>&quot;&gt;&lt;script&gt;alert(&#39;technique&#39;)&lt;/script&gt;</h1>"));
}

TEST_CASE("a page asks for the search index on a search page only") {
  int asked = 0;
  const SearchIndexSource counting = [&asked]() -> const SearchIndex& {
    ++asked;
    return sample_index();
  };
  for (std::string_view hash : {"#/", "#/T0001", "#/matrix/red", "#/matrix/blue", "#/kind/incident", "#/about"})
    page_mirror_html(test::sample_framework(), build_page(test::sample_framework(), counting, parse_route(hash)));
  CHECK(asked == 0);
  const Page search = build_page(test::sample_framework(), counting, parse_route("#/search?q=script"));
  CHECK(contains(page_mirror_html(test::sample_framework(), search), "Search: script"));
  CHECK(asked == 1);
}

TEST_CASE("Mirror: the upgrade page lists each group with its decisions, the removed and the carried", "[mirror]") {
  const Catalogue catalogue = test::sample_catalogue();
  Selection s;
  for (const char* id : {"T0002", "T0016", "T0045"}) s.add(id);
  s.set_comment("T0045", "<b>by text</b>");
  const Route route = parse_route("#/upgrade/0.9?sel=" + encode_selection(s) + "&ok=T0016");
  const Framework& fw = test::sample_framework();
  const std::string html = page_mirror_html(fw, build_page(fw, sample_index(), route, &catalogue, "1.0"));
  check_structure(html);
  CHECK(contains(html, "<h1>Carry selection forward from 0.9 to 1.0</h1>"));
  CHECK(contains(html, "Reviewed 1 of 1 changed technique."));
  CHECK(contains(html, "<h2>Renamed</h2>"));
  CHECK(contains(html, "Write clickbait</a>, accepted. Was Write bait headlines"));
  CHECK(contains(html, "<h2>Removed: not in 1.0</h2>"));
  CHECK(contains(html, "href=\"#/0.9/T0045\""));
  CHECK(contains(html, "&lt;b&gt;by text&lt;/b&gt;"));
  CHECK(contains(html, "<h2>Unchanged, carried over</h2>"));

  const std::string bad =
      page_mirror_html(fw, build_page(fw, sample_index(), parse_route("#/upgrade/0.5?sel=AQ"), &catalogue, "1.0"));
  check_structure(bad);
  CHECK(contains(bad, "holds no release"));
}
