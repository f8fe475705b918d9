// The word diff: edge cases (empty, identical, all different, UTF-8, punctuation, spacing),
// minimality against a plain LCS on small inputs, and the bound on long rewritten texts.
#include "catch.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "disarm/text/word_diff.hpp"

using namespace disarm;

namespace {

std::string joined(const WordDiff& diff, DiffOp skip) {
  std::string out;
  for (const DiffPart& part : diff.parts)
    if (part.op != skip) out += part.text;
  return out;
}

std::size_t words_in(const WordDiff& diff, DiffOp op) {
  std::size_t n = 0;
  for (const DiffPart& part : diff.parts) {
    if (part.op != op) continue;
    bool in_word = false;
    for (char c : part.text) {
      if (c != ' ' && !in_word) ++n;
      in_word = c != ' ';
    }
  }
  return n;
}

std::size_t lcs_length(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

std::string sentence(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

TEST_CASE("word diff: two empty texts are identical and have no parts", "[word_diff]") {
  WordDiff diff = word_diff("", "");
  CHECK(diff.parts.empty());
  CHECK(diff.identical());
  CHECK_FALSE(diff.whole_text);
}

TEST_CASE("word diff: identical texts are one kept part", "[word_diff]") {
  WordDiff diff = word_diff("Flood the zone with noise.", "Flood the zone with noise.");
  REQUIRE(diff.parts.size() == 1);
  CHECK(diff.parts[0] == DiffPart{DiffOp::Same, "Flood the zone with noise."});
  CHECK(diff.identical());
}

TEST_CASE("word diff: text added to or removed from nothing", "[word_diff]") {
  CHECK(word_diff("", "new words").parts == std::vector<DiffPart>{{DiffOp::Added, "new words"}});
  CHECK(word_diff("old words", "").parts == std::vector<DiffPart>{{DiffOp::Removed, "old words"}});
}

TEST_CASE("word diff: one replaced word in the middle", "[word_diff]") {
  WordDiff diff = word_diff("post the quick message today", "post the slow message today");
  std::vector<DiffPart> expected = {{DiffOp::Same, "post the "},
                                    {DiffOp::Removed, "quick "},
                                    {DiffOp::Added, "slow "},
                                    {DiffOp::Same, "message today"}};
  CHECK(diff.parts == expected);
  CHECK_FALSE(diff.identical());
}

TEST_CASE("word diff: wholly different texts are removed, then added", "[word_diff]") {
  WordDiff diff = word_diff("alpha beta gamma", "one two");
  std::vector<DiffPart> expected = {{DiffOp::Removed, "alpha beta gamma"}, {DiffOp::Added, "one two"}};
  CHECK(diff.parts == expected);
  CHECK_FALSE(diff.whole_text);
}

TEST_CASE("word diff: punctuation marks are words of their own", "[word_diff]") {
  WordDiff diff = word_diff("amplify content.", "amplify content, widely.");
  std::vector<DiffPart> expected = {
      {DiffOp::Same, "amplify content"}, {DiffOp::Added, ", widely"}, {DiffOp::Same, "."}};
  CHECK(diff.parts == expected);
}

TEST_CASE("word diff: spacing alone is no change, and the newer spacing is kept", "[word_diff]") {
  WordDiff diff = word_diff("one  two\nthree", "one two three");
  REQUIRE(diff.parts.size() == 1);
  CHECK(diff.parts[0] == DiffPart{DiffOp::Same, "one two three"});
  // Leading spacing is kept with the first word.
  CHECK(joined(word_diff("  lead word", "  lead other"), DiffOp::Removed) == "  lead other");
}

TEST_CASE("word diff: UTF-8 words are never split", "[word_diff]") {
  WordDiff diff = word_diff("Übung macht den Meister", "Übung macht die Meisterin");
  std::vector<DiffPart> expected = {
      {DiffOp::Same, "Übung macht "}, {DiffOp::Removed, "den Meister"}, {DiffOp::Added, "die Meisterin"}};
  CHECK(diff.parts == expected);
  WordDiff cjk = word_diff("日本 語 テスト", "日本 人 テスト");
  std::vector<DiffPart> cjk_expected = {
      {DiffOp::Same, "日本 "}, {DiffOp::Removed, "語 "}, {DiffOp::Added, "人 "}, {DiffOp::Same, "テスト"}};
  CHECK(cjk.parts == cjk_expected);
  CHECK(word_diff("emoji 🙂 here", "emoji 🙃 here").parts[1] == DiffPart{DiffOp::Removed, "🙂 "});
}

TEST_CASE("word diff: the newer text is rebuilt from the parts, the older one but for spacing", "[word_diff]") {
  const std::string older = "Create fake accounts, then post memes to seed a narrative in small groups.";
  const std::string newer = "Create inauthentic accounts and post memes to seed narratives in many groups.";
  WordDiff diff = word_diff(older, newer);
  CHECK(joined(diff, DiffOp::Removed) == newer);
  auto unspaced = [](std::string text) {
    std::erase(text, ' ');
    return text;
  };
  CHECK(unspaced(joined(diff, DiffOp::Added)) == unspaced(older));
  for (std::size_t i = 1; i < diff.parts.size(); ++i) CHECK(diff.parts[i].op != diff.parts[i - 1].op);
}

TEST_CASE("word diff: edits are as few as a longest common subsequence allows", "[word_diff]") {
  std::mt19937 random(12);
  const std::vector<std::string> alphabet = {"a", "b", "c", "d"};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> a(random() % 12), b(random() % 12);
    for (auto& w : a) w = alphabet[random() % alphabet.size()];
    for (auto& w : b) w = alphabet[random() % alphabet.size()];
    const std::string older = sentence(a), newer = sentence(b);
    INFO(older << " -> " << newer);
    WordDiff diff = word_diff(older, newer);
    const std::size_t lcs = lcs_length(a, b);
    CHECK(words_in(diff, DiffOp::Removed) == a.size() - lcs);
    CHECK(words_in(diff, DiffOp::Added) == b.size() - lcs);
    CHECK(words_in(diff, DiffOp::Same) == lcs);
  }
}

TEST_CASE("word diff: long texts with few edits are aligned word by word", "[word_diff]") {
  std::vector<std::string> a, b;
  for (int i = 0; i < 5000; ++i) a.push_back("w" + std::to_string(i));
  b = a;
  b[1000] = "changed";
  b.erase(b.begin() + 3000);
  WordDiff diff = word_diff(sentence(a), sentence(b));
  CHECK_FALSE(diff.whole_text);
  CHECK(words_in(diff, DiffOp::Removed) == 2);
  CHECK(words_in(diff, DiffOp::Added) == 1);
}

TEST_CASE("word diff: long rewritten texts give up to one replaced middle", "[word_diff]") {
  std::vector<std::string> a, b;
  a.push_back("same");
  b.push_back("same");
  for (int i = 0; i < 3000; ++i) {
    a.push_back("old" + std::to_string(i));
    b.push_back("new" + std::to_string(i));
  }
  a.push_back("end");
  b.push_back("end");
  WordDiff diff = word_diff(sentence(a), sentence(b));
  CHECK(diff.whole_text);
  REQUIRE(diff.parts.size() == 4);
  CHECK(diff.parts[0] == DiffPart{DiffOp::Same, "same "});
  CHECK(diff.parts[1].op == DiffOp::Removed);
  CHECK(diff.parts[2].op == DiffOp::Added);
  CHECK(diff.parts[3] == DiffPart{DiffOp::Same, "end"});
  CHECK(joined(diff, DiffOp::Added) == sentence(a));
}
