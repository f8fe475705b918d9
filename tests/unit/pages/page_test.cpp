// build_page: each route gives the one page its consumers share, with its title.
#include <algorithm>
#include <string>
#include <variant>
#include <vector>
#include "catch.hpp"

#include "disarm/model/release.hpp"
#include "disarm/pages/page.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

const SearchIndex& sample_index() {
  static const SearchIndex index = SearchIndex::build(test::sample_framework());
  return index;
}

Page page_for(std::string_view hash) {
  return build_page(test::sample_framework(), sample_index(), parse_route(hash));
}

}  // namespace

TEST_CASE("Page: each route gives its kind of page and title", "[page]") {
  const Page object = page_for("#/t0086");
  REQUIRE(std::holds_alternative<ObjectPage>(object.model));
  CHECK(std::get<ObjectPage>(object.model).id == "T0086");
  CHECK(object.title == "T0086 Make synthetic images \u2013 DISARM");

  const Page red = page_for("#/matrix/red?hl=I00001");
  REQUIRE(std::holds_alternative<MatrixPage>(red.model));
  CHECK(std::get<MatrixPage>(red.model).model.side == MatrixSide::Red);
  CHECK_FALSE(std::get<MatrixPage>(red.model).highlight.techniques.empty());
  CHECK(red.title == "Red framework \u2013 DISARM");
  // The blue matrix takes no highlight, whatever its route says.
  const Page blue = page_for("#/matrix/blue?hl=I00001");
  CHECK(std::get<MatrixPage>(blue.model).highlight.source.empty());
  CHECK(blue.title == "Blue framework \u2013 DISARM");

  const Page kinds = page_for("#/kind/incident");
  REQUIRE(std::holds_alternative<KindPage>(kinds.model));
  CHECK(std::get<KindPage>(kinds.model).kind == Kind::Incident);
  CHECK(kinds.title == "Incidents \u2013 DISARM");

  CHECK(std::holds_alternative<HomePage>(page_for("#/").model));
  CHECK(page_for("#/").title == "DISARM framework viewer");
  CHECK(std::holds_alternative<AboutPage>(page_for("#/about").model));
  CHECK(page_for("#/about").title == "About \u2013 DISARM viewer");
}

TEST_CASE("Page: a missing object or a meaningless route is not found, with suggestions", "[page]") {
  const Page missing = page_for("#/T0087");
  REQUIRE(std::holds_alternative<NotFoundPage>(missing.model));
  const NotFoundPage& page = std::get<NotFoundPage>(missing.model);
  CHECK(page.text == "T0087");
  REQUIRE_FALSE(page.suggestions.empty());
  CHECK(page.suggestions.size() <= kNotFoundSuggestions);
  std::vector<std::string> ids;
  for (ObjectIndex i : page.suggestions) ids.push_back(test::sample_framework().object(i).id);
  CHECK(std::find(ids.begin(), ids.end(), "T0086") != ids.end());  // of the nearest IDs
  CHECK(missing.title == "T0087 not found \u2013 DISARM");

  const Page nonsense = page_for("#/no/such/page");
  REQUIRE(std::holds_alternative<NotFoundPage>(nonsense.model));
  CHECK(std::get<NotFoundPage>(nonsense.model).text == "#/no/such/page");
}

TEST_CASE("Page: a search counts every kind and lists the kinds its chips pick", "[page]") {
  const Page all = page_for("#/search?q=synthetic");
  REQUIRE(std::holds_alternative<SearchPage>(all.model));
  const SearchPage& every = std::get<SearchPage>(all.model);
  CHECK(all.title == "Search: synthetic \u2013 DISARM");
  REQUIRE_FALSE(every.hits.empty());
  CHECK_FALSE(every.capped);
  std::size_t counted = 0;
  for (std::size_t n : every.per_kind) counted += n;
  CHECK(counted == every.hits.size());

  const Page narrowed = page_for("#/search?q=synthetic&kind=technique");
  const SearchPage& techniques = std::get<SearchPage>(narrowed.model);
  CHECK(techniques.per_kind == every.per_kind);
  CHECK(techniques.hits.size() == every.per_kind[static_cast<std::size_t>(Kind::Technique)]);
  for (const SearchHit& hit : techniques.hits)
    CHECK(test::sample_framework().object(hit.object).kind == Kind::Technique);
}

TEST_CASE("Page: a visitor reaches the arm for the page's kind", "[page]") {
  auto name = [](const Page& page) {
    return std::visit(
        PageVisitor{[](const HomePage&) { return "home"; }, [](const ObjectPage&) { return "object"; },
                    [](const MatrixPage&) { return "matrix"; }, [](const SearchPage&) { return "search"; },
                    [](const KindPage&) { return "kind"; }, [](const AboutPage&) { return "about"; }, [](const ChangesPage&) { return "changes"; }, [](const HistoryPage&) { return "history"; },
                    [](const UpgradePage&) { return "upgrade"; }, [](const NotFoundPage&) { return "not found"; }},
        page.model);
  };
  CHECK(std::string(name(page_for("#/matrix/blue"))) == "matrix");
  CHECK(std::string(name(page_for("#/search?q=x"))) == "search");
  CHECK(std::string(name(page_for("#/T9999"))) == "not found");
  CHECK(std::string(name(page_for("#/upgrade/0.9?sel=AQ"))) == "upgrade");
}

TEST_CASE("a release the catalogue lacks is a page that names the releases it holds") {
  Catalogue catalogue;
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.6", "2025-02-10");
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.4", "2024-03-01");
  const Page page = release_not_found_page(parse_route("#/9.9/T0016"), catalogue);
  const auto* nf = std::get_if<NotFoundPage>(&page.model);
  REQUIRE(nf != nullptr);
  CHECK(nf->text == "9.9");
  CHECK(nf->reason == "This viewer holds no release \u201C9.9\u201D. It holds 1.6, 1.4.");
  CHECK(page.title == "Release 9.9 not found \u2013 DISARM");
}

TEST_CASE("the About page lists the catalogue and says which release an address without one shows") {
  Catalogue catalogue;
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.4", "2024-03-01");
  catalogue.add_snapshot(test::sample_snapshot_text(), kRedBlueFramework, "1.6", "2025-02-10");
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const Page page = build_page(fw, index, Route::about(), &catalogue, "1.4");
  const auto& about = std::get<AboutPage>(page.model);
  CHECK(about.releases.size() == 2);
  CHECK(about.shown == "1.4");
  CHECK(about.default_key == "1.6");
  CHECK(releases_sentence(about) ==
        "This viewer holds 2 releases. An address that names none shows 1.6, the newest release of DISARM Red/Blue 1.x.");
}

namespace {

// The sample's two releases, as the default web build holds them.
std::vector<std::string> shown_ids(const ChangesPage& page) {
  std::vector<std::string> ids;
  for (std::size_t i : page.shown) ids.push_back(page.diff.changes[i].id);
  return ids;
}

}  // namespace

TEST_CASE("the changes page compares two releases, one group or all") {
  const Catalogue catalogue = test::sample_catalogue();
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const Page page = build_page(fw, index, parse_route("#/changes/0.9..1.0"), &catalogue, "1.0");
  CHECK(page.title == "Changes 0.9 to 1.0 \u2013 DISARM");
  const auto& changes = std::get<ChangesPage>(page.model);
  REQUIRE(changes.problem.empty());
  CHECK(changes.diff.count(ChangeGroup::Added) == 1);    // T0088.001
  CHECK(changes.diff.count(ChangeGroup::Removed) == 1);  // T0045
  CHECK(changes.diff.count(ChangeGroup::Renamed) == 1);  // T0016
  const ObjectChange* moved = changes.diff.find("T0146");
  REQUIRE(moved != nullptr);
  CHECK(moved->has(ChangeGroup::Moved));
  // The reworded summary comes with its word diff: one word added.
  const ObjectChange* reworded = changes.diff.find("T0086");
  REQUIRE(reworded != nullptr);
  const std::size_t at = static_cast<std::size_t>(reworded - changes.diff.changes.data());
  CHECK(changes.summaries[at].parts ==
        std::vector<DiffPart>{{DiffOp::Same, "Generate "}, {DiffOp::Added, "or alter "}, {DiffOp::Same, "pictures for the operation."}});
  CHECK(changes.shown.size() == changes.diff.changes.size());

  const Page only_moved = build_page(fw, index, parse_route("#/changes/0.9..1.0?show=moved"), &catalogue, "1.0");
  CHECK(shown_ids(std::get<ChangesPage>(only_moved.model)) == std::vector<std::string>{"T0146"});

  // Without releases named: from the release before the one shown.
  const Page implied = build_page(fw, index, parse_route("#/changes"), &catalogue, "1.0");
  CHECK(std::get<ChangesPage>(implied.model).from == "0.9");
  CHECK(std::get<ChangesPage>(implied.model).to == "1.0");
}

TEST_CASE("the changes page says why when there is nothing to compare") {
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  Catalogue one;
  one.add_snapshot(test::sample_snapshot_text(), "Sample framework (DISARM-shaped)", "1.0", "2026-11-26");
  const Page alone = build_page(fw, index, parse_route("#/changes"), &one, "1.0");
  CHECK_THAT(std::get<ChangesPage>(alone.model).problem, ContainsText("one release only"));

  const Catalogue catalogue = test::sample_catalogue();
  const Page missing = build_page(fw, index, parse_route("#/changes/0.5..1.0"), &catalogue, "1.0");
  CHECK_THAT(std::get<ChangesPage>(missing.model).problem, ContainsText("Release 0.5 cannot be compared"));
  const Page oldest = build_page(fw, index, parse_route("#/0.9/changes"), &catalogue, "0.9");
  CHECK_THAT(std::get<ChangesPage>(oldest.model).problem, ContainsText("no older release of 0.9"));
}

TEST_CASE("an object's history lists every release, what changed in each, and where it is missing") {
  const Catalogue catalogue = test::sample_catalogue();
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const Page renamed = build_page(fw, index, parse_route("#/history/t0016"), &catalogue, "1.0");
  const auto& h = std::get<HistoryPage>(renamed.model);
  CHECK(h.id == "T0016");
  REQUIRE(h.entries.size() == 2);
  CHECK(h.entries[0].key == "1.0");
  CHECK(h.entries[0].name == "Write clickbait");
  CHECK(h.entries[0].changes == std::vector<std::string>{"name"});
  CHECK(h.entries[1].key == "0.9");
  CHECK(h.entries[1].name == "Write bait headlines");
  CHECK(h.entries[1].changes.empty());  // the oldest: nothing before it

  const Page removed = build_page(fw, index, parse_route("#/history/T0045"), &catalogue, "1.0");
  const auto& r = std::get<HistoryPage>(removed.model);
  CHECK_FALSE(r.entries[0].holds);
  CHECK(r.entries[0].changes == std::vector<std::string>{"removed"});
  CHECK(r.entries[1].holds);

  // Its address in the newest release is not found, and offers the other releases.
  const Page missing = build_page(fw, index, parse_route("#/T0045"), &catalogue, "1.0");
  CHECK(std::get<NotFoundPage>(missing.model).history);
  CHECK_FALSE(std::get<NotFoundPage>(build_page(fw, index, parse_route("#/T0045")).model).history);
}

TEST_CASE("the matrix marks the cells that changed since an older release") {
  const Catalogue catalogue = test::sample_catalogue();
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const Page page = build_page(fw, index, parse_route("#/matrix/red?since=0.9"), &catalogue, "1.0");
  const MatrixChanges& changes = std::get<MatrixPage>(page.model).changes;
  CHECK(changes.since == "0.9");
  CHECK(changes.problem.empty());
  auto has = [&](const char* id, ChangeGroup group) {
    auto it = changes.groups.find(id);
    return it != changes.groups.end() && (it->second & (1u << static_cast<unsigned>(group)));
  };
  CHECK(has("T0088.001", ChangeGroup::Added));
  CHECK(has("T0146", ChangeGroup::Moved));
  CHECK(has("T0016", ChangeGroup::Renamed));
  CHECK(has("T0086", ChangeGroup::Description));
  CHECK(changes.groups.count("T0002") == 0);  // unchanged
  CHECK(changes.removed == 1);                // T0045
  // A folded parent stands for its changed sub-techniques.
  REQUIRE(changes.below.count("T0088") == 1);
  CHECK(changes.below.at("T0088").count == 1);
  CHECK(changes.below.at("T0088").groups & (1u << static_cast<unsigned>(ChangeGroup::Added)));
  CHECK(changes.below.at("T0049").count == 1);
  CHECK(changes.below.at("T0086").count == 1);
  CHECK(changes.below.count("T0146") == 0);  // changed itself, nothing below it
  CHECK(print_route(parse_route("#/matrix/red?since=0.9")) == "#/matrix/red?since=0.9");

  const Page unknown = build_page(fw, index, parse_route("#/matrix/red?since=0.1"), &catalogue, "1.0");
  CHECK_THAT(std::get<MatrixPage>(unknown.model).changes.problem, ContainsText("0.1"));
}

namespace {

// The sample's 0.9 techniques: T0016 renamed, T0086 reworded, T0146 moved, T0045 removed in 1.0.
std::string sample_09_code() {
  Selection s;
  for (const char* id : {"T0002", "T0016", "T0045", "T0086", "T0146"}) s.add(id);
  s.set_score("T0016", 70);
  return encode_selection(s);
}

const UpgradePage& upgrade_of(const Page& page) {
  return std::get<UpgradePage>(page.model);
}

}  // namespace

TEST_CASE("the upgrade page carries a 0.9 selection into 1.0 with the decisions its address holds") {
  const Catalogue catalogue = test::sample_catalogue();
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  const std::string hash = "#/upgrade/0.9?sel=" + sample_09_code() + "&ok=T0016&skip=T0146";
  const Page page = build_page(fw, index, parse_route(hash), &catalogue, "1.0");
  CHECK(page.title == "Carry selection forward from 0.9 to 1.0 \u2013 DISARM");
  const UpgradePage& up = upgrade_of(page);
  REQUIRE(up.problem.empty());
  CHECK(up.notes.empty());
  CHECK(up.from == "0.9");
  CHECK(up.to == "1.0");
  const SelectionUpgrade& u = up.upgrade;
  REQUIRE(u.carried.size() == 1);
  CHECK(u.carried[0].id == "T0002");
  REQUIRE(u.find("T0016"));
  CHECK(u.find("T0016")->decision == UpgradeDecision::Accepted);
  CHECK(u.find("T0016")->selected.score == 70);
  CHECK(u.find("T0146")->decision == UpgradeDecision::Skipped);
  CHECK(u.find("T0086")->decision == UpgradeDecision::Pending);
  CHECK(u.removed.size() == 1);
  CHECK(upgrade_progress(u) == "Reviewed 2 of 3 changed techniques");
  CHECK(test::selection_ids(u.result()) == std::vector<std::string>{"T0002", "T0016"});

  // Deciding further gives the address that resumes there.
  SelectionUpgrade next = u;
  next.decide("T0086", UpgradeDecision::Accepted);
  const Route resumed = upgrade_route(up, next);
  CHECK(print_route(resumed) == "#/1.0/upgrade/0.9?sel=" + sample_09_code() + "&ok=T0016,T0086&skip=T0146");
  const Page again = build_page(fw, index, resumed, &catalogue, "1.0");
  CHECK(upgrade_of(again).upgrade.reviewed() == 3);
}

TEST_CASE("a bad or stale upgrade address says what is wrong and never throws") {
  const Catalogue catalogue = test::sample_catalogue();
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);
  auto problem = [&](const std::string& hash, std::string_view shown = "1.0") {
    return upgrade_of(build_page(fw, index, parse_route(hash), &catalogue, shown)).problem;
  };
  const std::string code = sample_09_code();
  CHECK_THAT(problem("#/upgrade/0.5?sel=" + code), ContainsText("holds no release \u201C0.5\u201D. It holds 1.0, 0.9"));
  CHECK_THAT(problem("#/upgrade/1.0?sel=" + code), ContainsText("the release shown"));
  CHECK_THAT(problem("#/0.9/upgrade/1.0?sel=" + code, "0.9"), ContainsText("not older than 0.9"));
  CHECK_THAT(problem("#/upgrade/0.9"), ContainsText("holds no selection"));
  CHECK_THAT(problem("#/upgrade/0.9?sel=%%%garbled"), ContainsText("could not be read"));
  CHECK(problem("#/upgrade/0.9?sel=" + code).empty());
  CHECK(build_page(fw, index, parse_route("#/upgrade/0.9?sel=" + code), nullptr, "1.0").title.starts_with("Carry"));

  // Decisions for IDs not among those to review are named and left out; the rest stands.
  const Page stale =
      build_page(fw, index, parse_route("#/upgrade/0.9?sel=" + code + "&ok=T0002,T0999,zz&skip=T0016,T0086&ok=T0086"),
                 &catalogue, "1.0");
  const UpgradePage& up = upgrade_of(stale);
  REQUIRE(up.problem.empty());
  REQUIRE(up.notes.size() == 3);
  CHECK_THAT(up.notes[0], ContainsText("\u201CT0002\u201D in the address is not among the changed techniques"));
  CHECK_THAT(up.notes[1], ContainsText("T0999"));
  CHECK_THAT(up.notes[2], ContainsText("\u201Czz\u201D"));
  CHECK(up.upgrade.find("T0016")->decision == UpgradeDecision::Skipped);
  CHECK(up.upgrade.find("T0086")->decision == UpgradeDecision::Skipped);  // the first "ok=" wins

  const Page both =
      build_page(fw, index, parse_route("#/upgrade/0.9?sel=" + code + "&ok=T0016&skip=T0016"), &catalogue, "1.0");
  REQUIRE(upgrade_of(both).notes.size() == 1);
  CHECK_THAT(upgrade_of(both).notes[0], ContainsText("both accepted and skipped"));
  CHECK(upgrade_of(both).upgrade.find("T0016")->decision == UpgradeDecision::Pending);
}
