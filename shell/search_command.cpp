#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "command_line.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/search/search_json.hpp"

namespace disarm::shell {

namespace {

constexpr std::size_t kDefaultLimit = 10;

// The snippet with its matches marked: bold on a terminal, [brackets] otherwise.
std::string marked(const SearchHit& hit, bool terminal) {
  const char* open = terminal ? "\033[1m" : "[";
  const char* close = terminal ? "\033[0m" : "]";
  std::string out;
  std::size_t at = 0;
  for (const TextRange& r : hit.highlights) {
    out.append(hit.snippet, at, r.begin - at);
    out += open;
    out.append(hit.snippet, r.begin, r.end - r.begin);
    out += close;
    at = r.end;
  }
  out.append(hit.snippet, at);
  return out;
}

std::string field_label(const Framework& fw, const SearchHit& hit) {
  std::string label(hit.field_name);
  if (hit.evidence_for) label += " of " + fw.object(*hit.evidence_for).id;
  return label;
}

void print_hits(const Framework& fw, const std::vector<SearchHit>& hits) {
  const bool terminal = isatty(fileno(stdout));
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& hit = hits[i];
    const Object& o = fw.object(hit.object);
    std::string kind(kind_name(o.kind));
    std::printf("%2zu. %-10s %-13s %s  (%.1f)\n", i + 1, o.id.c_str(), kind.c_str(), o.name.c_str(),
                static_cast<double>(hit.score));
    std::printf("    %s: %s\n", field_label(fw, hit).c_str(), marked(hit, terminal).c_str());
  }
  if (hits.empty()) std::printf("no results\n");
}

void print_hits_json(const Framework& fw, const std::vector<SearchHit>& hits) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const SearchHit& hit : hits) out.push_back(search_hit_json(fw, hit));
  std::printf("%s\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

}  // namespace

int run_search(const Args& args) {
  const char* usage = "disarm search SNAPSHOT.json QUERY [--json] [--limit N] [--kind K]";
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "Ranked search over every object: IDs, names, summaries, fields, evidence quotes and\n"
        "references. Case, accents and small typos do not matter; the last word also matches\n"
        "as a prefix, as in the viewer (end the query with a space to stop that). QUERY may hold \"quoted phrases\", "
        "IDs or their start (T0154 lists T0154\n"
        "and its sub-techniques) and kind:K filters. Several QUERY words are joined by spaces.\n"
        "--limit N   at most N hits (default %zu; 0 for all)\n"
        "--kind K    only objects of kind K (technique, incident, actor-type, ...); repeatable\n"
        "--json      a list of {\"id\", \"kind\", \"name\", \"score\", \"field\", \"field_kind\", \"snippet\",\n"
        "            \"highlights\": [[begin, end] bytes into snippet], \"evidence_for\"}\n"
        "Exit status: 0 searched (even with no hits); 2 usage error or unreadable snapshot.\n",
        usage, kDefaultLimit);
    return kExitOk;
  }
  auto parsed =
      parse_command_line(args, {usage, {"SNAPSHOT", "QUERY"}, {{"--json"}, {"--limit", true}, {"--kind", true}}, true});
  if (!parsed) return kExitUsage;
  SearchOptions options;
  options.limit = kDefaultLimit;
  KindMask kinds = 0;
  for (const auto& [name, value] : parsed->options) {
    if (name == "--limit") {
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), options.limit);
      if (ec != std::errc() || end != value.data() + value.size())
        return usage_error(usage, "--limit wants a number, not '" + value + "'");
    } else if (name == "--kind") {
      auto kind = kind_from_name(value);
      if (!kind) return usage_error(usage, "unknown kind '" + value + "'");
      kinds |= kind_bit(*kind);
    }
  }
  if (kinds != 0) options.kinds = kinds;
  auto fw = load_or_report(parsed->positionals[0]);
  if (!fw) return kExitUsage;

  SearchIndex index = SearchIndex::build(*fw);
  auto hits = index.search(parsed->positionals[1], options);
  if (parsed->has("--json"))
    print_hits_json(*fw, hits);
  else
    print_hits(*fw, hits);
  return kExitOk;
}

}  // namespace disarm::shell
