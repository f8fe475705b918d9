#include "search/search_words.hpp"

#include <algorithm>

#include "text/ascii.hpp"

namespace disarm {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The word with British spellings made American and American ones British; the word itself
// when no rule applies.
std::string other_spelling(std::string_view word) {
  std::string out(word);
  auto swap_end = [&](std::string_view a, std::string_view b, std::size_t min_stem) {
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}})
      for (std::string_view suffix : {"", "s"}) {
        std::string tail = std::string(from) + std::string(suffix);
        if (ends_with(out, tail) && out.size() >= tail.size() + min_stem) {
          out.replace(out.size() - tail.size(), from.size(), to);
          return true;
        }
      }
    return false;
  };
  // -ize/-ise, -ization/-isation, -izing/-ising; -yze/-yse.
  for (std::size_t i = 2; i + 2 < out.size(); ++i) {
    char next = out[i + 2];
    if ((out[i] == 'i' || out[i] == 'y') && (out[i + 1] == 'z' || out[i + 1] == 's') &&
        (next == 'e' || next == 'a' || next == 'i')) {
      out[i + 1] = out[i + 1] == 'z' ? 's' : 'z';
      return out;
    }
  }
  swap_end("our", "or", 3) || swap_end("ence", "ense", 3) || swap_end("tre", "ter", 3) ||
      swap_end("elling", "eling", 2) || swap_end("elled", "eled", 2) || swap_end("ogue", "og", 3);
  return out;
}

}  // namespace

WordForms english_forms(std::string_view key, std::string& pool) {
  WordForms out;
  pool.clear();
  if (key.size() < 3 || has_ascii_digit(key)) return out;
  auto add = [&](std::string_view stem, std::string_view ending) {
    if (out.count == out.at.size()) return;
    auto begin = static_cast<std::uint32_t>(pool.size());
    pool.append(stem).append(ending);
    out.at[out.count++] = {begin, static_cast<std::uint32_t>(pool.size())};
  };
  auto add_number = [&](std::string_view w) {
    if (w.size() >= 4 && w.back() == 's' && w[w.size() - 2] != 's') {
      add(w.substr(0, w.size() - 1), "");
      if (ends_with(w, "ies"))
        add(w.substr(0, w.size() - 3), "y");
      else if (ends_with(w, "es"))
        add(w.substr(0, w.size() - 2), "");
    } else if (w.back() != 's') {
      add(w, "s");
      if (w.back() == 'y') add(w.substr(0, w.size() - 1), "ies");
      if (w.back() == 'h' || w.back() == 'x') add(w, "es");
    }
  };
  add_number(key);
  const std::string spelling = other_spelling(key);
  if (spelling != key) {
    add(spelling, "");
    add_number(spelling);
  }
  return out;
}

// Only the diagonal band of the table that can stay within `max_distance` is computed; cells
// just outside it hold that cap (max_distance + 1), and a row wholly above it ends the work.
unsigned bounded_edit_distance(std::string_view word, std::string_view term, unsigned max_distance, bool prefix) {
  constexpr std::size_t kWidth = kMaxTypoWordBytes + 2;
  std::uint8_t rows[3][kWidth];  // the two rows before this one, for swaps
  const std::size_t m = word.size();
  const std::size_t k = max_distance;
  const auto cap = static_cast<std::uint8_t>(max_distance + 1);
  if (m > kMaxTypoWordBytes || max_distance > 3) return cap;
  for (std::size_t j = 0; j <= m; ++j) rows[0][j] = static_cast<std::uint8_t>(std::min<std::size_t>(j, cap));
  std::uint8_t best = rows[0][m];  // the least distance to a start of the term
  const std::size_t depth_limit = std::min(term.size(), m + k);
  for (std::size_t depth = 1; depth <= depth_limit; ++depth) {
    const std::uint8_t* above = rows[(depth - 1) % 3];
    const std::uint8_t* above2 = rows[(depth + 1) % 3];  // depth - 2
    std::uint8_t* row = rows[depth % 3];
    const char c = term[depth - 1];
    const std::size_t lo = depth > k ? depth - k : 1;
    const std::size_t hi = std::min(m, depth + k);
    row[0] = static_cast<std::uint8_t>(std::min<std::size_t>(depth, cap));
    if (lo > 1) row[lo - 1] = cap;
    std::uint8_t least = row[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      unsigned v = std::min<unsigned>(above[j] + 1, row[j - 1] + 1);
      v = std::min<unsigned>(v, above[j - 1] + (word[j - 1] == c ? 0 : 1));
      if (depth > 1 && j > 1 && word[j - 1] == term[depth - 2] && word[j - 2] == c)
        v = std::min<unsigned>(v, above2[j - 2] + 1);
      row[j] = static_cast<std::uint8_t>(std::min<unsigned>(v, cap));
      least = std::min(least, row[j]);
    }
    if (hi < m) row[hi + 1] = cap;
    if (m < lo || m > hi) row[m] = cap;
    best = std::min(best, row[m]);
    if (least > max_distance) return prefix ? best : cap;
  }
  if (prefix) return best;
  return term.size() > m + k ? cap : rows[term.size() % 3][m];
}

}  // namespace disarm
