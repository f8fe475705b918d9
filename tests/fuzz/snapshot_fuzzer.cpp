// libFuzzer target for the snapshot loader: any bytes must give a Framework or an Error,
// never a crash, a hang or undefined behaviour; and whatever loads must survive a save and
// reload unchanged. Built by tests/fuzz/CMakeLists.txt, run by tests/fuzz/run_fuzz.sh.
#include <cstdint>

#include "disarm/model/object_links.hpp"
#include "disarm/model/similar_ids.hpp"
#include "disarm/io/snapshot.hpp"
#include "disarm/model/validation.hpp"
#include "fuzz_target.hpp"

namespace {

constexpr const char* kTarget = "snapshot_fuzzer";

[[noreturn]] void fail(const char* what, const std::string& detail) {
  disarm::fuzz::fail(kTarget, what, detail);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto loaded = disarm::load_snapshot(text);
  if (!loaded) {
    if (loaded.error().message.empty()) fail("an error without a message", "");
    return 0;
  }
  const disarm::Framework& fw = loaded.value();
  for (const auto& d : disarm::validate(fw))
    if (d.message.empty()) fail("a diagnostic without a message", d.describe());
  for (disarm::ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    std::size_t grouped = 0;
    for (const auto& group : disarm::link_groups(fw, i)) grouped += group.links.size();
    if (grouped != fw.links(i).size()) fail("link_groups lost links", fw.object(i).id);
  }
  if (!fw.objects().empty()) (void)disarm::similar_ids(fw, fw.objects().front().id);

  // Round trip: what loaded saves, reloads to the same data, and saves to the same bytes.
  auto parsed = disarm::parse_snapshot(text);
  if (!parsed) fail("parse_snapshot failed where load_snapshot succeeded", parsed.error().describe());
  disarm::FrameworkData data = std::move(parsed).value();
  std::string saved = disarm::save_snapshot(data);
  auto reloaded = disarm::parse_snapshot(saved);
  if (!reloaded) fail("a saved snapshot does not load", reloaded.error().describe() + "\n" + saved);
  disarm::sort_canonically(data);
  if (!(reloaded.value() == data)) fail("save then parse changed the data", saved);
  if (disarm::save_snapshot(reloaded.value()) != saved) fail("a second save differs from the first", saved);
  return 0;
}
