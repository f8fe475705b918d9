// Times the screen-reader mirror (page_mirror_html) of the heaviest pages; prints figures,
// asserts nothing (not a ctest test). The viewer builds one on every navigation.
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

#include "disarm/page_mirror.hpp"
#include "disarm/snapshot.hpp"

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
    std::vector<double> ms;
    std::size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const std::string html = disarm::page_mirror_html(fw, route, source);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      bytes = html.size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("mirror %-20s %8zu bytes  median %7.3f ms  max %7.3f ms\n", hash, bytes, ms[ms.size() / 2], ms.back());
  }
  return 0;
}
