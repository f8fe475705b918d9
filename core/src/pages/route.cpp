#include "disarm/pages/route.hpp"

#include <algorithm>
#include <vector>

#include "text/ascii.hpp"
#include "disarm/model/object_id.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/selection/selection_fragment.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

bool is_unreserved(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Repaired and cut: what a route may hold of text that came from outside.
std::string bounded_text(std::string_view text, std::size_t limit = kMaxRouteText) {
  std::string out = valid_utf8(text.substr(0, limit + 4));
  out.resize(utf8_prefix_length(out, limit));
  return out;
}

// "I00099" or "search:QUERY", or empty for anything that is neither.
std::string highlight_source(std::string_view text) {
  if (text.starts_with(kSearchHighlightPrefix)) {
    std::string query = bounded_text(text.substr(kSearchHighlightPrefix.size()));
    return query.empty() ? std::string() : std::string(kSearchHighlightPrefix) + query;
  }
  auto key = parse_id(text);
  return key ? canonical_id(*key) : std::string();
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// "kind=incident,technique": names that are no kind are ignored.
KindMask parse_kinds(std::string_view names) {
  KindMask kinds = 0;
  for (std::string_view name : split(names, ','))
    if (auto kind = kind_from_name(ascii_lower_case(trim_spaces(name)))) kinds |= kind_bit(*kind);
  return kinds;
}

Route search_route(std::string_view query_string) {
  std::string query;
  KindMask kinds = 0;
  bool have_query = false, have_kinds = false;
  for (std::string_view pair : split(query_string, '&')) {
    std::size_t eq = pair.find('=');
    std::string key = percent_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
    // The first of a repeated key wins, as in URLSearchParams.get().
    if (key == "q" && !have_query) {
      query = std::move(value);
      have_query = true;
    } else if (key == "kind" && !have_kinds) {
      kinds = parse_kinds(value);
      have_kinds = true;
    }
  }
  return Route::search(query, kinds);
}

// "1.4..1.6" and "show=moved"; anything else is left out.
Route changes_route(std::string_view pair, std::string_view query_string) {
  std::string show;
  for (std::string_view item : split(query_string, '&'))
    if (item.starts_with("show=") && show.empty()) show = percent_decode(item.substr(5));
  const std::size_t dots = pair.find("..");
  if (dots == std::string_view::npos) return Route::changes({}, {}, show);
  return Route::changes(pair.substr(0, dots), pair.substr(dots + 2), show);
}

// "hl=I00099&sel=CODE": the first of a repeated key wins, unknown keys are ignored.
Route matrix_route(MatrixSide side, std::string_view query_string) {
  std::string highlight, selection, since;
  bool have_highlight = false, have_selection = false;
  for (std::string_view pair : split(query_string, '&')) {
    std::size_t eq = pair.find('=');
    std::string key = percent_decode(pair.substr(0, eq));
    if (eq == std::string_view::npos) continue;
    if (key == "hl" && !have_highlight) {
      highlight = percent_decode(pair.substr(eq + 1));
      have_highlight = true;
    } else if (key == "sel" && !have_selection) {
      selection = percent_decode(pair.substr(eq + 1));
      have_selection = true;
    } else if (key == "since" && since.empty()) {
      since = percent_decode(pair.substr(eq + 1));
    }
  }
  Route route = Route::matrix(side, highlight, selection);
  if (is_release_key(since)) route.from = ascii_lower_case(since);
  return route;
}

// "T0016,T0086": canonical IDs where well-formed, each once, empty entries left out.
std::vector<std::string> decision_list(std::string_view value) {
  std::vector<std::string> out;
  for (std::string_view raw : split(value, ',')) {
    if (out.size() >= kMaxUpgradeDecisions) break;
    // Cut before it is read, so that the route's entry reads back as itself.
    std::string entry = bounded_text(percent_decode(raw.substr(0, kMaxDecisionText * 3)), kMaxDecisionText);
    if (auto key = parse_id(entry)) entry = canonical_id(*key);
    if (!entry.empty() && std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(std::move(entry));
  }
  return out;
}

// "sel=CODE&ok=T0016&skip=T0086": the first of a repeated key wins, unknown keys are ignored.
Route upgrade_route(std::string_view from, std::string_view query_string) {
  std::string selection;
  std::vector<std::string> accepted, skipped;
  bool have_selection = false, have_accepted = false, have_skipped = false;
  for (std::string_view pair : split(query_string, '&')) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string key = percent_decode(pair.substr(0, eq));
    const std::string_view value = pair.substr(eq + 1);
    if (key == "sel" && !have_selection) {
      selection = percent_decode(value);
      have_selection = true;
    } else if (key == "ok" && !have_accepted) {
      accepted = decision_list(value);
      have_accepted = true;
    } else if (key == "skip" && !have_skipped) {
      skipped = decision_list(value);
      have_skipped = true;
    }
  }
  return Route::upgrade(from, selection, std::move(accepted), std::move(skipped));
}

std::string decision_text(const std::vector<std::string>& entries) {
  std::string out;
  for (const std::string& entry : entries) {
    if (!out.empty()) out += ',';
    out += percent_encode(entry);
  }
  return out;
}

Route not_found(std::string_view hash) {
  Route route;
  route.type = RouteType::NotFound;
  // Repaired but not cut: a cut could turn garbage into a valid route ("#/about////x").
  route.text = valid_utf8(hash);
  return route;
}

}  // namespace

Route Route::home() {
  return Route{};
}

Route Route::object(std::string_view id) {
  Route route;
  route.type = RouteType::Object;
  auto key = parse_id(id);
  route.id = key ? canonical_id(*key) : bounded_text(id);
  return route;
}

Route Route::matrix(MatrixSide side, std::string_view highlight, std::string_view selection) {
  Route route;
  route.type = RouteType::Matrix;
  route.side = side;
  route.highlight = highlight_source(highlight);
  route.selection = bounded_text(selection, kMaxSelectionCodeBytes + 1);
  return route;
}

Route Route::search(std::string_view query, KindMask kinds) {
  Route route;
  route.type = RouteType::Search;
  route.query = bounded_text(query, kMaxRouteQuery);
  route.kinds = kinds & kAllKinds;
  return route;
}

Route Route::kind_list(Kind kind) {
  Route route;
  route.type = RouteType::KindList;
  route.kind = kind;
  return route;
}

Route Route::about() {
  Route route;
  route.type = RouteType::About;
  return route;
}

Route Route::history(std::string_view id) {
  Route route = Route::object(id);
  route.type = RouteType::History;
  return route;
}

Route Route::upgrade(std::string_view from, std::string_view selection, std::vector<std::string> accepted,
                     std::vector<std::string> skipped) {
  Route route;
  route.type = RouteType::Upgrade;
  if (is_release_key(from)) route.from = ascii_lower_case(from);
  route.selection = bounded_text(selection, kMaxSelectionCodeBytes + 1);
  // Through the parser's rules, so that a route made here prints and parses back the same.
  route.accepted = decision_list(decision_text(accepted));
  route.skipped = decision_list(decision_text(skipped));
  return route;
}

Route Route::changes(std::string_view from, std::string_view to, std::string_view show) {
  Route route;
  route.type = RouteType::Changes;
  if (is_release_key(from) && is_release_key(to)) {
    route.from = ascii_lower_case(from);
    route.to = ascii_lower_case(to);
  }
  for (std::size_t g = 0; g < kChangeGroupCount; ++g)
    if (show == change_group_name(static_cast<ChangeGroup>(g))) route.show = std::string(show);
  return route;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (is_unreserved(c)) {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      bytes += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
               hex_digit_value(text[i + 2]) >= 0) {
      bytes += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      bytes += c;
    }
  }
  return valid_utf8(bytes);
}

bool is_release_key(std::string_view text) {
  if (text.empty() || text.size() > kMaxReleaseKey || !is_ascii_digit(text.front())) return false;
  for (char c : text)
    if (!is_ascii_digit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '.' && c != '-') return false;
  return true;
}

namespace {

// The route of a hash (`body`: the hash without its release segment, if any).
Route parse_page_route(std::string_view hash, std::string_view body) {
  if (!body.empty() && body.front() == '#') body.remove_prefix(1);
  if (!body.empty() && body.front() == '/') body.remove_prefix(1);
  std::size_t question = body.find('?');
  std::string_view path = body.substr(0, question);
  std::string_view query_string = question == std::string_view::npos ? std::string_view() : body.substr(question + 1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);

  if (path.empty()) return Route::home();
  std::vector<std::string> segments;
  for (std::string_view segment : split(path, '/')) segments.push_back(percent_decode(segment));
  const std::string first = ascii_lower_case(segments[0]);

  if (segments.size() == 1) {
    if (first == "about") return Route::about();
    if (first == "matrix") return matrix_route(MatrixSide::Red, query_string);
    if (first == "search") return search_route(query_string);
    if (first == "changes") return changes_route({}, query_string);
    if (parse_id(segments[0])) return Route::object(segments[0]);
  } else if (segments.size() == 2) {
    const std::string second = ascii_lower_case(segments[1]);
    if (first == "matrix" && second == "red") return matrix_route(MatrixSide::Red, query_string);
    if (first == "matrix" && second == "blue") return matrix_route(MatrixSide::Blue, query_string);
    if (first == "kind")
      if (auto kind = kind_from_name(second)) return Route::kind_list(*kind);
    if (first == "changes") {
      Route route = changes_route(segments[1], query_string);
      if (!route.from.empty()) return route;
    }
    if (first == "history" && parse_id(segments[1])) return Route::history(segments[1]);
    if (first == "upgrade" && is_release_key(segments[1])) return upgrade_route(segments[1], query_string);
  }
  return not_found(hash);
}

// The hash of the page, without its release.
std::string print_page_route(const Route& route) {
  switch (route.type) {
    case RouteType::Home:
      return "#/";
    case RouteType::Object:
      return "#/" + percent_encode(route.id);
    case RouteType::Matrix: {
      std::string out = "#/matrix/" + std::string(matrix_side_name(route.side));
      char separator = '?';
      if (!route.highlight.empty()) {
        // ':' may stand in a fragment as it is, which keeps "hl=search:deepfake" readable.
        if (route.highlight.starts_with(kSearchHighlightPrefix))
          out +=
              "?hl=search:" + percent_encode(std::string_view(route.highlight).substr(kSearchHighlightPrefix.size()));
        else
          out += "?hl=" + percent_encode(route.highlight);
        separator = '&';
      }
      if (!route.selection.empty()) {
        out += separator;
        out += "sel=" + percent_encode(route.selection);
        separator = '&';
      }
      if (!route.from.empty()) {
        out += separator;
        out += "since=" + route.from;
      }
      return out;
    }
    case RouteType::Search: {
      std::string out = "#/search";
      char separator = '?';
      if (!route.query.empty()) {
        out += "?q=" + percent_encode(route.query);
        separator = '&';
      }
      if (route.kinds != 0) {
        out += separator;
        out += "kind=";
        bool first = true;
        for (const auto& info : all_kinds()) {
          if (!(route.kinds & kind_bit(info.kind))) continue;
          if (!first) out += ',';
          out += info.name;
          first = false;
        }
      }
      return out;
    }
    case RouteType::KindList:
      return "#/kind/" + std::string(kind_name(route.kind));
    case RouteType::About:
      return "#/about";
    case RouteType::History:
      return "#/history/" + percent_encode(route.id);
    case RouteType::Changes: {
      std::string out = "#/changes";
      if (!route.from.empty()) out += "/" + route.from + ".." + route.to;
      if (!route.show.empty()) out += "?show=" + route.show;
      return out;
    }
    case RouteType::Upgrade: {
      std::string out = "#/upgrade/" + route.from;
      char separator = '?';
      auto add = [&](std::string_view key, const std::string& value) {
        if (value.empty()) return;
        out += separator;
        out += key;
        out += '=';
        out += value;
        separator = '&';
      };
      add("sel", percent_encode(route.selection));
      add("ok", decision_text(route.accepted));
      add("skip", decision_text(route.skipped));
      return out;
    }
    case RouteType::NotFound:
      return route.text;
  }
  return "#/";
}

}  // namespace

Route parse_route(std::string_view hash) {
  std::string_view body = hash;
  if (!body.empty() && body.front() == '#') body.remove_prefix(1);
  if (!body.empty() && body.front() == '/') body.remove_prefix(1);
  const std::size_t end = std::min(body.find('/'), body.find('?'));
  const std::string_view first = body.substr(0, end);
  if (!is_release_key(first)) return parse_page_route(hash, body);
  Route route = parse_page_route(hash, end == std::string_view::npos ? std::string_view() : body.substr(end));
  route.release = ascii_lower_case(first);
  return route;
}

std::string print_route(const Route& route) {
  std::string page = print_page_route(route);
  // A NotFound route keeps its hash as given, release and all.
  if (route.release.empty() || route.type == RouteType::NotFound) return page;
  if (route.type == RouteType::Home) return "#/" + route.release;
  return "#/" + route.release + page.substr(1);
}

}  // namespace disarm
