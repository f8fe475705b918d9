// libFuzzer target for the pages importer: one upstream page, a datasheet, an index page or
// a framework matrix. The input's first byte picks the page's path (kPaths), the rest is its
// text. Any text must import without a crash, every warning must say what and where
// ("path:line"), and the imported data must survive a snapshot save and reload unchanged.
#include <cstdint>
#include <iterator>

#include "disarm/import/importer.hpp"
#include "disarm/io/snapshot.hpp"
#include "fuzz_target.hpp"

namespace {

constexpr const char* kTarget = "pages_fuzzer";
using disarm::fuzz::fail;

// Each sort of page the importer reads: a datasheet of each kind, the index pages, the matrices.
constexpr std::string_view kPaths[] = {
    "techniques/T0001.md",      "techniques/T0001.001.md", "tactics/TA01.md",       "phases/P01.md",
    "tasks/TK0001.md",          "incidents/I00001.md",     "counters/C00001.md",    "actortypes/A001.md",
    "metatechniques/M001.md",   "techniques_index.md",     "tactics_index.md",      "incidents_index.md",
    "counters_index.md",        "detections_index.md",     "responsetype_index.md", "disarm_red_framework.md",
    "disarm_blue_framework.md",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  disarm::PageFile page;
  page.path = std::string(kPaths[bytes[0] % std::size(kPaths)]);
  page.text.assign(reinterpret_cast<const char*>(bytes) + 1, size - 1);

  disarm::ImportResult imported =
      disarm::import_pages(std::span<const disarm::PageFile>(&page, 1), disarm::upstream_provenance("fuzz", "", ""));
  for (const auto& warning : imported.warnings) {
    if (warning.message.empty()) fail(kTarget, "a warning without a message", warning.describe());
    if (!warning.location.starts_with(page.path))
      fail(kTarget, "a warning not located in the page", warning.describe());
  }

  std::string saved = disarm::save_snapshot(imported.data);
  auto reloaded = disarm::parse_snapshot(saved);
  if (!reloaded) fail(kTarget, "an imported page does not reload", reloaded.error().describe() + "\n" + saved);
  disarm::sort_canonically(imported.data);
  if (!(reloaded.value() == imported.data)) fail(kTarget, "save then parse changed the imported data", saved);
  return 0;
}
