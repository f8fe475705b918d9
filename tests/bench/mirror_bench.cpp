// Times the page the viewer builds on every navigation (build_page) and its screen-reader
// mirror (page_mirror_html) for the heaviest pages; prints figures, asserts nothing (not a
// ctest test).
//
//   mirror_bench SNAPSHOT.json [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/pages/page_mirror.hpp"
#include "disarm/io/snapshot.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: mirror_bench SNAPSHOT.json [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto loaded = disarm::load_snapshot(text.str());
  if (!loaded) {
    std::fprintf(stderr, "%s: %s\n", argv[1], loaded.error().describe().c_str());
    return 1;
  }
  const disarm::Framework& fw = loaded.value();
  const disarm::SearchIndex index = disarm::SearchIndex::build(fw);
  const disarm::SearchIndexSource source = [&index]() -> const disarm::SearchIndex& { return index; };
  std::printf("mirror_bench: %s, %zu objects, %d runs each\n", argv[1], fw.objects().size(), runs);
  for (const char* hash : {"#/matrix/red", "#/matrix/blue", "#/kind/technique", "#/kind/incident", "#/",
                           "#/search?q=fake", "#/T0086", "#/about"}) {
    const disarm::Route route = disarm::parse_route(hash);
    std::vector<double> build_ms, mirror_ms;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const disarm::Page page = disarm::build_page(fw, index, route);
      const auto built = std::chrono::steady_clock::now();
      const std::string html = disarm::page_mirror_html(fw, page);
      const auto end = std::chrono::steady_clock::now();
      build_ms.push_back(std::chrono::duration<double, std::milli>(built - start).count());
      mirror_ms.push_back(std::chrono::duration<double, std::milli>(end - built).count());
      bytes = html.size();
    }
    std::sort(build_ms.begin(), build_ms.end());
    std::sort(mirror_ms.begin(), mirror_ms.end());
    std::printf("%-20s %8zu bytes  build_page median %7.3f ms  mirror median %7.3f ms  max %7.3f ms\n", hash, bytes,
                build_ms[build_ms.size() / 2], mirror_ms[mirror_ms.size() / 2], mirror_ms.back());
  }
  return 0;
}
