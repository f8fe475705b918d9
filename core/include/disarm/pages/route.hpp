// Routes: what the URL hash means, so that every page has an address that can be shared,
// bookmarked and navigated back to.
//
//   "" "#" "#/"                         home
//   "#/T0154.002"                       an object (the ID is not case-sensitive)
//   "#/matrix/red" "#/matrix/blue"      a matrix
//   "#/matrix/red?hl=I00099"            ... lighting up what an object points at (highlight.hpp)
//   "#/matrix/red?hl=search:deep+fake"  ... or what a search finds
//   "#/matrix/red?sel=CODE"             ... opening a shared selection (selection_fragment.hpp)
//   "#/matrix/red?since=1.4"            ... marking the cells that changed since a release
//   "#/search?q=deep+fake&kind=incident,technique"
//   "#/kind/technique"                  every object of a kind
//   "#/about"
//   "#/changes/1.4..1.6"                what changed between two releases of the catalogue
//   "#/changes/1.4..1.6?show=moved"     ... one group of changes only
//   "#/changes"                         ... from the release before the one shown to it
//   "#/history/T0019"                   an object in every release of the catalogue
//   "#/upgrade/0.9?sel=CODE&ok=T0016&skip=T0086"
//                                       a selection made on release 0.9 carried forward into
//                                       the one shown, with the changed techniques accepted
//                                       and skipped so far (pages/page.hpp's UpgradePage)
//   "#/1.5/T0019" "#/2.0-beta/matrix/red"  any of the above in a release of the catalogue
//                                       (io/catalogue.hpp); without one, the default release
//   anything else                       NotFound, keeping the text
//
// parse_route() never fails and never throws; print_route() gives the canonical form, and
// parse_route(print_route(r)) == r for every route parse_route returns, and for every route
// the factory functions make from a well-formed ID.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/kind.hpp"
#include "disarm/pages/matrix_model.hpp"
#include "disarm/search/search_index.hpp"

namespace disarm {

enum class RouteType : unsigned char {
  Home,
  Object,
  Matrix,
  Search,
  KindList,
  About,
  Changes,
  History,
  Upgrade,
  NotFound
};

struct Route {
  RouteType type = RouteType::Home;
  std::string id;                     // Object, History: canonical ID (which the framework may lack)
  MatrixSide side = MatrixSide::Red;  // Matrix
  // Matrix: what to highlight, "I00099" (a canonical ID) or "search:QUERY"; empty for nothing.
  std::string highlight;
  // Matrix, Upgrade: a share code as given, to be decoded (and refused with a message) by the
  // viewer; one over kMaxSelectionCodeBytes is cut just past that limit, so that
  // decode_shared_selection names it.
  std::string selection;
  std::string query;            // Search: the text as typed, valid UTF-8, cut past kMaxRouteQuery
  KindMask kinds = 0;           // Search: the kinds to show; 0 means all
  Kind kind = Kind::Technique;  // KindList
  std::string text;             // NotFound: the hash as given, made valid UTF-8
  // Changes: the releases compared, by key (both empty: the one before the release shown,
  // and it), and the group shown ("added", "moved"...; empty for all). Matrix: `from` is the
  // release whose changes since are marked; empty for none. Upgrade: the release the
  // selection was made on.
  std::string from;
  std::string to;
  std::string show;
  // The catalogue's key of the release shown ("1.5"), lower case; empty for the default
  // release, so that every address published before releases keeps its meaning.
  std::string release;
  // Upgrade: the techniques accepted and skipped so far, as given: canonical when well-formed,
  // else the text (cut), so that the page can name what it does not know. In order, each once,
  // at most kMaxUpgradeDecisions.
  std::vector<std::string> accepted;
  std::vector<std::string> skipped;

  static Route home();
  static Route object(std::string_view id);  // canonical when `id` is well-formed
  // `highlight`: an ID (made canonical when well-formed) or "search:QUERY"; anything else,
  // and "search:" with no query, means no highlight.
  static Route matrix(MatrixSide side, std::string_view highlight = {}, std::string_view selection = {});
  static Route search(std::string_view query, KindMask kinds = 0);
  static Route kind_list(Kind kind);
  static Route about();
  // Keys that are not release keys, and a group that is none, are left out.
  static Route changes(std::string_view from = {}, std::string_view to = {}, std::string_view show = {});
  static Route history(std::string_view id);  // canonical when `id` is well-formed
  // `from`: a release key (else the route names none, and its page says so).
  static Route upgrade(std::string_view from, std::string_view selection, std::vector<std::string> accepted = {},
                       std::vector<std::string> skipped = {});

  friend bool operator==(const Route&, const Route&) = default;
};

// Longer IDs and highlight queries are cut (at a UTF-8 boundary) to this many bytes.
inline constexpr std::size_t kMaxRouteText = 1024;
// Search queries are cut (at a UTF-8 boundary) to this many bytes: one character more than
// is searched, so that the search page can tell that the rest of a query was left out.
inline constexpr std::size_t kMaxRouteQuery = kMaxSearchQueryBytes + 4;
inline constexpr std::string_view kSearchHighlightPrefix = "search:";
// An upgrade route's decisions: more than a selection of any size needs, few enough that a
// garbled address stays cheap. Each entry is cut to kMaxDecisionText bytes.
inline constexpr std::size_t kMaxUpgradeDecisions = 4096;
inline constexpr std::size_t kMaxDecisionText = 40;

// "1.5", "2.0-beta": the shape of a catalogue's release key, which a route's first segment
// may be. It starts with a digit, so it can never be an ID or a page's name.
bool is_release_key(std::string_view text);
inline constexpr std::size_t kMaxReleaseKey = 40;

Route parse_route(std::string_view hash);
std::string print_route(const Route& route);

// Percent-encoding for query values: unreserved ASCII stays, ' ' becomes '+', every other
// byte becomes %XX. Decoding takes '+' as space, leaves a '%' that starts no valid escape
// as it is, and replaces bytes that are not UTF-8 (and NUL) with U+FFFD.
std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);

}  // namespace disarm
