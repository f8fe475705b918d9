#include <string>
#include <thread>
#include <vector>
#include "catch.hpp"

#include "disarm/search/search_index.hpp"
#include "disarm/search/search_text.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

Object make(std::string id, Kind kind, std::string name, std::string summary = {}, std::vector<Field> fields = {}) {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = std::move(name);
  o.summary = std::move(summary);
  o.fields = std::move(fields);
  return o;
}

// A word in each kind of field of a different object, IDs with sub-techniques, and text
// long enough to need cutting.
const Framework& small_framework() {
  static const Framework fw = [] {
    FrameworkData d;
    d.provenance.licence = "MIT";
    d.objects.push_back(make("T0001", Kind::Technique, "Hashtag flood", "Post the same tag over and over."));
    d.objects.push_back(make("T0002", Kind::Technique, "Paid posters", "People post a hashtag for money."));
    d.objects.push_back(make("T0003", Kind::Technique, "Quiet work", "Nothing to see.", {{"Notes", "uses a hashtag"}}));
    d.objects.push_back(make("T0010", Kind::Technique, "Provenance tricks", "Hide where content came from."));
    d.objects.push_back(make("T0010.001", Kind::Technique, "Launder sources", "Pass content through others."));
    d.objects.push_back(make("T0010.002", Kind::Technique, "Forge metadata", "Fake the <i>origin</i> data."));
    std::string long_text;
    for (int i = 0; i < 30; ++i) long_text += "filler words about nothing in particular ";
    long_text += "and then a <b>needle</b> near the end.";
    d.objects.push_back(make("C00001", Kind::Counter, "Read everything", long_text));
    Object incident = make("I00001", Kind::Incident, "Something happened", "A town was fooled.");
    incident.references.push_back(
        {"Ça va? A report", "https://example.org/r", "2024/01/02", "A. Writer", "Exemplary News", ""});
    d.objects.push_back(incident);
    d.relations.push_back({RelationType::IncidentTechnique, "I00001", "T0001", "They spread a hashtag (T0001)."});
    return Framework::build(std::move(d));
  }();
  return fw;
}

const SearchIndex& small_index() {
  static const SearchIndex index = SearchIndex::build(small_framework());
  return index;
}

std::vector<std::string> ids(const Framework& fw, const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(fw.object(h.object).id);
  return out;
}

std::vector<std::string> search_ids(std::string_view query, SearchOptions options = {}) {
  return ids(small_framework(), small_index().search(query, options));
}

std::string folded(std::string_view text) {
  std::string out;
  append_folded(text, out);
  return out;
}

}  // namespace

TEST_CASE("search ranks a name match over a summary match over other fields over evidence") {
  CHECK(search_ids("hashtag") == std::vector<std::string>{"T0001", "T0002", "T0003", "I00001"});
}

TEST_CASE("search says which field matched, with the matched words highlighted in the snippet") {
  auto hits = small_index().search("hashtag");
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].field == SearchField::Name);
  CHECK(hits[0].field_name == "name");
  CHECK(hits[0].snippet == "Hashtag flood");
  CHECK(hits[0].highlights == std::vector<TextRange>{{0, 7}});
  CHECK(hits[1].field == SearchField::Summary);
  CHECK(hits[2].field == SearchField::Field);
  CHECK(hits[2].field_name == "Notes");
  CHECK(hits[3].field == SearchField::Evidence);
  CHECK(hits[3].field_name == "evidence");
  REQUIRE(hits[3].evidence_for);
  CHECK(small_framework().object(*hits[3].evidence_for).id == "T0001");
  for (const auto& hit : hits)
    for (const auto& r : hit.highlights) {
      REQUIRE(r.end <= hit.snippet.size());
      CHECK(folded(std::string_view(hit.snippet).substr(r.begin, r.end - r.begin)) == "hashtag");
    }
  CHECK(hits[0].score > hits[1].score);
}

TEST_CASE("an exact ID comes first, then its sub-techniques in ID order") {
  CHECK(search_ids("T0010") == std::vector<std::string>{"T0010", "T0010.001", "T0010.002"});
  CHECK(search_ids("t0010.002").at(0) == "T0010.002");
  CHECK(search_ids("T001") == std::vector<std::string>{"T0010", "T0010.001", "T0010.002"});
  auto hits = small_index().search("t0010.00");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].field == SearchField::Id);
  CHECK(hits[0].snippet == "T0010.001");
  CHECK(hits[0].highlights == std::vector<TextRange>{{0, 8}});
  // An ID cited in evidence finds the incident too, below the object itself.
  CHECK(search_ids("T0001") == std::vector<std::string>{"T0001", "I00001"});
  // The number alone finds the ID of any kind with that many digits.
  CHECK(search_ids("0010").at(0) == "T0010");
}

TEST_CASE("the sample's sub-techniques follow their parent, in ID order") {
  const Framework& fw = test::sample_framework();
  SearchIndex index = SearchIndex::build(fw);
  auto found = ids(fw, index.search("T0154"));
  REQUIRE(found.size() >= 2);
  CHECK(found[0] == "T0154");
  CHECK(found[1] == "T0154.002");
  found = ids(fw, index.search("ta0"));
  REQUIRE(found.size() >= 3);
  CHECK(std::vector<std::string>(found.begin(), found.begin() + 3) == std::vector<std::string>{"TA01", "TA03", "TA05"});
}

TEST_CASE("hits past the snippet count carry their object and score only, in the same order") {
  SearchOptions options;
  options.limit = 0;
  const auto full = small_index().search("T0010", options);
  REQUIRE(full.size() == 3);
  options.snippets = 1;
  const auto lean = small_index().search("T0010", options);
  REQUIRE(lean.size() == full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    CHECK(lean[i].object == full[i].object);
    CHECK(lean[i].score == full[i].score);
  }
  CHECK(lean[0].snippet == full[0].snippet);
  CHECK(lean[1].snippet.empty());
  CHECK(lean[2].highlights.empty());
}

TEST_CASE("the last word matches as a prefix while it is being typed") {
  CHECK(search_ids("hasht").at(0) == "T0001");
  CHECK(search_ids("provenance tri").at(0) == "T0010");
  CHECK(search_ids("hasht ").empty());  // a space ends the word
  SearchOptions whole_words;
  whole_words.prefix_last_word = false;
  CHECK(search_ids("hasht", whole_words).empty());
}

TEST_CASE("a first letter typed after other words changes nothing yet") {
  CHECK(search_ids("hashtag m") == search_ids("hashtag "));
  CHECK(search_ids("m").size() > 0);  // on its own it is all there is to go by
}

TEST_CASE("typos: one edit from 4 letters, two from 8, swapped letters count as one") {
  CHECK(search_ids("flod ").at(0) == "T0001");       // 4 letters, a letter missing
  CHECK(search_ids("hahstag ").at(0) == "T0001");    // swapped neighbours
  CHECK(search_ids("provnence ").at(0) == "T0010");  // 9 letters, two edits
  CHECK(search_ids("pstrs ").empty());               // 5 letters, two edits: too many
  CHECK(search_ids("fld ").empty());                 // 3 letters: no typos
  CHECK(search_ids("launderng sour").at(0) == "T0010.001");
}

TEST_CASE("singular and plural forms find each other") {
  CHECK(search_ids("poster ").at(0) == "T0002");
  CHECK(search_ids("hashtags ").at(0) == "T0001");
}

TEST_CASE("case and diacritics do not matter") {
  CHECK(search_ids("HÁSHTÄG ").at(0) == "T0001");
  CHECK(search_ids("ca va report").at(0) == "I00001");  // the reference title "Ça va?"
  CHECK(search_ids("exemplary").at(0) == "I00001");     // the reference's organisation
}

TEST_CASE("objects with all the words come before those with some") {
  CHECK(search_ids("hashtag money").at(0) == "T0002");
  CHECK(search_ids("hashtag zzzzqqq").at(0) == "T0001");  // a word found nowhere does not empty the results
}

TEST_CASE("quoted phrases match their words in order") {
  CHECK(search_ids("\"hashtag flood\"") == std::vector<std::string>{"T0001"});
  CHECK(search_ids("\"flood hashtag\"").empty());
  CHECK(search_ids("\"post the same\"") == std::vector<std::string>{"T0001"});
  CHECK(search_ids("\"hashtag flo").at(0) == "T0001");  // still being typed
  auto hits = small_index().search("\"the same tag\"");
  REQUIRE(hits.size() == 1);
  const auto& h = hits[0];
  REQUIRE(h.highlights.size() == 1);
  CHECK(h.snippet.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) == "the same tag");
}

TEST_CASE("kind filters: kind: in the query and the kinds option") {
  CHECK(search_ids("kind:incident hashtag") == std::vector<std::string>{"I00001"});
  CHECK(search_ids("KIND:inc hashtag") == std::vector<std::string>{"I00001"});
  CHECK(search_ids("kind:nonsense hashtag").empty());
  CHECK(search_ids("kind:incident").empty());  // no words, no hits
  SearchOptions techniques;
  techniques.kinds = kind_bit(Kind::Technique);
  CHECK(search_ids("hashtag", techniques) == std::vector<std::string>{"T0001", "T0002", "T0003"});
  CHECK(search_ids("kind:incident hashtag", techniques).empty());
}

TEST_CASE("kinds_named knows names, plurals and starts of them") {
  CHECK(kinds_named("incident") == kind_bit(Kind::Incident));
  CHECK(kinds_named("Incidents") == kind_bit(Kind::Incident));
  CHECK(kinds_named("actor-type") == kind_bit(Kind::ActorType));
  CHECK(kinds_named("actor types") == kind_bit(Kind::ActorType));
  CHECK(kinds_named("t") == (kind_bit(Kind::Tactic) | kind_bit(Kind::Technique) | kind_bit(Kind::Task)));
  CHECK(kinds_named("zebra") == 0);
  CHECK(kinds_named("") == 0);
}

TEST_CASE("long fields are cut around the match, with the cut marked") {
  auto hits = small_index().search("needle");
  REQUIRE(hits.size() == 1);
  const SearchHit& h = hits[0];
  CHECK(h.field == SearchField::Summary);
  CHECK(h.snippet.rfind("…", 0) == 0);
  CHECK(h.snippet.size() < 220);
  REQUIRE(h.highlights.size() == 1);
  CHECK(h.snippet.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) == "needle");
  CHECK(h.snippet.find('<') == std::string::npos);  // markup is gone
}

TEST_CASE("the limit caps the hits, 0 means all") {
  SearchOptions one;
  one.limit = 1;
  CHECK(search_ids("hashtag", one).size() == 1);
  SearchOptions all;
  all.limit = 0;
  CHECK(search_ids("hashtag", all).size() == 4);
}

TEST_CASE("a 1 MB query is searched for its first kMaxSearchQueryBytes only") {
  const SearchIndex& index = small_index();
  const std::string padding(kMaxSearchQueryBytes - 8, ' ');
  CHECK(ids(small_framework(), index.search(padding + "needle ")) == std::vector<std::string>{"C00001"});
  // The same word past the limit is not searched, however long the query.
  std::string long_query(kMaxSearchQueryBytes, ' ');
  long_query += "needle ";
  long_query.resize(1 << 20, 'x');
  CHECK(index.search(long_query).empty());
  CHECK_FALSE(search_query_limit_notice(long_query).empty());
  CHECK(search_query_limit_notice(padding + "needle ").empty());
}

TEST_CASE("any bytes are a valid query") {
  const SearchIndex& index = small_index();
  CHECK(index.search("").empty());
  CHECK(index.search("   \t ").empty());
  CHECK(index.search("\"").empty());
  CHECK(index.search("kind:").empty());
  CHECK(index.search("\xFF\xFE\xC3").empty());
  CHECK_FALSE(index.search("hash\xFFtag flood").empty());
  CHECK(index.search(std::string(100000, 'a')).size() <= 20);
  // Deterministic noise: mixed ASCII, quotes, colons, invalid and multi-byte sequences.
  unsigned state = 12345;
  const char alphabet[] = "aeT01.\" :-kind\xC3\xA9\xFF\xE2\x80";
  for (int i = 0; i < 2000; ++i) {
    std::string q;
    for (int n = static_cast<int>((state >> 3) % 24); n > 0; --n) {
      state = state * 1103515245u + 12345u;
      q += alphabet[(state >> 16) % (sizeof(alphabet) - 1)];
    }
    for (const SearchHit& h : index.search(q))
      for (const TextRange& r : h.highlights) REQUIRE(r.begin < r.end);
  }
  SearchIndex empty;
  CHECK(empty.search("hashtag").empty());
}

TEST_CASE("searches from several threads at once agree") {
  const SearchIndex& index = small_index();
  auto expected = search_ids("hashtag");
  std::vector<std::vector<std::string>> found(4);
  std::vector<std::thread> threads;
  for (auto& f : found)
    threads.emplace_back([&f] {
      for (int i = 0; i < 200; ++i) f = search_ids("hashtag");
    });
  for (auto& t : threads) t.join();
  for (const auto& f : found) CHECK(f == expected);
}

TEST_CASE("the index reports its size") {
  CHECK(small_index().object_count() == small_framework().objects().size());
  CHECK(small_index().term_count() > 20);
  CHECK(small_index().memory_bytes() > 1000);
}
