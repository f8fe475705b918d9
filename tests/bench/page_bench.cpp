// Times the page models the viewer builds on each navigation: every object page of a
// snapshot (the slowest, best of RUNS), both matrices, and an invented technique cited by 150
// incidents with long quotes. Prints figures, asserts nothing (not a ctest test).
//
//   page_bench SNAPSHOT.json [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "disarm/pages/matrix_model.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/io/snapshot.hpp"

namespace {

using namespace disarm;

// The best of `runs`: one run on a busy machine measures the machine.
double best_ms(int runs, const std::function<void()>& work) {
  double best = 1e18;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

Framework heavily_cited_technique() {
  FrameworkData data;
  for (const char* id : {"T0001", "T0002"}) {
    Object o;
    o.id = id;
    o.kind = Kind::Technique;
    data.objects.push_back(o);
  }
  std::string quote;
  while (quote.size() < 3000)
    quote += "<i>Someone said a thing about an invented event, at length.</i><br><br>Our reading (T0001, T0002). ";
  for (int i = 1; i <= 150; ++i) {
    const std::string number = std::to_string(i);
    Object incident;
    incident.id = "I" + std::string(5 - number.size(), '0') + number;
    incident.kind = Kind::Incident;
    data.relations.push_back({RelationType::IncidentTechnique, incident.id, "T0001", quote});
    data.objects.push_back(std::move(incident));
  }
  return Framework::build(std::move(data));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: page_bench SNAPSHOT.json [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto loaded = load_snapshot(text.str());
  if (!loaded) {
    std::fprintf(stderr, "%s: %s\n", argv[1], loaded.error().describe().c_str());
    return 1;
  }
  const Framework& fw = loaded.value();
  std::printf("page_bench: %s, %zu objects, best of %d runs\n", argv[1], fw.objects().size(), runs);

  double slowest = 0, total = 0;
  std::string slowest_id;
  std::size_t citations = 0;  // what the pages hold, printed, so that no build is optimised away
  for (ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    const double ms = best_ms(runs, [&] { citations += build_object_page(fw, i).citations.size(); });
    total += ms;
    if (ms > slowest) {
      slowest = ms;
      slowest_id = fw.object(i).id;
    }
  }
  std::printf("object pages: %zu in %.1f ms, slowest %s %.3f ms (%zu citations built)\n", fw.objects().size(), total,
              slowest_id.c_str(), slowest, citations);
  for (MatrixSide side : {MatrixSide::Red, MatrixSide::Blue}) {
    std::size_t cells = 0;
    const double ms = best_ms(runs, [&] { cells = build_matrix(fw, side).cell_count(); });
    std::printf("%s matrix: %zu cells in %.3f ms\n", std::string(matrix_side_name(side)).c_str(), cells, ms);
  }
  const Framework cited = heavily_cited_technique();
  const ObjectIndex technique = *cited.find("T0001");
  std::size_t cited_count = 0;
  const double cited_ms = best_ms(runs, [&] { cited_count = build_object_page(cited, technique).citations.size(); });
  std::printf("a technique with %zu citations of 3 KB: %.3f ms\n", cited_count, cited_ms);
  return 0;
}
