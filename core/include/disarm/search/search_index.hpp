// Ranked full-text search over every object of a framework: IDs, names, summaries, the
// other fields, incidents' evidence quotes and references.
//
// Query syntax: words (matched case- and diacritic-insensitively, with typos: one edit from
// 4 letters, two from 8; the last word also as a prefix while it is being typed), "quoted
// phrases", IDs and their prefixes ("T0154" finds T0154 first, then its sub-techniques in
// ID order; "t0154.002" works too), and kind filters ("kind:incident deepfake"; a start of a
// kind name such as "kind:inc" works too).
//
// Ranking: objects matching more of the query's words and phrases come first. Then a match
// in the ID beats one in the name, which beats one in the summary, which beats one in the
// other text; rarer words count for more; a word as typed beats its other forms (plural,
// British or American spelling), which beat longer words it starts, which beat typos; words
// found together in one field add to the score.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "disarm/model/kind.hpp"
#include "disarm/model/model.hpp"

namespace disarm {

// The kinds a filter word names: a kind's name or plural ("incident", "incidents",
// "actor-type"), in any case, or the start of some ("inc"; "t" is tactic, technique and
// task). An exact name gives just its kind. 0 when it names none.
KindMask kinds_named(std::string_view name);

// The longest query searched, in bytes: a longer one is searched for its first
// kMaxSearchQueryBytes, cut at a UTF-8 boundary. Queries are typed or come in links; a longer
// one is pasted text, whose first kilobyte holds more words than a query uses (16), while
// every byte costs time on every keystroke of search as you type.
inline constexpr std::size_t kMaxSearchQueryBytes = 1024;

// What to tell the reader of a query over kMaxSearchQueryBytes: the limit and why; empty
// for a query within it.
std::string search_query_limit_notice(std::string_view query);

struct SearchOptions {
  std::size_t limit = 20;  // the most hits returned; 0 for all
  // The kinds to search: the UI's filter chips. `kind:` words in the query narrow it further.
  KindMask kinds = kAllKinds;
  // Search as you type: the last word also matches the start of longer words, unless the
  // query ends in a space or a closing quote.
  bool prefix_last_word = true;
  // How many hits, best first, get their field, snippet and highlights; the rest carry their
  // object and score only. Callers that need only which objects match ask for none.
  std::size_t snippets = std::numeric_limits<std::size_t>::max();
};

// Which part of an object a hit matched best.
enum class SearchField : std::uint8_t { Id, Name, Summary, Field, Evidence, Reference };

struct TextRange {
  std::uint32_t begin = 0;  // bytes into the snippet
  std::uint32_t end = 0;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Every member has an initialiser, so a designated initialiser may leave any out (GCC 14 warns
// otherwise).
struct SearchHit {
  ObjectIndex object = 0;
  float score = 0;
  SearchField field = SearchField::Name;
  // "id", "name", "summary", a field's key ("Year started"), "evidence", "reference".
  // Points into the index: valid while the index lives.
  std::string_view field_name{};
  // For evidence: the technique the quote is evidence of.
  std::optional<ObjectIndex> evidence_for{};
  // Plain text (markup removed) of the best-matching field, or the part of it around the
  // matches, with "…" where it was cut. Valid UTF-8.
  std::string snippet{};
  // The matched words in the snippet, in order, not overlapping.
  std::vector<TextRange> highlights{};
};

// Built once from a framework and immutable afterwards. Holds its own copy of the text it
// searches, so it does not refer to the framework after build(); hits name objects by their
// index in that framework. Never throws; any bytes are a valid query.
class SearchIndex {
 public:
  static SearchIndex build(const Framework& framework);

  // Hits best first; ties in ID order. A query without words (blank, or only `kind:`) has
  // no hits. Safe to call from several threads at once (scratch space is per thread).
  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options = {}) const;

  std::size_t object_count() const { return object_kinds_.size(); }
  std::size_t term_count() const { return term_start_.empty() ? 0 : term_start_.size() - 1; }
  // Bytes the index holds on the heap.
  std::size_t memory_bytes() const;

 private:
  friend class SearchIndexBuilder;  // search_index.cpp
  friend class SearchQueryRun;      // search_query.cpp

  // One searchable piece of an object's text.
  struct FieldInfo {
    ObjectIndex object;
    std::uint32_t text_begin;  // into text_
    std::uint32_t text_size;
    std::uint32_t related;  // the technique of an evidence quote; kNoRelated otherwise
    float factor;           // field weight and length normalisation, folded together
    std::uint16_t name;     // into field_names_
    SearchField kind;
  };
  // Where one term occurs in one field: its positions are positions_[first_position, next
  // posting's first_position).
  struct Posting {
    std::uint32_t field;
    std::uint32_t first_position;
  };
  static constexpr std::uint32_t kNoRelated = 0xFFFFFFFF;

  // One bit per letter a-z, and six more shared by all other bytes: which the text holds.
  static std::uint32_t letters_of(std::string_view text) {
    std::uint32_t bits = 0;
    for (char c : text) {
      auto b = static_cast<unsigned char>(c);
      bits |= 1u << (b >= 'a' && b <= 'z' ? b - 'a' : 26 + b % 6);
    }
    return bits;
  }

  // Objects.
  std::vector<Kind> object_kinds_;
  std::string ids_;                         // every object's ID, back to back
  std::vector<std::uint32_t> id_start_;     // object i's ID: ids_[id_start_[i], id_start_[i + 1])
  std::vector<ObjectIndex> objects_by_id_;  // objects in upper-case ID text order, for ID prefixes
  // Fields, grouped by object in object order.
  std::string text_;  // plain text of every field, back to back
  std::vector<FieldInfo> fields_;
  std::vector<std::string> field_names_;
  // Terms: folded words, in byte order.
  std::string terms_;
  std::vector<std::uint32_t> term_start_;     // term t: terms_[term_start_[t], term_start_[t + 1])
  std::vector<std::uint32_t> term_postings_;  // term t: postings_[term_postings_[t], term_postings_[t + 1])
  std::vector<float> term_idf_;
  std::vector<std::uint32_t> term_objects_;  // how many objects contain term t
  std::vector<std::uint32_t> term_letters_;  // letters_of(term t): rules typos out fast
  // Terms by length, for typos: terms of n bytes are terms_by_length_[length_start_[n],
  // length_start_[n + 1]); the last length counts every longer term too.
  std::vector<std::uint32_t> terms_by_length_;
  std::vector<std::uint32_t> length_start_;
  std::vector<Posting> postings_;         // with a sentinel at the end
  std::vector<std::uint32_t> positions_;  // byte offsets of words in their field's text
};

// Where the search index comes from: built when first asked for, so that a page that does not
// search never waits for it. An index at hand converts to one, for callers that have it built.
class SearchIndexSource {
 public:
  SearchIndexSource(const SearchIndex& index) : get_([&index]() -> const SearchIndex& { return index; }) {}
  template <class Get>
    requires std::is_invocable_r_v<const SearchIndex&, Get>
  SearchIndexSource(Get get) : get_(std::move(get)) {}

  const SearchIndex& operator()() const { return get_(); }

 private:
  std::function<const SearchIndex&()> get_;
};

}  // namespace disarm
