#include "disarm/pages/route.hpp"
#include "disarm/selection/selection_fragment.hpp"

#include <random>
#include <string>
#include <vector>
#include "catch.hpp"

using namespace disarm;

namespace {

KindMask kinds(std::initializer_list<Kind> list) {
  KindMask set = 0;
  for (Kind k : list) set |= kind_bit(k);
  return set;
}

void check_round_trip(const Route& route) {
  INFO(print_route(route));
  CHECK(parse_route(print_route(route)) == route);
}

}  // namespace

TEST_CASE("home has several spellings and one canonical form") {
  for (const char* hash : {"", "#", "#/", "/", "#//", "#/?"}) {
    INFO(hash);
    CHECK(parse_route(hash) == Route::home());
  }
  CHECK(print_route(Route::home()) == "#/");
}

TEST_CASE("object routes take any case and print the canonical ID") {
  Route r = parse_route("#/t0154.002");
  CHECK(r.type == RouteType::Object);
  CHECK(r.id == "T0154.002");
  CHECK(print_route(r) == "#/T0154.002");
  CHECK(parse_route("#/TA07") == Route::object("TA07"));
  CHECK(parse_route("#/i00099/") == Route::object("I00099"));
  CHECK(parse_route("#T0001") == Route::object("T0001"));
  CHECK(parse_route("#/%54%30%30%30%31") == Route::object("T0001"));
  // Well-formed IDs the framework may lack are still object routes: the page says so.
  CHECK(parse_route("#/T9999").type == RouteType::Object);
}

TEST_CASE("matrix, about and kind list routes") {
  CHECK(parse_route("#/matrix/red") == Route::matrix(MatrixSide::Red));
  CHECK(parse_route("#/matrix/BLUE") == Route::matrix(MatrixSide::Blue));
  CHECK(parse_route("#/matrix") == Route::matrix(MatrixSide::Red));
  CHECK(print_route(Route::matrix(MatrixSide::Blue)) == "#/matrix/blue");
  CHECK(parse_route("#/about") == Route::about());
  CHECK(print_route(Route::about()) == "#/about");
  CHECK(parse_route("#/kind/technique") == Route::kind_list(Kind::Technique));
  CHECK(parse_route("#/kind/actor-type") == Route::kind_list(Kind::ActorType));
  CHECK(print_route(Route::kind_list(Kind::ResponseType)) == "#/kind/response-type");
}

TEST_CASE("matrix routes carry a highlight and a shared selection") {
  Route r = parse_route("#/matrix/red?hl=i00099");
  CHECK(r == Route::matrix(MatrixSide::Red, "I00099"));
  CHECK(r.highlight == "I00099");
  CHECK(print_route(r) == "#/matrix/red?hl=I00099");

  Route s = parse_route("#/matrix/red?hl=search:deep+fake%26more");
  CHECK(s.highlight == "search:deep fake&more");
  CHECK(print_route(s) == "#/matrix/red?hl=search:deep+fake%26more");
  CHECK(parse_route("#/matrix/red?hl=search%3Adeep+fake%26more") == s);

  Route both = parse_route("#/matrix?sel=AQE-_x&hl=C00012");
  CHECK(both.side == MatrixSide::Red);
  CHECK(both.highlight == "C00012");
  CHECK(both.selection == "AQE-_x");
  CHECK(print_route(both) == "#/matrix/red?hl=C00012&sel=AQE-_x");
  CHECK(print_route(Route::matrix(MatrixSide::Blue, "", "AQE")) == "#/matrix/blue?sel=AQE");

  // What is no ID and no search highlights nothing; the first of a repeated key wins.
  CHECK(parse_route("#/matrix/red?hl=nonsense").highlight.empty());
  CHECK(parse_route("#/matrix/red?hl=search:").highlight.empty());
  CHECK(parse_route("#/matrix/red?hl").highlight.empty());
  CHECK(parse_route("#/matrix/red?hl=T0049&hl=T0002").highlight == "T0049");
  CHECK(parse_route("#/matrix/red?x=1&hl=T0049").highlight == "T0049");
  CHECK(parse_route("#/matrix/red?hl=&sel=") == Route::matrix(MatrixSide::Red));
  // A selection code is kept as given, bounded, for the viewer to decode or refuse.
  CHECK(parse_route("#/matrix/red?sel=%FF%00").selection == "\uFFFD\uFFFD");
  CHECK(parse_route("#/matrix/red?sel=" + std::string(kMaxSelectionCodeBytes + 10, 'A')).selection.size() ==
        kMaxSelectionCodeBytes + 1);
  // Other routes ignore them.
  CHECK(parse_route("#/T0049?hl=I00001") == Route::object("T0049"));
}

TEST_CASE("search routes decode their query and kind filter") {
  Route r = parse_route("#/search?q=deep+fake%21&kind=incident,technique");
  CHECK(r.type == RouteType::Search);
  CHECK(r.query == "deep fake!");
  CHECK(r.kinds == kinds({Kind::Incident, Kind::Technique}));
  CHECK(print_route(r) == "#/search?q=deep+fake%21&kind=technique,incident");

  CHECK(parse_route("#/search?kind=technique&q=x") == Route::search("x", kinds({Kind::Technique})));
  CHECK(parse_route("#/search") == Route::search(""));
  CHECK(parse_route("#/search?q=") == Route::search(""));
  CHECK(parse_route("#/search?q=a&q=b").query == "a");
  CHECK(parse_route("#/search?kind=widget,technique,,TECHNIQUE").kinds == kinds({Kind::Technique}));
  CHECK(parse_route("#/search?q=%E2%80%9Cquoted%E2%80%9D").query == "\u201Cquoted\u201D");
  CHECK(print_route(Route::search("caf\u00E9 & co")) == "#/search?q=caf%C3%A9+%26+co");
  CHECK(print_route(Route::search("", kinds({Kind::Counter}))) == "#/search?kind=counter");
  CHECK(parse_route("#/search?q=a+b%2Bc").query == "a b+c");
}

TEST_CASE("odd percent escapes, bad bytes and NULs never throw") {
  CHECK(parse_route("#/search?q=%").query == "%");
  CHECK(parse_route("#/search?q=%4").query == "%4");
  CHECK(parse_route("#/search?q=%zz%41").query == "%zzA");
  CHECK(parse_route("#/search?q=%FF%FE").query == "\uFFFD\uFFFD");
  CHECK(parse_route("#/search?q=%00x").query == "\uFFFDx");
  CHECK(parse_route("#/search?q=%C3").query == "\uFFFD");
  Route nul = parse_route(std::string("#/ab\0out", 8));
  CHECK(nul.type == RouteType::NotFound);
  CHECK(nul.text == "#/ab\uFFFDout");
  Route bad = parse_route("#/\xFF\xFE");
  CHECK(bad.type == RouteType::NotFound);
  CHECK(bad.text == "#/\uFFFD\uFFFD");
}

TEST_CASE("anything else is NotFound and keeps its text") {
  for (const char* hash : {"#/nothing", "#/T0001.1", "#/matrix/green", "#/kind/widgets", "#/about/more",
                           "#/T0001/extra", "#/kind", "#/search/x", "not a hash", "#/TA7"}) {
    INFO(hash);
    Route r = parse_route(hash);
    CHECK(r.type == RouteType::NotFound);
    CHECK(r.text == hash);
    CHECK(print_route(r) == hash);
  }
}

TEST_CASE("a 10 MB share code in a link is refused with the limit named, not decoded") {
  Route r = parse_route("#/matrix/red?sel=AQ" + std::string(10 << 20, 'E'));
  REQUIRE(r.type == RouteType::Matrix);
  CHECK(r.selection.size() == kMaxSelectionCodeBytes + 1);
  auto decoded = decode_shared_selection(r.selection);
  REQUIRE_FALSE(decoded.ok());
  CHECK_THAT(decoded.error().message, ContainsText(std::to_string(kMaxSelectionCodeBytes) + " characters"));
  CHECK_THAT(decoded.error().message, ContainsText("share link"));
  CHECK(decoded.error().location == "character " + std::to_string(kMaxSelectionCodeBytes + 1));
  // At the limit, a code is decoded as any other: this one is damaged, and says where.
  auto at_limit = decode_shared_selection("AQ" + std::string(kMaxSelectionCodeBytes - 2, 'E'));
  REQUIRE_FALSE(at_limit.ok());
  CHECK_THAT(at_limit.error().message, !ContainsText("share link may carry"));
}

TEST_CASE("a 1 MB search query in a link is cut past the searched limit, and says so") {
  const std::string words = "account ";
  std::string query;
  while (query.size() < (1 << 20)) query += words;
  Route r = parse_route("#/search?q=" + percent_encode(query));
  REQUIRE(r.type == RouteType::Search);
  CHECK(r.query.size() > kMaxSearchQueryBytes);
  CHECK(r.query.size() <= kMaxRouteQuery);
  check_round_trip(r);
  CHECK_THAT(search_query_limit_notice(r.query),
             ContainsText("first " + std::to_string(kMaxSearchQueryBytes) + " bytes"));
  CHECK(search_query_limit_notice(query.substr(0, kMaxSearchQueryBytes)).empty());
}

TEST_CASE("very long input: search queries are cut at a UTF-8 boundary, unknown hashes kept") {
  std::string long_query = "#/search?q=";
  for (int i = 0; i < 2000; ++i) long_query += "%C3%A9";  // é
  Route r = parse_route(long_query);
  CHECK(r.query.size() <= kMaxRouteQuery);
  CHECK(r.query.size() % 2 == 0);
  check_round_trip(r);

  std::string garbage = "#/" + std::string(100000, 'x');
  Route g = parse_route(garbage);
  CHECK(g.type == RouteType::NotFound);
  CHECK(g.text == garbage);
}

TEST_CASE("parse(print(r)) == r for every kind of route") {
  check_round_trip(Route::home());
  check_round_trip(Route::about());
  check_round_trip(Route::object("T0154.002"));
  check_round_trip(Route::object("fw01"));
  check_round_trip(Route::matrix(MatrixSide::Red));
  check_round_trip(Route::matrix(MatrixSide::Blue));
  check_round_trip(Route::matrix(MatrixSide::Red, "I00099"));
  check_round_trip(Route::matrix(MatrixSide::Red, "search: spaces & = %25 #x ?y", "AQ-_"));
  check_round_trip(Route::matrix(MatrixSide::Blue, "search:\u00E9\U0001F600", "not a code & ?"));
  for (const auto& info : all_kinds()) check_round_trip(Route::kind_list(info.kind));
  check_round_trip(Route::search(""));
  check_round_trip(Route::search("deepfake"));
  check_round_trip(Route::search(" spaces  and+plus&amp=%25 #hash ?q=x/y "));
  check_round_trip(Route::search("\u00E9\u4E2D\U0001F600", kinds({Kind::Incident, Kind::Counter, Kind::Framework})));
  check_round_trip(Route::search("x", kAllKinds));
  check_round_trip(parse_route("#/no/such/page"));
}

TEST_CASE("round trips hold for random garbage") {
  const std::vector<std::string> pieces = {
      "#",        "/", "?",    "&",      "=",      "%",   "%2",    "%41",   "%FF",   "%00",       "+",
      " ",        "q", "kind", "search", "matrix", "red", "blue",  "about", "T0001", "t0001.002", "TA07",
      "incident", ",", "\xFF", "\xC3",   "\0",     "x",   "kind/", "hl",    "sel",   "search:",   "I00001"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 5000; ++round) {
    std::string hash;
    for (int n = length(rng); n > 0; --n) hash += pieces[pick(rng)];
    Route r = parse_route(hash);
    INFO(hash);
    REQUIRE(parse_route(print_route(r)) == r);
  }
}

TEST_CASE("percent_encode keeps unreserved characters and encodes the rest") {
  CHECK(percent_encode("AZaz09-._~") == "AZaz09-._~");
  CHECK(percent_encode("a b/c?d&e=f%g+h#") == "a+b%2Fc%3Fd%26e%3Df%25g%2Bh%23");
  CHECK(percent_decode(percent_encode("any \u00E9 text + 100%")) == "any \u00E9 text + 100%");
}

TEST_CASE("a route can name its release, and one without names the default") {
  Route r = parse_route("#/1.5/t0019");
  CHECK(r.type == RouteType::Object);
  CHECK(r.id == "T0019");
  CHECK(r.release == "1.5");
  CHECK(print_route(r) == "#/1.5/T0019");

  Route matrix = parse_route("#/2.0-Beta/matrix/blue?hl=C00012");
  CHECK(matrix.type == RouteType::Matrix);
  CHECK(matrix.side == MatrixSide::Blue);
  CHECK(matrix.highlight == "C00012");
  CHECK(matrix.release == "2.0-beta");
  CHECK(print_route(matrix) == "#/2.0-beta/matrix/blue?hl=C00012");

  Route home = parse_route("#/1.4");
  CHECK(home.type == RouteType::Home);
  CHECK(home.release == "1.4");
  CHECK(print_route(home) == "#/1.4");
  CHECK(parse_route("#/1.4/") == home);

  CHECK(parse_route("#/T0019").release.empty());
  CHECK(parse_route("#/about").release.empty());

  // An unknown page in a release keeps its hash as given, and its release.
  Route lost = parse_route("#/1.5/nowhere");
  CHECK(lost.type == RouteType::NotFound);
  CHECK(lost.release == "1.5");
  CHECK(print_route(lost) == "#/1.5/nowhere");

  for (const Route& route :
       {r, matrix, home, lost, parse_route("#/1.6/search?q=deep+fake&kind=incident"), parse_route("#/1.6/kind/incident"),
        parse_route("#/1.6/about"), parse_route("#/1.6/matrix/red?sel=AQ")})
    check_round_trip(route);
}

TEST_CASE("a release key starts with a digit and holds letters, digits, dots and dashes") {
  for (const char* key : {"1.5", "2.0-beta", "1", "2.0-observations", "10.2.3"}) {
    INFO(key);
    CHECK(is_release_key(key));
  }
  for (const char* text : {"", "T0019", "matrix", "v1.5", "1.5/", "1 5", "1_5", "1.5?"}) {
    INFO(text);
    CHECK_FALSE(is_release_key(text));
  }
  CHECK_FALSE(is_release_key(std::string(kMaxReleaseKey + 1, '1')));
}

TEST_CASE("a changes route names two releases and may show one group") {
  Route r = parse_route("#/changes/1.4..1.6");
  CHECK(r.type == RouteType::Changes);
  CHECK(r.from == "1.4");
  CHECK(r.to == "1.6");
  CHECK(r.show.empty());
  CHECK(parse_route("#/changes/1.4..1.6?show=moved").show == "moved");
  CHECK(parse_route("#/changes/1.4..1.6?show=nonsense").show.empty());
  CHECK(parse_route("#/changes") == Route::changes());
  CHECK(parse_route("#/changes/nonsense").type == RouteType::NotFound);
  CHECK(parse_route("#/changes/T0001..1.6").type == RouteType::NotFound);
  for (const Route& route : {r, parse_route("#/changes/1.4..1.6?show=added"), Route::changes(), parse_route("#/2.0/changes")})
    check_round_trip(route);
}

TEST_CASE("a history route names one object") {
  Route r = parse_route("#/history/t0019");
  CHECK(r.type == RouteType::History);
  CHECK(r.id == "T0019");
  CHECK(print_route(r) == "#/history/T0019");
  CHECK(parse_route("#/history/nonsense").type == RouteType::NotFound);
  check_round_trip(r);
  check_round_trip(parse_route("#/1.4/history/T0019"));
}

TEST_CASE("an upgrade route names the older release, the selection and the decisions so far") {
  Route r = parse_route("#/1.0/upgrade/0.9?sel=AQ&ok=t0016,T0086&skip=T0154.002");
  CHECK(r.type == RouteType::Upgrade);
  CHECK(r.release == "1.0");
  CHECK(r.from == "0.9");
  CHECK(r.selection == "AQ");
  CHECK(r.accepted == std::vector<std::string>{"T0016", "T0086"});
  CHECK(r.skipped == std::vector<std::string>{"T0154.002"});
  CHECK(print_route(r) == "#/1.0/upgrade/0.9?sel=AQ&ok=T0016,T0086&skip=T0154.002");
  check_round_trip(r);
  // Without decisions, and in the default release.
  CHECK(print_route(Route::upgrade("0.9", "AQ")) == "#/upgrade/0.9?sel=AQ");
  check_round_trip(Route::upgrade("0.9", "AQ"));
  // What the page cannot use is kept for it to name, not dropped: garbage, repeats once.
  Route odd = parse_route("#/upgrade/0.9?sel=AQ&ok=T0016,,zz%2Cz,T0016,%FF&skip=");
  CHECK(odd.accepted == std::vector<std::string>{"T0016", "zz,z", "\uFFFD"});
  CHECK(odd.skipped.empty());
  check_round_trip(odd);
  check_round_trip(Route::upgrade("2.0-beta", "not a code & ?", {"a b", "T0001"}, {"%41", "\u00E9"}));
  // No release to upgrade from: not an upgrade.
  CHECK(parse_route("#/upgrade").type == RouteType::NotFound);
  CHECK(parse_route("#/upgrade/x.y?sel=AQ").type == RouteType::NotFound);
}

TEST_CASE("an upgrade route's decisions are bounded however long the address") {
  std::string many = "#/upgrade/0.9?ok=";
  for (int i = 0; i < 10000; ++i) many += "T" + std::to_string(1000 + i) + ",";
  many += "&skip=" + std::string(100000, 'x');
  Route r = parse_route(many);
  CHECK(r.accepted.size() == kMaxUpgradeDecisions);
  REQUIRE(r.skipped.size() == 1);
  CHECK(r.skipped[0].size() == kMaxDecisionText);
  check_round_trip(r);
}

TEST_CASE("upgrade routes round-trip for random garbage") {
  const std::vector<std::string> pieces = {"#/upgrade/0.9", "?",    "&",    "=",  "%",    "%2", "%2C",  "%FF",
                                           "%00",           "+",    " ",    ",",  "sel",  "ok", "skip", "T0001",
                                           "t0001.002",     "\xFF", "\xC3", "AQ", "1.0/", "x",  "-",    "_"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> pick(1, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 16);
  for (int round = 0; round < 5000; ++round) {
    std::string hash = pieces[0];
    for (int n = length(rng); n > 0; --n) hash += pieces[pick(rng)];
    Route r = parse_route(hash);
    INFO(hash);
    REQUIRE(parse_route(print_route(r)) == r);
  }
}
