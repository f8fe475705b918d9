// The page a route shows, built once per navigation: every consumer (the views that draw it,
// the screen-reader mirror, print, window.disarm.state(), the document title) takes this one
// value, so none of them decides again what a route means.
//
// To add a kind of page: a Route type (route.hpp), a struct here and in PageModel, its case
// in build_page(), and its arm in each visit (the compiler names any that are missing).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "disarm/io/catalogue.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/pages/highlight.hpp"
#include "disarm/pages/matrix_model.hpp"
#include "disarm/model/model.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/pages/route.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/selection/selection_upgrade.hpp"

namespace disarm {

// The start page: the framework's provenance, counts per kind and every object.
struct HomePage {};

// The data's provenance and the viewer's keys.
struct AboutPage {
  std::vector<CatalogueEntry> releases;  // the catalogue's, in its order
  std::string shown;                     // the key of the release shown
  std::string default_key;               // the one an address without a release shows
};

// What changed between two releases of the catalogue.
struct ChangesPage {
  std::string from, to;  // the releases' keys, older first
  std::string show;      // the group shown (change_group_name); empty for all
  std::string problem;   // why there is nothing to compare ("one release only"); empty if none
  ReleaseDiff diff;
  // Per diff.changes entry, the word diff of its summary where it changed (else empty).
  std::vector<WordDiff> summaries;
  // The other releases one may compare, by key, for the page's pickers.
  std::vector<std::string> keys;
  // The entries of diff.changes shown: in `show`'s group, or all.
  std::vector<std::size_t> shown;
  // The newer release's framework (the catalogue's, which outlives the page), for its words
  // and the exports' Navigator layer; null when there is a problem.
  const Framework* newer = nullptr;
};

// One object in every release of the catalogue: "#/history/T0019".
struct HistoryEntry {
  std::string key;      // the release's
  std::string label;    // "1.6 (DISARM Red/Blue 1.x)"
  bool holds = false;   // the release defines the object
  std::string name;     // its name there
  // Against the previous release of the same framework in the catalogue: "added", "removed",
  // or what changed ("name", "tactic", "summary", "incidents"...); empty when nothing did, or
  // when there is no previous one.
  std::vector<std::string> changes;
  std::string problem;  // why the release could not be read; empty if it could
};

struct HistoryPage {
  std::string id;
  std::vector<HistoryEntry> entries;  // in the catalogue's order, newest first
};

// A selection made on an older release carried forward into the one shown, with the decisions
// its address holds: "#/upgrade/0.9?sel=CODE&ok=...&skip=...".
struct UpgradePage {
  std::string from, to;  // the releases' keys, older first
  std::string code;      // the older selection's share code, as the address gives it
  // Why there is nothing to review (an unknown release, a code that does not decode...);
  // empty if none. With a problem, `upgrade` is empty.
  std::string problem;
  // Decisions in the address that were left out, each a sentence naming the entry and why.
  std::vector<std::string> notes;
  SelectionUpgrade upgrade;
};

// The address of `page` with `decisions` (its upgrade, decided further): what the view opens
// when the analyst accepts or skips, so that the address always resumes the review.
Route upgrade_route(const UpgradePage& page, const SelectionUpgrade& decisions);

// The matrix's cells that changed since an older release, by ID: each a mask of ChangeGroup
// bits (1 << group).
// The sub-techniques under one parent that changed: what a folded parent's cell stands for.
struct FoldedChanges {
  unsigned groups = 0;  // every ChangeGroup bit of any of them
  unsigned count = 0;
};

struct MatrixChanges {
  std::string since;    // the older release's key; empty: no overlay
  std::string problem;  // why there is none although one was asked for
  std::unordered_map<std::string, unsigned> groups;
  std::unordered_map<std::string, FoldedChanges> below;  // by the parent's ID
  std::size_t removed = 0;  // techniques (or counters) of the older release this one lacks
};

struct MatrixPage {
  MatrixModel model;
  MatrixHighlight highlight;  // red only; empty for none
  MatrixChanges changes;
};

// The most hits a search page holds, best first.
inline constexpr std::size_t kSearchPageHits = 500;

struct SearchPage {
  std::string query;
  KindMask kinds = 0;                              // the kind chips that are on; 0 means all
  std::vector<SearchHit> hits;                     // best first, of the kinds shown
  std::array<std::size_t, kKindCount> per_kind{};  // hits of each kind, before the chips narrow them
  bool capped = false;                             // the search stopped at kSearchPageHits
};

// A route to an object the framework lacks, or one that means nothing.
struct NotFoundPage {
  std::string text;                      // the ID or text asked for
  std::vector<ObjectIndex> suggestions;  // suggest_ids(), best first
  // Why, when it is not a missing page of the framework shown: "This viewer holds no
  // release “9.9”; it holds 1.6, 1.4." Empty otherwise.
  std::string reason;
  // The text is an ID and the catalogue holds other releases: "#/history/ID" may find it.
  bool history = false;
};

inline constexpr std::size_t kNotFoundSuggestions = 8;

using PageModel = std::variant<HomePage, ObjectPage, MatrixPage, SearchPage, KindPage, AboutPage, ChangesPage,
                               HistoryPage, UpgradePage, NotFoundPage>;

struct Page {
  std::string title;  // the document's: "T0086 Make synthetic images – DISARM"
  PageModel model;
};

// `index` is asked for only by a search page or a matrix that highlights a search. The
// About page lists the `catalogue`'s releases, `shown` among them.
Page build_page(const Framework& framework, const SearchIndexSource& index, const Route& route,
                const Catalogue* catalogue = nullptr, std::string_view shown = {});

// "This viewer holds 5 releases. An address that names none shows 1.6, the newest release of
// DISARM Red/Blue 1.x.": the About page's words on its releases, for the view and the mirror.
std::string releases_sentence(const AboutPage& page);

// The page of a route whose release the catalogue lacks (or cannot load: `error`), naming
// the releases it holds.
Page release_not_found_page(const Route& route, const Catalogue& catalogue, const Error* error = nullptr);

// For std::visit over a PageModel: one lambda per kind of page.
template <class... Arms>
struct PageVisitor : Arms... {
  using Arms::operator()...;
};
template <class... Arms>
PageVisitor(Arms...) -> PageVisitor<Arms...>;

}  // namespace disarm
