// Running a query against the search index: parsing it into words and phrases, expanding
// each word into the terms it matches (exact, plural, prefix, typo), scoring fields and
// objects, ranking, and cutting snippets around the matches.
//
// A query allocates only its hits: everything else lives in per-thread scratch space that
// keeps its capacity from one query to the next, and whose per-field and per-object arrays
// are all zero between queries (each query clears exactly what it touched).
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <span>

#include "text/ascii.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/search/search_text.hpp"
#include "search/search_words.hpp"
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

// How well a term matches the word typed.
constexpr float kFormQuality = 0.97f;        // another form of the word: plural, other spelling
constexpr float kPrefixQualityBase = 0.55f;  // plus up to kPrefixQualityLength for a near-complete word
constexpr float kPrefixQualityLength = 0.35f;
constexpr float kTypoQuality[] = {1.0f, 0.45f, 0.3f};  // by edit distance
constexpr float kTypoPrefixFactor = 0.8f;              // a typo in a word still being typed

// Typo tolerance: one edit from 4 letters, two from 8. Typos are looked for only when the
// word as typed (and its plural forms) is in fewer than kTypoWhenFewerObjects objects, or,
// while it is being typed, when nothing starts with it: a word the framework uses is most
// likely spelt as meant.
constexpr std::size_t kOneTypoFrom = 4;
constexpr std::size_t kTwoTyposFrom = 8;
constexpr std::uint32_t kTypoWhenFewerObjects = 3;
constexpr std::size_t kMaxTypoTerms = 24;
// A short prefix matches the start of many words: only its most frequent completions count,
// fewer the shorter it is (one letter: 4, two: 16, more: 48).
constexpr std::size_t kMaxPrefixTerms = 48;
constexpr std::size_t max_prefix_terms(std::size_t prefix_bytes) {
  return prefix_bytes == 1 ? 4 : prefix_bytes == 2 ? 16 : kMaxPrefixTerms;
}

// True when `bits` has more than `count` bits set (count is small: no popcount instruction
// is assumed).
constexpr bool more_bits_than(std::uint32_t bits, unsigned count) {
  for (unsigned i = 0; i < count && bits != 0; ++i) bits &= bits - 1;
  return bits != 0;
}

// Combining: a word's best field counts fully, its matches in other fields a little (at most
// kOtherFieldsShare more, approached as they add up to the best field's score); words
// found together in one field add half that field's score; each word or phrase an object
// lacks divides its score by 20, so objects with all the words come first.
constexpr float kOtherFieldsShare = 0.1f;
constexpr float kTogetherShare = 0.5f;
constexpr float kMissingUnitFactor = 0.05f;

constexpr std::size_t kSnippetBytes = 180;
constexpr std::size_t kSnippetLead = 40;  // context before the first match shown
constexpr std::size_t kMaxHighlights = 32;
constexpr std::string_view kEllipsis = "…";

struct QueryWord {
  std::uint32_t begin;  // into the folded words
  std::uint32_t end;
  std::string_view raw;
  bool prefix;  // may match the start of a longer word
};

// A word (matched with its variants) or a quoted phrase (its words in order, exactly).
struct Unit {
  std::uint16_t first_word;
  std::uint16_t words;
  bool phrase;
  bool exact;  // a quoted single word: no plurals or typos
};

struct Expansion {
  std::uint32_t term;
  float quality;
  std::uint16_t unit;
  std::uint16_t word;  // within the unit
};

struct IdMatch {
  ObjectIndex object;
  float score;
  std::uint16_t unit;
  std::uint16_t length;  // bytes of the ID that match
};

struct TypoMatch {
  std::uint32_t term;
  std::uint8_t distance;
};

struct Ranked {
  float score;
  ObjectIndex object;
};

struct Scratch {
  std::string folded;
  std::string variant;
  std::string upper;
  std::string text_word;
  std::vector<QueryWord> words;
  std::vector<Unit> units;
  std::vector<Expansion> expansions;
  std::vector<IdMatch> id_matches;
  std::vector<TypoMatch> typos;
  std::vector<std::uint32_t> prefix_terms;
  std::vector<TextRange> ranges;
  std::vector<Ranked> ranked;
  // Per field, zero between queries.
  std::vector<float> field_unit;   // the current unit's best match in the field
  std::vector<float> field_total;  // all units
  std::vector<std::uint32_t> field_units;
  std::vector<std::uint32_t> unit_fields;     // fields the current unit touched
  std::vector<std::uint32_t> touched_fields;  // fields any unit touched
  // Per object, zero between queries.
  std::vector<float> object_unit_best;
  std::vector<float> object_unit_sum;
  std::vector<float> object_total;
  std::vector<float> object_id;
  std::vector<float> object_best_field_score;
  std::vector<float> object_together;
  std::vector<std::uint32_t> object_best_field;
  std::vector<std::uint32_t> object_units;
  std::vector<std::uint32_t> unit_objects;
  std::vector<std::uint32_t> touched_objects;

  void fit(std::size_t fields, std::size_t objects) {
    if (field_unit.size() < fields) {
      field_unit.resize(fields);
      field_total.resize(fields);
      field_units.resize(fields);
    }
    if (object_total.size() < objects) {
      for (auto* v :
           {&object_unit_best, &object_unit_sum, &object_total, &object_id, &object_best_field_score, &object_together})
        v->resize(objects);
      object_best_field.resize(objects);
      object_units.resize(objects);
    }
  }
};

thread_local Scratch scratch;

float tf_weight(std::uint32_t count) {
  // 1 for one occurrence, then slowly more: a field that repeats a word is about it, a bit.
  static const auto table = [] {
    std::array<float, 32> t{};
    for (std::size_t i = 1; i < t.size(); ++i) t[i] = 1.0f + 0.3f * std::log(static_cast<float>(i));
    return t;
  }();
  return count < table.size() ? table[count] : 1.0f + 0.3f * std::log(static_cast<float>(count));
}

}  // namespace

std::string search_query_limit_notice(std::string_view query) {
  if (query.size() <= kMaxSearchQueryBytes) return {};
  return "Only the first " + std::to_string(kMaxSearchQueryBytes) +
         " bytes of this query were searched: a longer query holds more words than a search uses, and would "
         "slow every keystroke.";
}

class SearchQueryRun {
 public:
  SearchQueryRun(const SearchIndex& index, Scratch& s) : ix_(index), s_(s) {}

  std::vector<SearchHit> run(std::string_view query, const SearchOptions& options) {
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

 private:
  // --- Parsing -------------------------------------------------------------------------

  void parse(std::string_view query, bool prefix_last_word, KindMask& kinds) {
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

  // Adds the words of query[begin, end): one phrase unit, or one unit per word.
  void add_unit(std::string_view query, std::size_t begin, std::size_t end, bool phrase, bool typing) {
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

  std::string_view folded(const QueryWord& w) const {
    return std::string_view(s_.folded).substr(w.begin, w.end - w.begin);
  }

  // --- Terms ---------------------------------------------------------------------------

  std::string_view term(std::uint32_t t) const {
    return std::string_view(ix_.terms_).substr(ix_.term_start_[t], ix_.term_start_[t + 1] - ix_.term_start_[t]);
  }
  std::uint32_t term_count() const { return static_cast<std::uint32_t>(ix_.term_start_.size() - 1); }

  std::uint32_t lower_bound_term(std::string_view key) const {
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

  std::optional<std::uint32_t> find_term(std::string_view key) const {
    std::uint32_t t = lower_bound_term(key);
    if (t < term_count() && term(t) == key) return t;
    return std::nullopt;
  }

  bool expanded(std::uint16_t unit, std::uint32_t t, std::size_t from) const {
    for (std::size_t i = from; i < s_.expansions.size(); ++i)
      if (s_.expansions[i].unit == unit && s_.expansions[i].term == t) return true;
    return false;
  }

  // Adds the terms one query word matches as typed, in its other forms (with `variants`) and,
  // while it is typed, as the start of longer words; returns how many objects they are in,
  // altogether.
  std::uint32_t expand_exact_and_prefix(std::uint16_t unit, std::uint16_t word, const QueryWord& w, bool variants) {
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

  // Terms within `max_distance` edits of `word`; with `prefix`, also terms whose start is,
  // when that start has the word's first letter (a typo while typing is rarely the first
  // letter, and requiring it keeps this fast). Whole words are looked for among the terms of
  // about the word's length only; each term's letters rule most of those out before any edit
  // distance is computed: a letter of the word that the term lacks costs an edit, and so does
  // one the term has that the word lacks.
  void find_typos(std::string_view word, unsigned max_distance, bool prefix) {
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
      const std::uint32_t has = text.size() > m + max_distance
                                    ? SearchIndex::letters_of(text.substr(0, m + max_distance))
                                    : ix_.term_letters_[t];
      if (more_bits_than(letters & ~has, max_distance)) continue;
      const unsigned d = bounded_edit_distance(word, text, max_distance, true);
      if (d <= max_distance) s_.typos.push_back({t, static_cast<std::uint8_t>(d)});
    }
  }

  void expand_typos(std::uint16_t unit, std::uint16_t word, const QueryWord& w) {
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

  // --- IDs -----------------------------------------------------------------------------

  std::string_view id(ObjectIndex i) const {
    return std::string_view(ix_.ids_).substr(ix_.id_start_[i], ix_.id_start_[i + 1] - ix_.id_start_[i]);
  }

  // Objects whose ID starts with `prefix` (upper case), scored `exact` for the ID itself and
  // `below` for the longer ones.
  void match_ids(std::string_view prefix, std::uint16_t unit, float exact, float below) {
    const auto& by_id = ix_.objects_by_id_;
    auto first = std::lower_bound(by_id.begin(), by_id.end(), prefix,
                                  [&](ObjectIndex o, std::string_view key) { return id(o) < key; });
    for (auto it = first; it != by_id.end() && id(*it).substr(0, prefix.size()) == prefix; ++it) {
      float score = id(*it).size() == prefix.size() ? exact : below;
      s_.id_matches.push_back({*it, score, unit, static_cast<std::uint16_t>(prefix.size())});
    }
  }

  // A word with a digit may be an ID ("T0154", "t0154.002"), an ID's start ("T015") or the
  // number of one ("0154").
  void expand_ids(std::uint16_t unit, const QueryWord& w) {
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

  // --- Scoring -------------------------------------------------------------------------

  void add_field_score(std::uint32_t field, float score) {
    float& current = s_.field_unit[field];
    if (current == 0.0f) s_.unit_fields.push_back(field);
    current = std::max(current, score);
  }

  std::uint32_t posting_count(std::uint32_t p) const {
    return ix_.postings_[p + 1].first_position - ix_.postings_[p].first_position;
  }

  // One rarity for all the terms a word matches, so that its forms rank by how well they
  // match ("deepfakes" for "deepfake" a little below the word itself), not by how rare each
  // form happens to be. The exact and plural forms decide; prefixes and typos only without
  // them. Objects are counted per term, so shared ones count twice: a slight underestimate.
  float unit_idf(std::size_t from) const {
    std::uint32_t exact = 0, all = 0;
    for (std::size_t e = from; e < s_.expansions.size(); ++e) {
      const Expansion& x = s_.expansions[e];
      all += ix_.term_objects_[x.term];
      if (x.quality >= kFormQuality) exact += ix_.term_objects_[x.term];
    }
    const double objects = static_cast<double>(ix_.object_kinds_.size());
    const double df = std::min<double>(objects, exact > 0 ? exact : all);
    return static_cast<float>(std::log(1.0 + (objects - df + 0.5) / (df + 0.5)));
  }

  void score_word(std::uint16_t u) {
    const Unit& unit = s_.units[u];
    const QueryWord& w = s_.words[unit.first_word];
    const std::size_t from = s_.expansions.size();
    std::uint32_t objects = expand_exact_and_prefix(u, 0, w, !unit.exact);
    if (!unit.exact && objects < (w.prefix ? 1 : kTypoWhenFewerObjects)) expand_typos(u, 0, w);
    if (!unit.exact) expand_ids(u, w);
    const float idf = unit_idf(from);
    for (std::size_t e = from; e < s_.expansions.size(); ++e) {
      const Expansion& x = s_.expansions[e];
      const float base = x.quality * idf;
      for (std::uint32_t p = ix_.term_postings_[x.term]; p < ix_.term_postings_[x.term + 1]; ++p) {
        const SearchIndex::Posting& posting = ix_.postings_[p];
        add_field_score(posting.field, base * ix_.fields_[posting.field].factor * tf_weight(posting_count(p)));
      }
    }
  }

  // The positions of one term in one field, or an empty span.
  std::span<const std::uint32_t> positions(std::uint32_t t, std::uint32_t field) const {
    auto first = ix_.postings_.begin() + ix_.term_postings_[t];
    auto last = ix_.postings_.begin() + ix_.term_postings_[t + 1];
    auto it = std::lower_bound(first, last, field,
                               [](const SearchIndex::Posting& p, std::uint32_t f) { return p.field < f; });
    if (it == last || it->field != field) return {};
    auto p = static_cast<std::size_t>(it - ix_.postings_.begin());
    return std::span<const std::uint32_t>(ix_.positions_).subspan(it->first_position, posting_count(p));
  }

  std::string_view field_text(std::uint32_t field) const {
    const SearchIndex::FieldInfo& f = ix_.fields_[field];
    return std::string_view(ix_.text_).substr(f.text_begin, f.text_size);
  }

  // True when a word of the text is the query word (or, while that is typed, starts with it).
  bool word_matches(std::string_view text_word, const QueryWord& w) const {
    std::string& f = s_.text_word;
    f.clear();
    append_folded(text_word, f);
    const std::string_view key = folded(w);
    return w.prefix ? std::string_view(f).substr(0, key.size()) == key : f == key;
  }

  // Where the phrase occurs in the field: calls found(begin, end) for each occurrence.
  template <typename Found>
  void find_phrase(std::uint16_t u, std::uint32_t field, std::span<const std::uint32_t> starts, Found found) const {
    const Unit& unit = s_.units[u];
    std::string_view text = field_text(field);
    for (std::uint32_t start : starts) {
      std::size_t end = word_end(text, start);
      bool whole = true;
      for (std::uint16_t k = 1; k < unit.words && whole; ++k) {
        WordSpan next;
        whole = next_word(text, end, next) &&
                word_matches(text.substr(next.begin, next.end - next.begin), s_.words[unit.first_word + k]);
        end = next.end;
      }
      if (whole) found(start, static_cast<std::uint32_t>(end));
    }
  }

  void score_phrase(std::uint16_t u) {
    const Unit& unit = s_.units[u];
    const std::size_t from = s_.expansions.size();
    float idf = 0.0f;
    for (std::uint16_t k = 0; k < unit.words; ++k) {
      QueryWord w = s_.words[unit.first_word + k];
      w.prefix = w.prefix && k + 1 == unit.words;
      const std::size_t before = s_.expansions.size();
      expand_exact_and_prefix(u, k, w, false);
      if (s_.expansions.size() == before) return;  // a word of the phrase occurs nowhere
      idf += ix_.term_idf_[s_.expansions[before].term];
    }
    for (std::size_t e = from; e < s_.expansions.size() && s_.expansions[e].word == 0; ++e) {
      const Expansion& x = s_.expansions[e];
      for (std::uint32_t p = ix_.term_postings_[x.term]; p < ix_.term_postings_[x.term + 1]; ++p) {
        const std::uint32_t field = ix_.postings_[p].field;
        std::uint32_t count = 0;
        find_phrase(u, field, positions(x.term, field), [&](std::uint32_t, std::uint32_t) { ++count; });
        if (count > 0) add_field_score(field, idf * ix_.fields_[field].factor * tf_weight(count));
      }
    }
  }

  // Folds the current unit's field scores into its objects.
  void close_unit(std::uint16_t u) {
    const std::uint32_t bit = 1u << u;
    for (std::uint32_t f : s_.unit_fields) {
      const float score = s_.field_unit[f];
      s_.field_unit[f] = 0.0f;
      if (s_.field_units[f] == 0) s_.touched_fields.push_back(f);
      s_.field_units[f] |= bit;
      s_.field_total[f] += score;
      const ObjectIndex o = ix_.fields_[f].object;
      if (s_.object_unit_best[o] == 0.0f) s_.unit_objects.push_back(o);
      s_.object_unit_best[o] = std::max(s_.object_unit_best[o], score);
      s_.object_unit_sum[o] += score;
    }
    s_.unit_fields.clear();
    for (const IdMatch& m : s_.id_matches) {
      if (m.unit != u) continue;
      if (s_.object_unit_best[m.object] == 0.0f) s_.unit_objects.push_back(m.object);
      s_.object_unit_best[m.object] = std::max(s_.object_unit_best[m.object], m.score);
      s_.object_id[m.object] = std::max(s_.object_id[m.object], m.score);
    }
    for (ObjectIndex o : s_.unit_objects) {
      const float best = s_.object_unit_best[o];
      const float others = std::max(0.0f, s_.object_unit_sum[o] - best);
      if (s_.object_units[o] == 0) s_.touched_objects.push_back(o);
      s_.object_units[o] |= bit;
      s_.object_total[o] += best + kOtherFieldsShare * best * others / (others + best);
      s_.object_unit_best[o] = 0.0f;
      s_.object_unit_sum[o] = 0.0f;
    }
    s_.unit_objects.clear();
  }

  void rank(KindMask kinds, std::size_t limit) {
    const auto units = static_cast<int>(s_.units.size());
    for (std::uint32_t f : s_.touched_fields) {
      const ObjectIndex o = ix_.fields_[f].object;
      const float total = s_.field_total[f];
      if (total > s_.object_best_field_score[o]) {
        s_.object_best_field_score[o] = total;
        s_.object_best_field[o] = f;
      }
      const int together = std::popcount(s_.field_units[f]);
      if (together >= 2)
        s_.object_together[o] = std::max(s_.object_together[o], total * static_cast<float>(together - 1) / (units - 1));
    }
    auto& ranked = s_.ranked;
    ranked.clear();
    for (ObjectIndex o : s_.touched_objects) {
      if (!(kinds & kind_bit(ix_.object_kinds_[o]))) continue;
      const int missing = units - std::popcount(s_.object_units[o]);
      float score = s_.object_total[o] + kTogetherShare * s_.object_together[o];
      for (int i = 0; i < missing; ++i) score *= kMissingUnitFactor;
      ranked.push_back({score, o});
    }
    auto better = [](const Ranked& a, const Ranked& b) {
      return a.score != b.score ? a.score > b.score : a.object < b.object;
    };
    if (limit > 0 && limit < ranked.size()) {
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(limit), ranked.end(), better);
      ranked.resize(limit);
    } else {
      std::sort(ranked.begin(), ranked.end(), better);
    }
  }

  // --- Hits ----------------------------------------------------------------------------

  SearchHit make_hit(const Ranked& r) {
    SearchHit hit;
    hit.object = r.object;
    hit.score = r.score;
    const ObjectIndex o = r.object;
    if (s_.object_id[o] > 0.0f && s_.object_id[o] >= s_.object_best_field_score[o]) {
      hit.field = SearchField::Id;
      hit.field_name = "id";
      hit.snippet = id(o);
      std::uint16_t length = 0;
      for (const IdMatch& m : s_.id_matches)
        if (m.object == o) length = std::max(length, m.length);
      hit.highlights.push_back({0, std::min<std::uint32_t>(length, static_cast<std::uint32_t>(hit.snippet.size()))});
      return hit;
    }
    const std::uint32_t f = s_.object_best_field[o];
    const SearchIndex::FieldInfo& field = ix_.fields_[f];
    hit.field = field.kind;
    hit.field_name = ix_.field_names_[field.name];
    if (field.related != SearchIndex::kNoRelated) hit.evidence_for = field.related;
    collect_ranges(f);
    cut_snippet(field_text(f), hit);
    return hit;
  }

  // The matched words of the field, in order, merged where they overlap.
  void collect_ranges(std::uint32_t f) {
    auto& ranges = s_.ranges;
    ranges.clear();
    std::string_view text = field_text(f);
    for (std::uint16_t u = 0; u < s_.units.size(); ++u) {
      if (!(s_.field_units[f] & (1u << u))) continue;
      if (s_.units[u].phrase) {
        for (const Expansion& x : s_.expansions)
          if (x.unit == u && x.word == 0)
            find_phrase(u, f, positions(x.term, f), [&](std::uint32_t begin, std::uint32_t end) {
              ranges.push_back({begin, end});
            });
        continue;
      }
      for (const Expansion& x : s_.expansions) {
        if (x.unit != u) continue;
        for (std::uint32_t at : positions(x.term, f))
          ranges.push_back({at, static_cast<std::uint32_t>(word_end(text, at))});
      }
    }
    std::sort(ranges.begin(), ranges.end(), [](const TextRange& a, const TextRange& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::size_t kept = 0;
    for (const TextRange& r : ranges) {
      if (kept > 0 && r.begin <= ranges[kept - 1].end) {
        ranges[kept - 1].end = std::max(ranges[kept - 1].end, r.end);
        continue;
      }
      ranges[kept++] = r;
    }
    ranges.resize(kept);
  }

  // The field's text, or about kSnippetBytes of it around the densest run of matches.
  void cut_snippet(std::string_view text, SearchHit& hit) {
    const auto& ranges = s_.ranges;
    std::size_t begin = 0, end = text.size();
    if (text.size() > kSnippetBytes) {
      // The window starting at a match that holds the most matches.
      std::size_t best = 0, best_count = 0;
      for (std::size_t i = 0, j = 0; i < ranges.size(); ++i) {
        if (j < i) j = i;
        while (j < ranges.size() && ranges[j].end <= ranges[i].begin + kSnippetBytes - kSnippetLead) ++j;
        if (j - i > best_count) best = i, best_count = j - i;
      }
      if (!ranges.empty() && ranges[best].begin > kSnippetLead) {
        begin = ranges[best].begin - kSnippetLead;
        std::size_t space = text.find(' ', begin);
        begin = space != std::string_view::npos && space < ranges[best].begin ? space + 1 : ranges[best].begin;
      }
      end = begin + utf8_prefix_length(text.substr(begin), kSnippetBytes);
      if (end < text.size()) {
        std::size_t space = text.rfind(' ', end);
        if (space != std::string_view::npos && space > begin + kSnippetBytes / 2) end = space;
      } else if (begin > 0) {
        // The window reaches the end of the text: show the whole last kSnippetBytes.
        std::size_t earlier = text.size() - kSnippetBytes;
        std::size_t space = text.find(' ', earlier);
        if (space != std::string_view::npos && space + 1 < begin) begin = space + 1;
      }
    }
    std::string& snippet = hit.snippet;
    snippet.reserve(end - begin + 2 * kEllipsis.size());
    if (begin > 0) snippet += kEllipsis;
    const std::size_t shift = snippet.size();
    snippet.append(text.substr(begin, end - begin));
    if (end < text.size()) snippet += kEllipsis;
    for (const TextRange& r : ranges) {
      if (r.begin < begin || r.end > end) continue;
      if (hit.highlights.size() == kMaxHighlights) break;
      hit.highlights.push_back(
          {static_cast<std::uint32_t>(r.begin - begin + shift), static_cast<std::uint32_t>(r.end - begin + shift)});
    }
  }

  // Leaves every per-field and per-object array at zero for the next query.
  void clear() {
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

  const SearchIndex& ix_;
  Scratch& s_;
};

std::vector<SearchHit> SearchIndex::search(std::string_view query, const SearchOptions& options) const {
  if (term_start_.empty()) return {};  // a default-constructed index
  return SearchQueryRun(*this, scratch).run(query, options);
}

}  // namespace disarm
