// The analyst's selection, its share code and the matrix highlights.
#include <algorithm>
#include "catch.hpp"
#include <random>
#include <string>
#include <vector>

#include "disarm/pages/highlight.hpp"
#include "disarm/selection/selection.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::selection_ids;

namespace {

// Raw bytes as base64url, to write codes that encode_selection never would.
std::string code_of(const std::vector<unsigned char>& bytes) {
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (unsigned char b : bytes) {
    bits = (bits << 8) | b;
    count += 8;
    while (count >= 6) out += alphabet[(bits >> (count -= 6)) & 63];
  }
  if (count) out += alphabet[(bits << (6 - count)) & 63];
  return out;
}

std::string decode_error(std::string_view code) {
  auto decoded = decode_selection(code);
  REQUIRE_FALSE(decoded.ok());
  return decoded.error().describe();
}

std::vector<std::string> id_list(const Framework& framework, const std::vector<ObjectIndex>& objects) {
  std::vector<std::string> out;
  for (ObjectIndex i : objects) out.push_back(framework.object(i).id);
  return out;
}

ObjectIndex index_of(const Framework& framework, std::string_view id) {
  auto index = framework.find(id);
  REQUIRE(index);
  return *index;
}

}  // namespace

TEST_CASE("Selection: techniques in numeric ID order, each once, canonical", "[selection]") {
  Selection s;
  CHECK(s.empty());
  for (const char* id : {"T0010", "T0009", "T0086.002", "T0086", "t0001", "T0097.100", "T0097.099", "T0009"})
    CHECK(s.add(id));
  CHECK(selection_ids(s) ==
        std::vector<std::string>{"T0001", "T0009", "T0010", "T0086", "T0086.002", "T0097.099", "T0097.100"});
  CHECK(s.size() == 7);
  CHECK(s.contains("t0086.002"));
  CHECK_FALSE(s.contains("T0002"));
  REQUIRE(s.find("T0010"));
  CHECK(s.find("T0010")->id == "T0010");
  CHECK(s.find("T0011") == nullptr);
}

TEST_CASE("Selection: IDs that are no technique's change nothing", "[selection]") {
  Selection s;
  s.add("T0001");
  const Selection before = s;
  for (const char* bad : {"", "TA01", "I00001", "T1", "T00001", "T0001.1", "T0001.0001", "T0001 ", "C00012", "x"}) {
    INFO(bad);
    CHECK_FALSE(s.add(bad));
    CHECK_FALSE(s.remove(bad));
    CHECK_FALSE(s.toggle(bad));
    CHECK_FALSE(s.set_score(bad, 5));
    CHECK_FALSE(s.set_comment(bad, "x"));
    CHECK_FALSE(s.contains(bad));
  }
  CHECK(s == before);
}

TEST_CASE("Selection: add, remove, toggle, score, comment, clear", "[selection]") {
  Selection s;
  CHECK(s.set_score("T0049", 40));  // selects it
  CHECK(s.set_comment("T0049", "seen twice"));
  CHECK(s.add("T0049"));  // already there: kept as it is
  REQUIRE(s.find("T0049"));
  CHECK(*s.find("T0049") == SelectedTechnique{"T0049", 40, "seen twice"});

  CHECK_FALSE(s.set_score("T0049", 101));
  CHECK_FALSE(s.set_score("T0049", -1));
  CHECK(s.find("T0049")->score == 40);
  CHECK(s.set_score("T0049", 0));
  CHECK(s.find("T0049")->score == 0);
  CHECK(s.set_score("T0049", 100));
  CHECK(s.set_score("T0049", std::nullopt));
  CHECK_FALSE(s.find("T0049")->score.has_value());

  CHECK(s.toggle("T0002"));
  CHECK(s.contains("T0002"));
  CHECK_FALSE(s.toggle("T0002"));
  CHECK_FALSE(s.contains("T0002"));
  CHECK(s.remove("T0049"));
  CHECK_FALSE(s.remove("T0049"));
  CHECK(s.empty());

  s.add("T0001");
  s.add("T0002");
  s.clear();
  CHECK(s.empty());
}

TEST_CASE("Selection: comments are kept as valid UTF-8", "[selection]") {
  Selection s;
  s.set_comment("T0001", "line one\nline two, “quoted” & <b>");
  CHECK(s.find("T0001")->comment == "line one\nline two, “quoted” & <b>");
  s.set_comment("T0001", std::string("bad \xff byte and a NUL: ", 22) + std::string(1, '\0'));
  CHECK(s.find("T0001")->comment == "bad \xEF\xBF\xBD byte and a NUL: \xEF\xBF\xBD");
  s.set_comment("T0001", "");
  CHECK(s.find("T0001")->comment.empty());
  CHECK(s.contains("T0001"));  // an empty comment does not unselect
}

TEST_CASE("Selection code: exact bytes of small selections", "[selection][fragment]") {
  CHECK(encode_selection(Selection{}) == "AQ");
  Selection one;
  one.add("T0002");
  CHECK(encode_selection(one) == "ARA");  // 01, 2 << 3
  Selection rich;
  rich.set_score("T0086.002", 80);
  rich.set_comment("T0086.002", "hi");
  rich.add("T0086.003");
  // 01 | B7 05 (86 << 3 | 7) 02 (sub) 50 (80) 02 'h' 'i' | 04 (0 << 3 | 4) 03 (sub)
  CHECK(encode_selection(rich) == code_of({0x01, 0xB7, 0x05, 0x02, 0x50, 0x02, 'h', 'i', 0x04, 0x03}));
  CHECK(decode_selection(encode_selection(rich)).value() == rich);
  CHECK(decode_selection("AQ").value().empty());
}

TEST_CASE("Selection code: every selection round-trips exactly and stays URL-safe", "[selection][fragment]") {
  std::mt19937 random(20241126);
  const std::vector<std::string> words = {"seen", "twice", "in", "I00042", "&",     "#/T0001", "%20",      "+",   " ",
                                          "\n",   "café",  "—",  "🙂",   "\"q\"", "a|b",     "<script>", "='x'"};
  for (int round = 0; round < 300; ++round) {
    Selection s;
    const int count = static_cast<int>(random() % 60);
    for (int i = 0; i < count; ++i) {
      const unsigned number = random() % 10 == 0 ? random() % 10000 : random() % 200;
      const int sub = random() % 3 == 0 ? static_cast<int>(random() % 1000) : -1;
      const std::string id = canonical_id({Kind::Technique, number, sub});
      s.add(id);
      if (random() % 2) s.set_score(id, static_cast<int>(random() % 101));
      if (random() % 3 == 0) {
        std::string comment;
        for (unsigned w = random() % 6; w-- > 0;) comment += words[random() % words.size()];
        s.set_comment(id, comment);
      }
    }
    const std::string code = encode_selection(s);
    INFO(code);
    for (char c : code)
      REQUIRE(((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'));
    auto decoded = decode_selection(code);
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == s);
  }
}

TEST_CASE("Selection code: garbage is refused with a clear error", "[selection][fragment]") {
  CHECK(decode_error("") == "empty selection code");
  CHECK(decode_error("AQ==") == "character 3: not a selection code: '=' is not one of A-Z a-z 0-9 - _");
  CHECK(decode_error("A Q") == "character 2: not a selection code: byte 32 is not one of A-Z a-z 0-9 - _");
  CHECK(decode_error("ARA\xC3\xA9") == "character 4: not a selection code: byte 195 is not one of A-Z a-z 0-9 - _");
  CHECK(decode_error("ARAAA") == "character 5: not a selection code: it ends part-way through a byte");
  CHECK(decode_error("AR") == "character 2: not a selection code: its last character has stray bits");
  CHECK(decode_error(code_of({0x02})) ==
        "character 1: not a selection code of version 1 (a newer viewer may have made it)");

  auto message = [](std::vector<unsigned char> bytes) { return decode_error(code_of(bytes)); };
  CHECK(message({0x01, 0x80}) == "technique 1: not a selection code: a technique number is cut short or malformed");
  CHECK(message({0x01, 0x90, 0x00}) ==  // overlong: 0x10 in two bytes
        "technique 1: not a selection code: a technique number is cut short or malformed");
  CHECK(message({0x01, 0xF8, 0xF1, 0x04}) == "technique 1: not a selection code: technique number 10015 is past T9999");
  CHECK(message({0x01, 0x14}) == "technique 1: not a selection code: a sub-technique number is malformed or past .999");
  CHECK(message({0x01, 0x14, 0xE8, 0x07}) ==  // .1000
        "technique 1: not a selection code: a sub-technique number is malformed or past .999");
  CHECK(message({0x01, 0x10, 0x00}) ==
        "technique 2: not a selection code: T0002 is repeated or out of order after T0002");
  CHECK(message({0x01, 0x14, 0x05, 0x04, 0x03}) ==  // T0002.005 then T0002.003
        "technique 2: not a selection code: T0002.003 is repeated or out of order after T0002.005");
  CHECK(message({0x01, 0x14, 0x05, 0x00}) ==  // T0002.005 then T0002
        "technique 2: not a selection code: T0002 is repeated or out of order after T0002.005");
  CHECK(message({0x01, 0x12, 0x65}) == "technique 1: not a selection code: the score of T0002 is missing or past 100");
  CHECK(message({0x01, 0x12}) == "technique 1: not a selection code: the score of T0002 is missing or past 100");
  CHECK(message({0x01, 0x11, 0x00}) == "technique 1: not a selection code: the comment of T0002 is cut short or empty");
  CHECK(message({0x01, 0x11, 0x05, 'a'}) ==
        "technique 1: not a selection code: the comment of T0002 is cut short or empty");
  CHECK(message({0x01, 0x11, 0x01, 0xFF}) ==
        "technique 1: not a selection code: the comment of T0002 is not valid UTF-8");
  CHECK(message({0x01, 0x11, 0x01, 0x00}) ==
        "technique 1: not a selection code: the comment of T0002 is not valid UTF-8");

  // Text that happens to be base64url decodes to nonsense and is refused, not misread.
  for (const char* text : {"hello", "T0001", "matrix", "deep-fake", "AAAAAAAA", "________"}) {
    INFO(text);
    CHECK_FALSE(decode_selection(text).ok());
  }
}

TEST_CASE("Selection code: a changed code is refused or is another selection's own code", "[selection][fragment]") {
  // Each code decodes to one selection only, so a link cannot carry a selection in two
  // spellings: whatever decodes re-encodes to exactly the text it came from.
  Selection s;
  s.set_score("T0002", 5);
  s.set_comment("T0086.002", "two faces, café");
  s.add("T0154");
  const std::string code = encode_selection(s);
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::size_t decoded = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    for (char c : alphabet) {
      std::string changed = code;
      changed[i] = c;
      auto result = decode_selection(changed);
      if (!result) continue;
      ++decoded;
      CHECK(encode_selection(result.value()) == changed);
    }
    auto cut = decode_selection(std::string_view(code).substr(0, i));
    if (cut) CHECK(encode_selection(cut.value()) == code.substr(0, i));
  }
  CHECK(decoded >= code.size());  // at least the code itself at each position
}

TEST_CASE("Selection code: its size for 50 techniques", "[selection][fragment]") {
  // 50 techniques spread over T0001..T0160 as an analyst's would be, a third of them
  // sub-techniques, all scored, each with a comment of about 40 characters.
  Selection bare, scored, commented;
  for (unsigned i = 0; i < 50; ++i) {
    const std::string id = canonical_id({Kind::Technique, 1 + i * 3, i % 3 == 0 ? static_cast<int>(1 + i % 7) : -1});
    bare.add(id);
    scored.set_score(id, static_cast<int>(i * 2));
    commented.set_score(id, static_cast<int>(i * 2));
    commented.set_comment(id, "Seen in I000" + std::to_string(10 + i) + " and the related posts in March.");
  }
  const std::size_t bare_size = encode_selection(bare).size();
  const std::size_t scored_size = encode_selection(scored).size();
  const std::size_t commented_size = encode_selection(commented).size();
  std::size_t comment_bytes = 0;
  for (const auto& item : commented.items()) comment_bytes += item.comment.size();
  WARN("selection code for 50 techniques: " << bare_size << " characters bare, " << scored_size << " scored, "
                                            << commented_size << " scored with " << comment_bytes
                                            << " bytes of comments");
  CHECK(bare_size <= 120);
  CHECK(scored_size <= 190);
  CHECK(commented_size <= (comment_bytes + 50 * 4 + 1) * 4 / 3 + 1);
  CHECK(decode_selection(encode_selection(commented)).value() == commented);
}

TEST_CASE("Highlights: what an incident used, what a counter counters, a technique itself", "[selection][highlight]") {
  const Framework& fw = test::sample_framework();
  CHECK(id_list(fw, highlight_for(fw, index_of(fw, "I00001"))) ==
        std::vector<std::string>{"T0088.001", "T0146", "T0154.002"});
  CHECK(id_list(fw, highlight_for(fw, index_of(fw, "C00012"))) == std::vector<std::string>{"T0086.002", "T0088.001"});
  CHECK(id_list(fw, highlight_for(fw, index_of(fw, "T0049"))) == std::vector<std::string>{"T0049"});
  CHECK(highlight_for(fw, index_of(fw, "TA01")).empty());
  CHECK(highlight_for(fw, index_of(fw, "A033")).empty());
}

TEST_CASE("Highlights: search hits filtered to techniques, and a selection's techniques", "[selection][highlight]") {
  const Framework& fw = test::sample_framework();
  const std::vector<ObjectIndex> hits = {index_of(fw, "I00001"), index_of(fw, "T0154"), index_of(fw, "T0002"),
                                         index_of(fw, "TA06"),   index_of(fw, "T0154"), 100000};
  CHECK(id_list(fw, technique_hits(fw, hits)) == std::vector<std::string>{"T0002", "T0154"});
  CHECK(technique_hits(fw, {}).empty());

  Selection s;
  s.add("T0154.002");
  s.add("T0002");
  s.add("T0999");  // not in the sample
  CHECK(id_list(fw, selected_techniques(fw, s)) == std::vector<std::string>{"T0002", "T0154.002"});
}

TEST_CASE("Highlights: a matrix route's highlight, resolved with its banner's words", "[selection][highlight]") {
  const Framework& fw = test::sample_framework();
  const SearchIndex index = SearchIndex::build(fw);

  MatrixHighlight incident = matrix_highlight(fw, index, "I00001");
  CHECK(incident.label == "I00001 Cloned voice in a school dispute");
  CHECK(incident.object == index_of(fw, "I00001"));
  CHECK(id_list(fw, incident.techniques) == std::vector<std::string>{"T0088.001", "T0146", "T0154.002"});

  MatrixHighlight counter = matrix_highlight(fw, index, "C00012");
  CHECK(id_list(fw, counter.techniques) == std::vector<std::string>{"T0086.002", "T0088.001"});

  // A search lights every technique it finds, and nothing of other kinds.
  MatrixHighlight search = matrix_highlight(fw, index, "search:synthetic");
  CHECK(search.label == "search \u201Csynthetic\u201D");
  CHECK_FALSE(search.object);
  std::vector<ObjectIndex> expected;
  SearchOptions options;
  options.limit = 0;
  for (const SearchHit& hit : index.search("synthetic", options))
    if (fw.object(hit.object).kind == Kind::Technique) expected.push_back(hit.object);
  std::sort(expected.begin(), expected.end());
  REQUIRE_FALSE(expected.empty());
  CHECK(search.techniques == expected);

  MatrixHighlight unknown = matrix_highlight(fw, index, "T9999");
  CHECK(unknown.label == "T9999 (not in this framework)");
  CHECK(unknown.techniques.empty());
  CHECK(matrix_highlight(fw, index, "").label.empty());
}
