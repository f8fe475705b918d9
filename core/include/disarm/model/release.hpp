// Which DISARM release a framework is, and the words it uses. Upstream has published several
// frameworks (Red/Blue 1.x, 2.0 Observations, 2.0 Assessments) that share one shape: the
// model keeps one set of kinds, and a release names its structural kinds in its own words.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/kind.hpp"

namespace disarm {

struct FrameworkData;

// What a framework calls a kind and how it writes the kind's IDs: 2.0 Assessments calls
// techniques "Assessment" and writes them A0001 and A0001.001.
struct KindWords {
  Kind kind = Kind::Technique;
  std::string singular;   // "Assessment"
  std::string plural;     // "Assessments"
  std::string id_prefix;  // "A"
  int id_digits = 0;      // 4
  friend bool operator==(const KindWords&, const KindWords&) = default;
};

// The kinds a framework names differently from 1.x; every other kind keeps kind_info's words.
struct Vocabulary {
  std::vector<KindWords> words;

  const KindWords* find(Kind kind) const;
  std::string_view singular(Kind kind) const;
  std::string_view plural(Kind kind) const;
  // IdKey::pattern of this framework's IDs of `kind`: 0 for kind_info's, else the index + 1
  // of its pattern in alternative_id_patterns().
  unsigned char id_pattern(Kind kind) const;
  // `text` (written in 1.x's words) in this vocabulary's: whole words only, each keeping its
  // capital. "Sub-techniques" -> "Sub-assessments", "Tactic" -> "Category"; "Metatechnique"
  // is left alone.
  std::string reword(std::string_view text) const;
  friend bool operator==(const Vocabulary&, const Vocabulary&) = default;
};

inline constexpr std::string_view kRedBlueFramework = "DISARM Red/Blue 1.x";
inline constexpr std::string_view kObservationsFramework = "DISARM 2.0 Observations";
inline constexpr std::string_view kAssessmentsFramework = "DISARM 2.0 Assessments";

// The release a snapshot holds. Its date and commit are the provenance's.
struct Release {
  std::string framework;  // kRedBlueFramework, ...; empty when unknown
  std::string version;    // "1.6", "2.0 beta"; empty when unknown
  Vocabulary vocabulary;
  friend bool operator==(const Release&, const Release&) = default;
};

// A release for people: "DISARM Red/Blue 1.x, version 1.6", "DISARM 2.0 Observations" when
// the version is unknown, "an unknown release" when the framework is.
std::string release_label(std::string_view framework, std::string_view version);

// A framework's own words: 2.0 Assessments' groups, categories and assessments; none for
// the others, which use 1.x's.
Vocabulary framework_vocabulary(std::string_view framework);

// The ID patterns of every known framework that differ from kind_info's, so that an ID
// reads the same in any snapshot: A0001 (four digits) is an assessment, A001 an actor type.
std::span<const KindWords> alternative_id_patterns();

// A release upstream published, and how to recognise it.
struct KnownRelease {
  std::string_view framework;
  std::string_view version;
  std::string_view date;    // YYYY-MM-DD of the commit
  std::string_view commit;  // upstream commit the data was taken from
  // content_fingerprint() of its import: recognises the release when no commit is given.
  std::string_view fingerprint;
};

std::span<const KnownRelease> known_releases();
const KnownRelease* known_release_by_commit(std::string_view commit);

// A digest of what a framework holds (each object's ID, kind and name), independent of the
// page format it was read from and of the order of its files.
std::string content_fingerprint(const FrameworkData& data);

// How detect_release() knew.
enum class ReleaseEvidence : unsigned char { Given, Commit, Fingerprint, Ids, None };

// Fills what is unknown of the release (framework, version, vocabulary) and of the
// provenance (date, commit): from the commit if it is a known one, else from the content's
// fingerprint, else the framework from its IDs (2.0 Assessments' A-numbered techniques and
// groups P20 on; 2.0 Observations' phases P05-P19 or tactics TA19-TA79). What the caller
// already set (flags) is kept.
ReleaseEvidence detect_release(FrameworkData& data);

}  // namespace disarm
