// What in rich text is a link, for the Markdown reader (rich_text.cpp): the IDs that prose
// mentions and the framework holds, and what a link's address points at.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/pages/rich_text.hpp"

namespace disarm {

// Appends one span of `text` (none when it is empty).
void push_span(std::vector<Span>& out, std::string text, std::uint8_t style, LinkKind link = LinkKind::None,
               ObjectIndex object = 0);

// Appends `text` as spans, the IDs it mentions that the framework holds as object links.
void append_id_linked(const Framework& framework, std::string_view text, std::uint8_t style, std::vector<Span>& out);

struct LinkTarget {
  LinkKind kind = LinkKind::None;
  ObjectIndex object = 0;
  std::string url;
};

// What a link's address points at: an upstream datasheet ("../../generated_pages/
// techniques/T0001.md") or a viewer route ("#/T0001") is the object, when the framework
// holds it; an http(s) address is external; anything else (javascript:, data:, file:,
// mailto:) is no link at all.
LinkTarget link_target(const Framework& framework, std::string_view href);

}  // namespace disarm
