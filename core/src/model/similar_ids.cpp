#include "disarm/model/similar_ids.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "disarm/model/object_id.hpp"
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

// How far a lower-case name is from the query: 0 when it contains it, otherwise the edit
// distance to the closest of its words or to the whole name.
std::size_t name_distance(std::string_view query, const std::string& name) {
  if (name.find(query) != std::string::npos) return 0;
  std::size_t best = edit_distance(query, name);
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = start;
    while (end < name.size() && name[end] != ' ' && name[end] != '-' && name[end] != '(' && name[end] != ')') ++end;
    if (end > start) best = std::min(best, edit_distance(query, std::string_view(name).substr(start, end - start)));
    start = end + 1;
  }
  return best;
}

// The key of numeric nearness within a kind: T0086 < T0086.001 < ... < T0087.
long long id_position(const IdKey& key) {
  return static_cast<long long>(key.number) * 1000 + (key.sub + 1);
}

void add_suggestion(std::vector<ObjectIndex>& out, ObjectIndex index, std::size_t limit) {
  if (out.size() < limit && std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
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

std::vector<ObjectIndex> suggest_ids(const Framework& framework, std::string_view unknown, std::size_t limit) {
  // Longer text is no ID or name anyone meant; it also bounds the edit-distance work.
  constexpr std::size_t kMaxQuery = 64;
  std::vector<ObjectIndex> out;
  std::string_view text = trim(unknown);
  while (!text.empty() && (text.front() == '#' || text.front() == '/')) text.remove_prefix(1);
  text = trim(text);
  if (limit == 0 || text.empty() || text.size() > kMaxQuery) return out;
  auto objects = framework.objects();

  if (auto wanted = parse_id(text)) {
    using Candidate = std::tuple<long long, long long, ObjectIndex>;  // (gap, position, index)
    std::vector<Candidate> candidates;
    for (ObjectIndex i = 0; i < objects.size(); ++i) {
      auto key = parse_id(objects[i].id);
      if (!key || key->kind != wanted->kind || *key == *wanted) continue;
      long long position = id_position(*key);
      candidates.emplace_back(std::llabs(position - id_position(*wanted)), position, i);
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto& c : candidates) add_suggestion(out, std::get<2>(c), limit);
    return out;
  }

  for (const std::string& id : similar_ids(framework, text, limit))
    if (auto index = framework.find(id)) add_suggestion(out, *index, limit);

  const std::string query = ascii_lower_case(text);
  const std::size_t max_distance = std::max<std::size_t>(1, query.size() / 3);
  using Candidate = std::tuple<std::size_t, ObjectIndex>;  // (distance, index): objects are in ID order
  std::vector<Candidate> candidates;
  for (ObjectIndex i = 0; i < objects.size(); ++i) {
    if (objects[i].name.empty()) continue;
    std::size_t distance = name_distance(query, ascii_lower_case(objects[i].name));
    if (distance <= max_distance) candidates.emplace_back(distance, i);
  }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& c : candidates) add_suggestion(out, std::get<1>(c), limit);
  return out;
}

}  // namespace disarm
