// A release diff as Markdown, CSV and a Navigator layer, on two crafted releases: one
// technique of each kind of change, and a removed one the layer can only name.
#include "catch.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "crafted_release.hpp"
#include "disarm/model/model.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/selection/release_diff_export.hpp"

using namespace disarm;
using json = nlohmann::json;

namespace {

using R = RelationType;
using test::base;
using test::make;
using test::object;

struct Pair {
  Framework older;
  Framework newer;
  ReleaseDiff diff;
};

// T0001's summary changed, T0002 renamed (to a name a spreadsheet would run), T0003 moved
// to TA01, T0004 added, T0002.001 removed, and I00001 cites T0002 too.
Pair changed_pair() {
  FrameworkData older = base("1.0");
  object(older, "T0002.001").name = "Old | trick";
  FrameworkData newer = base("1.1");
  object(newer, "T0001").summary = "Open fake accounts.";
  object(newer, "T0002").name = "=Write posts";
  std::erase_if(newer.objects, [](const Object& o) { return o.id == "T0002.001"; });
  std::erase_if(newer.relations, [](const Relation& r) { return r.from == "T0002.001"; });
  newer.objects.push_back(make("T0004", Kind::Technique, "Buy ads, widely"));
  for (Relation& r : newer.relations)
    if (r.type == R::TechniqueTactic && r.from == "T0003") r.to = "TA01";
  newer.relations.push_back({R::TechniqueTactic, "T0004", "TA02", {}, {}});
  newer.relations.push_back({R::IncidentTechnique, "I00001", "T0002", {}, {}});
  Pair p{Framework::build(std::move(older)), Framework::build(std::move(newer)), {}};
  p.diff = diff_releases(p.older, p.newer);
  return p;
}

}  // namespace

TEST_CASE("release diff export: Markdown counts and a table per group", "[release_diff]") {
  const Pair p = changed_pair();
  const std::string md = release_diff_markdown(p.diff, p.newer.release().vocabulary);
  CHECK_THAT(md, ContainsText("# Changes from DISARM Red/Blue 1.x, version 1.0 to DISARM Red/Blue 1.x, version 1.1\n"));
  CHECK_THAT(md, ContainsText("| Techniques | 1 | 1 | 1 | 1 | 1 | 1 |\n"));
  CHECK_THAT(md, ContainsText("| Tactics | 0 | 0 | 0 | 0 | 0 | 2 |\n"));
  CHECK_THAT(
      md,
      ContainsText(
          "## Removed (1)\n\n| ID | Kind | Name |\n| --- | --- | --- |\n| T0002.001 | Technique | Old \\| trick |\n"));
  CHECK_THAT(md, ContainsText("| T0003 | Share posts | tactic TA02 | tactic TA01 |\n"));
  CHECK_THAT(md, ContainsText("| T0002 | Technique | Write posts | =Write posts |\n"));
  CHECK_THAT(md, ContainsText("| T0001 | Make accounts | summary |\n"));
  CHECK_THAT(md, ContainsText("| I00001 | A campaign | techniques: T0002 |  |\n"));
  CHECK(md.find("## Moved (1)") < md.find("## Description changed (1)"));
}

TEST_CASE("release diff export: CSV rows, quoted and defused as the selection's", "[release_diff]") {
  const Pair p = changed_pair();
  const std::string csv = release_diff_csv(p.diff, p.newer.release().vocabulary);
  CHECK(csv.rfind("ID,Kind,Changes,Old name,New name,Moved from,Moved to,Fields,Relations added,Relations removed\r\n",
                  0) == 0);
  CHECK_THAT(csv, ContainsText("\r\nT0002,Technique,renamed relations,Write posts,'=Write posts,,,,incidents: "
                               "I00001,subtechniques: T0002.001\r\n"));
  CHECK_THAT(csv, ContainsText("\r\nT0004,Technique,added,,\"Buy ads, widely\",,,,,\r\n"));
  CHECK_THAT(csv, ContainsText("\r\nT0003,Technique,moved,Share posts,Share posts,tactic TA02,tactic TA01,,,\r\n"));
  CHECK_THAT(csv, ContainsText("\r\nTA02,Tactic,relations,Spread,Spread,,,,techniques: T0004,techniques: T0003\r\n"));
}

TEST_CASE("release diff export: a layer colouring techniques by change, naming removed ones", "[release_diff]") {
  const Pair p = changed_pair();
  const json layer = json::parse(release_diff_layer(p.diff, p.newer));
  CHECK(layer["name"] == "DISARM changes 1.0 to 1.1");
  // The newer release's domain, where Navigator opens it.
  CHECK(layer["domain"] == navigator_domain_for(p.newer.release()).domain);
  std::vector<std::pair<std::string, std::string>> coloured;
  for (const auto& t : layer["techniques"]) coloured.emplace_back(t["techniqueID"], t["color"]);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"T0001", std::string(change_colour(ChangeGroup::Description))},
      {"T0002", std::string(change_colour(ChangeGroup::Renamed))},
      {"T0003", std::string(change_colour(ChangeGroup::Moved))},
      {"T0004", std::string(change_colour(ChangeGroup::Added))}};
  CHECK(coloured == expected);
  CHECK(layer["techniques"][1]["comment"] ==
        "Renamed from \"Write posts\". Relations gained incidents: I00001, lost subtechniques: T0002.001.");
  CHECK(layer["techniques"][2]["comment"] == "Moved from tactic TA02 to tactic TA01.");
  const std::string description = layer["description"];
  CHECK_THAT(description, ContainsText("1 added, 1 moved, 1 renamed, 1 description, 0 relations."));
  CHECK_THAT(description, ContainsText("Removed, so not in this release's matrix (1): T0002.001."));
  REQUIRE(layer["legendItems"].size() == 5);
  CHECK(layer["legendItems"][0]["label"] == "Added");
  // The colours differ from one another.
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = i + 1; j < 5; ++j) CHECK(layer["legendItems"][i]["color"] != layer["legendItems"][j]["color"]);
  // Navigator reads it back: every coloured technique exists in the newer release.
  auto back = import_navigator_layer(p.newer, release_diff_layer(p.diff, p.newer));
  REQUIRE(back.ok());
  CHECK(back.value().unknown_ids.empty());
  CHECK(back.value().selection.size() == 4);
}
