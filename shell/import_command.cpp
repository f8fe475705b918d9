// `disarm import`: upstream's generated_pages directory to a snapshot. The file system is
// read here; the importer itself (core) only sees paths and texts.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "command_line.hpp"
#include "disarm/importer.hpp"
#include "disarm/snapshot.hpp"
#include "page_tree.hpp"

namespace disarm::shell {

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "disarm import PAGES_DIR -o SNAPSHOT.json [--commit SHA] [--date YYYY-MM-DD] [--source TEXT]";

// Checked before reading anything, so that a wrong directory is not read whole.
bool looks_like_generated_pages(const fs::path& root) {
  std::error_code ec;
  for (fs::directory_iterator it(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (is_generated_pages_entry(it->path().filename().string())) return true;
  return false;
}

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace

int run_import(const Args& args) {
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "Imports upstream DISARM's generated_pages directory (or a checkout holding one) into a snapshot.\n"
        "Counts per kind go to stdout; each warning (file:line: problem) to stderr, one per line.\n"
        "  -o, --output FILE  the snapshot to write\n"
        "  --commit SHA       the upstream commit the pages come from\n"
        "  --date YYYY-MM-DD  the upstream date\n"
        "  --source TEXT      where the pages come from (default: upstream's repository)\n",
        kUsage);
    return kExitOk;
  }
  std::string dir, output, commit, date;
  std::string source(kUpstreamSource);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string* option = a == "-o" || a == "--output" ? &output
                          : a == "--commit"            ? &commit
                          : a == "--date"              ? &date
                          : a == "--source"            ? &source
                                                       : nullptr;
    if (option) {
      if (i + 1 >= args.size()) return usage_error(kUsage, "missing value after " + a);
      *option = args[++i];
    } else if (a.rfind("-", 0) == 0) {
      return usage_error(kUsage, "unknown option '" + a + "'");
    } else if (dir.empty()) {
      dir = a;
    } else {
      return usage_error(kUsage, "unexpected argument '" + a + "'");
    }
  }
  if (dir.empty()) return usage_error(kUsage, "missing PAGES_DIR");
  if (output.empty()) return usage_error(kUsage, "missing -o SNAPSHOT.json");
  if (!date.empty() && !is_date(date)) return usage_error(kUsage, "--date wants YYYY-MM-DD, not '" + date + "'");

  std::error_code ec;
  fs::path root(dir);
  if (!fs::is_directory(root, ec)) {
    std::fprintf(stderr, "disarm: %s: no such directory\n", dir.c_str());
    return kExitUsage;
  }
  if (fs::is_directory(root / "generated_pages", ec)) root /= "generated_pages";  // a checkout of upstream
  if (!looks_like_generated_pages(root)) {
    std::fprintf(stderr,
                 "disarm: %s is not a DISARM generated_pages directory (no index, matrix or datasheet folder)\n",
                 dir.c_str());
    return kExitUsage;
  }
  auto files = read_page_tree(root.string());
  if (!files) {
    std::fprintf(stderr, "disarm: %s\n", files.error().describe().c_str());
    return kExitUsage;
  }

  ImportResult result = import_pages(files.value(), upstream_provenance(source, commit, date));
  if (result.pages_recognised == 0) {
    std::fprintf(stderr, "disarm: %s holds no DISARM pages\n", dir.c_str());
    return kExitUsage;
  }
  for (const auto& w : result.warnings) std::fprintf(stderr, "%s\n", w.describe().c_str());

  std::string snapshot = save_snapshot(result.data);
  std::ofstream out(output, std::ios::binary);
  out << snapshot;
  out.close();
  if (!out) {
    std::fprintf(stderr, "disarm: cannot write %s\n", output.c_str());
    return kExitUsage;
  }

  std::array<std::size_t, kKindCount> counts{};
  for (const auto& o : result.data.objects) counts[static_cast<std::size_t>(o.kind)]++;
  std::printf("%s: %zu pages, %zu objects, %zu relations, %zu warnings\n", root.string().c_str(),
              result.pages_recognised, result.data.objects.size(), result.data.relations.size(),
              result.warnings.size());
  for (const auto& k : all_kinds())
    std::printf("  %-22.*s %zu\n", int(k.plural.size()), k.plural.data(), counts[static_cast<std::size_t>(k.kind)]);
  std::printf("wrote %s (%zu bytes)\n", output.c_str(), snapshot.size());
  return kExitOk;
}

}  // namespace disarm::shell
