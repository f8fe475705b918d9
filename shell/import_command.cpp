// `disarm import`: upstream's generated_pages directory, or a DISARM STIX 2.1 bundle file, to a
// snapshot. The file system is read here; the importers themselves (core) only see texts.
#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "command_line.hpp"
#include "disarm/import/importer.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "page_tree.hpp"

namespace disarm::shell {

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "disarm import PAGES_DIR|STIX.json -o SNAPSHOT.json [--commit SHA] [--date YYYY-MM-DD] [--source TEXT]\n"
    "       [--framework NAME] [--version LABEL]";

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

void print_import_help() {
  std::printf(
      "usage: %s\n"
      "Imports upstream DISARM's generated_pages directory (or a checkout holding one), or a DISARM\n"
      "STIX 2.1 bundle file (generated_files/DISARM_STIX/DISARM.json), into a snapshot.\n"
      "Counts per kind go to stdout; each warning (file:line: problem) to stderr, one per line.\n"
      "  -o, --output FILE  the snapshot to write\n"
      "  --commit SHA       the upstream commit the pages come from\n"
      "  --date YYYY-MM-DD  the upstream date\n"
      "  --source TEXT      where the data comes from (default: upstream's repository)\n"
      "  --framework NAME   the framework: \"DISARM Red/Blue 1.x\", \"DISARM 2.0 Observations\",\n"
      "                     \"DISARM 2.0 Assessments\" (default: detected)\n"
      "  --version LABEL    the release's version label, \"1.6\" (default: detected)\n"
      "The release (framework, version, date, commit) is detected from a known upstream commit or\n"
      "the data itself where it can be; flags set what detection cannot know.\n",
      kUsage);
}

// The bundle file or pages directory `dir` imported, or nullopt once the problem is printed.
// `root` becomes the directory read (a checkout's generated_pages).
std::optional<ImportResult> read_import(const std::string& dir, fs::path& root, const std::string& source,
                                        const std::string& commit, const std::string& date) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) {
    auto text = read_file(dir);
    if (!text) {
      std::fprintf(stderr, "disarm: cannot read %s\n", dir.c_str());
      return std::nullopt;
    }
    auto stix = import_stix_bundle(
        *text, upstream_stix_provenance(source.empty() ? std::string(kUpstreamStixSource) : source, commit, date));
    if (!stix) {
      std::fprintf(stderr, "disarm: %s: %s\n", dir.c_str(), stix.error().describe().c_str());
      return std::nullopt;
    }
    return std::move(stix).value();
  } else if (!fs::is_directory(root, ec)) {
    std::fprintf(stderr, "disarm: %s: no such directory\n", dir.c_str());
    return std::nullopt;
  } else {
    if (fs::is_directory(root / "generated_pages", ec)) root /= "generated_pages";  // a checkout of upstream
    if (!looks_like_generated_pages(root)) {
      std::fprintf(stderr,
                   "disarm: %s is not a DISARM generated_pages directory (no index, matrix or datasheet folder)\n",
                   dir.c_str());
      return std::nullopt;
    }
    auto files = read_page_tree(root.string());
    if (!files) {
      std::fprintf(stderr, "disarm: %s\n", files.error().describe().c_str());
      return std::nullopt;
    }
    ImportResult result = import_pages(
        files.value(), upstream_provenance(source.empty() ? std::string(kUpstreamSource) : source, commit, date));
    if (result.pages_recognised == 0) {
      std::fprintf(stderr, "disarm: %s holds no DISARM pages\n", dir.c_str());
      return std::nullopt;
    }
    return result;
  }
}

// Counts per kind, the release and the file written, to stdout.
void print_import_summary(const fs::path& root, const ImportResult& result, const std::string& output,
                          std::size_t snapshot_bytes) {
  const Release& release = result.data.release;
  std::array<std::size_t, kKindCount> counts{};
  for (const auto& o : result.data.objects) counts[static_cast<std::size_t>(o.kind)]++;
  const std::string read = result.pages_recognised ? std::to_string(result.pages_recognised) + " pages" : "STIX bundle";
  std::size_t disputed = 0;
  for (const auto& r : result.data.relations) disputed += r.disputed();
  std::printf("%s: %s, %zu objects, %zu relations (%zu disputed), %zu warnings\n", root.string().c_str(), read.c_str(),
              result.data.objects.size(), result.data.relations.size(), disputed, result.warnings.size());
  auto unknown = [](const std::string& s) { return s.empty() ? std::string("unknown") : s; };
  std::printf("release: %s, version %s, date %s, commit %s\n", unknown(release.framework).c_str(),
              unknown(release.version).c_str(), unknown(result.data.provenance.date).c_str(),
              unknown(result.data.provenance.commit).c_str());
  for (const auto& k : all_kinds()) {
    std::string_view plural = release.vocabulary.plural(k.kind);
    std::printf("  %-22.*s %zu\n", int(plural.size()), plural.data(), counts[static_cast<std::size_t>(k.kind)]);
  }
  std::printf("wrote %s (%zu bytes)\n", output.c_str(), snapshot_bytes);
}

}  // namespace

int run_import(const Args& args) {
  if (wants_help(args)) {
    print_import_help();
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {kUsage,
                                          {"PAGES_DIR"},
                                          {{"--output", true, "-o"},
                                           {"--commit", true},
                                           {"--date", true},
                                           {"--source", true},
                                           {"--framework", true},
                                           {"--version", true}}});
  if (!parsed) return kExitUsage;
  const std::string& dir = parsed->positionals[0];
  const std::string output = parsed->value("--output"), commit = parsed->value("--commit"),
                    date = parsed->value("--date"), source = parsed->value("--source"),
                    framework = parsed->value("--framework"), version = parsed->value("--version");
  if (output.empty()) return usage_error(kUsage, "missing -o SNAPSHOT.json");
  if (!date.empty() && !is_date(date)) return usage_error(kUsage, "--date wants YYYY-MM-DD, not '" + date + "'");

  fs::path root(dir);
  std::optional<ImportResult> imported = read_import(dir, root, source, commit, date);
  if (!imported) return kExitUsage;
  ImportResult& result = *imported;
  for (const auto& w : result.warnings) std::fprintf(stderr, "%s\n", w.describe().c_str());

  // The flags win over what the import detected; what they leave unknown is detected again.
  Release& release = result.data.release;
  if (!framework.empty()) {
    release.framework = framework;
    release.vocabulary = framework_vocabulary(framework);
  }
  if (!version.empty()) release.version = version;
  detect_release(result.data);

  std::string snapshot = save_snapshot(result.data);
  if (!write_or_report(output, snapshot)) return kExitUsage;

  print_import_summary(root, result, output, snapshot.size());
  return kExitOk;
}

}  // namespace disarm::shell
