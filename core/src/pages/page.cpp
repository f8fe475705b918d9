#include "disarm/pages/page.hpp"

#include <algorithm>
#include <utility>

#include "disarm/model/similar_ids.hpp"
#include "disarm/selection/selection_fragment.hpp"

namespace disarm {

namespace {

constexpr std::string_view kTitleEnd = " \u2013 DISARM";

Page object_page(const Framework& framework, const Route& route) {
  if (auto i = framework.find(route.id)) {
    ObjectPage page = build_object_page(framework, *i);
    const Object& o = framework.object(*i);
    return {o.id + " " + o.name + std::string(kTitleEnd), std::move(page)};
  }
  return {route.id + " not found" + std::string(kTitleEnd),
          NotFoundPage{route.id, suggest_ids(framework, route.id, kNotFoundSuggestions), {}}};
}

// What changed in the matrix's kind (techniques, or counters) since release `since`.
MatrixChanges matrix_changes(const Framework& framework, MatrixSide side, const Catalogue* catalogue,
                             std::string_view since) {
  MatrixChanges out;
  out.since = std::string(since);
  if (since.empty()) return out;
  auto older = catalogue ? catalogue->framework(since) : Result<const Framework*>(Error{"no catalogue", ""});
  if (!older) {
    out.problem = "Changes since " + std::string(since) + " cannot be shown: " + older.error().describe() + ".";
    return out;
  }
  const Kind kind = side == MatrixSide::Red ? Kind::Technique : Kind::Counter;
  const ReleaseDiff diff = diff_releases(*older.value(), framework);
  for (const ObjectChange& c : diff.changes) {
    if (c.kind != kind) continue;
    if (c.has(ChangeGroup::Removed)) {
      ++out.removed;
      continue;
    }
    out.groups[c.id] = c.groups;
    if (auto key = parse_id(c.id); key && key->sub >= 0) {
      IdKey parent = *key;
      parent.sub = -1;
      FoldedChanges& folded = out.below[canonical_id(parent)];
      folded.groups |= c.groups;
      ++folded.count;
    }
  }
  return out;
}

Page matrix_page(const Framework& framework, const SearchIndexSource& index, const Route& route,
                 const Catalogue* catalogue) {
  const bool red = route.side == MatrixSide::Red;
  MatrixPage page{build_matrix(framework, route.side),
                  red ? matrix_highlight(framework, index, route.highlight) : MatrixHighlight{},
                  matrix_changes(framework, route.side, catalogue, route.from)};
  return {std::string(red ? "Red framework" : "Blue framework") + std::string(kTitleEnd), std::move(page)};
}

Page search_page(const Framework& framework, const SearchIndexSource& index, const Route& route) {
  SearchPage page;
  page.query = route.query;
  page.kinds = route.kinds;
  SearchOptions options;
  options.limit = kSearchPageHits;
  std::vector<SearchHit> all = index().search(route.query, options);
  page.capped = all.size() >= kSearchPageHits;
  for (SearchHit& hit : all) {
    const Kind kind = framework.object(hit.object).kind;
    ++page.per_kind[static_cast<std::size_t>(kind)];
    if (route.kinds == 0 || (route.kinds & kind_bit(kind))) page.hits.push_back(std::move(hit));
  }
  return {"Search: " + route.query + std::string(kTitleEnd), std::move(page)};
}

// The release before `key` in the catalogue's order (newest first) of the same framework.
std::string release_before(const Catalogue& catalogue, std::string_view key) {
  const CatalogueEntry* shown = catalogue.find(key);
  if (!shown) return {};
  bool past = false;
  for (const CatalogueEntry& e : catalogue.entries()) {
    if (past && e.framework == shown->framework && e.origin.empty()) return e.key;
    if (e.key == key) past = true;
  }
  return {};
}

Page history_page(const Route& route, const Catalogue* catalogue) {
  HistoryPage page;
  page.id = route.id;
  if (catalogue) {
    const auto& entries = catalogue->entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const CatalogueEntry& e = entries[i];
      HistoryEntry h;
      h.key = e.key;
      h.label = e.label();
      auto fw = catalogue->framework(e.key);
      if (!fw) {
        h.problem = fw.error().describe();
        page.entries.push_back(std::move(h));
        continue;
      }
      const Framework& here = *fw.value();
      const auto& only_named = here.placeholders();
      if (auto index = here.find(route.id);
          index && std::find(only_named.begin(), only_named.end(), route.id) == only_named.end()) {
        h.holds = true;
        h.name = here.object(*index).name;
      }
      // The previous release of the same framework: the next entry of it in the catalogue.
      for (std::size_t j = i + 1; j < entries.size(); ++j) {
        if (entries[j].framework != e.framework) continue;
        auto before = catalogue->framework(entries[j].key);
        if (!before) break;
        if (const std::optional<ObjectChange> c = diff_object(*before.value(), here, route.id)) {
          if (c->has(ChangeGroup::Added))
            h.changes = {"added"};
          else if (c->has(ChangeGroup::Removed))
            h.changes = {"removed"};
          else
            h.changes = c->fields();
        }
        break;
      }
      page.entries.push_back(std::move(h));
    }
  }
  return {route.id + " in every release" + std::string(kTitleEnd), std::move(page)};
}

// Two releases of the catalogue, or why one cannot be `verb` ("Release 0.9 cannot be read: ...").
struct ReleasePair {
  const Framework* older = nullptr;
  const Framework* newer = nullptr;
  std::string problem;
};

ReleasePair read_releases(const Catalogue& catalogue, const std::string& from, const std::string& to,
                          std::string_view verb) {
  auto older = catalogue.framework(from);
  auto newer = catalogue.framework(to);
  if (!older || !newer)
    return {nullptr, nullptr,
            "Release " + (!older ? from : to) + " cannot be " + std::string(verb) + ": " +
                (!older ? older : newer).error().describe() + "."};
  return {older.value(), newer.value(), {}};
}

Page changes_page(const Route& route, const Catalogue* catalogue, std::string_view shown_key) {
  ChangesPage page;
  page.show = route.show;
  page.from = route.from;
  page.to = route.to;
  if (catalogue) {
    for (const CatalogueEntry& e : catalogue->entries()) page.keys.push_back(e.key);
    if (page.from.empty()) {
      page.to = std::string(shown_key);
      page.from = release_before(*catalogue, shown_key);
    }
  }
  const std::string title =
      (page.from.empty() ? std::string("Changes") : "Changes " + page.from + " to " + page.to) + std::string(kTitleEnd);
  if (!catalogue || catalogue->entries().size() < 2) {
    page.problem = "This viewer holds one release only: there is nothing to compare it with.";
    return {title, std::move(page)};
  }
  if (page.from.empty()) {
    page.problem =
        "This viewer holds no older release of " + std::string(shown_key) + "'s framework: pick two releases.";
    return {title, std::move(page)};
  }
  const ReleasePair pair = read_releases(*catalogue, page.from, page.to, "compared");
  if (!pair.problem.empty()) {
    page.problem = pair.problem;
    return {title, std::move(page)};
  }
  page.newer = pair.newer;
  page.diff = diff_releases(*pair.older, *pair.newer);
  page.summaries.resize(page.diff.changes.size());
  for (std::size_t i = 0; i < page.diff.changes.size(); ++i) {
    const ObjectChange& c = page.diff.changes[i];
    if (c.summary_changed) page.summaries[i] = description_diff(*pair.older, *pair.newer, c.id);
    bool in_group = page.show.empty();
    for (std::size_t g = 0; g < kChangeGroupCount && !in_group; ++g)
      in_group = c.has(static_cast<ChangeGroup>(g)) && change_group_name(static_cast<ChangeGroup>(g)) == page.show;
    if (in_group) page.shown.push_back(i);
  }
  return {title, std::move(page)};
}

std::string held_releases(const Catalogue& catalogue) {
  std::string held;
  for (const CatalogueEntry& e : catalogue.entries()) held += (held.empty() ? "" : ", ") + e.key;
  return held.empty() ? std::string("none") : held;
}

// Why `from` cannot be carried into `to`, or empty when it can.
std::string upgrade_problem(const Catalogue* catalogue, const UpgradePage& page) {
  if (!catalogue) return "This viewer holds one release only: there is nothing to carry a selection forward from.";
  const CatalogueEntry* older = catalogue->find(page.from);
  const CatalogueEntry* newer = catalogue->find(page.to);
  if (!older || !newer)
    return "This viewer holds no release \u201C" + (older ? page.to : page.from) + "\u201D. It holds " +
           held_releases(*catalogue) + ".";
  if (older->key == newer->key)
    return "The selection was made on " + page.from + ", the release shown: there is nothing to carry forward.";
  if (older->framework != newer->framework)
    return "Release " + page.from + " is another framework than " + page.to +
           ": a selection is carried forward between releases of one framework only.";
  if (compare_versions(older->version, newer->version) >= 0)
    return "Release " + page.from + " is not older than " + page.to + ": a selection is carried forward only.";
  if (page.code.empty()) return "The address holds no selection to carry forward.";
  return {};
}

Page upgrade_page(const Route& route, const Catalogue* catalogue, std::string_view shown) {
  UpgradePage page;
  page.from = route.from;
  page.to = std::string(shown);
  page.code = route.selection;
  const std::string title = "Carry selection forward from " + page.from + " to " + page.to + std::string(kTitleEnd);
  page.problem = upgrade_problem(catalogue, page);
  if (!page.problem.empty()) return {title, std::move(page)};
  const ReleasePair pair = read_releases(*catalogue, page.from, page.to, "read");
  if (!pair.problem.empty()) {
    page.problem = pair.problem;
    return {title, std::move(page)};
  }
  auto selection = decode_shared_selection(page.code, pair.older->release().vocabulary.id_pattern(Kind::Technique));
  if (!selection) {
    page.problem = "The selection in the address could not be read (" + selection.error().describe() + ").";
    return {title, std::move(page)};
  }
  page.upgrade = plan_selection_upgrade(*pair.older, *pair.newer, selection.value());
  auto contains = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  auto apply = [&](const std::vector<std::string>& ids, const std::vector<std::string>& other,
                   UpgradeDecision decision) {
    for (const std::string& id : ids) {
      if (contains(other, id)) {
        if (decision == UpgradeDecision::Accepted)
          page.notes.push_back("\u201C" + id +
                               "\u201D is both accepted and skipped in the address: it is left to review.");
      } else if (!page.upgrade.decide(id, decision)) {
        page.notes.push_back("\u201C" + id +
                             "\u201D in the address is not among the changed techniques to review: its " +
                             (decision == UpgradeDecision::Accepted ? "acceptance" : "skip") + " was left out.");
      }
    }
  };
  apply(route.accepted, route.skipped, UpgradeDecision::Accepted);
  apply(route.skipped, route.accepted, UpgradeDecision::Skipped);
  return {title, std::move(page)};
}

}  // namespace

Route upgrade_route(const UpgradePage& page, const SelectionUpgrade& decisions) {
  std::vector<std::string> accepted, skipped;
  for (const UpgradeItem& item : decisions.changed) {
    if (item.decision == UpgradeDecision::Accepted) accepted.push_back(item.selected.id);
    if (item.decision == UpgradeDecision::Skipped) skipped.push_back(item.selected.id);
  }
  Route route = Route::upgrade(page.from, page.code, std::move(accepted), std::move(skipped));
  route.release = page.to;
  return route;
}

Page build_page(const Framework& framework, const SearchIndexSource& index, const Route& route,
                const Catalogue* catalogue, std::string_view shown) {
  switch (route.type) {
    case RouteType::Home:
      return {"DISARM framework viewer", HomePage{}};
    case RouteType::Object: {
      Page page = object_page(framework, route);
      // A missing object may be in another release of the catalogue.
      if (auto* missing = std::get_if<NotFoundPage>(&page.model))
        missing->history = catalogue && catalogue->entries().size() > 1;
      return page;
    }
    case RouteType::Matrix:
      return matrix_page(framework, index, route, catalogue);
    case RouteType::Search:
      return search_page(framework, index, route);
    case RouteType::KindList:
      return {std::string(framework.kind_plural(route.kind)) + std::string(kTitleEnd),
              build_kind_page(framework, route.kind)};
    case RouteType::About:
      return {"About \u2013 DISARM viewer",
              catalogue ? AboutPage{catalogue->entries(), std::string(shown), catalogue->default_key()} : AboutPage{}};
    case RouteType::Changes:
      return changes_page(route, catalogue, shown);
    case RouteType::History:
      return history_page(route, catalogue);
    case RouteType::Upgrade:
      return upgrade_page(route, catalogue, shown);
    case RouteType::NotFound:
      break;
  }
  return {"DISARM framework viewer",
          NotFoundPage{route.text, suggest_ids(framework, route.text, kNotFoundSuggestions), {}}};
}

Page release_not_found_page(const Route& route, const Catalogue& catalogue, const Error* error) {
  NotFoundPage page;
  page.text = route.release;
  const std::string held = held_releases(catalogue);
  if (error)
    page.reason = "Release \u201C" + route.release + "\u201D could not be loaded: " + error->describe() + ".";
  else
    page.reason = "This viewer holds no release \u201C" + route.release + "\u201D.";
  page.reason += " It holds " + held + ".";
  return {"Release " + route.release + " not found" + std::string(kTitleEnd), std::move(page)};
}

std::string releases_sentence(const AboutPage& page) {
  std::string out = "This viewer holds " + std::to_string(page.releases.size()) + " releases.";
  for (const CatalogueEntry& e : page.releases) {
    if (e.key != page.default_key) continue;
    out += " An address that names none shows " + (e.version.empty() ? e.key : e.version);
    out += e.framework == kRedBlueFramework ? ", the newest release of " + e.framework + "." : ".";
  }
  return out;
}

}  // namespace disarm
