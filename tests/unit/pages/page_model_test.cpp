#include "disarm/pages/page_model.hpp"
#include "disarm/model/similar_ids.hpp"

#include <string>
#include <vector>
#include "catch.hpp"

#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::sample_framework;

namespace {

ObjectPage page(const char* id) {
  const Framework& fw = sample_framework();
  auto index = fw.find(id);
  REQUIRE(index);
  return build_object_page(fw, *index);
}

template <typename Entry>
std::string ids(const std::vector<Entry>& entries) {
  std::string out;
  for (const auto& e : entries) out += (out.empty() ? "" : " ") + e.id;
  return out;
}

// "Title: ID ID; Title: ID" for a page's sections.
std::string describe(const std::vector<PageSection>& sections) {
  std::string out;
  for (const auto& s : sections) out += (out.empty() ? "" : "; ") + s.title + ": " + ids(s.entries);
  return out;
}

std::string describe(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) out += (out.empty() ? "" : " ") + c.cited.id;
  return out;
}

// The object links in rich text, as IDs.
std::vector<std::string> linked_ids(const Framework& fw, const RichText& text) {
  std::vector<std::string> out;
  for (const Block& b : text.blocks)
    for (const Span& s : b.spans)
      if (s.link == LinkKind::Object) out.push_back(fw.object(s.object).id);
  return out;
}

std::vector<std::string> suggestion_ids(std::string_view unknown, std::size_t limit) {
  const Framework& fw = sample_framework();
  std::vector<std::string> out;
  for (ObjectIndex i : suggest_ids(fw, unknown, limit)) out.push_back(fw.object(i).id);
  return out;
}

Object object(std::string id, Kind kind, std::string name = "") {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = name.empty() ? "Name of " + o.id : std::move(name);
  return o;
}

}  // namespace

TEST_CASE("a sub-technique page: breadcrumbs, sections and the incidents citing it") {
  const Framework& fw = sample_framework();
  ObjectPage p = page("T0154.002");
  CHECK(p.id == "T0154.002");
  CHECK(p.title == "AI media service");
  CHECK(p.kind == Kind::Technique);
  CHECK(p.kind_label == "Technique");
  CHECK(ids(p.breadcrumbs) == "P01 TA07 T0154");
  CHECK(p.indexed);
  CHECK(p.has_page);
  CHECK(p.availability_note.empty());
  REQUIRE(p.summary.blocks.size() == 1);
  CHECK(p.fields.empty());
  CHECK(describe(p.sections) == "Parent technique: T0154; Tactic: TA07");
  CHECK(p.citations_title == "Incidents using this technique");
  CHECK(describe(p.citations) == "I00001 I00002");
  CHECK(p.citations[0].cited.name == "Cloned voice in a school dispute");
  // The IDs the quote mentions link to their pages.
  CHECK(linked_ids(fw, p.citations[1].evidence) == std::vector<std::string>{"T0154.002", "T0086.002"});
  CHECK(p.references.empty());
}

TEST_CASE("a technique page lists its sub-techniques, tactic, counters and associations") {
  CHECK(describe(page("T0086").sections) == "Sub-techniques: T0086.002 T0086.003; Tactic: TA06");
  CHECK(ids(page("T0086").breadcrumbs) == "P01 TA06");
  CHECK(describe(page("T0086.002").sections) ==
        "Parent technique: T0086; Tactic: TA06; Counters: C00012; Associated techniques: T0088.001");
  CHECK(describe(page("T0088.001").sections) ==
        "Parent technique: T0088; Tactic: TA06; Counters: C00012; Associated with: T0086.002");
}

TEST_CASE("fields keep upstream order, drop empty values and link IDs") {
  const Framework& fw = sample_framework();
  ObjectPage t = page("T0049");
  REQUIRE(t.fields.size() == 1);
  CHECK(t.fields[0].label == "Notes");
  CHECK(linked_ids(fw, t.fields[0].value) == std::vector<std::string>{"T0146"});
  CHECK(t.fields[0].value.blocks[0].spans[1].bold());

  ObjectPage c = page("C00006");
  REQUIRE(c.fields.size() == 1);  // "Playbooks" is empty upstream
  CHECK(c.fields[0].label == "Resources needed");
}

TEST_CASE("an incident page: fields, the techniques used with their evidence, references") {
  const Framework& fw = sample_framework();
  ObjectPage p = page("I00001");
  CHECK(p.kind_label == "Incident");
  CHECK(p.breadcrumbs.empty());
  REQUIRE(p.fields.size() == 5);
  CHECK(p.fields[0].label == "Incident type");
  CHECK(p.fields[4].label == "Date added");
  CHECK(p.sections.empty());
  CHECK(p.citations_title == "Techniques used");
  CHECK(describe(p.citations) == "T0088.001 T0154.002 T0146");
  // <i>...</i><br><br> in upstream's quotes: italic text, then two line breaks.
  const auto& spans = p.citations[0].evidence.blocks.at(0).spans;
  CHECK(spans.at(0).italic());
  CHECK(spans.at(1).line_break);
  CHECK(spans.at(2).line_break);
  CHECK(linked_ids(fw, p.citations[1].evidence) == std::vector<std::string>{"T0154.002", "T0146"});

  REQUIRE(p.references.size() == 1);
  const PageReference& r = p.references[0];
  CHECK(r.reference.title == "How a fake recording split a town (invented reference)");
  CHECK(r.url_is_web);
  CHECK(r.archive_url_is_web);
  CHECK(r.citation ==
        "A. Writer (2024/05/02). How a fake recording split a town (invented reference). Example News. Cited by "
        "DISARM incident I00001, \u201CCloned voice in a school dispute\u201D. "
        "https://example.org/news/fake-recording (archived: https://example.org/archive/fake-recording)");

  ObjectPage second = page("I00002");
  CHECK(describe(second.sections) == "Counters: C00012");
  REQUIRE(second.references.size() == 2);
  CHECK(second.references[1].url_is_web);
  CHECK_FALSE(second.references[1].archive_url_is_web);  // none given
}

TEST_CASE("tactic, phase and task pages") {
  ObjectPage ta09 = page("TA09");
  CHECK(ids(ta09.breadcrumbs) == "P02");
  CHECK(describe(ta09.sections) ==
        "Techniques: T0049 T0049.001; Counters: C00070; Countered by: C00070; Detections: F00008; Phase: P02");
  CHECK(ta09.citations.empty());
  CHECK(ta09.citations_title.empty());

  ObjectPage ta03 = page("TA03");
  CHECK_FALSE(ta03.indexed);
  CHECK(ta03.availability_note == "Listed in no upstream index or matrix");
  CHECK(describe(ta03.sections) == "Tasks: TK0010; Phase: P01");

  CHECK(describe(page("P02").sections) == "Tactics: TA09");
  CHECK(ids(page("TK0010").breadcrumbs) == "P01 TA03");
  CHECK(describe(page("TK0010").sections) == "Tactic: TA03");
}

TEST_CASE("a counter page: its tactic, what it counters, and who applies it") {
  ObjectPage p = page("C00012");
  CHECK(ids(p.breadcrumbs) == "P01 TA06");
  CHECK(describe(p.sections) ==
        "Tactic: TA06; Techniques countered: T0086.002 T0088.001; Seen in incidents: I00002; Metatechnique: M008; "
        "Response type: D01; Actor types: A033 A012");
  CHECK(describe(page("C00070").sections) ==
        "Tactic: TA09; Tactics countered: TA09; Techniques countered: T0049; Metatechnique: M004; Response type: D03; "
        "Actor types: A033");
}

TEST_CASE("pages of the other kinds") {
  CHECK(describe(page("A033").sections) == "Counters: C00006 C00012 C00070; Sectors: S007; Framework viewpoints: FW01");
  CHECK(describe(page("M004").sections) == "Counters: C00006 C00070");
  CHECK(describe(page("D01").sections) == "Counters: C00012; Detections: F00001 F00008");
  CHECK(describe(page("F00008").sections) == "Tactic: TA09; Response type: D01");
  CHECK(ids(page("F00008").breadcrumbs) == "P02 TA09");

  ObjectPage sector = page("S007");
  CHECK_FALSE(sector.has_page);
  CHECK(sector.availability_note == "No datasheet upstream: only named by other objects");
  CHECK(describe(sector.sections) == "Counters: C00006; Actor types: A033");
  CHECK(describe(page("FW01").sections) == "Actor types: A033");
}

TEST_CASE("odd data: placeholders, repeated citations, relations between unexpected kinds") {
  FrameworkData data;
  data.objects = {object("T0001", Kind::Technique), object("I00001", Kind::Incident), object("TA01", Kind::Tactic)};
  Reference unsafe;
  unsafe.title = "Unsafe";
  unsafe.url = "javascript:alert(1)";
  unsafe.archive_url = "https://example.org/archive";
  data.objects[1].references = {unsafe};
  data.relations = {
      {RelationType::IncidentTechnique, "I00001", "T0001", "First quote."},
      {RelationType::IncidentTechnique, "I00001", "T0001", "Second quote, T0001 again."},
      {RelationType::IncidentTechnique, "I00001", "T0404", "A technique no page defines."},
      {RelationType::TaskTactic, "T0001", "TA01", ""},  // the wrong kind at the `from` end
      {RelationType::TechniqueAssociated, "T0001", "T0404", "Both need *an* account (I00001)."},
  };
  Framework fw = Framework::build(std::move(data));

  ObjectPage t = build_object_page(fw, *fw.find("T0001"));
  REQUIRE(t.citations.size() == 1);
  CHECK(t.citations[0].evidence.blocks.size() == 2);
  // A relation the kind's table does not expect is shown under the relation's own name.
  CHECK(describe(t.sections) == "Associated techniques: T0404; Tactic: TA01");
  CHECK(t.sections[1].relation == RelationType::TaskTactic);
  // Why a technique is associated: the relation's text, as rich text.
  const RichText& note = t.sections[0].entries[0].note;
  REQUIRE(note.blocks.size() == 1);
  CHECK(note.blocks[0].spans[1].italic());
  CHECK(linked_ids(fw, note) == std::vector<std::string>{"I00001"});
  CHECK(t.sections[1].entries[0].note.empty());

  ObjectPage placeholder = build_object_page(fw, *fw.find("T0404"));
  CHECK(placeholder.title == "T0404");
  CHECK_FALSE(placeholder.has_page);
  CHECK_FALSE(placeholder.availability_note.empty());
  CHECK(describe(placeholder.citations) == "I00001");

  ObjectPage incident = build_object_page(fw, *fw.find("I00001"));
  CHECK(describe(incident.citations) == "T0001 T0404");
  REQUIRE(incident.references.size() == 1);
  CHECK_FALSE(incident.references[0].url_is_web);
  CHECK(incident.references[0].archive_url_is_web);
}

TEST_CASE("format_citation leaves out what is missing") {
  Object incident = object("I00042", Kind::Incident, "An  invented\nincident");
  Reference r;
  CHECK(format_citation(r, incident) == "Cited by DISARM incident I00042, \u201CAn invented incident\u201D.");
  r.title = "Only a title?";
  r.organisation = "Example Lab";
  CHECK(format_citation(r, incident) ==
        "Example Lab. Only a title? Cited by DISARM incident I00042, \u201CAn invented incident\u201D.");
  r.published = "2020/01/02";
  r.url = "https://example.org/x";
  CHECK(format_citation(r, incident) ==
        "Example Lab (2020/01/02). Only a title? Cited by DISARM incident I00042, \u201CAn invented incident\u201D. "
        "https://example.org/x");
  r.title = r.url;  // as upstream often writes it: shown once, at the end
  CHECK(format_citation(r, incident) ==
        "Example Lab (2020/01/02). Cited by DISARM incident I00042, \u201CAn invented incident\u201D. "
        "https://example.org/x");
  incident.name.clear();
  r = Reference{};
  r.published = "2020";
  CHECK(format_citation(r, incident) == "(2020). Cited by DISARM incident I00042.");
}

TEST_CASE("link previews: ID, name, kind and a short plain summary") {
  const Framework& fw = sample_framework();
  LinkPreview p = preview(fw, *fw.find("T0154.002"));
  CHECK(p.id == "T0154.002");
  CHECK(p.name == "AI media service");
  CHECK(p.kind_label == "Technique");
  CHECK(p.summary == fw.find_object("T0154.002")->summary);

  FrameworkData data;
  data.objects = {object("T0001", Kind::Technique)};
  for (int i = 0; i < 100; ++i) data.objects[0].summary += "<i>Word</i> number " + std::to_string(i) + ".<br>";
  Framework long_fw = Framework::build(std::move(data));
  LinkPreview cut = preview(long_fw, 0);
  CHECK(cut.summary.size() <= kPreviewBytes);
  CHECK(cut.summary.size() > kPreviewBytes - 30);
  CHECK(cut.summary.find('<') == std::string::npos);
  CHECK(cut.summary.ends_with("\u2026"));
}

TEST_CASE("suggestions for an unknown ID: numerically nearest of its kind") {
  CHECK(suggestion_ids("T0155", 3) == std::vector<std::string>{"T0154.002", "T0154", "T0146"});
  CHECK(suggestion_ids("t0086.009", 3) == std::vector<std::string>{"T0086.003", "T0086.002", "T0086"});
  CHECK(suggestion_ids("TA08", 2) == std::vector<std::string>{"TA07", "TA09"});
  CHECK(suggestion_ids("#/I00099", 1) == std::vector<std::string>{"I00003"});
  CHECK(suggestion_ids("T0155", 0).empty());
  CHECK(suggestion_ids("", 3).empty());
  CHECK(suggestion_ids("FW99", 5) == std::vector<std::string>{"FW01"});
}

TEST_CASE("suggestions for other text: IDs a typo away, then names") {
  CHECK(suggestion_ids("I0001", 1) == std::vector<std::string>{"I00001"});
  CHECK(suggestion_ids("voice", 3) == std::vector<std::string>{"T0088.001", "I00001"});
  CHECK(suggestion_ids("clickbat", 3) == std::vector<std::string>{"T0016"});
  CHECK(suggestion_ids("synthetic", 3) == std::vector<std::string>{"T0086", "T0086.002", "T0088"});
  CHECK(suggestion_ids("zzzzzzzzzzzz", 3).empty());
  CHECK(suggestion_ids(std::string(500, 'x'), 3).empty());
}

TEST_CASE("kind pages list every object of a kind in ID order") {
  const Framework& fw = sample_framework();
  KindPage techniques = build_kind_page(fw, Kind::Technique);
  CHECK(techniques.title == "Techniques");
  REQUIRE(techniques.entries.size() == fw.count(Kind::Technique));
  CHECK(techniques.entries[0].id == "T0002");
  CHECK(techniques.entries[2].id == "T0049");
  CHECK(techniques.entries[2].depth == 0);
  CHECK(techniques.entries[3].id == "T0049.001");
  CHECK(techniques.entries[3].depth == 1);
  for (const auto& e : techniques.entries) CHECK(e.summary.size() <= kKindPageSummaryBytes);

  KindPage tactics = build_kind_page(fw, Kind::Tactic);
  REQUIRE(tactics.entries.size() == 6);
  CHECK(tactics.entries[1].id == "TA03");
  CHECK_FALSE(tactics.entries[1].indexed);

  KindPage sectors = build_kind_page(fw, Kind::Sector);
  REQUIRE(sectors.entries.size() == 1);
  CHECK_FALSE(sectors.entries[0].has_page);
}

TEST_CASE("every page of the sample builds, and previews stay short") {
  const Framework& fw = sample_framework();
  for (ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    INFO(fw.object(i).id);
    ObjectPage p = build_object_page(fw, i);
    CHECK(p.id == fw.object(i).id);
    CHECK_FALSE(p.title.empty());
    CHECK(preview(fw, i).summary.size() <= kPreviewBytes);
  }
}

TEST_CASE("a page with 150 long citations keeps every citation and its links") {
  // An invented technique cited by 150 incidents, each quote about 3 KB with IDs and markup.
  FrameworkData data;
  data.objects.push_back(object("T0001", Kind::Technique));
  data.objects.push_back(object("T0002", Kind::Technique));
  std::string quote;
  while (quote.size() < 3000)
    quote += "<i>Someone said a thing about an invented event, at length.</i><br><br>Our reading (T0001, T0002). ";
  for (int i = 1; i <= 150; ++i) {
    std::string id = "I" + std::string(5 - std::to_string(i).size(), '0') + std::to_string(i);
    data.objects.push_back(object(id, Kind::Incident));
    data.relations.push_back({RelationType::IncidentTechnique, id, "T0001", quote});
  }
  Framework fw = Framework::build(std::move(data));
  const ObjectIndex technique = *fw.find("T0001");
  ObjectPage p = build_object_page(fw, technique);
  CHECK(p.citations.size() == 150);
  CHECK(linked_ids(fw, p.citations[149].evidence).size() > 50);
  // Its build time: build/native/tests/page_bench.
}
