// Running a query against the search index (search_query_run.hpp): parsing it into words
// and phrases, and expanding each word into the terms it matches (exact, plural, prefix,
// typo) and the IDs it may be.
#include "search/search_query_run.hpp"

#include <algorithm>

#include "disarm/search/search_text.hpp"
#include "search/search_words.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

constexpr std::size_t kMaxUnits = 16;  // words and phrases a query uses; the rest are ignored
constexpr std::size_t kMaxPhraseWords = 16;

// Exact IDs and ID prefixes sit above any text match; sub-techniques of a prefix then come in
// ID order, as equal scores rank by object index, which is ID order.
constexpr float kIdExactScore = 1000.0f;
constexpr float kIdPrefixScore = 500.0f;
constexpr float kIdNumberScore = 300.0f;  // "0154": the number of an ID without its letters

// True when `bits` has more than `count` bits set (count is small: no popcount instruction
// is assumed).
constexpr bool more_bits_than(std::uint32_t bits, unsigned count) {
  for (unsigned i = 0; i < count && bits != 0; ++i) bits &= bits - 1;
  return bits != 0;
}

thread_local SearchQueryRun::Scratch scratch;

}  // namespace

std::string search_query_limit_notice(std::string_view query) {
  if (query.size() <= kMaxSearchQueryBytes) return {};
  return "Only the first " + std::to_string(kMaxSearchQueryBytes) +
         " bytes of this query were searched: a longer query holds more words than a search uses, and would "
         "slow every keystroke.";
}

std::vector<SearchHit> SearchQueryRun::run(std::string_view query, const SearchOptions& options) {
  std::vector<SearchHit> hits;
  if (query.size() > kMaxSearchQueryBytes) query = query.substr(0, utf8_prefix_length(query, kMaxSearchQueryBytes));
  KindMask kinds = options.kinds;
  parse(query, options.prefix_last_word, kinds);
  if (s_.units.empty() || kinds == 0) return hits;
  s_.fit(ix_.fields_.size(), ix_.object_kinds_.size());
  for (std::uint16_t u = 0; u < s_.units.size(); ++u) {
    if (s_.units[u].phrase)
      score_phrase(u);
    else
      score_word(u);
    close_unit(u);
  }
  rank(kinds, options.limit);
  hits.reserve(s_.ranked.size());
  for (const Ranked& r : s_.ranked)
    hits.push_back(hits.size() < options.snippets ? make_hit(r) : SearchHit{.object = r.object, .score = r.score});
  clear();
  return hits;
}

void SearchQueryRun::parse(std::string_view query, bool prefix_last_word, KindMask& kinds) {
  s_.folded.clear();
  s_.words.clear();
  s_.units.clear();
  s_.expansions.clear();
  s_.id_matches.clear();
  KindMask named = 0;
  bool any_kind_filter = false;
  // The last word is a prefix only while it is being typed: nothing follows it.
  const bool typing = prefix_last_word && !query.empty() && !is_ascii_space(query.back()) && query.back() != '"';
  std::size_t i = 0;
  while (i < query.size()) {
    if (is_ascii_space(query[i])) {
      ++i;
      continue;
    }
    if (query[i] == '"') {
      std::size_t close = query.find('"', i + 1);
      std::size_t end = close == std::string_view::npos ? query.size() : close;
      add_unit(query, i + 1, end, true, typing && close == std::string_view::npos);
      i = close == std::string_view::npos ? query.size() : close + 1;
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_ascii_space(query[end]) && query[end] != '"') ++end;
    std::string_view chunk = query.substr(i, end - i);
    if (starts_with_ignoring_case(chunk, "kind:")) {
      if (chunk.size() > 5) {
        named |= kinds_named(chunk.substr(5));
        any_kind_filter = true;
      }
    } else {
      add_unit(query, i, end, false, typing && end == query.size());
    }
    i = end;
  }
  if (any_kind_filter) kinds &= named;
  // The first letter of a word typed after others is too little to search by: it would let
  // any word that starts with it, or is it ("t" from "don't"), reorder the results so far.
  if (s_.units.size() > 1) {
    const Unit& last = s_.units.back();
    const QueryWord& w = s_.words[last.first_word];
    if (!last.phrase && w.prefix && code_point_count(folded(w)) == 1) s_.units.pop_back();
  }
}

void SearchQueryRun::add_unit(std::string_view query, std::size_t begin, std::size_t end, bool phrase, bool typing) {
  std::string_view text = query.substr(0, end);
  const auto first = static_cast<std::uint16_t>(s_.words.size());
  WordSpan w;
  for (std::size_t at = begin; next_word(text, at, w); at = w.end) {
    if (s_.units.size() >= kMaxUnits || s_.words.size() - first >= kMaxPhraseWords) break;
    auto folded_begin = static_cast<std::uint32_t>(s_.folded.size());
    append_folded(text.substr(w.begin, w.end - w.begin), s_.folded);
    bool prefix = typing && w.end == end;
    s_.words.push_back(
        {folded_begin, static_cast<std::uint32_t>(s_.folded.size()), text.substr(w.begin, w.end - w.begin), prefix});
    if (!phrase) s_.units.push_back({static_cast<std::uint16_t>(s_.words.size() - 1), 1, false, false});
  }
  const auto count = static_cast<std::uint16_t>(s_.words.size() - first);
  if (phrase && count > 0 && s_.units.size() < kMaxUnits) s_.units.push_back({first, count, count > 1, true});
}

std::uint32_t SearchQueryRun::lower_bound_term(std::string_view key) const {
  std::uint32_t lo = 0, hi = term_count();
  while (lo < hi) {
    std::uint32_t mid = lo + (hi - lo) / 2;
    if (term(mid) < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

std::optional<std::uint32_t> SearchQueryRun::find_term(std::string_view key) const {
  std::uint32_t t = lower_bound_term(key);
  if (t < term_count() && term(t) == key) return t;
  return std::nullopt;
}

bool SearchQueryRun::expanded(std::uint16_t unit, std::uint32_t t, std::size_t from) const {
  for (std::size_t i = from; i < s_.expansions.size(); ++i)
    if (s_.expansions[i].unit == unit && s_.expansions[i].term == t) return true;
  return false;
}

std::uint32_t SearchQueryRun::expand_exact_and_prefix(std::uint16_t unit, std::uint16_t word, const QueryWord& w,
                                                      bool variants) {
  const std::size_t from = s_.expansions.size();
  std::string_view key = folded(w);
  std::uint32_t objects = 0;
  auto add = [&](std::uint32_t t, float quality) {
    if (expanded(unit, t, from)) return;
    s_.expansions.push_back({t, quality, unit, word});
    objects += ix_.term_objects_[t];
  };
  if (auto t = find_term(key)) add(*t, 1.0f);
  if (variants) {
    const WordForms forms = english_forms(key, s_.variant);
    for (std::size_t i = 0; i < forms.count; ++i) {
      auto [begin, end] = forms.at[i];
      if (auto t = find_term(std::string_view(s_.variant).substr(begin, end - begin))) add(*t, kFormQuality);
    }
  }
  if (w.prefix && !key.empty()) {
    std::uint32_t first = lower_bound_term(key);
    std::uint32_t last = first;
    while (last < term_count() && term(last).substr(0, key.size()) == key) ++last;
    auto& candidates = s_.prefix_terms;
    candidates.clear();
    for (std::uint32_t t = first; t < last; ++t)
      if (term(t).size() > key.size()) candidates.push_back(t);
    const std::size_t most = max_prefix_terms(key.size());
    if (candidates.size() > most) {
      std::partial_sort(
          candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(most), candidates.end(),
          [&](std::uint32_t a, std::uint32_t b) {
            return ix_.term_objects_[a] != ix_.term_objects_[b] ? ix_.term_objects_[a] > ix_.term_objects_[b] : a < b;
          });
      candidates.resize(most);
    }
    for (std::uint32_t t : candidates) {
      float completeness = static_cast<float>(key.size()) / static_cast<float>(term(t).size());
      add(t, kPrefixQualityBase + kPrefixQualityLength * completeness);
    }
  }
  return objects;
}

void SearchQueryRun::find_typos(std::string_view word, unsigned max_distance, bool prefix) {
  const std::uint32_t letters = SearchIndex::letters_of(word);
  const std::size_t m = word.size();
  const std::size_t longest = ix_.length_start_.size() - 2;
  const std::size_t shortest = m > max_distance ? m - max_distance : 1;
  if (shortest <= longest) {
    const std::size_t end = ix_.length_start_[std::min(longest, m + max_distance) + 1];
    for (std::size_t i = ix_.length_start_[shortest]; i < end; ++i) {
      const std::uint32_t t = ix_.terms_by_length_[i];
      const std::uint32_t has = ix_.term_letters_[t];
      if (more_bits_than(letters & ~has, max_distance) || more_bits_than(has & ~letters, max_distance)) continue;
      const std::string_view text = term(t);
      if (prefix && text[0] == word[0]) continue;  // looked at as a prefix below
      const unsigned d = bounded_edit_distance(word, text, max_distance, false);
      if (d <= max_distance) s_.typos.push_back({t, static_cast<std::uint8_t>(d)});
    }
  }
  if (!prefix) return;
  const std::uint32_t last = term_count();
  for (std::uint32_t t = lower_bound_term(word.substr(0, 1)); t < last && term(t)[0] == word[0]; ++t) {
    const std::string_view text = term(t);
    if (text.size() + max_distance < m) continue;
    // A start of the term can only match within its first m + max_distance bytes.
    const std::uint32_t has = text.size() > m + max_distance ? SearchIndex::letters_of(text.substr(0, m + max_distance))
                                                             : ix_.term_letters_[t];
    if (more_bits_than(letters & ~has, max_distance)) continue;
    const unsigned d = bounded_edit_distance(word, text, max_distance, true);
    if (d <= max_distance) s_.typos.push_back({t, static_cast<std::uint8_t>(d)});
  }
}

void SearchQueryRun::expand_typos(std::uint16_t unit, std::uint16_t word, const QueryWord& w) {
  std::string_view key = folded(w);
  std::size_t letters = code_point_count(key);
  if (letters < kOneTypoFrom || key.size() > kMaxTypoWordBytes || has_ascii_digit(key)) return;
  unsigned max_distance = letters >= kTwoTyposFrom ? 2 : 1;
  s_.typos.clear();
  find_typos(key, max_distance, w.prefix);
  auto& typos = s_.typos;
  std::sort(typos.begin(), typos.end(), [&](const TypoMatch& a, const TypoMatch& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (ix_.term_objects_[a.term] != ix_.term_objects_[b.term])
      return ix_.term_objects_[a.term] > ix_.term_objects_[b.term];
    return a.term < b.term;
  });
  std::size_t added = 0;
  for (const TypoMatch& typo : typos) {
    if (added == kMaxTypoTerms) break;
    if (typo.distance == 0 || expanded(unit, typo.term, 0)) continue;
    float quality = kTypoQuality[typo.distance] * (w.prefix ? kTypoPrefixFactor : 1.0f);
    s_.expansions.push_back({typo.term, quality, unit, word});
    ++added;
  }
}

void SearchQueryRun::match_ids(std::string_view prefix, std::uint16_t unit, float exact, float below) {
  const auto& by_id = ix_.objects_by_id_;
  auto first = std::lower_bound(by_id.begin(), by_id.end(), prefix,
                                [&](ObjectIndex o, std::string_view key) { return id(o) < key; });
  for (auto it = first; it != by_id.end() && id(*it).substr(0, prefix.size()) == prefix; ++it) {
    float score = id(*it).size() == prefix.size() ? exact : below;
    s_.id_matches.push_back({*it, score, unit, static_cast<std::uint16_t>(prefix.size())});
  }
}

void SearchQueryRun::expand_ids(std::uint16_t unit, const QueryWord& w) {
  if (!has_ascii_digit(w.raw) || w.raw.size() > 16) return;
  std::string& upper = s_.upper;
  upper.clear();
  for (char c : w.raw) upper += ascii_upper(c);
  std::size_t letters = 0;
  while (letters < upper.size() && upper[letters] >= 'A' && upper[letters] <= 'Z') ++letters;
  if (letters > 0) {
    if (letters <= 2 && letters < upper.size()) match_ids(upper, unit, kIdExactScore, kIdPrefixScore);
    return;
  }
  std::size_t digits = upper.find('.');
  if (digits == std::string::npos) digits = upper.size();
  for (const KindInfo& info : all_kinds()) {
    if (static_cast<std::size_t>(info.digits) != digits) continue;
    s_.variant.assign(info.prefix).append(upper);
    match_ids(s_.variant, unit, kIdNumberScore, kIdNumberScore * 0.9f);
  }
}

void SearchQueryRun::clear() {
  for (std::uint32_t f : s_.touched_fields) {
    s_.field_total[f] = 0.0f;
    s_.field_units[f] = 0;
  }
  s_.touched_fields.clear();
  for (ObjectIndex o : s_.touched_objects) {
    s_.object_total[o] = 0.0f;
    s_.object_id[o] = 0.0f;
    s_.object_best_field_score[o] = 0.0f;
    s_.object_together[o] = 0.0f;
    s_.object_best_field[o] = 0;
    s_.object_units[o] = 0;
  }
  s_.touched_objects.clear();
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, const SearchOptions& options) const {
  if (term_start_.empty()) return {};  // a default-constructed index
  return SearchQueryRun(*this, scratch).run(query, options);
}

}  // namespace disarm
