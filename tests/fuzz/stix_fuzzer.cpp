// libFuzzer target for a STIX 2.1 bundle, as dropped on the page or fetched with ?data=. Any
// bytes must give imported data or an Error located at a JSON path or a line and column;
// every warning must say what and where; the imported data must survive a snapshot save and
// reload unchanged; and opening the text as a data file must agree with the importer.
#include <cstdint>

#include "disarm/data_file.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "fuzz_target.hpp"

namespace {

constexpr const char* kTarget = "stix_fuzzer";
using disarm::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto imported = disarm::import_stix_bundle(text, disarm::upstream_stix_provenance("fuzz", "", ""));
  auto opened = disarm::open_data_file(text, "fuzz.json");
  if (!imported) {
    const disarm::Error& error = imported.error();
    if (error.message.empty() || error.location.empty())
      fail(kTarget, "an error without a message or a place", error.describe());
    if (opened && opened.value().type == disarm::DataFileType::StixBundle)
      fail(kTarget, "open_data_file opened a bundle the importer refused", error.describe());
    return 0;
  }
  for (const auto& warning : imported.value().warnings)
    if (warning.message.empty() || warning.location.empty())
      fail(kTarget, "a warning without a message or a place", warning.describe());

  disarm::FrameworkData& data = imported.value().data;
  std::string saved = disarm::save_snapshot(data);
  auto reloaded = disarm::parse_snapshot(saved);
  if (!reloaded) fail(kTarget, "an imported bundle does not reload", reloaded.error().describe() + "\n" + saved);
  disarm::sort_canonically(data);
  if (!(reloaded.value() == data)) fail(kTarget, "save then parse changed the imported data", saved);
  return 0;
}
