// libFuzzer target for an ATT&CK Navigator layer, pasted, imported or dropped on the page.
// Any bytes must give a selection or an Error with a message and a place; every warning must
// say what and where; and the selection must survive the viewer's own layer export and
// re-import unchanged, with no unknown IDs and no warnings the second time.
#include <cstdint>

#include "disarm/selection/navigator_layer.hpp"
#include "fuzz_target.hpp"
#include "sample_framework.hpp"

namespace {

constexpr const char* kTarget = "layer_fuzzer";
using disarm::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const disarm::Framework& framework = disarm::test::sample_framework();
  auto imported = disarm::import_navigator_layer(framework, text);
  if (!imported) {
    const disarm::Error& error = imported.error();
    if (error.message.empty() || error.location.empty())
      fail(kTarget, "an error without a message or a place", error.describe());
    return 0;
  }
  for (const auto& warning : imported.value().warnings)
    if (warning.message.empty() || warning.location.empty())
      fail(kTarget, "a warning without a message or a place", warning.describe());
  for (const auto& item : imported.value().selection.items()) {
    if (!framework.find(item.id)) fail(kTarget, "the selection holds a technique the framework lacks", item.id);
    if (!disarm::fuzz::is_valid_utf8(item.comment)) fail(kTarget, "a comment is not valid UTF-8", item.id);
  }

  const disarm::Selection& selection = imported.value().selection;
  std::string exported = disarm::export_navigator_layer(framework, selection, "fuzz");
  auto again = disarm::import_navigator_layer(framework, exported);
  if (!again) fail(kTarget, "an exported layer does not import", again.error().describe() + "\n" + exported);
  if (!(again.value().selection == selection)) fail(kTarget, "export then import changed the selection", exported);
  if (!again.value().unknown_ids.empty() || !again.value().warnings.empty())
    fail(kTarget, "an exported layer imports with unknown IDs or warnings", exported);
  return 0;
}
