// Times snapshot loading; prints figures, asserts nothing (not a ctest test). The JSON parse
// alone is timed three ways: json_tree (the core's reader), nlohmann's SAX parser (no tree
// built: the least any nlohmann-based reader could do) and nlohmann's DOM.
//
//   load_bench SNAPSHOT.json [RUNS]        time parse, build and load of a file
//   load_bench --synthetic N [RUNS]        the same on a generated snapshot of N incidents
//   load_bench --synthetic N --write OUT   write that generated snapshot to OUT
//
// Peak memory is counted by replacing the global operator new/delete in this executable:
// the most bytes live at once during one load, over what was live before it.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "disarm/io/snapshot.hpp"
#include "io/json_tree.hpp"

namespace {

std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};

// Every block carries its size in a header so that operator delete can subtract it.
constexpr std::size_t kHeader = alignof(std::max_align_t);

void* counted_alloc(std::size_t size) {
  void* block = std::malloc(size + kHeader);
  if (!block) throw std::bad_alloc();
  *static_cast<std::size_t*>(block) = size;
  std::size_t now = live_bytes += size;
  std::size_t peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
  return static_cast<char*>(block) + kHeader;
}

void counted_free(void* p) {
  if (!p) return;
  void* block = static_cast<char*>(p) - kHeader;
  live_bytes -= *static_cast<std::size_t*>(block);
  std::free(block);
}

}  // namespace

void* operator new(std::size_t size) {
  return counted_alloc(size);
}
void* operator new[](std::size_t size) {
  return counted_alloc(size);
}
void operator delete(void* p) noexcept {
  counted_free(p);
}
void operator delete[](void* p) noexcept {
  counted_free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  counted_free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  counted_free(p);
}

namespace {

using disarm::FrameworkData;
using disarm::Kind;
using disarm::RelationType;

// Deterministic invented words, so that every run measures the same bytes.
class TextMaker {
 public:
  std::string words(int count) {
    static const char* const kWords[] = {"account", "audience", "network", "message",  "channel", "campaign",
                                         "content", "persona",  "signal",  "platform", "amplify", "narrative",
                                         "post",    "video",    "report",  "evidence", "pattern", "timeline",
                                         "the",     "of",       "and",     "with",     "across",  "before"};
    std::string out;
    for (int i = 0; i < count; ++i) {
      if (i) out += ' ';
      out += kWords[next() % std::size(kWords)];
    }
    return out;
  }
  unsigned next() {
    state_ = state_ * 1103515245u + 12345u;
    return state_ >> 8;
  }

 private:
  unsigned state_ = 20240601u;
};

std::string id_of(Kind kind, unsigned number, int sub = -1) {
  return disarm::canonical_id({kind, number, sub});
}

// A snapshot shaped like upstream's: a few tactics, hundreds of techniques, and many
// incidents whose technique citations carry long evidence quotes.
FrameworkData synthetic_snapshot(unsigned incidents) {
  TextMaker text;
  FrameworkData data;
  data.provenance = {"Synthetic benchmark framework", "load_bench --synthetic", "", "", "MIT", "", ""};
  auto add = [&](Kind kind, std::string id, int summary_words) {
    disarm::Object o;
    o.id = std::move(id);
    o.kind = kind;
    o.name = text.words(4);
    o.summary = text.words(summary_words);
    data.objects.push_back(std::move(o));
    return data.objects.back().id;
  };
  auto relate = [&](RelationType type, const std::string& from, const std::string& to, std::string quote = {}) {
    data.relations.push_back({type, from, to, std::move(quote)});
  };
  const unsigned phases = 4, tactics = 18, techniques = incidents / 2 + 1, counters = incidents / 4 + 1;
  for (unsigned p = 1; p <= phases; ++p) add(Kind::Phase, id_of(Kind::Phase, p), 30);
  for (unsigned t = 1; t <= tactics; ++t) {
    relate(RelationType::TacticPhase, add(Kind::Tactic, id_of(Kind::Tactic, t), 60),
           id_of(Kind::Phase, 1 + t % phases));
    data.red.columns.push_back({id_of(Kind::Tactic, t), {}});
    data.blue.columns.push_back({id_of(Kind::Tactic, t), {}});
  }
  std::vector<std::string> technique_ids;
  for (unsigned t = 1; t <= techniques; ++t) {
    std::string tactic = id_of(Kind::Tactic, 1 + t % tactics);
    std::string parent = add(Kind::Technique, id_of(Kind::Technique, t), 80);
    relate(RelationType::TechniqueTactic, parent, tactic);
    data.red.columns[t % tactics].cells.push_back(parent);
    technique_ids.push_back(parent);
    for (int s = 1; s <= static_cast<int>(t % 3); ++s) {
      std::string sub = add(Kind::Technique, id_of(Kind::Technique, t, s), 60);
      relate(RelationType::TechniqueTactic, sub, tactic);
      relate(RelationType::TechniqueParent, sub, parent);
      data.red.columns[t % tactics].cells.push_back(sub);
      technique_ids.push_back(sub);
    }
  }
  for (unsigned i = 1; i <= incidents; ++i) {
    std::string id = add(Kind::Incident, id_of(Kind::Incident, i), 120);
    auto& o = data.objects.back();
    o.fields = {{"Incident type", "Campaign"}, {"Year started", "2021"}, {"Countries", text.words(2)}};
    for (int r = 0; r < 3; ++r)
      o.references.push_back({text.words(8), "https://example.org/" + std::to_string(i) + "/" + std::to_string(r),
                              "2021/03/15", text.words(2), text.words(2), ""});
    for (int c = 0; c < 6; ++c)
      relate(RelationType::IncidentTechnique, id, technique_ids[text.next() % technique_ids.size()], text.words(70));
  }
  for (unsigned c = 1; c <= counters; ++c) {
    std::string id = add(Kind::Counter, id_of(Kind::Counter, c), 100);
    relate(RelationType::CounterTactic, id, id_of(Kind::Tactic, 1 + c % tactics));
    data.blue.columns[c % tactics].cells.push_back(id);
    for (int t = 0; t < 3; ++t)
      relate(RelationType::CounterTechnique, id, technique_ids[text.next() % technique_ids.size()]);
  }
  return data;
}

// Counts the values nlohmann's SAX parser reports, so the parse cannot be optimised away.
struct CountingSax : nlohmann::json_sax<nlohmann::json> {
  std::size_t values = 0;
  bool null() override { return ++values; }
  bool boolean(bool) override { return ++values; }
  bool number_integer(number_integer_t) override { return ++values; }
  bool number_unsigned(number_unsigned_t) override { return ++values; }
  bool number_float(number_float_t, const string_t&) override { return ++values; }
  bool string(string_t&) override { return ++values; }
  bool binary(binary_t&) override { return ++values; }
  bool start_object(std::size_t) override { return ++values; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return ++values; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

struct Timing {
  double best_ms = 0;
  double median_ms = 0;
};

Timing time_runs(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2]};
}

long max_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int bench(const std::string& name, const std::string& text, int runs) {
  long rss_before = max_rss_kb();
  std::size_t live_before = live_bytes;
  peak_bytes = live_before;
  auto first = disarm::load_snapshot(text);
  std::size_t peak = peak_bytes - live_before;
  if (!first) {
    std::fprintf(stderr, "load_bench: %s: %s\n", name.c_str(), first.error().describe().c_str());
    return 1;
  }
  std::size_t kept = live_bytes - live_before;
  long rss_after = max_rss_kb();
  const disarm::Framework& fw = first.value();

  Timing parse = time_runs(runs, [&] { (void)disarm::parse_snapshot(text); });
  // Framework::build takes its data by value: the copies are made before the clock starts.
  std::vector<FrameworkData> copies(runs, disarm::parse_snapshot(text).value());
  std::size_t next_copy = 0;
  Timing build = time_runs(runs, [&] { (void)disarm::Framework::build(std::move(copies[next_copy++])); });
  Timing load = time_runs(runs, [&] { (void)disarm::load_snapshot(text); });
  Timing tree = time_runs(runs, [&] { (void)disarm::JsonTree::parse(text); });
  Timing sax = time_runs(runs, [&] {
    CountingSax counter;
    (void)nlohmann::json::sax_parse(text, &counter);
  });
  Timing dom = time_runs(runs, [&] {
    if (nlohmann::json::parse(text, nullptr, false).is_discarded()) std::abort();
  });
  auto mb_per_s = [&](const Timing& t) { return text.size() / 1e3 / t.median_ms; };

  std::printf("%s\n", name.c_str());
  std::printf("  size            %.2f MB (%zu bytes), %zu objects, %zu relations\n", text.size() / 1e6, text.size(),
              fw.objects().size(), fw.relations().size());
  std::printf("  runs            %d\n", runs);
  std::printf("  parse_snapshot  best %7.2f ms   median %7.2f ms\n", parse.best_ms, parse.median_ms);
  std::printf("  Framework::build best %6.2f ms   median %7.2f ms\n", build.best_ms, build.median_ms);
  std::printf("  load_snapshot   best %7.2f ms   median %7.2f ms\n", load.best_ms, load.median_ms);
  std::printf("  JSON parse only:\n");
  std::printf("    json_tree     best %7.2f ms   median %7.2f ms   %6.0f MB/s\n", tree.best_ms, tree.median_ms,
              mb_per_s(tree));
  std::printf("    nlohmann SAX  best %7.2f ms   median %7.2f ms   %6.0f MB/s\n", sax.best_ms, sax.median_ms,
              mb_per_s(sax));
  std::printf("    nlohmann DOM  best %7.2f ms   median %7.2f ms   %6.0f MB/s\n", dom.best_ms, dom.median_ms,
              mb_per_s(dom));
  std::printf("  memory          peak %.1f MB allocated during one load, %.1f MB kept by the Framework\n", peak / 1e6,
              kept / 1e6);
  std::printf("  max RSS         %.1f MB -> %.1f MB over the first load\n", rss_before / 1e3, rss_after / 1e3);
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: load_bench SNAPSHOT.json [RUNS]\n"
               "       load_bench --synthetic INCIDENTS [RUNS]\n"
               "       load_bench --synthetic INCIDENTS --write OUT.json\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help") return usage();
  if (args[0] == "--synthetic") {
    if (args.size() < 2) return usage();
    unsigned incidents = static_cast<unsigned>(std::strtoul(args[1].c_str(), nullptr, 10));
    if (incidents == 0 || incidents > 99999) return usage();
    std::string text = disarm::save_snapshot(synthetic_snapshot(incidents));
    if (args.size() == 4 && args[2] == "--write") {
      std::ofstream out(args[3], std::ios::binary);
      out << text;
      return out ? 0 : 1;
    }
    int runs = args.size() > 2 ? std::atoi(args[2].c_str()) : 20;
    return bench("synthetic snapshot, " + args[1] + " incidents", text, std::max(runs, 1));
  }
  std::ifstream in(args[0], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "load_bench: cannot read %s\n", args[0].c_str());
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  int runs = args.size() > 1 ? std::atoi(args[1].c_str()) : 20;
  return bench(args[0], text.str(), std::max(runs, 1));
}
