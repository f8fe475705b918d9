// The importer on each era's page format, with invented pages (every text here is made up,
// headings included; only the layout follows upstream's generators): the 2022-2024 list format, the 2025
// format, 2.0 Assessments' renamed kinds, fields it has never seen, and pages that
// contradict each other.
#include "catch.hpp"

#include <string>
#include <vector>

#include "disarm/import/importer.hpp"
#include "imported_data_lookup.hpp"

using namespace disarm;
using namespace disarm::testing;

namespace {

using R = RelationType;

Provenance test_provenance() {
  Provenance p;
  p.licence = "test";
  return p;
}

ImportResult import(std::vector<PageFile> files) {
  return import_pages(files, test_provenance());
}

// The 2022-2024 format: fields as list items, the tactic as a "stage".
const char* kOldTechnique = R"md(# Technique T0005: Paint the Fence

* **Summary**: Cover the boards in one colour.

* **Belongs to tactic stage**: TA02


| Incident | What the incident shows |
| -------- | -------------------- |



| Counters | Kinds of response |
| -------- | -------------- |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kOldTactic = R"md(# Tactic TA02: Decorate

* **Summary:** Make it look cared for.

* **Belongs to phase:** P01



| Techniques |
| ---------- |
| [T0005 Paint the Fence](../../generated_pages/techniques/T0005.md) |
| [T0006 Hang Bunting](../../generated_pages/techniques/T0006.md) |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

// The 2025 format, naming another tactic than TA02's page does.
const char* kNewTechnique = R"md(# Technique T0006: Hang Bunting

**Summary**: Small flags along the street.

**Tactic**: TA03 Celebrate


| Incident | What the incident shows |
| -------- | -------------------- |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kGroup = R"md(# Group P20: Outcomes

* **Summary:** What came of it.

DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kCategory = R"md(# Category TA80: Near Outcomes

* **Summary:** Outcomes close to home.

* **Belongs to group:** P20



| Assessments |
| ---------- |
| [A0001 Brighter Street](../../generated_pages/techniques/A0001.md) |
| [A0001.001 Brighter Corner](../../generated_pages/techniques/A0001.001.md) |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kAssessment = R"md(# Assessment A0001: Brighter Street

**Summary**: The street looks brighter.

**Category**: TA80 Near Outcomes


| Associated Assessment | Description |
| --------- | ------------------------- |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kSubAssessment = R"md(# Assessment A0001.001: Brighter Corner

**Summary**: One corner looks brighter.

**Category**: TA80 Near Outcomes <br><br>**Parent Assessment:** A0001 Brighter Street


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";

const char* kAssessmentIndex = R"md(# Assessments:

<table class="ours">
<thead><tr><th scope="col">disarm_id</th><th scope="col">name</th><th scope="col">summary</th><th scope="col">category_id</th></tr></thead>
<tbody>
<tr class="row"><td class="id"><a href="techniques/A0001.md">A0001</a></td><td class="name">Brighter Street</td>
<td class="text">The street looks brighter.</td><td class="parent">TA80</td></tr>
</tbody>
</table>
)md";

}  // namespace

TEST_CASE("releases: the old list format's fields are relations", "[importer][release]") {
  auto r = import({{"techniques/T0005.md", kOldTechnique}, {"tactics/TA02.md", kOldTactic}});
  INFO(describe_all(r.warnings));
  const Relation* tactic = find_relation(r.data, R::TechniqueTactic, "T0005", "TA02");
  REQUIRE(tactic);
  CHECK_FALSE(tactic->disputed());
  CHECK(find_relation(r.data, R::TacticPhase, "TA02", "P01"));
  const Object* t = find_object(r.data, "T0005");
  REQUIRE(t);
  CHECK(t->fields.empty());  // nothing left over as an unknown text field
  CHECK_FALSE(warned(r.warnings, "techniques/T0005.md:5", "unknown field"));
}

TEST_CASE("releases: contradicting pages keep both relations, one disputed", "[importer][release]") {
  auto r = import({{"techniques/T0005.md", kOldTechnique},
                   {"techniques/T0006.md", kNewTechnique},
                   {"tactics/TA02.md", kOldTactic}});
  INFO(describe_all(r.warnings));
  const Relation* own = find_relation(r.data, R::TechniqueTactic, "T0006", "TA03");
  const Relation* other = find_relation(r.data, R::TechniqueTactic, "T0006", "TA02");
  REQUIRE(own);
  REQUIRE(other);
  CHECK_FALSE(own->disputed());
  CHECK(other->disputed());
  CHECK(other->dispute.find("tactics/TA02.md:12") != std::string::npos);
  CHECK(other->dispute.find("techniques/T0006.md:5") != std::string::npos);
  CHECK(warned(r.warnings, "tactics/TA02.md:12", "disputed"));
  CHECK(count_relations(r.data, R::TechniqueTactic) == 3);
}

TEST_CASE("releases: 2.0 Assessments' groups, categories and assessments", "[importer][release]") {
  auto r = import({{"phases/P20.md", kGroup},
                   {"tactics/TA80.md", kCategory},
                   {"techniques/A0001.md", kAssessment},
                   {"techniques/A0001.001.md", kSubAssessment},
                   {"techniques_index.md", kAssessmentIndex}});
  INFO(describe_all(r.warnings));
  const Object* a = find_object(r.data, "A0001.001");
  REQUIRE(a);
  CHECK(a->kind == Kind::Technique);
  CHECK(a->name == "Brighter Corner");
  CHECK(a->fields.empty());
  CHECK(find_relation(r.data, R::TechniqueParent, "A0001.001", "A0001"));
  CHECK(find_relation(r.data, R::TechniqueTactic, "A0001.001", "TA80"));
  CHECK(find_relation(r.data, R::TechniqueTactic, "A0001", "TA80"));
  CHECK(find_relation(r.data, R::TacticPhase, "TA80", "P20"));
  const Object* listed = find_object(r.data, "A0001");
  REQUIRE(listed);
  CHECK(listed->indexed);  // the index table was read
  // Every field, table and column is understood: nothing is left as an unknown one.
  for (const auto& w : r.warnings) {
    INFO(w.describe());
    CHECK(w.message.find("unknown field") == std::string::npos);
    CHECK(w.message.find("unknown table") == std::string::npos);
    CHECK(w.message.find("unknown column") == std::string::npos);
  }
  CHECK(r.data.release.framework == kAssessmentsFramework);
  CHECK(r.data.release.vocabulary.singular(Kind::Technique) == "Assessment");
}

TEST_CASE("releases: an unknown label is read by what its value lists", "[importer][release]") {
  const char* page = R"md(# Technique T0007: Sweep the Steps

**Summary**: Keep the entrance clear.

**Stage of play**: TA02 Decorate

**Mood**: cheerful


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";
  auto r = import({{"techniques/T0007.md", page}});
  INFO(describe_all(r.warnings));
  CHECK(find_relation(r.data, R::TechniqueTactic, "T0007", "TA02"));
  CHECK(warned(r.warnings, "techniques/T0007.md:5", "unknown field \"Stage of play\" lists tactics"));
  // Words that name no objects stay a field, with a warning at their line.
  CHECK(warned(r.warnings, "techniques/T0007.md:7", "unknown field \"Mood\""));
  const Object* t = find_object(r.data, "T0007");
  REQUIRE(t);
  REQUIRE(t->fields.size() == 1);
  CHECK(t->fields[0].key == "Mood");
}

TEST_CASE("releases: an incident citing a technique whose page does not cite it", "[importer][release]") {
  const char* incident = R"md(# Incident I00001: Street Party

* **Summary:** A party on the street.


| Technique | What it shows |
| --------- | ------------------------- |
| [T0005 Paint the Fence](../../generated_pages/techniques/T0005.md) | The fence was painted overnight. |


DO NOT EDIT ABOVE THIS LINE (our own test page)
)md";
  auto r = import({{"incidents/I00001.md", incident}, {"techniques/T0005.md", kOldTechnique}});
  INFO(describe_all(r.warnings));
  const Relation* cited = find_relation(r.data, R::IncidentTechnique, "I00001", "T0005");
  REQUIRE(cited);
  CHECK(cited->disputed());
  CHECK(cited->text == "The fence was painted overnight.");
}
