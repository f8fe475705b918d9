// Times diff_releases on real releases; prints figures, asserts nothing (not a ctest test).
//
//   diff_bench [RUNS] [OLD NEW]...
//
// Each release is a snapshot, a STIX bundle or (natively) a generated_pages directory; the
// wasm build (scripts/bench_diff) reads files only. Without pairs it diffs upstream's 1.4
// pages against 1.6's and 1.6's pages against 1.7's STIX bundle, from DISARM_UPSTREAM_DIR
// (the target: a diff of two full releases in 30 ms in wasm).
// Each pair is timed as the diff alone and as the diff with the word diff of every changed
// description (what a changes page showing all of them would compute), and as the upgrade of a
// selection of every technique of the older release (selection_upgrade.hpp: the diff, the old
// and new side of each changed one and their word diffs); median and best of RUNS.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/data_file.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/selection/selection_upgrade.hpp"
#if DISARM_DIFF_BENCH_PAGES
#include "disarm/import/importer.hpp"
#include "page_tree.hpp"
#endif

namespace {

using Clock = std::chrono::steady_clock;
using namespace disarm;

std::optional<Framework> load(const std::string& path) {
#if DISARM_DIFF_BENCH_PAGES
  if (std::filesystem::is_directory(path)) {
    auto files = shell::read_page_tree(path);
    if (!files) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), files.error().describe().c_str());
      return std::nullopt;
    }
    Provenance provenance;
    provenance.licence = "CC BY-SA 4.0";
    return Framework::build(import_pages(files.value(), provenance).data);
  }
#endif
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    return std::nullopt;
  }
  auto opened = open_data_file(text.str(), path);
  if (!opened) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), opened.error().describe().c_str());
    return std::nullopt;
  }
  return std::move(opened).value().framework;
}

template <typename F>
std::pair<double, double> median_best_ms(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front()};
}

void bench(const std::string& old_path, const std::string& new_path, int runs) {
  auto older = load(old_path);
  auto newer = load(new_path);
  if (!older || !newer) return;
  ReleaseDiff diff = diff_releases(*older, *newer);
  std::printf(
      "%s -> %s: %zu objects compared, %zu listed (%zu added, %zu removed, %zu renamed, %zu moved, "
      "%zu description, %zu relations)%s\n",
      diff.older.label().c_str(), diff.newer.label().c_str(), diff.compared, diff.changes.size(),
      diff.count(ChangeGroup::Added), diff.count(ChangeGroup::Removed), diff.count(ChangeGroup::Renamed),
      diff.count(ChangeGroup::Moved), diff.count(ChangeGroup::Description), diff.count(ChangeGroup::Relations),
      diff.across_frameworks ? ", across frameworks" : "");
  std::size_t sink = 0;
  auto [median, best] = median_best_ms(runs, [&] { sink += diff_releases(*older, *newer).changes.size(); });
  std::printf("  diff_releases:                     median %7.3f ms, best %7.3f ms (%d runs)\n", median, best, runs);
  auto [median_words, best_words] = median_best_ms(runs, [&] {
    ReleaseDiff d = diff_releases(*older, *newer);
    for (const ObjectChange& c : d.changes)
      if (c.summary_changed) sink += description_diff(*older, *newer, c.id).parts.size();
  });
  std::printf("  with every description's word diff: median %7.3f ms, best %7.3f ms\n", median_words, best_words);
  Selection every;
  for (const Object& o : older->objects())
    if (o.kind == Kind::Technique && o.has_page) every.add(o.id);
  const SelectionUpgrade planned = plan_selection_upgrade(*older, *newer, every);
  auto [median_up, best_up] =
      median_best_ms(runs, [&] { sink += plan_selection_upgrade(*older, *newer, every).changed.size(); });
  std::printf(
      "  upgrade of all %zu techniques (%zu carried, %zu to review, %zu removed): median %7.3f ms, best %7.3f ms\n",
      every.size(), planned.carried.size(), planned.changed.size(), planned.removed.size(), median_up, best_up);
  if (sink == 0) std::printf("  (no changes)\n");
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 21;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i == 1 && !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) { return c >= '0' && c <= '9'; }))
      runs = std::max(1, std::stoi(arg));
    else
      paths.push_back(arg);
  }
  if (paths.size() % 2) {
    std::fprintf(stderr, "usage: diff_bench [RUNS] [OLD NEW]...\n");
    return 2;
  }
  if (paths.empty()) {
    const std::string up = DISARM_UPSTREAM_DIR;
    paths = {up + "/releases/1.4/generated_pages", up + "/generated_pages", up + "/generated_pages",
             up + "/releases/1.7-stix/DISARM.json"};
  }
  for (std::size_t i = 0; i < paths.size(); i += 2) bench(paths[i], paths[i + 1], runs);
  return 0;
}
