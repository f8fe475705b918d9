#include "disarm/model/similar_ids.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "text/ascii.hpp"
#include "text/edit_distance.hpp"

namespace disarm {

namespace {

// Longer queries are no ID anyone meant to type; they also keep the distance table small.
constexpr std::size_t kMaxQuery = 32;

// An ID read loosely, for ranking near misses: "I0001" is prefix "I", number 1, though
// it has a digit too few to parse as an ID.
struct LooseId {
  std::string prefix;
  long long number = 0;
  long long sub = -1;
};

LooseId read_loosely(std::string_view id) {
  LooseId out;
  std::size_t i = 0;
  for (; i < id.size() && is_ascii_alpha(id[i]); ++i) out.prefix += id[i];
  for (; i < id.size() && is_ascii_digit(id[i]) && out.number < 1'000'000'000; ++i)
    out.number = out.number * 10 + (id[i] - '0');
  if (i < id.size() && id[i] == '.') {
    out.sub = 0;
    for (++i; i < id.size() && is_ascii_digit(id[i]) && out.sub < 1'000'000; ++i)
      out.sub = out.sub * 10 + (id[i] - '0');
  }
  return out;
}

}  // namespace

std::vector<std::string> similar_ids(const Framework& framework, std::string_view text, std::size_t limit) {
  if (text.empty() || text.size() > kMaxQuery) return {};
  std::string query;
  for (char c : text) query += ascii_upper(c);
  const std::size_t max_distance = query.size() >= 4 ? 2 : 1;
  const LooseId wanted = read_loosely(query);

  // (distance, other prefix, numeric gap, index): smaller is closer.
  using Candidate = std::tuple<std::size_t, bool, long long, ObjectIndex>;
  std::vector<Candidate> candidates;
  auto objects = framework.objects();
  for (ObjectIndex i = 0; i < objects.size(); ++i) {
    std::size_t distance = edit_distance(query, objects[i].id);
    if (distance > max_distance) continue;
    LooseId id = read_loosely(objects[i].id);
    bool same_prefix = id.prefix == wanted.prefix;
    long long gap = same_prefix ? std::llabs(id.number - wanted.number) * 1000 + std::llabs(id.sub - wanted.sub) : 0;
    candidates.emplace_back(distance, !same_prefix, gap, i);
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::string> ids;
  for (const auto& c : candidates) {
    if (ids.size() == limit) break;
    const std::string& id = objects[std::get<3>(c)].id;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

}  // namespace disarm
