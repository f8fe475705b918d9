// Text out of upstream's markup: trimming, plain text for names and IDs, and the markdown
// of a field value without the line breaks that only separated it from the next field.
#pragma once

#include <string>
#include <string_view>

#include "text/ascii.hpp"  // trim and collapse_whitespace

namespace disarm::importer {

// Plain text of an HTML fragment: tags dropped (<br> as a space), the common entities
// decoded, whitespace collapsed. For names and IDs, never for text the viewer renders.
std::string plain_text(std::string_view html);

// The start of a text for a warning, quoted: "\"Some words of the...\"".
std::string quoted_excerpt(std::string_view text);

// Trims whitespace and <br> tags from both ends: "TA07 Name <br><br>" -> "TA07 Name".
std::string_view trim_markdown(std::string_view markdown);

}  // namespace disarm::importer
