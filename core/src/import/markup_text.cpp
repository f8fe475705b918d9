#include "import/markup_text.hpp"

#include "text/ascii.hpp"
#include "text/html_entity.hpp"
#include "text/utf8.hpp"

namespace disarm::importer {

namespace {

// "<br>", "<BR/>", "<br />" at the start of text: its length, else 0.
std::size_t br_tag_length(std::string_view text) {
  if (!starts_with_ignoring_case(text, "<br")) return 0;
  std::size_t i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '/')) ++i;
  return i < text.size() && text[i] == '>' ? i + 1 : 0;
}

// The entity at the start of text ("&amp;", "&#8217;", "&#x2019;") decoded onto out: its
// length, or 0 when there is none. A no-break space becomes a plain one, as the importer has
// always written it.
std::size_t decode_entity(std::string_view text, std::string& out) {
  auto entity = html_entity_at(text);
  if (!entity) return 0;
  append_utf8(out, entity->code_point == 0xA0 ? U' ' : entity->code_point);
  return entity->length;
}

}  // namespace

std::string plain_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t no_close_from = std::string_view::npos;  // no '>' at or after here
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<' && i + 1 < html.size() && i < no_close_from) {
      char next = static_cast<char>(html[i + 1] | 0x20);
      std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) no_close_from = i;
      bool is_tag =
          close != std::string_view::npos && (html[i + 1] == '/' || html[i + 1] == '!' || (next >= 'a' && next <= 'z'));
      if (is_tag) {
        if (br_tag_length(html.substr(i))) out += ' ';
        i = close + 1;
        continue;
      }
    }
    if (c == '&') {
      if (std::size_t n = decode_entity(html.substr(i), out)) {
        i += n;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return collapse_whitespace(out);
}

std::string quoted_excerpt(std::string_view text) {
  std::string plain = collapse_whitespace(text);
  if (plain.size() > 40) plain = plain.substr(0, utf8_prefix_length(plain, 40)) + "...";
  std::string out = "\"";
  out += plain;
  out += '"';
  return out;
}

std::string_view trim_markdown(std::string_view markdown) {
  for (;;) {
    std::string_view before = markdown;
    markdown = trim(markdown);
    if (std::size_t n = br_tag_length(markdown)) markdown.remove_prefix(n);
    std::size_t open = markdown.rfind('<');
    if (open != std::string_view::npos && br_tag_length(markdown.substr(open)) == markdown.size() - open)
      markdown.remove_suffix(markdown.size() - open);
    if (markdown.size() == before.size()) return markdown;
  }
}

}  // namespace disarm::importer
