// Building the search index: every object's text made plain, split into words, folded into
// terms, and inverted into postings (term -> fields -> word positions).
#include "disarm/search/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

#include "text/ascii.hpp"
#include "disarm/search/search_text.hpp"

namespace disarm {

namespace {

// How much one match counts in each kind of field: an ID match (scored in search_query.cpp)
// beats a name, a name beats a summary, a summary beats the rest.
constexpr float kFieldWeight[] = {
    0.0f,   // Id
    12.0f,  // Name
    5.0f,   // Summary
    1.5f,   // Field
    1.0f,   // Evidence
    1.5f,   // Reference
};
constexpr std::size_t kFieldKinds = std::size(kFieldWeight);

// Long fields count a little less per match: a name that is just the word searched for
// beats a long name that mentions it.
constexpr float kLengthPenalty = 0.15f;

}  // namespace

KindMask kinds_named(std::string_view name) {
  std::string wanted;
  for (char c : name) wanted += c == ' ' || c == '_' ? '-' : ascii_lower(c);
  if (wanted.empty()) return 0;
  KindMask mask = 0;
  for (const KindInfo& info : all_kinds()) {
    std::string plural;
    for (char c : info.plural) plural += c == ' ' ? '-' : ascii_lower(c);
    if (info.name == wanted || plural == wanted) return kind_bit(info.kind);
    if (info.name.substr(0, wanted.size()) == wanted || plural.substr(0, wanted.size()) == wanted)
      mask |= kind_bit(info.kind);
  }
  return mask;
}

class SearchIndexBuilder {
 public:
  explicit SearchIndexBuilder(SearchIndex& index) : index_(index) {}

  void add_object(const Framework& framework, ObjectIndex i) {
    const Object& object = framework.object(i);
    add_field(i, SearchField::Name, "name", object.name);
    add_field(i, SearchField::Summary, "summary", object.summary);
    for (const Field& field : object.fields) add_field(i, SearchField::Field, field.key, field.value);
    for (const Link& link : framework.links(i)) {
      if (link.type != RelationType::IncidentTechnique || !link.forward) continue;
      add_field(i, SearchField::Evidence, "evidence", framework.relations()[link.relation].text, link.other);
    }
    for (const Reference& ref : object.references) {
      std::string credit = ref.title;
      for (const std::string* part : {&ref.authors, &ref.organisation})
        if (!part->empty()) credit += (credit.empty() ? "" : " — ") + *part;
      add_field(i, SearchField::Reference, "reference", credit);
    }
  }

  void add_ids(const Framework& framework) {
    auto objects = framework.objects();
    index_.object_kinds_.reserve(objects.size());
    index_.id_start_.reserve(objects.size() + 1);
    for (const Object& o : objects) {
      index_.object_kinds_.push_back(o.kind);
      index_.id_start_.push_back(static_cast<std::uint32_t>(index_.ids_.size()));
      for (char c : o.id) index_.ids_ += ascii_upper(c);
    }
    index_.id_start_.push_back(static_cast<std::uint32_t>(index_.ids_.size()));
    auto id = [&](ObjectIndex i) {
      return std::string_view(index_.ids_).substr(index_.id_start_[i], index_.id_start_[i + 1] - index_.id_start_[i]);
    };
    index_.objects_by_id_.resize(objects.size());
    std::iota(index_.objects_by_id_.begin(), index_.objects_by_id_.end(), ObjectIndex{0});
    std::stable_sort(index_.objects_by_id_.begin(), index_.objects_by_id_.end(),
                     [&](ObjectIndex a, ObjectIndex b) { return id(a) < id(b); });
  }

  void finish() {
    sort_terms();
    group_by_length();
    invert();
    weigh();
  }

 private:
  struct Occurrence {
    std::uint32_t term;
    std::uint32_t field;
    std::uint32_t offset;
  };

  void add_field(ObjectIndex object, SearchField kind, std::string_view name, std::string_view markup,
                 std::uint32_t related = SearchIndex::kNoRelated) {
    std::string& text = index_.text_;
    const std::size_t begin = text.size();
    append_plain_text(markup, text);
    const std::string_view plain = std::string_view(text).substr(begin);
    const auto field = static_cast<std::uint32_t>(index_.fields_.size());
    std::uint32_t words = 0;
    WordSpan word;
    for (std::size_t at = 0; next_word(plain, at, word); at = word.end) {
      folded_.clear();
      append_folded(plain.substr(word.begin, word.end - word.begin), folded_);
      occurrences_.push_back({term_id(), field, static_cast<std::uint32_t>(word.begin)});
      ++words;
    }
    if (words == 0) {
      text.resize(begin);
      return;
    }
    index_.fields_.push_back({object, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(plain.size()),
                              related, 0.0f, name_id(name), kind});
    field_words_.push_back(words);
  }

  // The id of the term in folded_, first-seen order: open addressing over the terms seen so
  // far, since every word of the text passes here.
  std::uint32_t term_id() {
    const auto count = static_cast<std::uint32_t>(seen_hashes_.size());
    if (2 * (count + 1) > slots_.size()) grow_slots();
    const std::uint32_t hash = hash_of(folded_);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) {
        slots_[i] = count + 1;
        seen_hashes_.push_back(hash);
        seen_ += folded_;
        seen_start_.push_back(static_cast<std::uint32_t>(seen_.size()));
        return count;
      }
      if (seen_hashes_[slot - 1] == hash && seen_term(slot - 1) == folded_) return slot - 1;
    }
  }

  std::string_view seen_term(std::uint32_t id) const {
    return std::string_view(seen_).substr(seen_start_[id], seen_start_[id + 1] - seen_start_[id]);
  }

  static std::uint32_t hash_of(std::string_view text) {
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
  }

  void grow_slots() {
    slots_.assign(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t id = 0; id < seen_hashes_.size(); ++id) {
      std::size_t i = seen_hashes_[id] & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = id + 1;
    }
  }

  std::uint16_t name_id(std::string_view name) {
    auto& names = index_.field_names_;
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::uint16_t>(it - names.begin());
    names.emplace_back(name);
    return static_cast<std::uint16_t>(names.size() - 1);
  }

  // Lays the terms out in byte order.
  void sort_terms() {
    const std::size_t count = seen_hashes_.size();
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return seen_term(a) < seen_term(b); });
    new_id_.resize(count);
    index_.term_start_.reserve(count + 1);
    index_.term_letters_.reserve(count);
    for (std::uint32_t rank = 0; rank < count; ++rank) {
      const std::string_view term = seen_term(order[rank]);
      new_id_[order[rank]] = rank;
      index_.term_start_.push_back(static_cast<std::uint32_t>(index_.terms_.size()));
      index_.terms_ += term;
      index_.term_letters_.push_back(SearchIndex::letters_of(term));
    }
    index_.term_start_.push_back(static_cast<std::uint32_t>(index_.terms_.size()));
  }

  // Terms by length (a counting sort), so that typos are looked for among terms of about the
  // right length only.
  void group_by_length() {
    constexpr std::size_t kLongest = 40;  // longer than any word typos are looked for in
    const std::size_t terms = index_.term_start_.size() - 1;
    auto length = [&](std::size_t t) {
      return std::min<std::size_t>(kLongest, index_.term_start_[t + 1] - index_.term_start_[t]);
    };
    auto& start = index_.length_start_;
    start.assign(kLongest + 2, 0);
    for (std::size_t t = 0; t < terms; ++t) ++start[length(t) + 1];
    for (std::size_t n = 0; n <= kLongest; ++n) start[n + 1] += start[n];
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    index_.terms_by_length_.resize(terms);
    for (std::size_t t = 0; t < terms; ++t) index_.terms_by_length_[next[length(t)]++] = static_cast<std::uint32_t>(t);
  }

  // Groups the occurrences by term (a stable counting sort keeps them in field and offset
  // order) into postings and positions.
  void invert() {
    const std::size_t terms = new_id_.size();
    std::vector<std::uint32_t> start(terms + 1, 0);
    for (const Occurrence& o : occurrences_) ++start[new_id_[o.term] + 1];
    for (std::size_t t = 0; t < terms; ++t) start[t + 1] += start[t];
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    std::vector<Occurrence> sorted(occurrences_.size());
    for (const Occurrence& o : occurrences_) sorted[next[new_id_[o.term]]++] = {new_id_[o.term], o.field, o.offset};
    occurrences_ = {};

    auto& postings = index_.postings_;
    auto& positions = index_.positions_;
    positions.reserve(sorted.size());
    index_.term_postings_.reserve(terms + 1);
    index_.term_objects_.assign(terms, 0);
    std::size_t k = 0;
    for (std::uint32_t t = 0; t < terms; ++t) {
      index_.term_postings_.push_back(static_cast<std::uint32_t>(postings.size()));
      ObjectIndex last_object = 0;
      bool any = false;
      for (; k < start[t + 1]; ++k) {
        const Occurrence& o = sorted[k];
        if (postings.size() == index_.term_postings_.back() || postings.back().field != o.field) {
          postings.push_back({o.field, static_cast<std::uint32_t>(positions.size())});
          ObjectIndex object = index_.fields_[o.field].object;
          if (!any || object != last_object) ++index_.term_objects_[t];
          last_object = object;
          any = true;
        }
        positions.push_back(o.offset);
      }
    }
    index_.term_postings_.push_back(static_cast<std::uint32_t>(postings.size()));
    postings.push_back({0, static_cast<std::uint32_t>(positions.size())});  // the sentinel
    postings.shrink_to_fit();
  }

  // Inverse document frequency per term (BM25's, always positive), and each field's weight
  // with its length normalisation.
  void weigh() {
    const double objects = static_cast<double>(index_.object_kinds_.size());
    index_.term_idf_.reserve(index_.term_objects_.size());
    for (std::uint32_t df : index_.term_objects_)
      index_.term_idf_.push_back(static_cast<float>(std::log(1.0 + (objects - df + 0.5) / (df + 0.5))));

    double words[kFieldKinds] = {};
    double fields[kFieldKinds] = {};
    for (std::size_t f = 0; f < index_.fields_.size(); ++f) {
      auto kind = static_cast<std::size_t>(index_.fields_[f].kind);
      words[kind] += field_words_[f];
      fields[kind] += 1;
    }
    for (std::size_t f = 0; f < index_.fields_.size(); ++f) {
      auto kind = static_cast<std::size_t>(index_.fields_[f].kind);
      double average = words[kind] / fields[kind];
      index_.fields_[f].factor =
          static_cast<float>(kFieldWeight[kind] / (1.0 + kLengthPenalty * field_words_[f] / average));
    }
  }

  SearchIndex& index_;
  std::string folded_;
  // Terms by first-seen id: seen_[seen_start_[id], seen_start_[id + 1]).
  std::string seen_;
  std::vector<std::uint32_t> seen_start_{0};
  std::vector<std::uint32_t> seen_hashes_;
  std::vector<std::uint32_t> slots_;   // first-seen id + 1; 0 for an empty slot
  std::vector<std::uint32_t> new_id_;  // first-seen id -> id in byte order
  std::vector<Occurrence> occurrences_;
  std::vector<std::uint32_t> field_words_;
};

SearchIndex SearchIndex::build(const Framework& framework) {
  SearchIndex index;
  SearchIndexBuilder builder(index);
  builder.add_ids(framework);
  for (ObjectIndex i = 0; i < framework.objects().size(); ++i) builder.add_object(framework, i);
  builder.finish();
  index.text_.shrink_to_fit();
  index.fields_.shrink_to_fit();
  return index;
}

std::size_t SearchIndex::memory_bytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  std::size_t total = bytes(object_kinds_) + ids_.capacity() + bytes(id_start_) + bytes(objects_by_id_) +
                      text_.capacity() + bytes(fields_) + bytes(field_names_) + terms_.capacity() + bytes(term_start_) +
                      bytes(term_postings_) + bytes(term_idf_) + bytes(term_objects_) + bytes(term_letters_) +
                      bytes(postings_) + bytes(positions_);
  for (const std::string& name : field_names_) total += name.capacity() > 15 ? name.capacity() : 0;
  return total;
}

}  // namespace disarm
