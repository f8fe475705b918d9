#include "disarm/model/release.hpp"

#include <algorithm>
#include <array>

#include "disarm/model/model.hpp"
#include "disarm/model/object_id.hpp"
#include "disarm/text/sha256.hpp"
#include "text/ascii.hpp"

namespace disarm {

namespace {

const std::vector<KindWords>& assessments_words() {
  static const std::vector<KindWords> words = {
      {Kind::Phase, "Group", "Groups", "P", 2},
      {Kind::Tactic, "Category", "Categories", "TA", 2},
      {Kind::Technique, "Assessment", "Assessments", "A", 4},
  };
  return words;
}

// Fingerprints are content_fingerprint() of each release as this importer reads it; a
// release whose object names change upstream gets a new one.
constexpr std::array kKnownReleases = {
    KnownRelease{kRedBlueFramework, "1.4", "2024-03-13", "f1ac3b04ee17388d9ccc1ada5ad4ed1160f01fe0",
                 "63310ec58269624285693bae3521515b6632946c9e43b88f9dd0c31d34836fd5"},
    KnownRelease{kRedBlueFramework, "1.6", "2025-02-10", "49df5f649e16dfbf11e3859913c256c875c02692",
                 "370c29732e7e18af0e344282f25672e05c6dbd339047214b3b838510bfec9c87"},
    // 1.6's STIX bundle, from the same commit: tactics and techniques only.
    KnownRelease{kRedBlueFramework, "1.6", "2025-02-10", "49df5f649e16dfbf11e3859913c256c875c02692",
                 "df5bcf10fad2cd40937f5839800bf2b23a52003bfbbddcf70e6232c3be18c774"},
    // Published as a STIX bundle only, whose matrix object calls itself a 2.0 framework.
    KnownRelease{kRedBlueFramework, "1.7", "2026-01-21", "6a75d2d5b16b2d088e6406cc786d5b95af8a2359",
                 "7cf878990ab5a1ea56c2a5733504ce1b4c6da14dbcb8134e59b0dfb5c797f58f"},
    KnownRelease{kObservationsFramework, "2.0", "2025-07-03", "df30b5e40a8d0e70bad59d1ba346075caf9a5624",
                 "da0216136739596261583771857f8559cc04ec34a98a1f570117061571e98cd6"},
    KnownRelease{kAssessmentsFramework, "2.0 beta", "2026-07-20", "093baa05b75c63e393a6d96ee9298660d430d233",
                 "6cefd4ddfc3fbea90c726028d5949675002f67041061e672ca20c66742e451dd"},
};

std::string hex(const std::array<std::uint8_t, 32>& digest) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : digest) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// The framework the IDs belong to, when they tell: only 2.0 numbers groups from P20 and
// writes techniques as A0001; only 2.0 Observations has phases P05-P19 or tactics TA19-TA79.
std::string_view framework_by_ids(const FrameworkData& data) {
  bool observations = false;
  for (const auto& o : data.objects) {
    auto key = parse_id(o.id);
    if (!key) continue;
    if (key->kind == Kind::Technique && key->pattern != 0) return kAssessmentsFramework;
    if (key->kind == Kind::Phase && key->number >= 20) return kAssessmentsFramework;
    if (key->kind == Kind::Tactic && key->number >= 80) return kAssessmentsFramework;
    if (key->kind == Kind::Phase && key->number >= 5) observations = true;
    if (key->kind == Kind::Tactic && key->number >= 19) observations = true;
  }
  if (observations) return kObservationsFramework;
  bool has_structure = std::any_of(data.objects.begin(), data.objects.end(),
                                   [](const Object& o) { return o.kind == Kind::Technique && o.has_page; });
  return has_structure ? kRedBlueFramework : std::string_view();
}

}  // namespace

const KindWords* Vocabulary::find(Kind kind) const {
  for (const auto& w : words)
    if (w.kind == kind) return &w;
  return nullptr;
}

std::string_view Vocabulary::singular(Kind kind) const {
  const KindWords* w = find(kind);
  return w ? std::string_view(w->singular) : kind_info(kind).label;
}

std::string_view Vocabulary::plural(Kind kind) const {
  const KindWords* w = find(kind);
  return w ? std::string_view(w->plural) : kind_info(kind).plural;
}

unsigned char Vocabulary::id_pattern(Kind kind) const {
  const KindWords* w = find(kind);
  if (!w) return 0;
  auto alternatives = alternative_id_patterns();
  for (std::size_t i = 0; i < alternatives.size(); ++i)
    if (alternatives[i].kind == kind && alternatives[i].id_prefix == w->id_prefix &&
        alternatives[i].id_digits == w->id_digits)
      return static_cast<unsigned char>(i + 1);
  return 0;
}

std::string Vocabulary::reword(std::string_view text) const {
  if (words.empty()) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ascii_alpha(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ascii_alpha(text[end])) ++end;
    std::string_view word = text.substr(i, end - i);
    std::string lower = ascii_lower_case(word);
    std::string replacement;
    for (const auto& w : words) {
      const KindInfo& info = kind_info(w.kind);
      if (lower == ascii_lower_case(info.label))
        replacement = ascii_lower_case(w.singular);
      else if (lower == ascii_lower_case(info.plural))
        replacement = ascii_lower_case(w.plural);
    }
    if (replacement.empty()) {
      out += word;
    } else {
      if (word[0] >= 'A' && word[0] <= 'Z') replacement[0] = ascii_upper(replacement[0]);
      out += replacement;
    }
    i = end;
  }
  return out;
}

Vocabulary framework_vocabulary(std::string_view framework) {
  if (framework == kAssessmentsFramework) return Vocabulary{assessments_words()};
  return {};
}

std::span<const KindWords> alternative_id_patterns() {
  // Only the patterns that differ from kind_info's own.
  static const std::vector<KindWords> patterns = [] {
    std::vector<KindWords> out;
    for (const auto& w : assessments_words()) {
      const KindInfo& info = kind_info(w.kind);
      if (info.prefix != w.id_prefix || info.digits != w.id_digits) out.push_back(w);
    }
    return out;
  }();
  return patterns;
}

std::string release_label(std::string_view framework, std::string_view version) {
  if (framework.empty()) return "an unknown release";
  std::string label(framework);
  if (!version.empty()) label += ", version " + std::string(version);
  return label;
}

std::span<const KnownRelease> known_releases() {
  return kKnownReleases;
}

const KnownRelease* known_release_by_commit(std::string_view commit) {
  if (commit.size() < 7) return nullptr;  // an abbreviated commit needs 7 digits to be one
  for (const auto& r : kKnownReleases)
    if (r.commit.substr(0, commit.size()) == commit) return &r;
  return nullptr;
}

std::string content_fingerprint(const FrameworkData& data) {
  std::vector<std::string> lines;
  lines.reserve(data.objects.size());
  for (const auto& o : data.objects)
    if (o.has_page || o.indexed) lines.push_back(o.id + '\t' + std::string(kind_name(o.kind)) + '\t' + o.name + '\n');
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const auto& l : lines) all += l;
  return hex(sha256(all));
}

ReleaseEvidence detect_release(FrameworkData& data) {
  Release& release = data.release;
  Provenance& provenance = data.provenance;
  ReleaseEvidence evidence = ReleaseEvidence::None;
  if (!release.framework.empty() && !release.version.empty()) evidence = ReleaseEvidence::Given;

  const KnownRelease* known = known_release_by_commit(provenance.commit);
  if (known) {
    evidence = ReleaseEvidence::Commit;
  } else if (evidence == ReleaseEvidence::None) {
    std::string fingerprint = content_fingerprint(data);
    for (const auto& r : kKnownReleases)
      if (!r.fingerprint.empty() && r.fingerprint == fingerprint) known = &r;
    if (known) evidence = ReleaseEvidence::Fingerprint;
  }
  if (known) {
    if (release.framework.empty()) release.framework = known->framework;
    if (release.version.empty()) release.version = known->version;
    if (provenance.date.empty()) provenance.date = known->date;
    if (provenance.commit.empty() || known->commit.substr(0, provenance.commit.size()) == provenance.commit)
      provenance.commit = known->commit;
  }
  if (release.framework.empty()) {
    release.framework = framework_by_ids(data);
    if (!release.framework.empty() && evidence == ReleaseEvidence::None) evidence = ReleaseEvidence::Ids;
  }
  if (release.vocabulary.words.empty()) release.vocabulary = framework_vocabulary(release.framework);
  return evidence;
}

}  // namespace disarm
