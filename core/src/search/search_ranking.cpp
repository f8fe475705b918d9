// Scoring a query's matches (search_query_run.hpp): fields, then objects, ranked, and the
// best hits' snippets cut around their matches.
#include "search/search_query_run.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "disarm/search/search_text.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

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

void SearchQueryRun::add_field_score(std::uint32_t field, float score) {
  float& current = s_.field_unit[field];
  if (current == 0.0f) s_.unit_fields.push_back(field);
  current = std::max(current, score);
}

std::uint32_t SearchQueryRun::posting_count(std::uint32_t p) const {
  return ix_.postings_[p + 1].first_position - ix_.postings_[p].first_position;
}

float SearchQueryRun::unit_idf(std::size_t from) const {
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

void SearchQueryRun::score_word(std::uint16_t u) {
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

std::span<const std::uint32_t> SearchQueryRun::positions(std::uint32_t t, std::uint32_t field) const {
  auto first = ix_.postings_.begin() + ix_.term_postings_[t];
  auto last = ix_.postings_.begin() + ix_.term_postings_[t + 1];
  auto it =
      std::lower_bound(first, last, field, [](const SearchIndex::Posting& p, std::uint32_t f) { return p.field < f; });
  if (it == last || it->field != field) return {};
  auto p = static_cast<std::size_t>(it - ix_.postings_.begin());
  return std::span<const std::uint32_t>(ix_.positions_).subspan(it->first_position, posting_count(p));
}

std::string_view SearchQueryRun::field_text(std::uint32_t field) const {
  const SearchIndex::FieldInfo& f = ix_.fields_[field];
  return std::string_view(ix_.text_).substr(f.text_begin, f.text_size);
}

bool SearchQueryRun::word_matches(std::string_view text_word, const QueryWord& w) const {
  std::string& f = s_.text_word;
  f.clear();
  append_folded(text_word, f);
  const std::string_view key = folded(w);
  return w.prefix ? std::string_view(f).substr(0, key.size()) == key : f == key;
}

template <typename Found>
void SearchQueryRun::find_phrase(std::uint16_t u, std::uint32_t field, std::span<const std::uint32_t> starts,
                                 Found found) const {
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

void SearchQueryRun::score_phrase(std::uint16_t u) {
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

void SearchQueryRun::close_unit(std::uint16_t u) {
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

void SearchQueryRun::rank(KindMask kinds, std::size_t limit) {
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

SearchHit SearchQueryRun::make_hit(const Ranked& r) {
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

void SearchQueryRun::collect_ranges(std::uint32_t f) {
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

void SearchQueryRun::cut_snippet(std::string_view text, SearchHit& hit) {
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

}  // namespace disarm
