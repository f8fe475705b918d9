// Single datasheets in upstream's format, well-formed and drifted or broken. Every text
// here is invented for these tests; only the layout follows upstream's generator.
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/import/importer.hpp"
#include "imported_data_lookup.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

ImportResult import_files(std::vector<PageFile> files) {
  Provenance p;
  p.name = "Importer test pages";
  p.licence = "MIT";
  return import_pages(files, p);
}

ImportResult import_one(const std::string& path, const std::string& text) {
  return import_files({PageFile{path, text}});
}

const char* kTechnique = R"md(# Technique T0101.001: Lantern Relay Accounts

**Summary**: Accounts that pass the lantern story along to new readers.<br><br>Made up for the importer tests.

**Tactic**: TA07 Pick Channels <br><br>**Parent Technique:** T0101 Lantern Relays


| Associated Technique | Description |
| :-- | :-- |
| [T0102 Echo Boards](../../generated_pages/techniques/T0102.md) | Relays often post where <i>echo boards</i> gather. |



| Incident | What the incident shows |
| :-- | :-- |
| [I00501 The lantern rumour](../../generated_pages/incidents/I00501.md) | Relay accounts carried the rumour (T0101.001: Lantern Relay Accounts).<br><br>Second paragraph. |



| Counters | Response types |
| :-- | :-- |
| [C00901 Dim the lanterns](../../generated_pages/counters/C00901.md) | D03 |


DO NOT EDIT ABOVE THIS LINE (notes for the test below)
)md";

}  // namespace

TEST_CASE("a technique datasheet becomes an object with its fields, relations and texts") {
  auto r = import_one("techniques/T0101.001.md", kTechnique);
  INFO(describe_all(r.warnings));
  CHECK(r.pages_recognised == 1);
  const Object* t = find_object(r.data, "T0101.001");
  REQUIRE(t);
  CHECK(t->kind == Kind::Technique);
  CHECK(t->name == "Lantern Relay Accounts");
  CHECK(t->summary ==
        "Accounts that pass the lantern story along to new readers.<br><br>Made up for the importer tests.");
  CHECK(t->has_page);
  CHECK(t->fields.empty());  // Tactic and Parent Technique became relations

  CHECK(targets(r.data, RelationType::TechniqueTactic, "T0101.001") == std::vector<std::string>{"TA07"});
  CHECK(targets(r.data, RelationType::TechniqueParent, "T0101.001") == std::vector<std::string>{"T0101"});
  const Relation* associated = find_relation(r.data, RelationType::TechniqueAssociated, "T0101.001", "T0102");
  REQUIRE(associated);
  CHECK(associated->text == "Relays often post where <i>echo boards</i> gather.");
  const Relation* evidence = find_relation(r.data, RelationType::IncidentTechnique, "I00501", "T0101.001");
  REQUIRE(evidence);
  CHECK(evidence->text ==
        "Relay accounts carried the rumour (T0101.001: Lantern Relay Accounts).<br><br>Second paragraph.");
  CHECK(find_relation(r.data, RelationType::CounterTechnique, "C00901", "T0101.001"));
  CHECK(find_relation(r.data, RelationType::CounterResponseType, "C00901", "D03"));

  // Objects only named here exist, page-less, with the name the link gives them.
  const Object* incident = find_object(r.data, "I00501");
  REQUIRE(incident);
  CHECK_FALSE(incident->has_page);
  CHECK(incident->name == "The lantern rumour");
  CHECK(warned(r.warnings, "techniques/T0101.001.md", "no techniques_index.md was given"));
}

TEST_CASE("fields read the same with and without bullets, colon inside or outside the bold, extra spaces") {
  const std::vector<std::string> summaries = {
      "* **Summary:** Tally how many lanterns the campaign lit.",
      "* **Summary**: Tally how many lanterns the campaign lit.",
      "**Summary:** Tally how many lanterns the campaign lit.",
      "**Summary**: Tally how many lanterns the campaign lit.",
      "*   **Summary** :    Tally how many lanterns the campaign lit.   ",
      "- __Summary:__ Tally how many lanterns the campaign lit.",
  };
  const std::vector<std::string> stages = {
      "* **Belongs to tactic stage:** TA12",
      "**Belongs to tactic stage**: TA12 Assess",
      "* **Belongs to  tactic stage**:   ta12  ",
  };
  for (const auto& summary : summaries)
    for (const auto& stage : stages) {
      std::string page =
          "# Task TK0901: Count the lanterns\n\n" + summary + "\n\n" + stage + "\n\nDO NOT EDIT ABOVE THIS LINE\n";
      INFO(page);
      auto r = import_one("tasks/TK0901.md", page);
      INFO(describe_all(r.warnings));
      const Object* task = find_object(r.data, "TK0901");
      REQUIRE(task);
      CHECK(task->name == "Count the lanterns");
      CHECK(task->summary == "Tally how many lanterns the campaign lit.");
      CHECK(task->fields.empty());
      CHECK(targets(r.data, RelationType::TaskTactic, "TK0901") == std::vector<std::string>{"TA12"});
      CHECK(r.warnings.size() == 2);  // no tasks_index.md; TA12 has no page
    }
}

TEST_CASE("a tight list of fields and CRLF line ends read like upstream's layout") {
  std::string page =
      "# Actor A901: lantern keeper\r\n\r\n* **Summary:** Someone who looks after the lanterns.\r\n"
      "* **Sector:** S004, S009\r\n* **Viewpoint:** FW01 FW02\r\n\r\nDO NOT EDIT ABOVE THIS LINE\r\n";
  auto r = import_one("actortypes/A901.md", page);
  INFO(describe_all(r.warnings));
  const Object* a = find_object(r.data, "A901");
  REQUIRE(a);
  CHECK(a->summary == "Someone who looks after the lanterns.");
  CHECK(targets(r.data, RelationType::ActorTypeSector, "A901") == std::vector<std::string>{"S004", "S009"});
  // Upstream separates viewpoints with a space only on some pages.
  CHECK(targets(r.data, RelationType::ActorTypeFramework, "A901") == std::vector<std::string>{"FW01", "FW02"});
  const Object* sector = find_object(r.data, "S004");
  REQUIRE(sector);
  CHECK_FALSE(sector->has_page);
  CHECK(sector->indexed);
  CHECK(r.warnings.size() == 1);  // no actortypes_index.md; sectors and viewpoints are page-less by nature
}

TEST_CASE("empty tables give no relations and no warnings") {
  const char* page = R"md(# Counter C00902: Close the lantern shop

* **Summary**: Ask the shop that sells the lanterns to stop for a week.

* **Playbooks**: 

* **Metatechnique**: M004 - Friction

* **Belongs to tactic stage**: TA15

* **Resources needed:** R003 - money


| Seen in incidents |
| :-- |



| Counters these Techniques |
| :-- |



| Actor types | Sectors |
| :-- | :-- |



| Counters these Tactics |
| :-- |


DO NOT EDIT ABOVE THIS LINE, keep notes under it
)md";
  auto r = import_one("counters/C00902.md", page);
  INFO(describe_all(r.warnings));
  const Object* c = find_object(r.data, "C00902");
  REQUIRE(c);
  REQUIRE(c->fields.size() == 2);
  CHECK(c->fields[0].key == "Playbooks");
  CHECK(c->fields[0].value.empty());
  CHECK(c->fields[1].key == "Resources needed");
  CHECK(c->fields[1].value == "R003 - money");
  CHECK(targets(r.data, RelationType::CounterMetatechnique, "C00902") == std::vector<std::string>{"M004"});
  CHECK(targets(r.data, RelationType::CounterTactic, "C00902") == std::vector<std::string>{"TA15"});
  CHECK(r.data.relations.size() == 2);
  CHECK(r.warnings.size() == 3);  // no counters_index.md; M004 and TA15 have no page
}

TEST_CASE("a truncated datasheet keeps what it has and says it may be truncated") {
  const char* page = R"md(# Technique T0103: Paper Lanterns

**Summary**: Printed lanterns handed out at town events.

**Tactic**: TA09 Deliver


| Incident | What the incident shows |
| :-- | :-- |
| [I00502 Handouts at the fair](../../generated_pages/incidents/I00502.md) | Volunteers gave out paper lant)md";
  auto r = import_one("techniques/T0103.md", page);
  INFO(describe_all(r.warnings));
  CHECK(warned(r.warnings, "techniques/T0103.md:1", "may be truncated"));
  const Object* t = find_object(r.data, "T0103");
  REQUIRE(t);
  CHECK(t->summary == "Printed lanterns handed out at town events.");
  const Relation* evidence = find_relation(r.data, RelationType::IncidentTechnique, "I00502", "T0103");
  REQUIRE(evidence);
  CHECK(evidence->text == "Volunteers gave out paper lant");
}

TEST_CASE("table rows with too few or too many cells are repaired and reported") {
  const std::string page = R"md(# Incident I00503: Lantern night

* **Summary:** A made-up evening of lantern posts.

* **incident type**: incident

* **Year started:** 2021.0

* **Countries:**  , 

* **Found via:** 

* **Date added:** 2030-01-02


Reference | Pub Date | Authors | Org | Archive
:-- | :-- | :-- | :-- | :--
| [A lantern report](https://example.org/lanterns) | 2031/02/03 | 
Ann Example | - | [-](-) |
| [https://example.org/second](https://example.org/second) | 2031/04/05 | Bo Writer | Example Desk | [https://archive.example/second](https://archive.example/second) |

 

| Technique | Description given for this incident |
| :-- | :-- |
| [T0101 Lantern Relays](../../generated_pages/techniques/T0101.md) |
| [T0102 Echo Boards](../../generated_pages/techniques/T0102.md) | Posts said: noun | verb | noun, on every board. |


DO NOT EDIT ABOVE THIS LINE
)md";
  auto r = import_one("incidents/I00503.md", page);
  INFO(describe_all(r.warnings));
  const Object* i = find_object(r.data, "I00503");
  REQUIRE(i);
  REQUIRE(i->fields.size() == 5);
  CHECK(i->fields[0].key == "Incident type");
  CHECK(i->fields[0].value == "incident");
  CHECK(i->fields[1].value == "2021");  // upstream writes years as floats
  CHECK(i->fields[2].key == "Countries");
  CHECK(i->fields[2].value.empty());  // " , " when no country is known
  CHECK(i->fields[4].value == "2030-01-02");

  // A reference row broken over two lines is joined; "-" means nothing.
  CHECK(warned(r.warnings, "incidents/I00503.md:" + std::to_string(line_of(page, "[A lantern report]")),
               "continues on line"));
  REQUIRE(i->references.size() == 2);
  CHECK(i->references[0].title == "A lantern report");
  CHECK(i->references[0].url == "https://example.org/lanterns");
  CHECK(i->references[0].published == "2031/02/03");
  CHECK(i->references[0].authors == "Ann Example");
  CHECK(i->references[0].organisation.empty());
  CHECK(i->references[0].archive_url.empty());
  CHECK(i->references[1].organisation == "Example Desk");
  CHECK(i->references[1].archive_url == "https://archive.example/second");

  // Too few cells: padded. Too many: the extra '|' belong to the last cell's text.
  CHECK(warned(r.warnings, "incidents/I00503.md:" + std::to_string(line_of(page, "[T0101 Lantern")),
               "1 cells for 2 columns"));
  const Relation* short_row = find_relation(r.data, RelationType::IncidentTechnique, "I00503", "T0101");
  REQUIRE(short_row);
  CHECK(short_row->text.empty());
  CHECK(warned(r.warnings, "incidents/I00503.md:" + std::to_string(line_of(page, "[T0102 Echo")),
               "4 cells for 2 columns"));
  const Relation* long_row = find_relation(r.data, RelationType::IncidentTechnique, "I00503", "T0102");
  REQUIRE(long_row);
  CHECK(long_row->text == "Posts said: noun | verb | noun, on every board.");
}

TEST_CASE("bad IDs are reported with their line, the file name stands in for a bad title ID") {
  SECTION("a bad title ID, a good file name") {
    auto r = import_one("techniques/T0104.md", "# Technique T01X1: Broken lantern\n\n**Summary**: Cracked glass.\n");
    INFO(describe_all(r.warnings));
    CHECK(warned(r.warnings, "techniques/T0104.md:1", "no valid ID in the title"));
    const Object* t = find_object(r.data, "T0104");
    REQUIRE(t);
    CHECK(t->name == "Broken lantern");
  }
  SECTION("no ID anywhere: not imported") {
    auto r = import_one("techniques/lantern.md", "# Technique TX: Nothing here\n\n**Summary**: Empty.\n");
    CHECK(warned(r.warnings, "techniques/lantern.md:1", "not imported"));
    CHECK(r.data.objects.empty());
  }
  SECTION("the title and the file name disagree: the title wins") {
    auto r = import_one("techniques/T0105.md", "# Technique T0106: Misfiled lantern\n\nDO NOT EDIT ABOVE THIS LINE\n");
    CHECK(warned(r.warnings, "techniques/T0105.md:1", "the title gives T0106 but the file is named T0105"));
    CHECK(find_object(r.data, "T0106"));
    CHECK_FALSE(find_object(r.data, "T0105"));
  }
  SECTION("a bad ID in a table row, and an ID of the wrong kind") {
    const std::string page =
        "# Incident I00504: Short IDs\n\n* **Summary:** Rows with odd IDs.\n\n"
        "| Technique | Description given for this incident |\n| :-- | :-- |\n"
        "| [T01 Short id](../../generated_pages/techniques/T01.md) | one |\n"
        "| [C00001 A counter](../../generated_pages/counters/C00001.md) | two |\n"
        "| [T0107 Fine](../../generated_pages/techniques/T0107.md) | three |\n\nDO NOT EDIT ABOVE THIS LINE\n";
    auto r = import_one("incidents/I00504.md", page);
    INFO(describe_all(r.warnings));
    CHECK(warned(r.warnings, "incidents/I00504.md:7", "names no technique"));
    CHECK(warned(r.warnings, "incidents/I00504.md:8", "C00001 is not a technique"));
    CHECK(targets(r.data, RelationType::IncidentTechnique, "I00504") == std::vector<std::string>{"T0107"});
  }
  SECTION("a field that should name IDs and does not is kept as text") {
    auto r = import_one("tactics/TA19.md",
                        "# Tactic TA19: Wander\n\n* **Summary:** Go anywhere.\n\n* **Belongs to phase:** ALL\n");
    INFO(describe_all(r.warnings));
    CHECK(warned(r.warnings, "tactics/TA19.md:5", "\"ALL\" is not a phase ID"));
    const Object* t = find_object(r.data, "TA19");
    REQUIRE(t);
    const Field* phase = find_field(*t, "Phase");
    REQUIRE(phase);
    CHECK(phase->value == "ALL");
  }
}

TEST_CASE("invalid UTF-8 is replaced and reported at its line") {
  std::string page = "# Phase P09: Glow\n\n* **Summary:** Bright \xff\xfe lanterns.\n\nDO NOT EDIT ABOVE THIS LINE\n";
  auto r = import_one("phases/P09.md", page);
  CHECK(warned(r.warnings, "phases/P09.md:3", "invalid UTF-8 or NUL: 2 byte(s)"));
  const Object* p = find_object(r.data, "P09");
  REQUIRE(p);
  CHECK(p->summary == "Bright \xEF\xBF\xBD\xEF\xBF\xBD lanterns.");
}

TEST_CASE("a huge line is read whole") {
  std::string words;
  while (words.size() < 2'000'000) words += "lantern light ";
  words.pop_back();
  std::string page = "# Metatechnique M099: Long glow\n\n* **Summary:** " + words + "\n\nDO NOT EDIT ABOVE THIS LINE\n";
  auto r = import_one("metatechniques/M099.md", page);
  const Object* m = find_object(r.data, "M099");
  REQUIRE(m);
  CHECK(m->summary.size() == words.size());
  CHECK(r.warnings.size() == 1);  // no metatechniques_index.md
}

TEST_CASE("unknown fields and tables, stray text and notes") {
  const std::string page = R"md(# Counter C00903: Count the wicks

A sentence before any field, which no field holds.

* **Summary**: Keep a tally of wicks sold.

* **Lantern colour:** amber

* **Belongs to tactic stage**: TA15


| Wick sizes | Count |
| :-- | :-- |
| small | 3 |

DO NOT EDIT ABOVE THIS LINE
Checked by hand in the test.
)md";
  auto r = import_one("counters/C00903.md", page);
  INFO(describe_all(r.warnings));
  auto at = [&](const char* needle) { return "counters/C00903.md:" + std::to_string(line_of(page, needle)); };
  CHECK(warned(r.warnings, at("A sentence before"), "text outside any field or table"));
  CHECK(warned(r.warnings, at("Lantern colour"), "unknown field \"Lantern colour\""));
  CHECK(warned(r.warnings, at("| Wick sizes"), "unknown table \"wick sizes\""));
  const Object* c = find_object(r.data, "C00903");
  REQUIRE(c);
  CHECK(c->summary == "Keep a tally of wicks sold.");
  const Field* colour = find_field(*c, "Lantern colour");
  REQUIRE(colour);
  CHECK(colour->value == "amber");
  const Field* notes = find_field(*c, "Notes");
  REQUIRE(notes);
  CHECK(notes->value == "Checked by hand in the test.");
}

TEST_CASE("a summary over several paragraphs is one field") {
  const std::string page = R"md(# Incident I00505: Long story

* **Summary:** The first paragraph starts in the list item
and runs on to a second line.

A paragraph of its own still belongs to the summary.

* **incident type**: campaign

DO NOT EDIT ABOVE THIS LINE
)md";
  auto r = import_one("incidents/I00505.md", page);
  INFO(describe_all(r.warnings));
  const Object* i = find_object(r.data, "I00505");
  REQUIRE(i);
  CHECK(i->summary ==
        "The first paragraph starts in the list item\nand runs on to a second line.\n\n"
        "A paragraph of its own still belongs to the summary.");
  REQUIRE(i->fields.size() == 1);
  CHECK(i->fields[0].value == "campaign");
  CHECK(r.warnings.size() == 1);  // no incidents_index.md
}

TEST_CASE("links are read with either generated_pages prefix, or by their target alone") {
  const std::string page = R"md(# Tactic TA12: Tally

* **Summary:** Work out what the lanterns achieved.

* **Belongs to phase:** P04



| Tasks |
| :-- |
| [TK0901 Count the lanterns](../generated_pages/tasks/TK0901.md) |
| [TK0902 Weigh the oil](../../generated_pages/tasks/TK0902.md) |
| [Lantern inventory](tasks/TK0903.md) |
| [TK0904 Linked elsewhere](../../generated_pages/tasks/TK0905.md) |

DO NOT EDIT ABOVE THIS LINE
)md";
  auto r = import_one("tactics/TA12.md", page);
  INFO(describe_all(r.warnings));
  for (const char* task : {"TK0901", "TK0902", "TK0903", "TK0904"}) {
    INFO(task);
    CHECK(targets(r.data, RelationType::TaskTactic, task) == std::vector<std::string>{"TA12"});
  }
  const Object* inventory = find_object(r.data, "TK0903");
  REQUIRE(inventory);
  CHECK(inventory->name == "Lantern inventory");
  CHECK(warned(r.warnings, "tactics/TA12.md:" + std::to_string(line_of(page, "[TK0904")),
               "reads TK0904 but leads to tasks/TK0905.md"));
}

TEST_CASE("sub-techniques: a missing parent comes from the ID, a wrong one is reported") {
  auto missing = import_one("techniques/T0108.002.md",
                            "# Technique T0108.002: Small flame\n\n**Summary**: A sub-technique.\n\n"
                            "**Tactic**: TA06\n\nDO NOT EDIT ABOVE THIS LINE\n");
  CHECK(warned(missing.warnings, "techniques/T0108.002.md:1", "the parent is taken from the ID: T0108"));
  CHECK(targets(missing.data, RelationType::TechniqueParent, "T0108.002") == std::vector<std::string>{"T0108"});

  auto wrong =
      import_one("techniques/T0108.003.md",
                 "# Technique T0108.003: Other flame\n\n**Summary**: Another.\n\n"
                 "**Tactic**: TA06 <br><br>**Parent Technique:** T0109 Elsewhere\n\nDO NOT EDIT ABOVE THIS LINE\n");
  CHECK(warned(wrong.warnings, "techniques/T0108.003.md:1", "is not the ID's T0108"));
}

TEST_CASE("stray and misplaced files are reported, never silently dropped") {
  auto r = import_files({
      PageFile{"incidents/.md", "# Incident : \n\n* **Summary:** \n\nDO NOT EDIT ABOVE THIS LINE\n"},
      PageFile{"README.txt", "notes"},
      PageFile{"techniques/nested/T0110.md", "# Technique T0110: Deep\n"},
      PageFile{"phases/P08.md", ""},
      PageFile{"techniques/C00904.md",
               "# Counter C00904: Misfiled counter\n\n* **Summary**: Filed with the techniques.\n"},
  });
  INFO(describe_all(r.warnings));
  CHECK(r.pages_recognised == 3);
  CHECK(warned(r.warnings, "incidents/.md:1", "no ID in the title"));
  CHECK(warned(r.warnings, "README.txt", "not a DISARM generated page"));
  CHECK(warned(r.warnings, "techniques/nested/T0110.md", "not a DISARM generated page"));
  CHECK(warned(r.warnings, "phases/P08.md", "an empty page"));
  CHECK(warned(r.warnings, "techniques/C00904.md:1", "C00904 is a counter but its page is in the techniques folder"));
  const Object* c = find_object(r.data, "C00904");
  REQUIRE(c);
  CHECK(c->kind == Kind::Counter);
  CHECK(r.data.objects.size() == 1);
}

TEST_CASE("names are plain text: markup dropped, entities decoded, summaries keep their markdown") {
  auto r = import_one("techniques/T0111.md",
                      "# Technique T0111: Lamps &amp; *Wicks* &#8217;n <i>Oil</i> &#x263A;\n\n"
                      "**Summary**: Oil &amp; <i>wicks</i>, **bold**.\n\nDO NOT EDIT ABOVE THIS LINE\n");
  const Object* t = find_object(r.data, "T0111");
  REQUIRE(t);
  CHECK(t->name == "Lamps & Wicks \xE2\x80\x99n Oil \xE2\x98\xBA");
  CHECK(t->summary == "Oil &amp; <i>wicks</i>, **bold**.");
}

TEST_CASE("a table whose rows md4c splits at lone CRs, near the end marker, imports without throwing") {
  // Found by tests/fuzz/pages_fuzzer.cpp (regressions/pages_fuzzer/crash-table-rows-past-body):
  // md4c ends lines at a lone CR, the line index only at LF, so a row's line fell past the
  // body and split_row read beyond it.
  const std::string page =
      "# Incident I00504: Lone returns\n\n"
      "Reference | Pub Date | Archive\n:-- | :-- \r| :-- | :--\n| [a\rb](https://example.org/) | 2031 | \n"
      "Ann | - | [-](-) |\n| x | y | z \n\n* **Date added:** 2024-01-02\n\n\n"
      "Reference | Pub Date | Archive\n:-- | :-- | :-- \r| :-- | :--\n| [a\rb](https://example.org/) | 2031 |\n"
      "Ann ExamDO NOT EDIT ABOVE THIS LINE: more\n\n\nDO NOT EDIT ABOVE THIS LINE\n";
  const std::vector<PageFile> files = {{"incidents/I00504.md", page}};
  ImportResult imported;
  REQUIRE_NOTHROW(imported = import_pages(files, upstream_provenance("test", "", "")));
  CHECK(imported.pages_recognised == 1);
}
