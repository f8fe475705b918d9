#include "import/id_text.hpp"

#include "text/ascii.hpp"
#include "disarm/model/object_id.hpp"
#include "import/markup_text.hpp"

namespace disarm::importer {

namespace {

bool is_id_char(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '.';
}

// Markup and punctuation that may wrap an ID: "[T0001", "(TA01", "*M004*".
std::string_view skip_wrapping(std::string_view text) {
  while (!text.empty() && (is_ascii_space(text.front()) || text.front() == '[' || text.front() == '(' ||
                           text.front() == '*' || text.front() == '_'))
    text.remove_prefix(1);
  return text;
}

std::string_view first_token(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && is_id_char(text[n])) ++n;
  std::string_view token = text.substr(0, n);
  while (!token.empty() && token.back() == '.') token.remove_suffix(1);  // "T0001." ends a sentence
  return token;
}

// The separators upstream puts between an ID and its name: spaces, ":", "-", en and em dashes.
std::string_view skip_separators(std::string_view text) {
  for (;;) {
    if (!text.empty() && (is_ascii_space(text.front()) || text.front() == ':' || text.front() == '-' ||
                          text.front() == ']' || text.front() == '*' || text.front() == '_')) {
      text.remove_prefix(1);
    } else if (text.substr(0, 3) == "\xE2\x80\x93" || text.substr(0, 3) == "\xE2\x80\x94") {
      text.remove_prefix(3);
    } else {
      return text;
    }
  }
}

}  // namespace

std::optional<IdMention> leading_id(std::string_view plain) {
  std::string_view text = skip_wrapping(plain);
  std::string_view token = first_token(text);
  auto key = parse_id(token);
  if (!key) return std::nullopt;
  return IdMention{canonical_id(*key), key->kind, collapse_whitespace(skip_separators(text.substr(token.size())))};
}

bool starts_like_id(std::string_view plain) {
  std::string_view text = skip_wrapping(plain);
  std::size_t letters = 0;
  while (letters < text.size() && is_ascii_alpha(text[letters])) ++letters;
  return letters >= 1 && letters <= 3 && letters < text.size() && is_ascii_digit(text[letters]);
}

IdList id_list(std::string_view plain) {
  IdList list;
  while (!plain.empty()) {
    std::size_t comma = plain.find_first_of(",;");
    std::string_view item = trim(plain.substr(0, comma));
    plain = comma == std::string_view::npos ? std::string_view() : plain.substr(comma + 1);
    if (item.empty()) continue;
    if (auto id = leading_id(item)) {
      // "FW01 FW02": IDs of one kind separated by spaces only.
      while (auto next = leading_id(id->name)) {
        if (next->kind != id->kind) break;
        id->name.clear();
        list.ids.push_back(std::move(*id));
        id = std::move(next);
      }
      list.ids.push_back(std::move(*id));
    } else if (!list.ids.empty() && !starts_like_id(item)) {
      std::string& name = list.ids.back().name;
      name += name.empty() ? "" : ", ";
      name += collapse_whitespace(item);
    } else {
      list.unreadable.emplace_back(item);
    }
  }
  return list;
}

std::string link_path(std::string_view href) {
  std::string_view path = trim(href);
  for (;;) {
    if (path.substr(0, 2) == "./")
      path.remove_prefix(2);
    else if (path.substr(0, 3) == "../")
      path.remove_prefix(3);
    else if (path.substr(0, 16) == "generated_pages/")
      path.remove_prefix(16);
    else
      break;
  }
  return std::string(path);
}

std::optional<IdMention> id_of_path(std::string_view path) {
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
  auto key = parse_id(name);
  if (!key) return std::nullopt;
  return IdMention{canonical_id(*key), key->kind, {}};
}

}  // namespace disarm::importer
