#include "disarm/pages/rich_text.hpp"

#include <algorithm>
#include "catch.hpp"
#include <random>
#include <string>
#include <vector>

#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::sample_framework;

namespace {

// Spans as markdown-like text, to compare in one line: *italic*, **bold**, `code`,
// [text](ID or url) for links, "\n" for a line break.
std::string describe(const std::vector<Span>& spans) {
  const Framework& fw = sample_framework();
  std::string out;
  for (const Span& s : spans) {
    if (s.line_break) {
      out += "\n";
      continue;
    }
    std::string t = s.text;
    if (s.code()) t = "`" + t + "`";
    if (s.bold() && s.italic())
      t = "***" + t + "***";
    else if (s.bold())
      t = "**" + t + "**";
    else if (s.italic())
      t = "*" + t + "*";
    if (s.link == LinkKind::Object) t = "[" + t + "](" + fw.object(s.object).id + ")";
    if (s.link == LinkKind::External) t = "[" + t + "](" + s.url + ")";
    out += t;
  }
  return out;
}

RichText parse(std::string_view markdown) {
  return parse_rich_text(sample_framework(), markdown);
}

// The one block's spans described; fails when there is not exactly one block.
std::string one_block(std::string_view markdown) {
  RichText text = parse(markdown);
  INFO(markdown);
  REQUIRE(text.blocks.size() == 1);
  return describe(text.blocks[0].spans);
}

bool is_valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

bool all_text_valid(const RichText& text) {
  auto spans_ok = [](const std::vector<Span>& spans) {
    for (const Span& s : spans)
      if (!is_valid_utf8(s.text) || !is_valid_utf8(s.url) || (s.line_break && !s.text.empty())) return false;
    return true;
  };
  for (const Block& b : text.blocks) {
    if (!spans_ok(b.spans)) return false;
    for (const TableRow& row : b.rows)
      for (const auto& cell : row.cells)
        if (!spans_ok(cell)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("empty and blank markdown give no blocks") {
  CHECK(parse("").empty());
  CHECK(parse("   \n\n\t\n").empty());
  CHECK(parse("<i></i>").empty());
  CHECK(parse("<br><br>").empty());
}

TEST_CASE("a paragraph is one block of plain text") {
  RichText text = parse("Just some words,\nacross two lines.");
  REQUIRE(text.blocks.size() == 1);
  CHECK(text.blocks[0].type == BlockType::Paragraph);
  CHECK(describe(text.blocks[0].spans) == "Just some words, across two lines.");
}

TEST_CASE("IDs mentioned in text become links only when the framework holds them") {
  CHECK(one_block("Made with a speech service (T0154.002: AI media service, T0146: Account asset); "
                  "see also I00099 and T9999.") ==
        "Made with a speech service ([T0154.002](T0154.002): AI media service, [T0146](T0146): Account asset); "
        "see also I00099 and T9999.");
}

TEST_CASE("every kind of ID is linked") {
  CHECK(one_block("P01 TA07 T0086.002 TK0010 I00001 C00006 A033 M004 F00001 D01 S007 FW01") ==
        "[P01](P01) [TA07](TA07) [T0086.002](T0086.002) [TK0010](TK0010) [I00001](I00001) [C00006](C00006) "
        "[A033](A033) [M004](M004) [F00001](F00001) [D01](D01) [S007](S007) [FW01](FW01)");
}

TEST_CASE("ID links respect word boundaries and canonical case") {
  CHECK(one_block("XT0146 T01460 T0146x T0146_a T0146.0021 t0146 ta07 TA07x 1TA07") ==
        "XT0146 T01460 T0146x T0146_a T0146.0021 t0146 ta07 TA07x 1TA07");
  CHECK(one_block("End of a sentence T0146. (TA07) “T0049.001” T0146/T0049 T0146-x") ==
        "End of a sentence [T0146](T0146). ([TA07](TA07)) “[T0049.001](T0049.001)” [T0146](T0146)/[T0049](T0049) "
        "[T0146](T0146)-x");
  // A sub-technique the framework lacks does not fall back to its parent.
  CHECK(one_block("T0146.999 and T0086.002") == "T0146.999 and [T0086.002](T0086.002)");
}

TEST_CASE("<br> and <i> as upstream writes them") {
  CHECK(one_block("<i>Quoted words (T0146).</i><br><br>Our reading, T0146.") ==
        "*Quoted words (*[*T0146*](T0146)*).*\n\nOur reading, [T0146](T0146).");
  CHECK(one_block("a<br/>b<br />c<BR>d") == "a\nb\nc\nd");
  CHECK(one_block("<I>upper</I> <b>bold</b> <strong>strong</strong> <em>em</em> <code>c</code>") ==
        "*upper* **bold** **strong** *em* `c`");
}

TEST_CASE("spaces around line breaks are trimmed and breaks at the ends dropped") {
  CHECK(one_block("<br>first line. <br><br> second line <br>") == "first line.\n\nsecond line");
}

TEST_CASE("unknown tags are dropped and their text kept") {
  CHECK(one_block("a <span class=\"x\">kept</span> <u>also</u> <font color=red>red</font> b") == "a kept also red b");
  CHECK(one_block("x <!-- a comment --> y") == "x y");
  CHECK(one_block("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
}

TEST_CASE("an unclosed tag ends with its block, a stray closing tag is ignored") {
  RichText text = parse("<i>never closed\n\nnext paragraph</i> </b>still plain");
  REQUIRE(text.blocks.size() == 2);
  CHECK(describe(text.blocks[0].spans) == "*never closed*");
  CHECK(describe(text.blocks[1].spans) == "next paragraph still plain");
}

TEST_CASE("nested emphasis combines styles") {
  CHECK(one_block("***both*** and *it **bold-it** it* and **bold <i>html-it</i>**") ==
        "***both*** and *it ****bold-it**** it* and **bold *****html-it***");
}

TEST_CASE("markdown links: datasheets are object links, http(s) external, other schemes plain") {
  CHECK(one_block("[Synthetic pictures](../../generated_pages/techniques/T0086.002.md)") ==
        "[Synthetic pictures](T0086.002)");
  CHECK(one_block("[Counter](../generated_pages/counters/C00006.md) [route](#/TA07)") ==
        "[Counter](C00006) [route](TA07)");
  CHECK(one_block("[missing](../../generated_pages/incidents/I00099.md) [broken](incidents/.md)") == "missing broken");
  CHECK(one_block("[site](https://example.org/a?b=1) [old](HTTP://example.net)") ==
        "[site](https://example.org/a?b=1) [old](HTTP://example.net)");
  CHECK(one_block("bare https://example.org/x and www.example.com") ==
        "bare [https://example.org/x](https://example.org/x) and [www.example.com](http://www.example.com)");
}

TEST_CASE("javascript:, data:, file: and other schemes never become links") {
  for (const char* md : {"[t](javascript:alert(1))", "[t](JavaScript:alert(1))", "[t]( javascript:alert(1) )",
                         "[t](data:text/html,hi)", "[t](file:///etc/passwd)", "[t](mailto:a@example.org)",
                         "[t](vbscript:x)", "<a href=\"javascript:alert(1)\">t</a>", "<a href='data:x'>t</a>",
                         "[t](http:no-host)", "[t](https://)", "<a href=\"http://exa mple.org\">t</a>"}) {
    INFO(md);
    RichText text = parse(md);
    REQUIRE(text.blocks.size() == 1);
    REQUIRE(text.blocks[0].spans.size() == 1);
    CHECK(text.blocks[0].spans[0].link == LinkKind::None);
    CHECK(text.blocks[0].spans[0].text == "t");
  }
  // An autolink with a script scheme stays its own text, unlinked.
  CHECK(one_block("<javascript:alert(1)>") == "javascript:alert(1)");
}

TEST_CASE("HTML links resolve like markdown links") {
  CHECK(one_block("<a href=\"tactics/TA07.md\">Channels</a> and <a href=https://example.org>site</a>") ==
        "[Channels](TA07) and [site](https://example.org)");
}

TEST_CASE("IDs inside link text are not linked again, IDs in code are not linked") {
  CHECK(one_block("[T0146 Account asset](https://example.org/T0146)") ==
        "[T0146 Account asset](https://example.org/T0146)");
  CHECK(one_block("`T0146` and T0146") == "`T0146` and [T0146](T0146)");
}

TEST_CASE("entities are decoded, unknown ones kept as written") {
  CHECK(one_block("&amp; &lt;b&gt; &quot;q&quot; x&nbsp;y &#8217; &#x2019; &mdash; &hellip; &unknown; &#0;") ==
        "& <b> \"q\" x\u00A0y \u2019 \u2019 \u2014 \u2026 &unknown; \uFFFD");
}

TEST_CASE("headings, rules and code blocks") {
  RichText text = parse("## Heading T0146\n\n---\n\n```\ncode T0146\n  indented\n```\n");
  REQUIRE(text.blocks.size() == 3);
  CHECK(text.blocks[0].type == BlockType::Heading);
  CHECK(text.blocks[0].heading_level == 2);
  CHECK(describe(text.blocks[0].spans) == "Heading [T0146](T0146)");
  CHECK(text.blocks[1].type == BlockType::Rule);
  CHECK(text.blocks[2].type == BlockType::Code);
  CHECK(describe(text.blocks[2].spans) == "`code T0146\n  indented`");
}

TEST_CASE("lists: bullets, numbers, nesting and continued items") {
  RichText text = parse("- one\n- two\n  - nested T0146\n\n3. three\n4. four\n\n- loose\n\n  more of it\n- next\n");
  REQUIRE(text.blocks.size() == 8);
  auto check_item = [&](std::size_t i, BlockType type, int depth, bool ordered, int number, const char* spans) {
    INFO(i);
    CHECK(text.blocks[i].type == type);
    CHECK(text.blocks[i].list_depth == depth);
    CHECK(text.blocks[i].ordered == ordered);
    CHECK(text.blocks[i].number == number);
    CHECK(describe(text.blocks[i].spans) == spans);
  };
  check_item(0, BlockType::ListItem, 1, false, 0, "one");
  check_item(1, BlockType::ListItem, 1, false, 0, "two");
  check_item(2, BlockType::ListItem, 2, false, 0, "nested [T0146](T0146)");
  check_item(3, BlockType::ListItem, 1, true, 3, "three");
  check_item(4, BlockType::ListItem, 1, true, 4, "four");
  check_item(5, BlockType::ListItem, 1, false, 0, "loose");
  check_item(6, BlockType::Paragraph, 1, false, 0, "more of it");
  check_item(7, BlockType::ListItem, 1, false, 0, "next");
}

TEST_CASE("an ordered list may start at zero") {
  RichText text = parse("0. zero\n1. one\n");
  REQUIRE(text.blocks.size() == 2);
  CHECK(text.blocks[0].ordered);
  CHECK(text.blocks[0].number == 0);
  CHECK(text.blocks[1].number == 1);
}

TEST_CASE("block quotes") {
  RichText text = parse("> quoted T0146\n> on two lines\n>\n> > deeper\n\nafter");
  REQUIRE(text.blocks.size() == 3);
  CHECK(text.blocks[0].type == BlockType::Quote);
  CHECK(text.blocks[0].quote_depth == 1);
  CHECK(describe(text.blocks[0].spans) == "quoted [T0146](T0146) on two lines");
  CHECK(text.blocks[1].type == BlockType::Quote);
  CHECK(text.blocks[1].quote_depth == 2);
  CHECK(text.blocks[2].type == BlockType::Paragraph);
  CHECK(text.blocks[2].quote_depth == 0);
}

TEST_CASE("tables: a header row, then body rows of cells with spans") {
  RichText text = parse(
      "| Technique | Evidence |\n"
      "| --------- | -------- |\n"
      "| [T0146 Account asset](../../generated_pages/techniques/T0146.md) | <i>Said so.</i><br>Our note (TA07) |\n"
      "| plain | |\n");
  REQUIRE(text.blocks.size() == 1);
  const Block& table = text.blocks[0];
  CHECK(table.type == BlockType::Table);
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].header);
  CHECK_FALSE(table.rows[1].header);
  REQUIRE(table.rows[0].cells.size() == 2);
  CHECK(describe(table.rows[0].cells[0]) == "Technique");
  REQUIRE(table.rows[1].cells.size() == 2);
  CHECK(describe(table.rows[1].cells[0]) == "[T0146 Account asset](T0146)");
  CHECK(describe(table.rows[1].cells[1]) == "*Said so.*\nOur note ([TA07](TA07))");
  REQUIRE(table.rows[2].cells.size() == 2);
  CHECK(describe(table.rows[2].cells[1]).empty());
}

TEST_CASE("a raw HTML block keeps its text") {
  RichText text =
      parse("<table>\n<tr><td><a href=\"tactics/TA07.md\">TA07 Choose</a></td><td>x &amp; y</td></tr>\n</table>\n");
  REQUIRE(text.blocks.size() == 1);
  CHECK(describe(text.blocks[0].spans) == "[TA07 Choose](TA07) x & y");
}

TEST_CASE("invalid UTF-8 and NUL bytes come out as U+FFFD, never as broken text") {
  const std::string bad =
      std::string("ok \xFF\xFE bad \xC3 end \xE2\x82 T0146 \xED\xA0\x80 ") + '\0' + " tail \xF0\x9F";
  RichText text = parse(bad);
  REQUIRE(text.blocks.size() == 1);
  CHECK(all_text_valid(text));
  std::string d = describe(text.blocks[0].spans);
  CHECK(d.find("\uFFFD") != std::string::npos);
  CHECK(d.find("[T0146](T0146)") != std::string::npos);
  CHECK(d.find("tail") != std::string::npos);
}

TEST_CASE("odd markdown never crashes and always gives valid UTF-8") {
  const std::vector<std::string> pieces = {
      "*",        "**",   "_",          "`",    "```",  "[",  "]",     "(",    ")",       "<",           ">",    "<i>",
      "</i>",     "<br>", "<a href=\"", "\"",   "'",    "&",  "&amp;", "&#",   ";",       "#",           "> ",   "- ",
      "1. ",      "|",    "| --- |",    "\n",   "\n\n", " ",  "T0146", "TA07", "http://", "javascript:", "\xFF", "\xC3",
      "\xE2\x80", "\0",   "!",          "<!--", "-->",  "~~", "\\",    "    ", "x"};
  std::mt19937 rng(20241126);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string md;
    for (int n = length(rng); n > 0; --n) md += pieces[pick(rng)];
    RichText text = parse(md);
    INFO(md);
    REQUIRE(all_text_valid(text));
    (void)plain_text(text, 40);
  }
}

TEST_CASE("deep nesting and long input") {
  CHECK_NOTHROW(parse(std::string(5000, '>') + " deep"));
  CHECK_NOTHROW(parse(std::string(3000, '*') + "x" + std::string(3000, '*')));
  CHECK_NOTHROW(parse(std::string(3000, '[') + "x" + std::string(3000, ']')));
  std::string list;
  for (int i = 0; i < 200; ++i) list += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
  CHECK_NOTHROW(parse(list));
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "<i>T0146 ";
  RichText text = parse(many);
  REQUIRE(text.blocks.size() == 1);
  auto links = std::count_if(text.blocks[0].spans.begin(), text.blocks[0].spans.end(),
                             [](const Span& s) { return s.link == LinkKind::Object && s.italic(); });
  CHECK(links == 5000);
}

TEST_CASE("link_ids links the IDs of plain text and interprets no markup") {
  const Framework& fw = sample_framework();
  CHECK(describe(link_ids(fw, "Clone a voice (T0088.001) *not markdown* <i>nor html</i> I00099")) ==
        "Clone a voice ([T0088.001](T0088.001)) *not markdown* <i>nor html</i> I00099");
  CHECK(describe(link_ids(fw, "T0146", kBold)) == "[**T0146**](T0146)");
  CHECK(link_ids(fw, "").empty());
  CHECK(describe(link_ids(fw, "bad \xFF byte")) == "bad \uFFFD byte");
}

TEST_CASE("is_web_url accepts only http(s) addresses with a host") {
  for (const char* good : {"http://example.org", "https://example.org/a?b#c", "HTTPS://EXAMPLE.ORG",
                           "https://user@example.org:8080/x", "https://web.archive.org/web/2023/https://x.org"}) {
    INFO(good);
    CHECK(is_web_url(good));
  }
  for (const char* bad : {"", "example.org", "//example.org", "javascript:alert(1)", "ftp://example.org", "https://",
                          "http:///path", "https:// example.org", "http://exa\nmple.org", "https://a.org/<script>",
                          "data:text/html;base64,xx", "http:example.org", "https://@"}) {
    INFO(bad);
    CHECK_FALSE(is_web_url(bad));
  }
}

TEST_CASE("plain_text flattens to one line and cuts at a UTF-8 boundary with an ellipsis") {
  RichText text = parse("First <i>para</i>.<br>Next line.\n\n- item\n\n| a | b |\n|---|---|\n| c | d |");
  CHECK(plain_text(text, 1000) == "First para. Next line. item a b c d");
  CHECK(plain_text(text, 16) == "First para.\u2026");
  CHECK(plain_text(text, 16).size() <= 16);

  RichText accents = parse("éééééééééé");  // two bytes each
  for (std::size_t max = 0; max < 24; ++max) {
    INFO(max);
    std::string cut = plain_text(accents, max);
    CHECK(cut.size() <= max);
    CHECK(is_valid_utf8(cut));
  }
  CHECK(plain_text(accents, 20) == "éééééééééé");
  CHECK(plain_text(accents, 9) == "ééé\u2026");
  CHECK(plain_text(RichText{}, 10).empty());
}
