// HTML tags read loosely, as the rich text renderer (raw HTML in upstream's markdown), the
// importer (upstream's table pages) and the offline bundle (the viewer's own index.html)
// meet them: one tag at a time, never a document tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace disarm {

struct HtmlTag {
  std::string name;             // lower case; empty for a comment or a declaration
  bool closing = false;         // "</i>"
  std::string_view attributes;  // the text after the name, up to the '>' (a view of the input)
};

// `tag` runs from its '<' up to its '>'; the '>' may be left off.
HtmlTag parse_html_tag(std::string_view tag);

// The value of attribute `name` (given in lower case; matched in any case) among a tag's
// attributes: quoted with " or ', or bare; "" for an attribute with no value. As written:
// entities are not decoded. Nothing when the tag has no such attribute.
std::optional<std::string_view> html_attribute(std::string_view attributes, std::string_view name);

}  // namespace disarm
