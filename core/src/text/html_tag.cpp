#include "disarm/text/html_tag.hpp"

#include "text/ascii.hpp"

namespace disarm {

HtmlTag parse_html_tag(std::string_view tag) {
  HtmlTag out;
  if (tag.ends_with('>')) tag.remove_suffix(1);
  std::size_t i = tag.starts_with('<') ? 1 : 0;
  if (i < tag.size() && tag[i] == '/') {
    out.closing = true;
    ++i;
  }
  while (i < tag.size() && is_ascii_alnum(tag[i])) out.name += ascii_lower(tag[i++]);
  out.attributes = tag.substr(i);
  return out;
}

std::optional<std::string_view> html_attribute(std::string_view attributes, std::string_view name) {
  const std::string_view& a = attributes;
  std::size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && (is_ascii_space(a[i]) || a[i] == '/')) ++i;
    const std::size_t start = i;
    while (i < a.size() && !is_ascii_space(a[i]) && a[i] != '=' && a[i] != '>') ++i;
    const std::string_view key = a.substr(start, i - start);
    std::string_view value;
    while (i < a.size() && is_ascii_space(a[i])) ++i;
    if (i < a.size() && a[i] == '=') {
      ++i;
      while (i < a.size() && is_ascii_space(a[i])) ++i;
      if (i < a.size() && (a[i] == '"' || a[i] == '\'')) {
        const char quote = a[i++];
        std::size_t end = a.find(quote, i);
        if (end == std::string_view::npos) end = a.size();
        value = a.substr(i, end - i);
        i = end + 1;
      } else {
        const std::size_t v = i;
        while (i < a.size() && !is_ascii_space(a[i]) && a[i] != '>') ++i;
        value = a.substr(v, i - v);
      }
    }
    if (!key.empty() && key.size() == name.size() && starts_with_ignoring_case(key, name)) return value;
    if (i == start) ++i;
  }
  return std::nullopt;
}

}  // namespace disarm
