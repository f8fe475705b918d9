// libFuzzer target for rich text: markdown with inline HTML, as upstream's pages and a
// snapshot's fields carry it. Any bytes must parse without a crash into blocks whose text is
// valid UTF-8, whose object links name objects of the framework and whose external links
// are web addresses; plain_text must keep to its byte budget.
#include <cstdint>

#include "disarm/pages/rich_text.hpp"
#include "fuzz_target.hpp"
#include "sample_framework.hpp"

namespace {

constexpr const char* kTarget = "rich_text_fuzzer";
using disarm::fuzz::fail;

// `parsed`: spans of parse_rich_text, which drops empty text; link_ids keeps it.
void check_spans(const disarm::Framework& framework, const std::vector<disarm::Span>& spans, bool parsed = true) {
  for (const disarm::Span& span : spans) {
    if (!disarm::fuzz::is_valid_utf8(span.text)) fail(kTarget, "a span's text is not valid UTF-8", span.text);
    if (parsed && span.line_break != span.text.empty())
      fail(kTarget, "an empty span that is no line break, or the reverse", span.text);
    if (span.link == disarm::LinkKind::Object && span.object >= framework.objects().size())
      fail(kTarget, "an object link past the framework's objects", span.text);
    if (span.link == disarm::LinkKind::External && !disarm::is_web_url(span.url))
      fail(kTarget, "an external link that is no web address", span.url);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const disarm::Framework& framework = disarm::test::sample_framework();

  disarm::RichText rich = disarm::parse_rich_text(framework, text);
  for (const disarm::Block& block : rich.blocks) {
    if (block.type == disarm::BlockType::Heading && (block.heading_level < 1 || block.heading_level > 6))
      fail(kTarget, "a heading level outside 1..6", std::to_string(block.heading_level));
    if (block.list_depth < 0 || block.quote_depth < 0) fail(kTarget, "a negative nesting depth", "");
    check_spans(framework, block.spans);
    for (const disarm::TableRow& row : block.rows)
      for (const auto& cell : row.cells) check_spans(framework, cell);
  }
  for (std::size_t budget : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{40}, std::size_t{200}}) {
    std::string plain = disarm::plain_text(rich, budget);
    if (plain.size() > budget) fail(kTarget, "plain_text went over its budget", plain);
    if (!disarm::fuzz::is_valid_utf8(plain)) fail(kTarget, "plain_text is not valid UTF-8", plain);
  }
  check_spans(framework, disarm::link_ids(framework, text), false);
  return 0;
}
