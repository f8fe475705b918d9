// Which text is a link: the IDs prose mentions, and what a link's address points at.
#include "pages/rich_text_links.hpp"

#include <algorithm>
#include <utility>

#include "disarm/model/release.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

// ID shapes in the order they are tried at a position: two-letter prefixes first, so that
// "TA07" is a tactic and not "T" followed by junk.
struct IdShape {
  std::string_view prefix;
  int digits;
  bool sub_numbers;  // techniques' ".NNN"
};

std::vector<IdShape> id_shapes() {
  std::vector<IdShape> shapes;
  for (const auto& info : all_kinds()) shapes.push_back({info.prefix, info.digits, info.kind == Kind::Technique});
  for (const auto& w : alternative_id_patterns())
    shapes.push_back({w.id_prefix, w.id_digits, w.kind == Kind::Technique});
  std::stable_sort(shapes.begin(), shapes.end(),
                   [](const IdShape& a, const IdShape& b) { return a.prefix.size() > b.prefix.size(); });
  return shapes;
}

bool is_word_byte(char c) {
  return is_ascii_alnum(c) || c == '_';
}

// Length of the canonical ID starting at text[i] and standing alone as a word, or 0.
// "T0086.002" is one ID; "T00012", "XT0001" and "T0086.0021" are none.
std::size_t id_length_at(std::string_view text, std::size_t i) {
  static const std::vector<IdShape> shapes = id_shapes();
  if (i > 0 && is_word_byte(text[i - 1])) return 0;
  // Prefixes are one or two letters: no digit among the next two bytes, no ID. Most capital
  // letters in prose stop here.
  std::string_view rest = text.substr(i);
  if (!(rest.size() > 1 && is_ascii_digit(rest[1])) && !(rest.size() > 2 && is_ascii_digit(rest[2]))) return 0;
  for (const auto& shape : shapes) {
    if (!rest.starts_with(shape.prefix)) continue;
    std::size_t end = i + shape.prefix.size();
    std::size_t digits = 0;
    while (end + digits < text.size() && is_ascii_digit(text[end + digits])) ++digits;
    if (digits != static_cast<std::size_t>(shape.digits)) continue;
    end += digits;
    if (shape.sub_numbers && end + 1 < text.size() && text[end] == '.' && is_ascii_digit(text[end + 1])) {
      std::size_t sub = 0;
      while (end + 1 + sub < text.size() && is_ascii_digit(text[end + 1 + sub])) ++sub;
      if (sub != 3) return 0;
      end += 4;
    }
    if (end < text.size() && is_word_byte(text[end])) return 0;
    return end - i;
  }
  return 0;
}

}  // namespace

void push_span(std::vector<Span>& out, std::string text, std::uint8_t style, LinkKind link, ObjectIndex object) {
  if (text.empty()) return;
  Span span;
  span.text = std::move(text);
  span.style = style;
  span.link = link;
  span.object = object;
  out.push_back(std::move(span));
}

void append_id_linked(const Framework& framework, std::string_view text, std::uint8_t style, std::vector<Span>& out) {
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < 'A' || text[i] > 'Z') continue;
    std::size_t length = id_length_at(text, i);
    if (length == 0) continue;
    auto object = framework.find(text.substr(i, length));
    if (!object) continue;
    push_span(out, std::string(text.substr(plain_start, i - plain_start)), style);
    push_span(out, std::string(text.substr(i, length)), style, LinkKind::Object, *object);
    i += length - 1;
    plain_start = i + 1;
  }
  push_span(out, std::string(text.substr(plain_start)), style);
}

LinkTarget link_target(const Framework& framework, std::string_view href) {
  while (!href.empty() && (href.front() == ' ' || href.front() == '\t')) href.remove_prefix(1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '\t')) href.remove_suffix(1);
  std::size_t colon = href.find(':');
  std::size_t path_end = href.find_first_of("/?#");
  if (colon != std::string_view::npos && (path_end == std::string_view::npos || colon < path_end)) {
    if (is_web_url(href)) return {LinkKind::External, 0, std::string(href)};
    return {};
  }
  std::string_view id;
  if (href.substr(0, 2) == "#/") {
    id = href.substr(2);
  } else {
    std::string_view path = href.substr(0, href.find_first_of("?#"));
    std::size_t slash = path.rfind('/');
    std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (file.size() <= 3 || file.substr(file.size() - 3) != ".md") return {};
    id = file.substr(0, file.size() - 3);
  }
  auto key = parse_id(id);
  if (!key || canonical_id(*key) != id) return {};
  auto object = framework.find(id);
  if (!object) return {};
  return {LinkKind::Object, *object, {}};
}

std::vector<Span> link_ids(const Framework& framework, std::string_view text, std::uint8_t style) {
  std::vector<Span> spans;
  append_id_linked(framework, valid_utf8(text), style, spans);
  return spans;
}

bool is_web_url(std::string_view url) {
  std::size_t rest;
  if (url.size() > 7 && starts_with_ignoring_case(url, "http://"))
    rest = 7;
  else if (url.size() > 8 && starts_with_ignoring_case(url, "https://"))
    rest = 8;
  else
    return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\' || c == '"' || c == '<' || c == '>')
      return false;
  std::size_t host_end = url.find_first_of("/?#", rest);
  if (host_end == std::string_view::npos) host_end = url.size();
  std::string_view host = url.substr(rest, host_end - rest);
  if (std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  return !host.empty() && host.front() != '.' && host.front() != ':';
}

}  // namespace disarm
