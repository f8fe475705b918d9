#include <algorithm>
#include "catch.hpp"
#include <string>
#include <vector>

#include "search/search_words.hpp"

using namespace disarm;

namespace {

std::vector<std::string> forms(std::string_view word) {
  std::string pool;
  WordForms found = english_forms(word, pool);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.count; ++i)
    out.push_back(pool.substr(found.at[i].first, found.at[i].second - found.at[i].first));
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The full table of optimal string alignment distance: the reference for the banded one.
unsigned reference_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<unsigned>> d(a.size() + 1, std::vector<unsigned>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<unsigned>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<unsigned>(j);
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("singular and plural forms") {
  CHECK(has(forms("networks"), "network"));
  CHECK(has(forms("bot"), "bots"));
  CHECK(has(forms("policies"), "policy"));
  CHECK(has(forms("policy"), "policies"));
  CHECK(has(forms("hashes"), "hash"));
  CHECK(has(forms("hash"), "hashes"));
  CHECK(forms("ab").empty());
  CHECK(forms("t0154").empty());
}

TEST_CASE("British and American spellings") {
  CHECK(has(forms("organizations"), "organisations"));
  CHECK(has(forms("organizations"), "organisation"));
  CHECK(has(forms("organisation"), "organization"));
  CHECK(has(forms("polarize"), "polarise"));
  CHECK(has(forms("analyse"), "analyze"));
  CHECK(has(forms("behavior"), "behaviour"));
  CHECK(has(forms("colours"), "colors"));
  CHECK(has(forms("defense"), "defence"));
  CHECK(has(forms("center"), "centre"));
  CHECK(has(forms("labeling"), "labelling"));
  CHECK(has(forms("catalog"), "catalogue"));
  CHECK_FALSE(has(forms("four"), "for"));  // too short a stem to be a spelling
  CHECK_FALSE(has(forms("size"), "sise"));
}

TEST_CASE("the banded edit distance agrees with the full table") {
  unsigned state = 7;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return state >> 16;
  };
  auto random_word = [&](std::size_t max_size) {
    std::string w(1 + next() % max_size, 'a');
    for (char& c : w) c = static_cast<char>('a' + next() % 3);  // few letters: many near misses
    return w;
  };
  for (int i = 0; i < 20000; ++i) {
    std::string word = random_word(10), term = random_word(12);
    unsigned k = 1 + next() % 2;
    unsigned want = std::min(reference_distance(word, term), k + 1);
    INFO(word << " / " << term << " within " << k);
    CHECK(bounded_edit_distance(word, term, k, false) == want);
    unsigned want_prefix = k + 1;
    for (std::size_t n = 0; n <= term.size(); ++n)
      want_prefix = std::min(want_prefix, reference_distance(word, term.substr(0, n)));
    CHECK(bounded_edit_distance(word, term, k, true) == want_prefix);
  }
}

TEST_CASE("edit distance examples") {
  CHECK(bounded_edit_distance("deepfake", "deepfake", 2, false) == 0);
  CHECK(bounded_edit_distance("deepfkae", "deepfake", 2, false) == 1);  // swapped neighbours
  CHECK(bounded_edit_distance("propoganda", "propaganda", 2, false) == 1);
  CHECK(bounded_edit_distance("sockpupet", "sockpuppet", 2, false) == 1);
  CHECK(bounded_edit_distance("abcdefgh", "hgfedcba", 2, false) == 3);  // capped
  CHECK(bounded_edit_distance("crowdfundn", "crowdfunding", 1, true) == 1);
  CHECK(bounded_edit_distance("crowdfundn", "crowdfunding", 1, false) == 2);
  CHECK(bounded_edit_distance(std::string(40, 'a'), std::string(40, 'a'), 2, false) == 3);  // too long a word
}
