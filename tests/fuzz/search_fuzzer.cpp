// libFuzzer target for the search query parser, as typed in the search box or given by
// search?q= and ?hl=search:. The input's first byte picks the options (prefix matching of
// the last word, the limit, a kind filter), the rest is the query. Any query must give hits
// best first, each object once, within the limit, with valid UTF-8 snippets whose
// highlights lie in order inside them; and it must leave nothing behind: a fixed query run
// after it finds what it found before any fuzzing.
#include <cmath>
#include <cstdint>

#include "disarm/search/search_index.hpp"
#include "fuzz_target.hpp"
#include "sample_framework.hpp"

namespace {

constexpr const char* kTarget = "search_fuzzer";
using disarm::fuzz::fail;

const disarm::SearchIndex& sample_index() {
  static const disarm::SearchIndex index = disarm::SearchIndex::build(disarm::test::sample_framework());
  return index;
}

// A query that finds several objects in several fields of the sample, run after each input.
constexpr std::string_view kWitnessQuery = "account network";

std::string describe(const std::vector<disarm::SearchHit>& hits) {
  std::string out;
  for (const auto& hit : hits) out += std::to_string(hit.object) + " " + std::to_string(hit.score) + "\n";
  return out;
}

bool same_hits(const std::vector<disarm::SearchHit>& a, const std::vector<disarm::SearchHit>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].object != b[i].object || a[i].score != b[i].score || a[i].snippet != b[i].snippet ||
        a[i].highlights != b[i].highlights)
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const disarm::SearchIndex& index = sample_index();
  static const std::vector<disarm::SearchHit> witness = index.search(kWitnessQuery);
  if (size == 0) return 0;

  disarm::SearchOptions options;
  options.prefix_last_word = bytes[0] & 1;
  constexpr std::size_t kLimits[] = {20, 0, 1, 5};
  options.limit = kLimits[(bytes[0] >> 1) & 3];
  if (bytes[0] & 8)
    options.kinds = disarm::kind_bit(disarm::Kind::Technique) | disarm::kind_bit(disarm::Kind::Incident);
  if (bytes[0] & 16) options.snippets = 2;
  std::string_view query(reinterpret_cast<const char*>(bytes) + 1, size - 1);

  auto hits = index.search(query, options);
  if (options.limit != 0 && hits.size() > options.limit) fail(kTarget, "more hits than the limit", describe(hits));
  std::vector<bool> seen(index.object_count());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const disarm::SearchHit& hit = hits[i];
    if (hit.object >= index.object_count() || seen[hit.object])
      fail(kTarget, "a hit past the objects or repeated", describe(hits));
    seen[hit.object] = true;
    if (!std::isfinite(hit.score) || hit.score <= 0)
      fail(kTarget, "a hit without a finite positive score", describe(hits));
    if (i > 0 && (hit.score > hits[i - 1].score || (hit.score == hits[i - 1].score && hit.object < hits[i - 1].object)))
      fail(kTarget, "hits out of order", describe(hits));
    if (!disarm::fuzz::is_valid_utf8(hit.snippet)) fail(kTarget, "a snippet is not valid UTF-8", hit.snippet);
    std::uint32_t end = 0;
    for (const disarm::TextRange& range : hit.highlights) {
      if (range.begin < end || range.end <= range.begin || range.end > hit.snippet.size())
        fail(kTarget, "highlights overlap, are empty or leave the snippet", hit.snippet);
      if (!disarm::fuzz::is_valid_utf8(std::string_view(hit.snippet).substr(range.begin, range.end - range.begin)))
        fail(kTarget, "a highlight cuts a character", hit.snippet);
      end = range.end;
    }
  }

  if (!same_hits(index.search(kWitnessQuery), witness))
    fail(kTarget, "a query changed the results of the next one", std::string(query));
  return 0;
}
