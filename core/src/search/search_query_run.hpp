// The search index's query runner (SearchIndex::search), shared by the two files that
// define it: search_query.cpp reads the query and finds the terms and IDs each word
// matches; search_ranking.cpp scores fields and objects, ranks them and cuts snippets.
//
// A query allocates only its hits: everything else lives in per-thread scratch space that
// keeps its capacity from one query to the next, and whose per-field and per-object arrays
// are all zero between queries (each query clears exactly what it touched).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/search/search_index.hpp"

namespace disarm {

class SearchQueryRun {
 public:
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
        for (auto* v : {&object_unit_best, &object_unit_sum, &object_total, &object_id, &object_best_field_score,
                        &object_together})
          v->resize(objects);
        object_best_field.resize(objects);
        object_units.resize(objects);
      }
    }
  };

  SearchQueryRun(const SearchIndex& index, Scratch& s) : ix_(index), s_(s) {}

  std::vector<SearchHit> run(std::string_view query, const SearchOptions& options);

 private:
  // How well a term matches the word typed.
  static constexpr float kFormQuality = 0.97f;        // another form of the word: plural, other spelling
  static constexpr float kPrefixQualityBase = 0.55f;  // plus up to kPrefixQualityLength for a near-complete word
  static constexpr float kPrefixQualityLength = 0.35f;
  static constexpr float kTypoQuality[] = {1.0f, 0.45f, 0.3f};  // by edit distance
  static constexpr float kTypoPrefixFactor = 0.8f;              // a typo in a word still being typed

  // Typo tolerance: one edit from 4 letters, two from 8. Typos are looked for only when the
  // word as typed (and its plural forms) is in fewer than kTypoWhenFewerObjects objects, or,
  // while it is being typed, when nothing starts with it: a word the framework uses is most
  // likely spelt as meant.
  static constexpr std::size_t kOneTypoFrom = 4;
  static constexpr std::size_t kTwoTyposFrom = 8;
  static constexpr std::uint32_t kTypoWhenFewerObjects = 3;
  static constexpr std::size_t kMaxTypoTerms = 24;
  // A short prefix matches the start of many words: only its most frequent completions count,
  // fewer the shorter it is (one letter: 4, two: 16, more: 48).
  static constexpr std::size_t kMaxPrefixTerms = 48;
  static constexpr std::size_t max_prefix_terms(std::size_t prefix_bytes) {
    return prefix_bytes == 1 ? 4 : prefix_bytes == 2 ? 16 : kMaxPrefixTerms;
  }

  // --- Parsing (search_query.cpp) -----------------------------------------------------
  void parse(std::string_view query, bool prefix_last_word, KindMask& kinds);
  // Adds the words of query[begin, end): one phrase unit, or one unit per word.
  void add_unit(std::string_view query, std::size_t begin, std::size_t end, bool phrase, bool typing);
  std::string_view folded(const QueryWord& w) const {
    return std::string_view(s_.folded).substr(w.begin, w.end - w.begin);
  }

  // --- Terms (search_query.cpp) -------------------------------------------------------
  std::string_view term(std::uint32_t t) const {
    return std::string_view(ix_.terms_).substr(ix_.term_start_[t], ix_.term_start_[t + 1] - ix_.term_start_[t]);
  }
  std::uint32_t term_count() const { return static_cast<std::uint32_t>(ix_.term_start_.size() - 1); }
  std::uint32_t lower_bound_term(std::string_view key) const;
  std::optional<std::uint32_t> find_term(std::string_view key) const;
  bool expanded(std::uint16_t unit, std::uint32_t t, std::size_t from) const;
  // Adds the terms one query word matches as typed, in its other forms (with `variants`) and,
  // while it is typed, as the start of longer words; returns how many objects they are in,
  // altogether.
  std::uint32_t expand_exact_and_prefix(std::uint16_t unit, std::uint16_t word, const QueryWord& w, bool variants);
  // Terms within `max_distance` edits of `word`; with `prefix`, also terms whose start is,
  // when that start has the word's first letter (a typo while typing is rarely the first
  // letter, and requiring it keeps this fast). Whole words are looked for among the terms of
  // about the word's length only; each term's letters rule most of those out before any edit
  // distance is computed: a letter of the word that the term lacks costs an edit, and so does
  // one the term has that the word lacks.
  void find_typos(std::string_view word, unsigned max_distance, bool prefix);
  void expand_typos(std::uint16_t unit, std::uint16_t word, const QueryWord& w);

  // --- IDs (search_query.cpp) ---------------------------------------------------------
  std::string_view id(ObjectIndex i) const {
    return std::string_view(ix_.ids_).substr(ix_.id_start_[i], ix_.id_start_[i + 1] - ix_.id_start_[i]);
  }
  // Objects whose ID starts with `prefix` (upper case), scored `exact` for the ID itself and
  // `below` for the longer ones.
  void match_ids(std::string_view prefix, std::uint16_t unit, float exact, float below);
  // A word with a digit may be an ID ("T0154", "t0154.002"), an ID's start ("T015") or the
  // number of one ("0154").
  void expand_ids(std::uint16_t unit, const QueryWord& w);

  // --- Scoring (search_ranking.cpp) ---------------------------------------------------
  void add_field_score(std::uint32_t field, float score);
  std::uint32_t posting_count(std::uint32_t p) const;
  // One rarity for all the terms a word matches, so that its forms rank by how well they
  // match ("deepfakes" for "deepfake" a little below the word itself), not by how rare each
  // form happens to be. The exact and plural forms decide; prefixes and typos only without
  // them. Objects are counted per term, so shared ones count twice: a slight underestimate.
  float unit_idf(std::size_t from) const;
  void score_word(std::uint16_t u);
  // The positions of one term in one field, or an empty span.
  std::span<const std::uint32_t> positions(std::uint32_t t, std::uint32_t field) const;
  std::string_view field_text(std::uint32_t field) const;
  // True when a word of the text is the query word (or, while that is typed, starts with it).
  bool word_matches(std::string_view text_word, const QueryWord& w) const;
  // Where the phrase occurs in the field: calls found(begin, end) for each occurrence.
  template <typename Found>
  void find_phrase(std::uint16_t u, std::uint32_t field, std::span<const std::uint32_t> starts, Found found) const;
  void score_phrase(std::uint16_t u);
  // Folds the current unit's field scores into its objects.
  void close_unit(std::uint16_t u);
  void rank(KindMask kinds, std::size_t limit);

  // --- Hits (search_ranking.cpp) ------------------------------------------------------
  SearchHit make_hit(const Ranked& r);
  // The matched words of the field, in order, merged where they overlap.
  void collect_ranges(std::uint32_t f);
  // The field's text, or about kSnippetBytes of it around the densest run of matches.
  void cut_snippet(std::string_view text, SearchHit& hit);
  // Leaves every per-field and per-object array at zero for the next query.
  void clear();

  const SearchIndex& ix_;
  Scratch& s_;
};

}  // namespace disarm
