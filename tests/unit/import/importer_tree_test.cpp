// A small invented generated_pages tree: datasheets, index pages and both matrices, to check
// how the importer puts pages together: which page wins when two disagree, what becomes of
// rows without pages and pages without rows, and that the output is deterministic. Every
// text is made up; only the layout follows upstream's generator.
#include <algorithm>
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/import/importer.hpp"
#include "disarm/io/snapshot.hpp"
#include "imported_data_lookup.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

const char* kPhase = R"md(# Phase P01: Kindle

* **Summary:** Gather oil and wicks before anything else.

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTacticTA01 = R"md(# Tactic TA01: Light Up

* **Summary:** Get the first lanterns burning.

* **Belongs to phase:** P01



| Tasks |
| :-- |
| [TK0001 Fill the lamps](../../generated_pages/tasks/TK0001.md) |



| Techniques |
| :-- |
| [T0001 Lantern Relays](../../generated_pages/techniques/T0001.md) |
| [T0001.001 Relay Accounts](../../generated_pages/techniques/T0001.001.md) |
| [T0002 Echo Boards](../../generated_pages/techniques/T0002.md) |



| Counters | Response types |
| :-- | :-- |
| [C00001 Dim the lanterns](../../generated_pages/counters/C00001.md) | D02 |


DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTacticTA02 = R"md(# Tactic TA02: Spread Out

* **Summary:** Carry lanterns to other streets.

* **Belongs to phase:** P01

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTacticTA03 = R"md(# Tactic TA03: Old Stage

* **Summary:** A stage kept from an older layout.

* **Belongs to phase:** P01

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTechniqueT0001 = R"md(# Technique T0001: Lantern Relays

**Summary**: Pass the story on.

**Tactic**: TA01 Light Up 


| Associated Technique | Description |
| :-- | :-- |
| [T0002 Echo Boards](../../generated_pages/techniques/T0002.md) | Relays feed the boards. |



| Incident | What the incident shows |
| :-- | :-- |
| [I00001 Lantern night](../../generated_pages/incidents/I00001.md) | Relays were busy all night. |
| [I00002 Second night](../../generated_pages/incidents/I00002.md) | First look., Second look. |



| Counters | Response types |
| :-- | :-- |
| [C00001 Dim the lanterns](../../generated_pages/counters/C00001.md) | D02 |


DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTechniqueT0001_001 = R"md(# Technique T0001.001: Relay Accounts

**Summary**: Accounts made for relaying.

**Tactic**: TA01 Light Up <br><br>**Parent Technique:** T0001 Lantern Relays


| Incident | What the incident shows |
| :-- | :-- |
| [I00001 Lantern night](../../generated_pages/incidents/I00001.md) | Seen on the night too. |

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTechniqueT0002 = R"md(# Technique T0002: Echo Boards

**Summary**: Boards that repeat whatever is posted.

**Tactic**: TA02 Spread Out


| Incident | What the incident shows |
| :-- | :-- |
| [I00001 Lantern night](../../generated_pages/incidents/I00001.md) | Boards repeated it, twice. |

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kTask = R"md(# Task TK0001: Fill the lamps

* **Belongs to tactic stage:** TA01

* **Summary:** Top up every lamp with oil.

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kIncidentI00001 = R"md(# Incident I00001: Lantern night

* **Summary:** A made-up night of lantern posts.

* **incident type**: incident

* **Year started:** 2020.0

* **Countries:** Exampleland , Otherland

* **Found via:** 

* **Date added:** 2030-05-06


Reference | Pub Date | Authors | Org | Archive
:-- | :-- | :-- | :-- | :--
| [https://example.org/night](https://example.org/night) | 2030/05/01 | Ann Example | Example Desk | [https://archive.example/night](https://archive.example/night) |

 

| Technique | Description given for this incident |
| :-- | :-- |
| [T0001 Lantern Relays](../../generated_pages/techniques/T0001.md) | Relays were busy all night. |
| [T0002 Echo Boards](../../generated_pages/techniques/T0002.md) | Boards repeated it. |
| [T0003 Unwritten](../../generated_pages/techniques/T0003.md) | A technique with no page. |


DO NOT EDIT ABOVE THIS LINE
)md";

const char* kIncidentI00002 = R"md(# Incident I00002: Second night

* **Summary:** Another made-up night.

| Technique | Description given for this incident |
| :-- | :-- |
| [T0001 Lantern Relays](../../generated_pages/techniques/T0001.md) | First look. |
| [T0001 Lantern Relays](../../generated_pages/techniques/T0001.md) | Second look. |

DO NOT EDIT ABOVE THIS LINE
)md";

const char* kCounter = R"md(# Counter C00001: Dim the lanterns

* **Summary**: Ask people to turn the lanterns down.

* **Belongs to tactic stage**: TA01

* **Playbooks**: 

* **Metatechnique**: M001 - Quiet

* **Resources needed:** 


| Actor types | Sectors |
| :-- | :-- |
| [A001 lamp lighter](../../generated_pages/actortypes/A001.md) | S001 |
| [A002 night watch](../../generated_pages/actortypes/A002.md) | S001, S002 |



| Counters these Tactics |
| :-- |
| [TA02 Spread Out](../../generated_pages/tactics/TA02.md) |



| Counters these Techniques |
| :-- |
| [T0001 Lantern Relays](../../generated_pages/techniques/T0001.md) |



| Seen in incidents |
| :-- |
| [I00001 Lantern night](../../generated_pages/incidents/I00001.md) |


DO NOT EDIT ABOVE THIS LINE
)md";

const char* kActorType = R"md(# Actor A001: lamp lighter

* **Summary:** Lights the lamps at dusk.

* **Sector:** S001

* **Viewpoint:** FW01 FW02


| Counters | Response types |
| :-- | :-- |
| [C00001 Dim the lanterns](../../generated_pages/counters/C00001.md) | D02 |


DO NOT EDIT ABOVE THIS LINE
)md";

const char* kMetatechnique = R"md(# Metatechnique M001: Quiet

* **Summary:** Make less light.


| Counters | Response types |
| :-- | :-- |
| [C00001 Dim the lanterns](../../generated_pages/counters/C00001.md) | D02 |

DO NOT EDIT ABOVE THIS LINE
)md";

// Index pages: upstream's HTML, with attributes of our own.
std::string index_page(const std::string& title, const std::vector<std::string>& columns,
                       const std::vector<std::vector<std::string>>& rows) {
  std::string out = "# Test index of " + title + "\n\n<table class=\"test\">\n<tr>";
  for (const auto& c : columns) out += "<th scope=\"col\">" + c + "</th>";
  out += "</tr>\n";
  for (const auto& row : rows) {
    out += "<tr class=\"row\">\n";
    for (const auto& cell : row) out += "<td class=\"cell\">" + cell + "</td>\n";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string link(const std::string& folder, const std::string& id, const std::string& text) {
  return "<a href=\"" + folder + "/" + id + ".md\">" + text + "</a>";
}

std::vector<PageFile> tree() {
  return {
      {"phases/P01.md", kPhase},
      {"tactics/TA01.md", kTacticTA01},
      {"tactics/TA02.md", kTacticTA02},
      {"tactics/TA03.md", kTacticTA03},
      {"techniques/T0001.md", kTechniqueT0001},
      {"techniques/T0001.001.md", kTechniqueT0001_001},
      {"techniques/T0002.md", kTechniqueT0002},
      {"tasks/TK0001.md", kTask},
      {"incidents/I00001.md", kIncidentI00001},
      {"incidents/I00002.md", kIncidentI00002},
      {"counters/C00001.md", kCounter},
      {"actortypes/A001.md", kActorType},
      {"metatechniques/M001.md", kMetatechnique},
      {"phases_index.md", index_page("phases", {"disarm_id", "name", "summary"},
                                     {{link("phases", "P01", "P01"), "Kindle", "Gather oil and wicks."}})},
      {"tactics_index.md",
       index_page("tactics", {"disarm_id", "name", "summary", "phase_id"},
                  {{link("tactics", "TA01", "TA01"), "Light Up", "Get lanterns burning.", "P01"},
                   {link("tactics", "TA02", "TA02"), "Spread Out", "Carry them.", "P01"},
                   {link("tactics", "TA04", "TA04"), "Never Written", "A row with no page.", "P01"}})},
      {"techniques_index.md",
       index_page("techniques", {"disarm_id", "name", "summary", "tactic_id"},
                  {{link("techniques", "T0001", "T0001"), "Lantern Relays", "Pass it on.", "TA01"},
                   {link("techniques", "T0001.001", "T0001.001"), "Relay Accounts", "Accounts.", "TA01"},
                   {link("techniques", "T0002", "T0002"), "Echo  boards", "Boards.", "TA01"}})},
      {"tasks_index.md", index_page("tasks", {"disarm_id", "name", "summary", "tactic_id"},
                                    {{link("tasks", "TK0001", "TK0001"), "Fill the lamps", "Oil.", "TA01"}})},
      {"incidents_index.md",
       index_page("incidents", {"disarm_id", "name", "objecttype", "year_started", "found_in_country", "found_via"},
                  {{link("incidents", "I00001", "I00001"), "Lantern night", "incident", "2020.0", "Otherland", ""},
                   {link("incidents", "I00002", "I00002"), "Second night", "", "", "", ""},
                   {link("incidents", "", ""), "", "", "", "", ""}})},
      {"counters_index.md",
       index_page("counters", {"disarm_id", "name", "summary", "metatechnique", "tactic", "responsetype"},
                  {{link("counters", "C00001", "C00001"), "Dim the lanterns", "Turn down.", "M001 - Quiet",
                    "TA01 An Older Name", "D02"}})},
      {"actortypes_index.md",
       index_page("actor types", {"disarm_id", "name", "summary", "sector_ids"},
                  {{link("actortypes", "A001", "A001"), "lamp lighter", "Lights lamps.", "S001"},
                   {link("actortypes", "A002", "A002"), "night watch", "Walks the streets.", "S002"}})},
      {"metatechniques_index.md", index_page("metatechniques", {"disarm_id", "name", "summary"},
                                             {{link("metatechniques", "M001", "M001"), "Quiet", "Less light."}})},
      {"detections_index.md",
       index_page("detections", {"disarm_id", "name", "summary", "metatechnique", "tactic", "responsetype"},
                  {{link("detections", "F00001", "F00001"), "Count the glow", "Measure brightness.", "",
                    "TA01 Light Up", "D01"},
                   {link("detections", "F00002", "F00002"), "Watch everywhere", "", "", "ALL", "D01"}})},
      {"responsetype_index.md", index_page("response types", {"disarm_id", "name", "summary"},
                                           {{link("response types", "D01", "D01"), "Notice", "See it."},
                                            {link("response types", "D02", "D02"), "Refuse", "Say no."}})},
      {"disarm_red_framework.md",
       "# Test red matrix\n\n<table class=\"m\">\n<tr>\n<tr class=\"head\">\n"
       "<td>" +
           link("tactics", "TA01", "TA01 Light Up") + "</td>\n<td>" + link("tactics", "TA02", "TA02 Spread Out") +
           "</td>\n</tr>\n<tr>\n<td>" + link("techniques", "T0001", "T0001 Lantern Relays") + "</td>\n<td>" +
           link("techniques", "T0002", "T0002 Echo Boards") + "</td>\n</tr>\n<tr>\n<td>" +
           link("techniques", "T0001.001", "T0001.001 Relay Accounts") + "</td>\n<td> </td>\n</tr>\n</table>\n"},
      {"disarm_blue_framework.md",
       "# Test blue matrix\n\n<table class=\"m\">\n<tr>\n<td>" + link("tactics", "TA01", "TA01 Light Up") +
           "</td>\n<td>" + link("tactics", "TA02", "TA02 Spread Out") + "</td>\n</tr>\n<tr>\n<td>" +
           link("counters", "C00001", "C00001 Dim the lanterns") + "</td>\n<td> </td>\n</tr>\n</table>\n"},
      {"tactics_by_responsetype_table.md", "# Counts\n\n<table><tr><td>derived</td></tr></table>\n"},
  };
}

std::string text_of(const std::string& path) {
  for (const auto& f : tree())
    if (f.path == path) return f.text;
  return {};
}

ImportResult import_tree(std::vector<PageFile> files) {
  Provenance p;
  p.name = "Importer test tree";
  p.licence = "MIT";
  return import_pages(files, p);
}

std::string at(const char* path, const char* page, const char* needle) {
  return std::string(path) + ":" + std::to_string(line_of(page, needle));
}

}  // namespace

TEST_CASE("the tree imports with every kind, placed as its pages say") {
  auto r = import_tree(tree());
  INFO(describe_all(r.warnings));
  CHECK(r.pages_recognised == 26);
  std::array<std::size_t, kKindCount> counts{};
  for (const auto& o : r.data.objects) counts[static_cast<std::size_t>(o.kind)]++;
  auto count = [&](Kind k) { return counts[static_cast<std::size_t>(k)]; };
  CHECK(count(Kind::Phase) == 1);
  CHECK(count(Kind::Tactic) == 4);     // TA01-TA03 pages, TA04 an index row
  CHECK(count(Kind::Technique) == 4);  // T0003 only named by I00001
  CHECK(count(Kind::Task) == 1);
  CHECK(count(Kind::Incident) == 2);
  CHECK(count(Kind::Counter) == 1);
  CHECK(count(Kind::ActorType) == 2);
  CHECK(count(Kind::Metatechnique) == 1);
  CHECK(count(Kind::Detection) == 2);
  CHECK(count(Kind::ResponseType) == 2);
  CHECK(count(Kind::Sector) == 2);
  CHECK(count(Kind::Framework) == 2);
  CHECK(r.data.provenance.name == "Importer test tree");
}

TEST_CASE("pages that no index lists, and index rows that have no page, are kept and reported") {
  auto r = import_tree(tree());
  const Object* ta03 = find_object(r.data, "TA03");
  REQUIRE(ta03);
  CHECK_FALSE(ta03->indexed);
  CHECK(ta03->has_page);
  CHECK(warned(r.warnings, "tactics/TA03.md:1", "listed in no index or matrix page"));

  const Object* ta04 = find_object(r.data, "TA04");
  REQUIRE(ta04);
  CHECK_FALSE(ta04->has_page);
  CHECK(ta04->indexed);
  CHECK(ta04->name == "Never Written");
  CHECK(targets(r.data, RelationType::TacticPhase, "TA04") == std::vector<std::string>{"P01"});
  CHECK(warned(r.warnings, "tactics_index.md:" + std::to_string(line_of(text_of("tactics_index.md"), "TA04.md")),
               "has no page"));

  // Detections and response types only ever have index rows: no warning for them.
  const Object* f1 = find_object(r.data, "F00001");
  REQUIRE(f1);
  CHECK_FALSE(f1->has_page);
  CHECK(f1->name == "Count the glow");
  CHECK(targets(r.data, RelationType::DetectionTactic, "F00001") == std::vector<std::string>{"TA01"});
  CHECK(targets(r.data, RelationType::DetectionResponseType, "F00001") == std::vector<std::string>{"D01"});
  CHECK_FALSE(warned(r.warnings,
                     "detections_index.md:" + std::to_string(line_of(text_of("detections_index.md"), "F00001.md")),
                     "has no page"));
  const Object* f2 = find_object(r.data, "F00002");
  REQUIRE(f2);
  const Field* tactic = find_field(*f2, "Tactic");
  REQUIRE(tactic);
  CHECK(tactic->value == "ALL");
  CHECK(warned(r.warnings,
               "detections_index.md:" + std::to_string(line_of(text_of("detections_index.md"), "F00002.md")),
               "\"ALL\" is not a tactic ID"));

  // Index pages list what they list: an empty row is reported, a page's name wins.
  CHECK(warned(r.warnings,
               "incidents_index.md:" + std::to_string(line_of(text_of("incidents_index.md"), "incidents/.md")),
               "an empty row"));
  CHECK(find_object(r.data, "T0002")->name == "Echo Boards");
  CHECK_FALSE(warned(r.warnings,
                     "techniques_index.md:" + std::to_string(line_of(text_of("techniques_index.md"), "T0002.md")),
                     "its page"));

  const Object* t3 = find_object(r.data, "T0003");
  REQUIRE(t3);
  CHECK_FALSE(t3->has_page);
  CHECK_FALSE(t3->indexed);
  CHECK(t3->name == "Unwritten");
  CHECK(warned(r.warnings, at("incidents/I00001.md", kIncidentI00001, "[T0003"), "names T0003, which has no page"));
}

TEST_CASE("a relation's own page wins over the pages that mirror it, and a contradiction is kept, disputed") {
  auto r = import_tree(tree());
  INFO(describe_all(r.warnings));
  // T0002's page says TA02; TA01's Techniques table and the techniques index say TA01: both
  // are kept, once each, TA01 marked as disputed and saying who states what.
  CHECK(targets(r.data, RelationType::TechniqueTactic, "T0002") == std::vector<std::string>{"TA02", "TA01"});
  CHECK_FALSE(find_relation(r.data, RelationType::TechniqueTactic, "T0002", "TA02")->disputed());
  const Relation* disputed = find_relation(r.data, RelationType::TechniqueTactic, "T0002", "TA01");
  REQUIRE(disputed);
  CHECK(disputed->disputed());
  CHECK_THAT(disputed->dispute, ContainsText("techniques/T0002.md:5 gives TA02"));
  CHECK(warned(r.warnings, at("tactics/TA01.md", kTacticTA01, "[T0002"),
               "gives TA01 as T0002's tactic, but techniques/T0002.md:5 gives TA02"));
  CHECK(warned(r.warnings, "techniques_index.md:" + std::to_string(line_of(text_of("techniques_index.md"), "T0002.md")),
               "gives TA01 as T0002's tactic"));
  // The red matrix puts T0002 under TA02, as its page does: no warning from it.
  CHECK_FALSE(warned(
      r.warnings, "disarm_red_framework.md:" + std::to_string(line_of(text_of("disarm_red_framework.md"), "T0002.md")),
      "T0002"));

  // The counters index names TA01 by an old name: that is no disagreement.
  CHECK(targets(r.data, RelationType::CounterTactic, "C00001") == std::vector<std::string>{"TA01"});
  CHECK(targets(r.data, RelationType::CounterResponseType, "C00001") == std::vector<std::string>{"D02"});
  CHECK(targets(r.data, RelationType::CounterMetatechnique, "C00001") == std::vector<std::string>{"M001"});
  CHECK(targets(r.data, RelationType::TaskTactic, "TK0001") == std::vector<std::string>{"TA01"});
  CHECK(targets(r.data, RelationType::TacticPhase, "TA01") == std::vector<std::string>{"P01"});
  CHECK(targets(r.data, RelationType::TechniqueParent, "T0001.001") == std::vector<std::string>{"T0001"});
}

TEST_CASE("incident evidence: each pair once, the incident page's text, disagreements reported") {
  auto r = import_tree(tree());
  INFO(describe_all(r.warnings));
  // The incident's own order first, then a pair only the technique page states.
  CHECK(targets(r.data, RelationType::IncidentTechnique, "I00001") ==
        std::vector<std::string>{"T0001", "T0002", "T0003", "T0001.001"});
  CHECK(find_relation(r.data, RelationType::IncidentTechnique, "I00001", "T0001")->text ==
        "Relays were busy all night.");
  CHECK(find_relation(r.data, RelationType::IncidentTechnique, "I00001", "T0002")->text == "Boards repeated it.");
  CHECK(
      warned(r.warnings, at("techniques/T0002.md", kTechniqueT0002, "[I00001"), "differs from incidents/I00001.md's"));
  CHECK(warned(r.warnings, at("techniques/T0001.001.md", kTechniqueT0001_001, "[I00001"),
               "I00001's page does not list T0001.001"));
  CHECK(find_relation(r.data, RelationType::IncidentTechnique, "I00001", "T0001.001")->text ==
        "Seen on the night too.");

  // Two rows for one pair: one relation with both texts. Upstream's technique page joins
  // them with ", ", which is agreement, not a difference.
  CHECK(targets(r.data, RelationType::IncidentTechnique, "I00002") == std::vector<std::string>{"T0001"});
  CHECK(find_relation(r.data, RelationType::IncidentTechnique, "I00002", "T0001")->text ==
        "First look.<br><br>Second look.");
  CHECK(warned(r.warnings, at("incidents/I00002.md", kIncidentI00002, "Second look"), "lists T0001 again"));
  CHECK_FALSE(warned(r.warnings, at("techniques/T0001.md", kTechniqueT0001, "[I00002"), "differs"));
}

TEST_CASE("counters, actor types, sectors and viewpoints") {
  auto r = import_tree(tree());
  INFO(describe_all(r.warnings));
  CHECK(targets(r.data, RelationType::CounterActorType, "C00001") == std::vector<std::string>{"A001", "A002"});
  CHECK(targets(r.data, RelationType::CounterSector, "C00001") == std::vector<std::string>{"S001", "S002"});
  CHECK(targets(r.data, RelationType::CounterCountersTactic, "C00001") == std::vector<std::string>{"TA02"});
  CHECK(targets(r.data, RelationType::CounterTechnique, "C00001") == std::vector<std::string>{"T0001"});
  CHECK(targets(r.data, RelationType::CounterIncident, "C00001") == std::vector<std::string>{"I00001"});
  CHECK(targets(r.data, RelationType::ActorTypeSector, "A001") == std::vector<std::string>{"S001"});
  CHECK(targets(r.data, RelationType::ActorTypeSector, "A002") == std::vector<std::string>{"S002"});
  CHECK(targets(r.data, RelationType::ActorTypeFramework, "A001") == std::vector<std::string>{"FW01", "FW02"});
  const Object* a2 = find_object(r.data, "A002");
  REQUIRE(a2);
  CHECK_FALSE(a2->has_page);
  const Object* counter = find_object(r.data, "C00001");
  REQUIRE(counter);
  REQUIRE(counter->fields.size() == 2);
  CHECK(counter->fields[0].key == "Playbooks");
  CHECK(counter->fields[1].key == "Resources needed");
}

TEST_CASE("incident fields and references") {
  auto r = import_tree(tree());
  const Object* i = find_object(r.data, "I00001");
  REQUIRE(i);
  CHECK(i->name == "Lantern night");
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& f : i->fields) fields.emplace_back(f.key, f.value);
  CHECK(fields == std::vector<std::pair<std::string, std::string>>{{"Incident type", "incident"},
                                                                   {"Year started", "2020"},
                                                                   {"Countries", "Exampleland, Otherland"},
                                                                   {"Found via", ""},
                                                                   {"Date added", "2030-05-06"}});
  REQUIRE(i->references.size() == 1);
  const Reference& ref = i->references[0];
  CHECK(ref.title == "https://example.org/night");
  CHECK(ref.url == "https://example.org/night");
  CHECK(ref.published == "2030/05/01");
  CHECK(ref.authors == "Ann Example");
  CHECK(ref.organisation == "Example Desk");
  CHECK(ref.archive_url == "https://archive.example/night");
}

TEST_CASE("matrices keep upstream's column and row order") {
  auto r = import_tree(tree());
  REQUIRE(r.data.red.columns.size() == 2);
  CHECK(r.data.red.columns[0].tactic == "TA01");
  CHECK(r.data.red.columns[0].cells == std::vector<std::string>{"T0001", "T0001.001"});
  CHECK(r.data.red.columns[1].tactic == "TA02");
  CHECK(r.data.red.columns[1].cells == std::vector<std::string>{"T0002"});
  REQUIRE(r.data.blue.columns.size() == 2);
  CHECK(r.data.blue.columns[0].cells == std::vector<std::string>{"C00001"});
  CHECK(r.data.blue.columns[1].cells.empty());
}

TEST_CASE("the import does not depend on file order, and its snapshot round-trips") {
  auto files = tree();
  auto first = import_tree(files);
  std::reverse(files.begin(), files.end());
  auto second = import_tree(files);
  std::string saved = save_snapshot(first.data);
  CHECK(save_snapshot(second.data) == saved);
  CHECK(describe_all(first.warnings) == describe_all(second.warnings));

  auto parsed = parse_snapshot(saved);
  REQUIRE(parsed.ok());
  CHECK(save_snapshot(parsed.value()) == saved);
  CHECK(parsed.value() == first.data);
}

TEST_CASE("index pages: a header of <td> cells, short rows, IDs of another kind") {
  const std::string page =
      "# Test index\n\n<table>\n<tr><td>disarm_id</td><td>name</td><td>summary</td><td>tactic_id</td></tr>\n"
      "<tr><td>T0201</td><td>Lamp Posts</td></tr>\n"
      "<tr><td>C00201</td><td>Not a technique</td><td></td><td>TA01</td></tr>\n"
      "<tr><td>T0202</td><td>Wick <i>Trims</i></td><td>Cut <br /> wicks.</td><td>TA01, TA02</td></tr>\n</table>\n";
  auto r = import_tree({{"techniques_index.md", page}});
  INFO(describe_all(r.warnings));
  CHECK(warned(r.warnings, "techniques_index.md:5", "a row has 2 cells for 4 columns"));
  CHECK(warned(r.warnings, "techniques_index.md:6", "C00201 is not a technique; skipped"));
  const Object* posts = find_object(r.data, "T0201");
  REQUIRE(posts);
  CHECK_FALSE(posts->has_page);
  CHECK(posts->name == "Lamp Posts");
  const Object* trims = find_object(r.data, "T0202");
  REQUIRE(trims);
  CHECK(trims->name == "Wick Trims");
  CHECK(trims->summary == "Cut <br /> wicks.");
  CHECK(targets(r.data, RelationType::TechniqueTactic, "T0202") == std::vector<std::string>{"TA01", "TA02"});
  CHECK_FALSE(find_object(r.data, "C00201"));
}

TEST_CASE("matrices: cells of the wrong kind, beyond the last column or repeated are reported") {
  const std::string page = "# Test red matrix\n\n<table>\n<tr><td>" + link("tactics", "TA01", "TA01 Light Up") +
                           "</td><td>Nothing</td></tr>\n"
                           "<tr><td>" +
                           link("techniques", "T0001", "T0001 Lantern Relays") + "</td><td>" +
                           link("techniques", "T0002", "T0002 Echo Boards") +
                           "</td></tr>\n"
                           "<tr><td>" +
                           link("counters", "C00001", "C00001 Dim") +
                           "</td><td> </td><td>T0003 Extra</td></tr>\n"
                           "<tr><td>" +
                           link("techniques", "T0001", "T0001 Lantern Relays") + "</td></tr>\n</table>\n";
  auto r = import_tree({{"disarm_red_framework.md", page}});
  INFO(describe_all(r.warnings));
  CHECK(warned(r.warnings, "disarm_red_framework.md:4", "a column names no tactic (\"Nothing\")"));
  CHECK(warned(r.warnings, "disarm_red_framework.md:6", "a cell names no technique (\"C00001 Dim\")"));
  CHECK(warned(r.warnings, "disarm_red_framework.md:6", "a cell beyond the last column (\"T0003 Extra\")"));
  CHECK(warned(r.warnings, "disarm_red_framework.md:7", "T0001 is already in the column of TA01"));
  REQUIRE(r.data.red.columns.size() == 1);
  CHECK(r.data.red.columns[0].cells == std::vector<std::string>{"T0001"});
  CHECK(r.data.blue.columns.empty());
}
