// Times the importer on a generated_pages tree (or a STIX bundle file) and sizes its
// snapshot; prints figures, asserts nothing (not a ctest test). scripts/bench_import runs it
// on every release in ../shared/disarm.
//
//   import_bench [PAGES_DIR|STIX.json] [RUNS] [--write SNAPSHOT.json]
//
// PAGES_DIR defaults to upstream's pages next to the project (DISARM_UPSTREAM_DIR). With
// --write, the snapshot is also written out, for whoever needs the real framework's:
//
//   cmake --build build/importer --target import_bench
//   build/importer/tests/import_bench ../shared/disarm/generated_pages 20 --write build/importer/disarm.json
//
// (`disarm import` writes the same snapshot, with the upstream commit and date if given.)
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "disarm/import/importer.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "page_tree.hpp"

#if DISARM_HAVE_ZLIB
#include <zlib.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Timing {
  double best_ms = 0;
  double median_ms = 0;
};

template <typename F>
Timing time_runs(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    ms.push_back(ms_since(start));
  }
  std::sort(ms.begin(), ms.end());
  return {ms.front(), ms[ms.size() / 2]};
}

// Bytes of `data` as gzip -9 would write them; 0 when built without zlib.
std::size_t gzip_size(const std::string& data) {
#if DISARM_HAVE_ZLIB
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;  // +16: gzip wrapper
  std::vector<unsigned char> out(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&z, Z_FINISH);
  std::size_t size = z.total_out;
  deflateEnd(&z);
  return status == Z_STREAM_END ? size : 0;
#else
  (void)data;
  return 0;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string dir = DISARM_UPSTREAM_DIR "/generated_pages";
  std::string write_to;
  int runs = 10;
  bool have_dir = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    int n = 0;
    if (a == "--write" && i + 1 < args.size()) {
      write_to = args[++i];
    } else if (a == "--help" || a == "-h") {
      std::printf("usage: import_bench [PAGES_DIR] [RUNS] [--write SNAPSHOT.json]\n");
      return 0;
    } else if (std::from_chars(a.data(), a.data() + a.size(), n).ec == std::errc() && n > 0) {
      runs = n;
    } else if (!have_dir) {
      dir = a;
      have_dir = true;
    } else {
      std::fprintf(stderr, "import_bench: unexpected argument '%s'\n", a.c_str());
      return 2;
    }
  }

  auto read_start = Clock::now();
  std::error_code ec;
  const bool bundle = std::filesystem::is_regular_file(dir, ec);
  std::vector<disarm::PageFile> files;
  if (bundle) {
    std::ifstream in(dir, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files.push_back({dir, text.str()});
  } else {
    auto read = disarm::shell::read_page_tree(dir);
    if (!read) {
      std::fprintf(stderr, "import_bench: %s\n", read.error().describe().c_str());
      return 2;
    }
    files = std::move(read).value();
  }
  double read_ms = ms_since(read_start);
  std::size_t bytes = 0;
  for (const auto& f : files) bytes += f.text.size();

  disarm::Provenance provenance =
      disarm::upstream_provenance("https://github.com/DISARMFoundation/DISARMframeworks (generated_pages)", "", "");

  disarm::ImportResult result;
  bool failed = false;
  Timing import = time_runs(runs, [&] {
    if (!bundle) {
      result = disarm::import_pages(files, provenance);
      return;
    }
    auto stix = disarm::import_stix_bundle(files.front().text, provenance);
    failed = !stix.ok();
    if (stix) result = std::move(stix).value();
  });
  if (failed) {
    std::fprintf(stderr, "import_bench: %s is not a DISARM STIX bundle\n", dir.c_str());
    return 2;
  }
  std::string snapshot;
  Timing save = time_runs(runs, [&] { snapshot = disarm::save_snapshot(result.data); });
  std::size_t gz = gzip_size(snapshot);

  std::printf("%s\n", dir.c_str());
  std::printf("  input           %zu files, %.2f MB, read in %.1f ms\n", files.size(), bytes / 1e6, read_ms);
  std::size_t disputed = 0;
  for (const auto& r : result.data.relations) disputed += r.disputed();
  std::printf("  imported        %zu objects, %zu relations (%zu disputed), %zu warnings\n", result.data.objects.size(),
              result.data.relations.size(), disputed, result.warnings.size());
  std::printf("  release         %s %s (fingerprint %s)\n", result.data.release.framework.c_str(),
              result.data.release.version.c_str(), disarm::content_fingerprint(result.data).c_str());
  std::printf("  runs            %d\n", runs);
  std::printf("  import          best %7.2f ms   median %7.2f ms\n", import.best_ms, import.median_ms);
  std::printf("  save_snapshot   best %7.2f ms   median %7.2f ms\n", save.best_ms, save.median_ms);
  if (gz)
    std::printf("  snapshot        %zu bytes raw, %zu bytes gzip -9\n", snapshot.size(), gz);
  else
    std::printf("  snapshot        %zu bytes raw (built without zlib: try gzip -9 -c FILE | wc -c)\n", snapshot.size());

  if (!write_to.empty()) {
    std::ofstream out(write_to, std::ios::binary);
    out << snapshot;
    out.close();
    if (!out) {
      std::fprintf(stderr, "import_bench: cannot write %s\n", write_to.c_str());
      return 2;
    }
    std::printf("  wrote           %s\n", write_to.c_str());
  }
  return 0;
}
