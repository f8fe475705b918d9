// A selection as CSV and Markdown tables: exact output on the sample.
#include "catch.hpp"
#include <string>

#include "disarm/selection/selection_export.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

Selection fixed_selection() {
  Selection s;
  s.set_score("T0049", 10);
  s.set_comment("T0049", "=HYPERLINK(\"http://x\")");
  s.set_score("T0086.002", 80);
  s.set_comment("T0086.002", "Faces of \"local\" politicians, see I00002\nsecond line | pipe");
  s.add("T0154.002");
  s.set_comment("T0999", "not in the sample");
  return s;
}

}  // namespace

TEST_CASE("Selection export: the rows behind both tables", "[selection][export]") {
  auto rows = selection_rows(test::sample_framework(), fixed_selection());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].id == "T0049");
  CHECK(rows[0].name == "Flood the zone");
  CHECK(rows[0].tactic == "TA09 Deliver");
  CHECK(rows[0].score == 10);
  CHECK(rows[0].incidents == 1);
  CHECK(rows[2].incidents == 2);  // T0154.002: I00001 and I00002
  CHECK(rows[3].id == "T0999");
  CHECK(rows[3].name.empty());
  CHECK_FALSE(rows[3].incidents);
  CHECK(selection_rows(test::sample_framework(), Selection{}).empty());
}

TEST_CASE("Selection export: CSV per RFC 4180", "[selection][export]") {
  CHECK(selection_csv(test::sample_framework(), fixed_selection()) ==
        "ID,Name,Tactic,Score,Comment,Incidents\r\n"
        "T0049,Flood the zone,TA09 Deliver,10,\"'=HYPERLINK(\"\"http://x\"\")\",1\r\n"
        "T0086.002,Make synthetic images of real people,TA06 Make content,80,"
        "\"Faces of \"\"local\"\" politicians, see I00002\nsecond line | pipe\",1\r\n"
        "T0154.002,AI media service,TA07 Choose channels,,,2\r\n"
        "T0999,,,,not in the sample,\r\n");
  CHECK(selection_csv(test::sample_framework(), Selection{}) == "ID,Name,Tactic,Score,Comment,Incidents\r\n");
}

TEST_CASE("Selection export: CSV quoting and spreadsheet formulas", "[selection][export]") {
  auto comment_field = [](std::string_view comment) {
    Selection s;
    s.set_comment("T0999", comment);
    std::string csv = selection_csv(test::sample_framework(), s);
    std::string row = csv.substr(csv.find("\r\n") + 2);
    return row.substr(std::string("T0999,,,,").size(), row.size() - std::string("T0999,,,,").size() - 3);
  };
  CHECK(comment_field("plain words") == "plain words");
  CHECK(comment_field(" leading space") == " leading space");
  CHECK(comment_field("a,b") == "\"a,b\"");
  CHECK(comment_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(comment_field("cr\ronly") == "\"cr\ronly\"");
  CHECK(comment_field("crlf\r\nend") == "\"crlf\r\nend\"");
  CHECK(comment_field("+1") == "'+1");
  CHECK(comment_field("-2") == "'-2");
  CHECK(comment_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(comment_field("\tx") == "'\tx");
  CHECK(comment_field("=1,2") == "\"'=1,2\"");
  CHECK(comment_field("a=b") == "a=b");
  CHECK(comment_field("café 🙂") == "café 🙂");
}

TEST_CASE("Selection export: Markdown table", "[selection][export]") {
  CHECK(selection_markdown(test::sample_framework(), fixed_selection()) ==
        "| ID | Name | Tactic | Score | Comment | Incidents |\n"
        "| --- | --- | --- | ---: | --- | ---: |\n"
        "| T0049 | Flood the zone | TA09 Deliver | 10 | =HYPERLINK(\"http://x\") | 1 |\n"
        "| T0086.002 | Make synthetic images of real people | TA06 Make content | 80 | "
        "Faces of \"local\" politicians, see I00002<br>second line \\| pipe | 1 |\n"
        "| T0154.002 | AI media service | TA07 Choose channels |  |  | 2 |\n"
        "| T0999 |  |  |  | not in the sample |  |\n");
  CHECK(selection_markdown(test::sample_framework(), Selection{}) ==
        "| ID | Name | Tactic | Score | Comment | Incidents |\n"
        "| --- | --- | --- | ---: | --- | ---: |\n");
}

TEST_CASE("Selection export: Markdown cells show their text as typed", "[selection][export]") {
  Selection s;
  s.set_comment("T0999", "*bold* _it_ [link](x) <b>&amp; a\\b `code` a|b\r\nnext\rthird\n\nlast");
  const std::string table = selection_markdown(test::sample_framework(), s);
  CHECK(table.substr(table.rfind("| T0999")) ==
        "| T0999 |  |  |  | \\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\>\\&amp; a\\\\b \\`code\\` a\\|b<br>next<br>third"
        "<br><br>last |  |\n");
}
