// Releases: the vocabulary a framework names its kinds in, IDs in every framework's pattern,
// the table of known upstream commits and what detect_release() concludes from the data.
#include "catch.hpp"

#include <string>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/model/object_id.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/model/release.hpp"
#include "disarm/selection/selection.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "disarm/io/snapshot.hpp"

using namespace disarm;

namespace {

Object make(std::string id, Kind kind, std::string name) {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = std::move(name);
  return o;
}

FrameworkData red_blue_data() {
  FrameworkData d;
  d.provenance.licence = "test";
  d.objects = {make("P01", Kind::Phase, "Ready"), make("TA01", Kind::Tactic, "Steady"),
               make("T0001", Kind::Technique, "Go"), make("A001", Kind::ActorType, "Runner")};
  return d;
}

FrameworkData assessments_data() {
  FrameworkData d;
  d.provenance.licence = "test";
  d.objects = {make("P20", Kind::Phase, "Effects"), make("TA80", Kind::Tactic, "Inside"),
               make("A0001", Kind::Technique, "Reach"), make("A0001.001", Kind::Technique, "Wider reach")};
  d.relations = {{RelationType::TechniqueParent, "A0001.001", "A0001", {}, {}},
                 {RelationType::TechniqueTactic, "A0001", "TA80", {}, {}}};
  return d;
}

}  // namespace

TEST_CASE("release: IDs keep their kind in every framework's pattern", "[release]") {
  auto actor = parse_id("A001");
  REQUIRE(actor);
  CHECK(actor->kind == Kind::ActorType);
  CHECK(canonical_id(*actor) == "A001");

  auto assessment = parse_id("A0001");
  REQUIRE(assessment);
  CHECK(assessment->kind == Kind::Technique);
  CHECK(canonical_id(*assessment) == "A0001");

  auto sub = parse_id("a0003.004");
  REQUIRE(sub);
  CHECK(sub->kind == Kind::Technique);
  CHECK(sub->sub == 4);
  CHECK(canonical_id(*sub) == "A0003.004");
  CHECK(canonical_id({Kind::Technique, sub->number, -1, sub->pattern}) == "A0003");

  CHECK_FALSE(parse_id("A001.001"));  // actor types have no sub-numbers
  CHECK_FALSE(parse_id("A00001"));
  CHECK_FALSE(parse_id("A0001.01"));
  CHECK(parse_id("T0001")->pattern != parse_id("A0001")->pattern);
  // An assessment and a 1.x technique of the same number are two objects, in a stable order.
  CHECK(id_less("T0001", "A0001"));
  CHECK_FALSE(id_less("A0001", "T0001"));
}

TEST_CASE("release: a framework's vocabulary", "[release]") {
  Vocabulary red_blue = framework_vocabulary(kRedBlueFramework);
  CHECK(red_blue.words.empty());
  CHECK(red_blue.singular(Kind::Technique) == "Technique");
  CHECK(red_blue.reword("Sub-techniques") == "Sub-techniques");

  Vocabulary assessments = framework_vocabulary(kAssessmentsFramework);
  CHECK(assessments.singular(Kind::Phase) == "Group");
  CHECK(assessments.plural(Kind::Tactic) == "Categories");
  CHECK(assessments.singular(Kind::Technique) == "Assessment");
  CHECK(assessments.plural(Kind::Technique) == "Assessments");
  CHECK(assessments.singular(Kind::Incident) == "Incident");
  CHECK(assessments.reword("Sub-techniques") == "Sub-assessments");
  CHECK(assessments.reword("Red framework: techniques by tactic") == "Red framework: assessments by category");
  CHECK(assessments.reword("Parent technique") == "Parent assessment");
  CHECK(assessments.reword("No phase") == "No group");
  CHECK(assessments.reword("Metatechnique") == "Metatechnique");
  CHECK(assessments.reword("Tactics countered") == "Categories countered");
}

TEST_CASE("release: known commits", "[release]") {
  const KnownRelease* r = known_release_by_commit("093baa05b75c63e393a6d96ee9298660d430d233");
  REQUIRE(r);
  CHECK(r->framework == kAssessmentsFramework);
  const KnownRelease* short_form = known_release_by_commit("f1ac3b0");
  REQUIRE(short_form);
  CHECK(short_form->version == "1.4");
  CHECK_FALSE(known_release_by_commit("f1ac"));  // too short to be sure
  CHECK_FALSE(known_release_by_commit("0000000000"));
  for (const auto& known : known_releases()) {
    INFO(known.version);
    CHECK(known.commit.size() == 40);
    CHECK(known.date.size() == 10);
    CHECK_FALSE(known.fingerprint.empty());
  }
}

TEST_CASE("release: detected from the commit, the content or the IDs", "[release]") {
  SECTION("a known commit gives everything") {
    FrameworkData d = red_blue_data();
    d.provenance.commit = "49df5f6";
    CHECK(detect_release(d) == ReleaseEvidence::Commit);
    CHECK(d.release.framework == kRedBlueFramework);
    CHECK(d.release.version == "1.6");
    CHECK(d.provenance.date == "2025-02-10");
    CHECK(d.provenance.commit == "49df5f649e16dfbf11e3859913c256c875c02692");
  }
  SECTION("unknown data: the framework from its IDs, the version stays unknown") {
    FrameworkData d = assessments_data();
    CHECK(detect_release(d) == ReleaseEvidence::Ids);
    CHECK(d.release.framework == kAssessmentsFramework);
    CHECK(d.release.version.empty());
    CHECK(d.release.vocabulary.singular(Kind::Technique) == "Assessment");

    FrameworkData r = red_blue_data();
    CHECK(detect_release(r) == ReleaseEvidence::Ids);
    CHECK(r.release.framework == kRedBlueFramework);

    FrameworkData o = red_blue_data();
    o.objects.push_back(make("TA21", Kind::Tactic, "Later"));
    detect_release(o);
    CHECK(o.release.framework == kObservationsFramework);
  }
  SECTION("what is given is kept") {
    FrameworkData d = assessments_data();
    d.release.framework = "Someone's fork";
    d.release.version = "9";
    CHECK(detect_release(d) == ReleaseEvidence::Given);
    CHECK(d.release.framework == "Someone's fork");
    CHECK(d.release.version == "9");
  }
  SECTION("the fingerprint ignores order and page-less codes") {
    FrameworkData a = red_blue_data();
    FrameworkData b = red_blue_data();
    std::swap(b.objects[0], b.objects[2]);
    Object code = make("S001", Kind::Sector, "");
    code.has_page = false;
    code.indexed = false;
    b.objects.push_back(code);
    CHECK(content_fingerprint(a) == content_fingerprint(b));
    b.objects[0].name = "Renamed";
    CHECK(content_fingerprint(a) != content_fingerprint(b));
  }
}

TEST_CASE("release: the snapshot keeps the release and version 1 still loads", "[release][snapshot]") {
  FrameworkData d = assessments_data();
  d.release.framework = std::string(kAssessmentsFramework);
  d.release.version = "2.0 beta";
  d.release.vocabulary = framework_vocabulary(kAssessmentsFramework);
  d.relations[1].dispute = "one page says so, another not";
  std::string json = save_snapshot(d);
  CHECK(json.find("\"version\": 2") != std::string::npos);
  auto back = parse_snapshot(json);
  REQUIRE(back.ok());
  CHECK(back.value().release == d.release);
  for (const Relation& r : back.value().relations) {
    INFO(r.from << " " << r.to);
    CHECK(r.disputed() == (r.type == RelationType::TechniqueTactic));
    if (r.disputed()) CHECK(r.dispute == "one page says so, another not");
  }
  Framework fw = Framework::build(std::move(back).value());
  CHECK(fw.kind_label(Kind::Technique) == "Assessment");
  CHECK(fw.kind_plural(Kind::Phase) == "Groups");

  const char* v1 = R"({"format": "disarm-snapshot", "version": 1, "provenance": {"licence": "x"},
    "objects": [{"id": "T0001", "kind": "technique", "name": "Old"}]})";
  auto old = load_snapshot(v1);
  REQUIRE(old.ok());
  CHECK(old.value().release().framework.empty());
  CHECK(old.value().kind_label(Kind::Technique) == "Technique");

  const char* v3 = R"({"format": "disarm-snapshot", "version": 3, "provenance": {"licence": "x"}, "objects": []})";
  auto future = parse_snapshot(v3);
  REQUIRE_FALSE(future.ok());
  CHECK(future.error().location == "/version");

  const char* bad_words = R"({"format": "disarm-snapshot", "version": 2, "provenance": {"licence": "x"},
    "release": {"vocabulary": [{"kind": "gadget", "singular": "G", "plural": "Gs"}]}, "objects": []})";
  auto bad = parse_snapshot(bad_words);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().location == "/release/vocabulary/0/kind");

  const char* named_only = R"({"format": "disarm-snapshot", "version": 2, "provenance": {"licence": "x"},
    "release": {"framework": "DISARM 2.0 Assessments"}, "objects": []})";
  auto named = parse_snapshot(named_only);
  REQUIRE(named.ok());
  CHECK(named.value().release.vocabulary.singular(Kind::Tactic) == "Category");
}

TEST_CASE("release: a share link's technique numbers read in the framework's pattern", "[release][selection]") {
  Vocabulary assessments = framework_vocabulary(kAssessmentsFramework);
  CHECK(framework_vocabulary(kRedBlueFramework).id_pattern(Kind::Technique) == 0);
  const unsigned char pattern = assessments.id_pattern(Kind::Technique);
  CHECK(pattern != 0);
  CHECK(assessments.id_pattern(Kind::Tactic) == 0);  // TA80 is written as 1.x writes tactics

  Selection chosen;
  REQUIRE(chosen.add("A0001.001"));
  REQUIRE(chosen.add("A0003"));
  chosen.set_score("A0003", 40);
  auto back = decode_selection(encode_selection(chosen), pattern);
  REQUIRE(back.ok());
  CHECK(back.value() == chosen);
  auto as_red_blue = decode_selection(encode_selection(chosen));
  REQUIRE(as_red_blue.ok());
  CHECK(as_red_blue.value().items().front().id == "T0001.001");
}

TEST_CASE("release: object pages in the release's words, disputed relations marked on both ends",
          "[release][page_model]") {
  FrameworkData d = assessments_data();
  d.objects.push_back(make("TA81", Kind::Tactic, "Outside"));
  d.relations.push_back(
      {RelationType::TechniqueTactic, "A0001", "TA81", {}, "TA81's page lists it; A0001's says TA80"});
  detect_release(d);
  Framework fw = Framework::build(std::move(d));

  ObjectPage parent = build_object_page(fw, *fw.find("A0001"));
  CHECK(parent.kind_label == "Assessment");
  std::vector<std::string> titles;
  for (const auto& s : parent.sections) titles.push_back(s.title);
  CHECK(titles == std::vector<std::string>{"Sub-assessments", "Category"});
  const PageSection& categories = parent.sections[1];
  REQUIRE(categories.entries.size() == 2);
  CHECK(categories.entries[0].id == "TA80");
  CHECK(categories.entries[0].dispute.empty());
  CHECK(categories.entries[1].id == "TA81");
  CHECK(categories.entries[1].dispute == "TA81's page lists it; A0001's says TA80");

  ObjectPage other = build_object_page(fw, *fw.find("TA81"));
  CHECK(other.kind_label == "Category");
  REQUIRE(other.sections.size() == 1);
  CHECK(other.sections[0].title == "Assessments");
  REQUIRE(other.sections[0].entries.size() == 1);
  CHECK_FALSE(other.sections[0].entries[0].dispute.empty());

  CHECK(build_kind_page(fw, Kind::Phase).title == "Groups");
}
