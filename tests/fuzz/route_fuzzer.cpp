// libFuzzer target for what a link puts in the address: the route parser with its query
// (?hl=, ?sel=, search?q=&kind=, upgrade's ok= and skip=) and the share code in ?sel=. Any hash must give a route whose
// text is valid UTF-8 and whose printed form parses back to it; any share code must decode
// to a selection or a located error, and a code that decodes must be the one the encoder
// writes for its selection.
#include <cstdint>

#include "disarm/model/object_id.hpp"
#include "disarm/pages/route.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "fuzz_target.hpp"

namespace {

constexpr const char* kTarget = "route_fuzzer";
using disarm::fuzz::fail;
using disarm::fuzz::is_valid_utf8;

void check_share_code(std::string_view code) {
  auto decoded = disarm::decode_selection(code);
  if (!decoded) {
    if (decoded.error().message.empty()) fail(kTarget, "a share code error without a message", std::string(code));
    return;
  }
  const disarm::Selection& selection = decoded.value();
  for (const auto& item : selection.items()) {
    if (!disarm::parse_id(item.id)) fail(kTarget, "a decoded selection holds a malformed ID", item.id);
    if (item.score && (*item.score < 0 || *item.score > disarm::kMaxScore))
      fail(kTarget, "a decoded score is out of range", item.id);
    if (!is_valid_utf8(item.comment)) fail(kTarget, "a decoded comment is not valid UTF-8", item.id);
  }
  std::string encoded = disarm::encode_selection(selection);
  if (encoded != code) fail(kTarget, "a share code that decodes is not the one its selection encodes to", encoded);
  auto again = disarm::decode_selection(encoded);
  if (!again || !(again.value() == selection)) fail(kTarget, "an encoded selection does not decode back", encoded);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);

  disarm::Route route = disarm::parse_route(text);
  for (const std::string* part : {&route.id, &route.highlight, &route.selection, &route.query, &route.text})
    if (!is_valid_utf8(*part)) fail(kTarget, "a route holds invalid UTF-8", *part);
  if (route.query.size() > disarm::kMaxRouteQuery) fail(kTarget, "a search query longer than the limit", route.query);
  for (const auto* decisions : {&route.accepted, &route.skipped}) {
    if (decisions->size() > disarm::kMaxUpgradeDecisions) fail(kTarget, "more upgrade decisions than the limit", "");
    for (const std::string& entry : *decisions)
      if (!is_valid_utf8(entry) || entry.empty() || entry.size() > disarm::kMaxDecisionText)
        fail(kTarget, "an upgrade decision that is empty, too long or not UTF-8", entry);
  }
  std::string printed = disarm::print_route(route);
  if (!(disarm::parse_route(printed) == route)) fail(kTarget, "print then parse changed the route", printed);
  if (!route.selection.empty()) check_share_code(route.selection);

  check_share_code(text);

  std::string decoded = disarm::percent_decode(text);
  if (!is_valid_utf8(decoded)) fail(kTarget, "percent_decode gave invalid UTF-8", decoded);
  if (disarm::percent_decode(disarm::percent_encode(decoded)) != decoded)
    fail(kTarget, "percent_encode then percent_decode changed the text", decoded);
  return 0;
}
