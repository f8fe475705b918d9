// Times the search index and checks its quality on the query file; prints figures, asserts
// nothing (not a ctest test). Builds natively and, with Emscripten, for node.
//
//   search_bench SNAPSHOT.json QUERIES.tsv --set NAME [--runs N] [--label TEXT]
//                [--json OUT.json] [--export-docs OUT.json] [--failures]
//
// --set        which lines of the query file to run ("sample" or "full")
// --runs       how many times the query file is run for latencies (default 200)
// --json       also write the figures as JSON, for scripts/bench_search to compare
// --export-docs  write the documents as the index sees them (plain text per field), so that
//              the JavaScript libraries index exactly the same text
// --failures   list the queries whose top 3 misses an expected ID, and the slowest queries
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../search/query_file.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/search/search_text.hpp"
#include "disarm/io/snapshot.hpp"

namespace {

using disarm::Framework;
using disarm::SearchHit;
using disarm::SearchIndex;
using disarm::SearchOptions;
using disarm::search_quality::QueryCase;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kHitsShown = 10;  // what a search box lists
constexpr int kBuilds = 15;
constexpr int kWarmUpRuns = 3;  // of every keystroke of every query

struct Latency {
  double p50_us = 0;
  double p99_us = 0;
  double mean_us = 0;
  std::size_t samples = 0;
};

Latency summarize(std::vector<double>& us) {
  Latency l;
  if (us.empty()) return l;
  std::sort(us.begin(), us.end());
  l.samples = us.size();
  l.p50_us = us[us.size() / 2];
  l.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  double total = 0;
  for (double u : us) total += u;
  l.mean_us = total / static_cast<double>(us.size());
  return l;
}

double elapsed_us(Clock::time_point since) {
  return std::chrono::duration<double, std::micro>(Clock::now() - since).count();
}

// Every state of the search box while each query is typed, one code point at a time.
std::vector<std::string> keystrokes(const std::vector<QueryCase>& cases) {
  std::vector<std::string> out;
  for (const QueryCase& c : cases)
    for (std::size_t i = 1; i <= c.query.size(); ++i)
      if (i == c.query.size() || (static_cast<unsigned char>(c.query[i]) & 0xC0) != 0x80)
        out.push_back(c.query.substr(0, i));
  return out;
}

std::vector<std::string> hit_ids(const Framework& fw, const std::vector<SearchHit>& hits) {
  std::vector<std::string> ids;
  for (const SearchHit& h : hits) ids.push_back(fw.object(h.object).id);
  return ids;
}

std::string plain(std::string_view markup) {
  std::string out;
  disarm::append_plain_text(markup, out);
  return out;
}

// The documents as the index sees them: one per object, plain text per field group.
void export_documents(const Framework& fw, const std::string& path) {
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (disarm::ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    const disarm::Object& o = fw.object(i);
    std::string fields, evidence, references;
    auto join = [](std::string& to, const std::string& text) {
      if (text.empty()) return;
      if (!to.empty()) to += '\n';
      to += text;
    };
    for (const disarm::Field& f : o.fields) join(fields, plain(f.value));
    for (const disarm::Link& link : fw.links(i))
      if (link.type == disarm::RelationType::IncidentTechnique && link.forward)
        join(evidence, plain(fw.relations()[link.relation].text));
    for (const disarm::Reference& r : o.references) {
      join(references, plain(r.title));
      join(references, plain(r.authors));
      join(references, plain(r.organisation));
    }
    docs.push_back({{"id", o.id},
                    {"kind", disarm::kind_name(o.kind)},
                    {"name", plain(o.name)},
                    {"summary", plain(o.summary)},
                    {"fields", fields},
                    {"evidence", evidence},
                    {"references", references}});
  }
  std::ofstream(path) << docs.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

int usage() {
  std::fprintf(stderr,
               "usage: search_bench SNAPSHOT.json QUERIES.tsv --set NAME [--runs N] [--label TEXT]\n"
               "                    [--json OUT.json] [--export-docs OUT.json] [--failures]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string snapshot_path, queries_path, set, label = "disarm", json_path, docs_path;
  int runs = 200;
  bool show_failures = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    const std::string* v = nullptr;
    if (a == "--failures") {
      show_failures = true;
    } else if (a == "--set" || a == "--label" || a == "--json" || a == "--export-docs" || a == "--runs") {
      if (!(v = value())) return usage();
      if (a == "--set") set = *v;
      if (a == "--label") label = *v;
      if (a == "--json") json_path = *v;
      if (a == "--export-docs") docs_path = *v;
      if (a == "--runs") runs = std::max(1, std::atoi(v->c_str()));
    } else if (snapshot_path.empty()) {
      snapshot_path = a;
    } else if (queries_path.empty()) {
      queries_path = a;
    } else {
      return usage();
    }
  }
  if (snapshot_path.empty() || queries_path.empty() || set.empty()) return usage();

  std::ifstream in(snapshot_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto loaded = disarm::load_snapshot(text.str());
  if (!loaded) {
    std::fprintf(stderr, "search_bench: %s: %s\n", snapshot_path.c_str(), loaded.error().describe().c_str());
    return 1;
  }
  const Framework& fw = loaded.value();
  auto cases = disarm::search_quality::read_query_file(queries_path, set);
  if (cases.empty()) {
    std::fprintf(stderr, "search_bench: no queries for set '%s' in %s\n", set.c_str(), queries_path.c_str());
    return 1;
  }
  if (!docs_path.empty()) export_documents(fw, docs_path);

  std::vector<double> build_ms;
  SearchIndex index;
  for (int b = 0; b < kBuilds; ++b) {
    auto start = Clock::now();
    index = SearchIndex::build(fw);
    build_ms.push_back(elapsed_us(start) / 1000.0);
  }
  std::sort(build_ms.begin(), build_ms.end());

  SearchOptions options;
  options.limit = kHitsShown;
  int right = 0, first_right = 0;
  std::vector<std::string> failures;
  for (const QueryCase& c : cases) {
    auto ids = hit_ids(fw, index.search(c.query, options));
    if (disarm::search_quality::top_results_right(c, ids)) {
      ++right;
    } else {
      std::string line = "  line " + std::to_string(c.line) + ": " + c.query + "  wanted";
      for (const auto& id : c.expected) line += " " + id;
      line += ", got";
      for (std::size_t k = 0; k < std::min<std::size_t>(ids.size(), 5); ++k) line += " " + ids[k];
      failures.push_back(line);
    }
    if (!ids.empty() && !c.expected.empty() && ids[0] == c.expected[0]) ++first_right;
  }

  // Warm up first: caches, and in node the compilation of the optimised wasm code.
  const auto typed = keystrokes(cases);
  std::size_t hits_seen = 0;  // keeps the optimiser from dropping the searches
  for (int r = 0; r < kWarmUpRuns; ++r)
    for (const std::string& q : typed) hits_seen += index.search(q, options).size();

  std::vector<double> query_us;
  query_us.reserve(cases.size() * static_cast<std::size_t>(runs));
  std::vector<double> slowest(cases.size(), 0.0);  // mean per query
  for (int r = 0; r < runs; ++r)
    for (std::size_t k = 0; k < cases.size(); ++k) {
      auto start = Clock::now();
      hits_seen += index.search(cases[k].query, options).size();
      query_us.push_back(elapsed_us(start));
      slowest[k] += query_us.back() / runs;
    }
  Latency queries = summarize(query_us);

  const int keystroke_runs = std::max(1, runs / 10);
  std::vector<double> key_us;
  for (int r = 0; r < keystroke_runs; ++r)
    for (const std::string& q : typed) {
      auto start = Clock::now();
      hits_seen += index.search(q, options).size();
      key_us.push_back(elapsed_us(start));
    }
  Latency keys = summarize(key_us);

  const double memory_mb = static_cast<double>(index.memory_bytes()) / 1e6;
  std::printf("%s: %s, %zu objects, %zu terms\n", label.c_str(), fw.provenance().name.c_str(), fw.objects().size(),
              index.term_count());
  std::printf("  index build    median %.2f ms, best %.2f ms (%d builds)\n", build_ms[build_ms.size() / 2],
              build_ms.front(), kBuilds);
  std::printf("  index memory   %.2f MB\n", memory_mb);
  std::printf("  queries        p50 %.1f us, p99 %.1f us, mean %.1f us (%zu queries x %d runs)\n", queries.p50_us,
              queries.p99_us, queries.mean_us, cases.size(), runs);
  std::printf("  keystrokes     p50 %.1f us, p99 %.1f us, mean %.1f us (%zu prefixes x %d runs)\n", keys.p50_us,
              keys.p99_us, keys.mean_us, typed.size(), keystroke_runs);
  std::printf("  top-3 right    %d/%zu (first hit right %d/%zu)\n", right, cases.size(), first_right, cases.size());
  if (show_failures) {
    for (const auto& f : failures) std::printf("%s\n", f.c_str());
    std::vector<std::size_t> order(cases.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return slowest[a] > slowest[b]; });
    std::printf("  slowest:");
    for (std::size_t k = 0; k < std::min<std::size_t>(5, order.size()); ++k)
      std::printf(" \"%s\" %.0f us,", cases[order[k]].query.c_str(), slowest[order[k]]);
    std::printf("\n");
  }
  if (hits_seen == 0) std::printf("  (no hits at all)\n");

  if (!json_path.empty()) {
    nlohmann::ordered_json out = {{"engine", label},
                                  {"objects", fw.objects().size()},
                                  {"build_ms", build_ms[build_ms.size() / 2]},
                                  {"memory_mb", memory_mb},
                                  {"query_p50_us", queries.p50_us},
                                  {"query_p99_us", queries.p99_us},
                                  {"query_mean_us", queries.mean_us},
                                  {"keystroke_p50_us", keys.p50_us},
                                  {"keystroke_p99_us", keys.p99_us},
                                  {"keystroke_mean_us", keys.mean_us},
                                  {"queries", cases.size()},
                                  {"top3_right", right},
                                  {"first_right", first_right}};
    std::ofstream(json_path) << out.dump(2) << "\n";
  }
  return 0;
}
