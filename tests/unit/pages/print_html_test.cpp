// Print pages: object pages and matrices as self-contained, escaped HTML, on the sample and
// on data written to break out of the markup.
#include "catch.hpp"
#include <string>
#include <vector>

#include "disarm/pages/highlight.hpp"
#include "disarm/pages/print_html.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

ObjectIndex index_of(const Framework& framework, std::string_view id) {
  auto index = framework.find(id);
  REQUIRE(index);
  return *index;
}

std::string page_of(const Framework& framework, std::string_view id) {
  return print_html(framework, build_object_page(framework, index_of(framework, id)));
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A print page fetches nothing and runs nothing.
void check_self_contained(const std::string& html) {
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
  CHECK(html.size() > 20);
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
  for (std::string_view banned :
       {"<script", "src=\"", "<img", "<link", "@import", "url(", "<iframe", "href=\"javascript"}) {
    INFO(banned);
    CHECK_FALSE(contains(html, banned));
  }
}

// Data written to break out of the markup wherever data reaches it.
Framework hostile_framework() {
  FrameworkData data;
  data.provenance.name = "<script>alert('name')</script>";
  data.provenance.source = "javascript:alert('source')";
  data.provenance.licence = "<b>MIT</b>";
  data.provenance.licence_url = "https://example.org/?a=1&b='y'";
  data.provenance.attribution = "</footer><script>alert('attribution')</script>";
  Object tactic{"TA01", Kind::Tactic, "Plan <script>alert('tactic')</script>", "", {}, {}, true, true};
  Object technique;
  technique.id = "T0001";
  technique.name = "<script>alert('technique')</script>";
  technique.summary =
      "Hi <script>alert('summary')</script> [x](javascript:alert('link')) "
      "[y](https://ok.example/\"onmouseover=alert('attr')) <img src=x onerror=alert('img')>";
  technique.fields = {{"<b>Key</b>\" onclick=\"alert('key')", "<iframe src=\"https://evil.example\"></iframe>value"}};
  Object incident;
  incident.id = "I00001";
  incident.kind = Kind::Incident;
  incident.name = "\"><script>alert('incident')</script>";
  incident.references = {{"<script>alert('title')</script>", "javascript:alert('url')", "2024/01/01", "A <b>writer</b>",
                          "", "https://archive.example/?q=<x>&r='y'"}};
  data.objects = {tactic, technique, incident};
  data.relations = {
      {RelationType::TechniqueTactic, "T0001", "TA01", ""},
      {RelationType::IncidentTechnique, "I00001", "T0001", "<script>alert('evidence')</script> seen"},
      {RelationType::TechniqueAssociated, "T0001", "x\" onclick=\"alert('id')", ""},
  };
  data.red.columns = {{"TA01", {"T0001", "x\" onclick=\"alert('id')"}}};
  return Framework::build(std::move(data));
}

}  // namespace

TEST_CASE("Print: HTML escaping", "[print]") {
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(html_escape("café “quoted” 🙂") == "café “quoted” 🙂");
  CHECK(html_escape(std::string("bad \xff and NUL \0.", 16)) == "bad \xEF\xBF\xBD and NUL \xEF\xBF\xBD.");
  CHECK(html_escape("").empty());
}

TEST_CASE("Print: rich text as HTML blocks", "[print]") {
  const Framework& fw = test::sample_framework();
  const std::string markdown =
      "Para **bold** *it* `code` T0049 and T9999.\n\n"
      "- a\n- b\n  - c\n    continued\n\n  para in b\n- d\n\n"
      "3. x\n4. y\n\n"
      "> quote **q**\n> - in quote\n\n"
      "# Head\n\n---\n\n"
      "[ext](https://example.org/?a=1&b=2) [bad](javascript:alert(1)) <b>html</b><br>after\n\n"
      "| h1 | h2 |\n|---|---|\n| c1 | T0002 |\n\n"
      "```\ncode <x>\n```";
  CHECK(rich_text_html(fw, parse_rich_text(fw, markdown)) ==
        "<p>Para <strong>bold</strong> <em>it</em> <code>code</code> <a href=\"#/T0049\">T0049</a> and T9999.</p>"
        "<ul><li>a</li><li>b<ul><li>c continued</li></ul><p>para in b</p></li><li>d</li></ul>"
        "<ol start=\"3\"><li>x</li><li>y</li></ol>"
        "<blockquote><p>quote <strong>q</strong></p><ul><li>in quote</li></ul></blockquote>"
        "<h3>Head</h3><hr>"
        "<p><a href=\"https://example.org/?a=1&amp;b=2\">ext</a> bad <strong>html</strong><br>after</p>"
        "<table class=\"rich\"><tr><th>h1</th><th>h2</th></tr>"
        "<tr><td>c1</td><td><a href=\"#/T0002\">T0002</a></td></tr></table>"
        "<pre><code>code &lt;x&gt;</code></pre>");
  CHECK(rich_text_html(fw, RichText{}).empty());
  CHECK(rich_text_html(fw, parse_rich_text(fw, "1. one\n   - inner\n2. two")) ==
        "<ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol>");
}

TEST_CASE("Print: an object page as a handout", "[print]") {
  const Framework& fw = test::sample_framework();
  const std::string html = page_of(fw, "T0086.002");
  check_self_contained(html);
  CHECK(contains(html, "<title>T0086.002 Make synthetic images of real people</title>"));
  CHECK(contains(html,
                 "<header>\n<p class=\"kind\">Technique T0086.002</p>\n"
                 "<p class=\"breadcrumbs\"><a href=\"#/P01\">P01</a> Prepare › <a href=\"#/TA06\">TA06</a> Make "
                 "content › <a href=\"#/T0086\">T0086</a> Make synthetic images</p>\n"
                 "<h1>Make synthetic images of real people</h1>\n</header>\n"));
  CHECK(contains(html,
                 "<section>\n<h2>Counters</h2>\n<ul>\n<li><a href=\"#/C00012\">C00012</a> Label generated "
                 "media</li>\n</ul>\n</section>\n"));
  CHECK(contains(html,
                 "<section class=\"citations\">\n<h2>Incidents using this technique</h2>\n<ul>\n"
                 "<li><a href=\"#/I00002\">I00002</a> Picture service used for fake protest photos"
                 "<blockquote class=\"evidence\"><p>Faces of two local politicians were placed in the crowd (<a "
                 "href=\"#/T0086.002\">T0086.002</a>).</p></blockquote></li>\n</ul>\n</section>\n"));
  CHECK(contains(html,
                 "<footer>\n<p>Data: Sample framework (DISARM-shaped), from data/sample/snapshot.json in the DISARM "
                 "viewer repository, 2026-11-26. Licence: MIT (<a "
                 "href=\"https://opensource.org/licenses/MIT\">https://opensource.org/licenses/MIT</a>).</p>\n"));
  CHECK_FALSE(contains(html, "class=\"availability\""));
  CHECK_FALSE(contains(html, "<h2>References</h2>"));

  // Fields, and references with their addresses as links.
  const std::string incident = page_of(fw, "I00001");
  check_self_contained(incident);
  CHECK(contains(incident, "<dl class=\"fields\">\n<dt>Incident type</dt><dd><p>Incident</p></dd>\n"));
  CHECK(contains(incident,
                 "<section class=\"references\">\n<h2>References</h2>\n<ol>\n<li>A. Writer (2024/05/02). How a fake "
                 "recording split a town (invented reference). Example News. Cited by DISARM incident I00001, "
                 "“Cloned voice in a school dispute”. <a "
                 "href=\"https://example.org/news/fake-recording\">https://example.org/news/fake-recording</a> "
                 "(archived: <a "
                 "href=\"https://example.org/archive/fake-recording\">https://example.org/archive/fake-recording</a>)"
                 "</li>\n</ol>\n</section>\n"));

  // A flagged object says why.
  const std::string unlisted = page_of(fw, "TA03");
  CHECK(contains(unlisted, "<p class=\"availability\">Listed in no upstream index or matrix</p>"));
}

TEST_CASE("Print: data cannot break out of the markup", "[print]") {
  const Framework fw = hostile_framework();
  for (const std::string& html :
       {page_of(fw, "T0001"), page_of(fw, "I00001"), page_of(fw, "TA01"),
        print_matrix_html(fw, build_matrix(fw, MatrixSide::Red), nullptr, std::vector<ObjectIndex>{})}) {
    check_self_contained(html);
    for (std::string_view banned : {"<b>", "<img", "\" onclick", "\"onmouseover", "</footer><"}) {
      INFO(banned);
      CHECK_FALSE(contains(html, banned));
    }
  }
  const std::string technique = page_of(fw, "T0001");
  CHECK(contains(technique, "<h1>&lt;script&gt;alert(&#39;technique&#39;)&lt;/script&gt;</h1>"));
  CHECK(contains(technique, "<a href=\"#/x&quot; onclick=&quot;alert(&#39;id&#39;)\">"));
  CHECK(contains(technique, "<dt>&lt;b&gt;Key&lt;/b&gt;&quot; onclick=&quot;alert(&#39;key&#39;)</dt>"));
  // The source is no web address, so it is text, not a link.
  CHECK(contains(technique,
                 "<p>Data: &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;, from "
                 "javascript:alert(&#39;source&#39;)."));
  CHECK(contains(technique,
                 "Licence: &lt;b&gt;MIT&lt;/b&gt; (<a "
                 "href=\"https://example.org/?a=1&amp;b=&#39;y&#39;\">"));

  const std::string incident = page_of(fw, "I00001");
  CHECK(contains(incident, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
  // Addresses the viewer would not open are text: a javascript: one, one with a '<' in it.
  CHECK(contains(
      incident, " javascript:alert(&#39;url&#39;) (archived: https://archive.example/?q=&lt;x&gt;&amp;r=&#39;y&#39;)"));
}

TEST_CASE("Print: the red matrix with heat, highlights and a selection", "[print]") {
  const Framework& fw = test::sample_framework();
  Selection selection;
  selection.set_score("T0086.002", 80);
  selection.set_comment("T0086.002", "two faces\nsee <i>");
  selection.add("T0049");
  const std::vector<ObjectIndex> lit = highlight_for(fw, index_of(fw, "I00001"));
  const std::string html = print_matrix_html(fw, build_matrix(fw, MatrixSide::Red), &selection, lit);
  check_self_contained(html);
  CHECK(contains(html, "<title>Red framework: techniques by tactic</title>"));
  CHECK(contains(html, "@page { size: landscape;"));
  CHECK(contains(html,
                 "<tr class=\"phases\"><th colspan=\"4\"><a href=\"#/P01\">P01</a> Prepare</th>"
                 "<th colspan=\"1\"><a href=\"#/P02\">P02</a> Execute</th></tr>\n"));
  CHECK(contains(html, "<th><a href=\"#/TA06\">TA06</a><br>Make content</th>"));
  CHECK(contains(html,
                 "<td class=\"heat-1 sub selected\"><span class=\"count\">1</span><span "
                 "class=\"score\">80</span><a href=\"#/T0086.002\">T0086.002</a> Make synthetic images of real "
                 "people</td>"));
  CHECK(contains(html,
                 "<td class=\"heat-4 sub highlight\"><span class=\"count\">2</span><a "
                 "href=\"#/T0154.002\">T0154.002</a> AI media service</td>"));
  CHECK(contains(html,
                 "<td class=\"heat-1 selected\"><span class=\"count\">1</span><a href=\"#/T0049\">T0049</a> "
                 "Flood the zone</td>"));
  CHECK(contains(html, "<td class=\"heat-0\"><a href=\"#/T0002\">T0002</a> Back a state message</td>"));
  CHECK(contains(html, "<td class=\"empty\"></td>"));
  CHECK(contains(html,
                 "<ul>\n<li><span class=\"swatch heat-0\"></span>cited by no incident</li>\n"
                 "<li><span class=\"swatch heat-1\"></span>cited by 1 incident</li>\n"
                 "<li><span class=\"swatch heat-4\"></span>cited by 2 incidents</li>\n"
                 "<li><span class=\"swatch highlight\"></span>highlighted</li>\n"
                 "<li><span class=\"swatch selected\"></span>selected (its score in blue)</li>\n</ul>\n"));
  CHECK(contains(
      html,
      "<tr><td><a href=\"#/T0086.002\">T0086.002</a></td><td>Make synthetic images of real "
      "people</td><td>TA06 Make content</td><td>80</td><td>two faces<br>\nsee &lt;i&gt;</td><td>1</td></tr>\n"));
  CHECK(contains(html, "<footer>\n<p>Data: Sample framework (DISARM-shaped)"));
}

TEST_CASE("Print: the blue matrix, a filtered matrix, no selection", "[print]") {
  const Framework& fw = test::sample_framework();
  const std::string blue = print_matrix_html(fw, build_matrix(fw, MatrixSide::Blue), nullptr, {});
  check_self_contained(blue);
  CHECK(contains(blue, "<h1>Blue framework: counters by tactic</h1>"));
  CHECK(contains(blue, "<li><span class=\"swatch heat-0\"></span>seen in no incident</li>"));
  CHECK(contains(blue,
                 "<td class=\"heat-4\"><span class=\"count\">1</span><a href=\"#/C00012\">C00012</a> Label "
                 "generated media</td>"));
  CHECK_FALSE(contains(blue, "Selected techniques"));
  CHECK_FALSE(contains(blue, "swatch highlight"));
  CHECK_FALSE(contains(blue, "swatch selected"));

  const std::vector<ObjectIndex> matches = {index_of(fw, "T0154.002")};
  const std::string filtered =
      print_matrix_html(fw, filter_matrix(build_matrix(fw, MatrixSide::Red), matches), nullptr, matches);
  CHECK(contains(filtered, "<td class=\"heat-0 context\"><a href=\"#/T0154\">T0154</a>"));
  CHECK(contains(filtered, "<td class=\"heat-4 sub highlight\">"));
  CHECK_FALSE(contains(filtered, "T0002"));

  Selection empty;
  CHECK_FALSE(contains(print_matrix_html(fw, build_matrix(fw, MatrixSide::Red), &empty, {}), "Selected techniques"));
}

TEST_CASE("Print: a matrix no incident cites has no legend of one colour", "[print]") {
  FrameworkData data = test::sample_framework().data();
  std::erase_if(data.relations, [](const Relation& r) { return r.type == RelationType::CounterIncident; });
  const Framework fw = Framework::build(std::move(data));
  const MatrixModel blue = build_matrix(fw, MatrixSide::Blue);
  REQUIRE(blue.max_incident_count == 0);
  const std::string html = print_matrix_html(fw, blue, nullptr, {});
  CHECK(contains(html, "<a href=\"#/C00012\">C00012</a>"));
  CHECK_FALSE(contains(html, "Legend"));
  CHECK_FALSE(contains(html, "no incident"));
  // A highlight still gets its key.
  const std::vector<ObjectIndex> lit = {index_of(fw, "T0154.002")};
  const std::string red = print_matrix_html(fw, build_matrix(fw, MatrixSide::Red), nullptr, lit);
  CHECK(contains(red, "<h2>Legend</h2>\n<ul>\n<li><span class=\"swatch heat-0\"></span>cited by no incident</li>"));
}
