#include "disarm/pages/page_mirror.hpp"

#include "disarm/pages/matrix_model.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/pages/print_html.hpp"
#include "disarm/version.hpp"

namespace disarm {

namespace {

// A link to `route`, in `release` when the route names none.
std::string route_link(Route route, std::string_view text, std::string_view release = {}) {
  if (route.release.empty()) route.release = std::string(release);
  return "<a href=\"" + html_escape(print_route(route)) + "\">" + html_escape(text) + "</a>";
}

// A list of items at two levels, each sub-item in a list inside its parent's item. A
// sub-item with no parent before it is listed at the top level.
class TwoLevelList {
 public:
  explicit TwoLevelList(std::string& out) : out_(out) { out_ += "<ul>\n"; }
  // Starts an item; its content follows.
  void item(bool child) {
    if (started_ && child && !sub_) {
      out_ += "\n<ul>\n";
      sub_ = true;
    } else if (started_) {
      out_ += "</li>\n";
      if (!child && sub_) out_ += "</ul></li>\n";
      sub_ = sub_ && child;
    }
    started_ = true;
    out_ += "<li>";
  }
  void finish() {
    if (started_) out_ += sub_ ? "</li>\n</ul></li>\n" : "</li>\n";
    out_ += "</ul>\n";
  }

 private:
  std::string& out_;
  bool started_ = false;
  bool sub_ = false;
};

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string home_html(const Framework& framework, std::string_view release) {
  const Provenance& p = framework.provenance();
  std::string out = "<h1>" + html_escape(p.name.empty() ? std::string("DISARM framework") : p.name) + "</h1>\n";
  out += "<p>Source: " + (p.source.empty() ? std::string("unknown") : address_html(p.source)) +
         ". Licence: " + html_escape(p.licence) + ".</p>\n";
  if (!p.attribution.empty()) out += "<p>" + html_escape(p.attribution) + "</p>\n";
  out += "<h2>Matrices</h2>\n<ul>\n<li>" + route_link(Route::matrix(MatrixSide::Red), "Red framework", release) +
         framework.release().vocabulary.reword(": techniques by tactic") + "</li>\n<li>" +
         route_link(Route::matrix(MatrixSide::Blue), "Blue framework", release) +
         framework.release().vocabulary.reword(": counters by tactic") + "</li>\n</ul>\n";
  out += "<h2>Objects by kind</h2>\n<ul>\n";
  for (const KindInfo& k : all_kinds())
    out += "<li>" + route_link(Route::kind_list(k.kind), std::string(framework.kind_plural(k.kind)), release) + " (" +
           std::to_string(framework.count(k.kind)) + ")</li>\n";
  out += "</ul>\n";
  return out;
}

// The catalogue, each release a link to its start page, and which one is the default.
std::string releases_html(const AboutPage& page) {
  if (page.releases.size() < 2) return {};
  std::string out = "<h2>Releases</h2>\n<p>" + html_escape(releases_sentence(page)) + "</p>\n<ul>\n";
  for (const CatalogueEntry& e : page.releases) {
    Route start = Route::home();
    start.release = e.key;
    out += "<li>" + route_link(start, e.label()) + (e.key == page.shown ? " (shown)" : "") + "</li>\n";
  }
  return out + "</ul>\n";
}

std::string about_html(const Framework& framework, const AboutPage& page) {
  const Provenance& p = framework.provenance();
  std::string out =
      "<h1>About this viewer</h1>\n<p>A fast, offline browser for the DISARM framework of disinformation tactics, "
      "techniques and counters. Everything runs in this page: nothing is sent anywhere.</p>\n";
  out += "<h2>The data shown</h2>\n<ul>\n<li>" +
         html_escape(p.name.empty() ? std::string("Unnamed framework") : p.name) + "</li>\n";
  if (!p.source.empty()) out += "<li>Source: " + address_html(p.source) + "</li>\n";
  if (!p.commit.empty()) out += "<li>Upstream commit: " + html_escape(p.commit) + "</li>\n";
  if (!p.date.empty()) out += "<li>Date: " + html_escape(p.date) + "</li>\n";
  out += "<li>Licence: " + html_escape(p.licence);
  if (!p.licence_url.empty()) out += " " + address_html(p.licence_url);
  out += "</li>\n";
  if (!p.attribution.empty()) out += "<li>" + html_escape(p.attribution) + "</li>\n";
  out += "<li>" + counted(framework.defined_object_count(), "object", "objects") + ", " +
         counted(framework.relations().size(), "relation", "relations") + ".</li>\n</ul>\n";
  out += releases_html(page);
  out +=
      "<h2>Keys</h2>\n<ul>\n<li>/ or Ctrl+K: search. Up and Down: move through results. Enter: open. Esc: "
      "clear.</li>\n<li>Alt+Left and Alt+Right, or the browser's buttons: back and forward.</li>\n</ul>\n";
  out += "<h2>The viewer</h2>\n<p>Version " + html_escape(kVersion) +
         ". Its code is MIT-licensed; the DISARM data is not covered by that licence.</p>\n";
  return out;
}

std::string kind_list_html(const KindPage& page, std::string_view release) {
  std::string out =
      "<h1>" + html_escape(page.title) + "</h1>\n<p>" + counted(page.entries.size(), "object", "objects") + ".</p>\n";
  TwoLevelList list(out);
  for (const KindPageEntry& e : page.entries) {
    list.item(e.depth > 0);
    out += object_link_html(e.id, e.id, release);
    if (!e.name.empty()) (out += ' ') += html_escape(e.name);
    if (!e.has_page)
      out += " (no datasheet upstream)";
    else if (!e.indexed)
      out += " (in no upstream index)";
    if (!e.summary.empty()) out += ": " + html_escape(e.summary);
  }
  list.finish();
  return out;
}

std::string search_html(const Framework& framework, const SearchPage& page, std::string_view release) {
  const std::vector<SearchHit>& hits = page.hits;
  std::string out = "<h1>Search: " + html_escape(page.query) + "</h1>\n<p>" +
                    counted(hits.size(), "result", "results") +
                    (page.capped ? " (the best " + std::to_string(kSearchPageHits) + ")" : "") + ".</p>\n";
  if (std::string notice = search_query_limit_notice(page.query); !notice.empty())
    out += "<p>" + html_escape(notice) + "</p>\n";
  if (hits.empty()) return out;
  out += "<ol>\n";
  for (std::size_t i = 0; i < hits.size() && i < kMirrorSearchHits; ++i) {
    const Object& o = framework.object(hits[i].object);
    out += "<li>" + object_link_html(o.id, o.name.empty() ? o.id : o.id + " " + o.name, release) + " (" +
           html_escape(framework.kind_label(o.kind)) + ")";
    if (!hits[i].snippet.empty()) out += ": " + html_escape(hits[i].snippet);
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string not_found_html(const Framework& framework, const NotFoundPage& page, std::string_view release) {
  const std::string& what = page.text;
  std::string out = "<h1>Not found</h1>\n<p>" +
                    (page.reason.empty() ? "There is no page \xE2\x80\x9C" + html_escape(what) + "\xE2\x80\x9D in " +
                                               html_escape(framework.provenance().name) + "."
                                         : html_escape(page.reason)) +
                    "</p>\n";
  if (!page.suggestions.empty()) {
    out += "<h2>Perhaps you meant</h2>\n<ul>\n";
    for (ObjectIndex i : page.suggestions) {
      const Object& o = framework.object(i);
      out += "<li>" + object_link_html(o.id, o.name.empty() ? o.id : o.id + " " + o.name, release) + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!page.reason.empty()) return out + "<p>" + route_link(Route::home(), "Go to the start", release) + ".</p>\n";
  if (page.history) out += "<p>" + route_link(Route::history(what), "Look for it in the other releases") + ".</p>\n";
  return out + "<p>" + route_link(Route::search(what), "Search for it", release) + " or " +
         route_link(Route::home(), "go to the start", release) + ".</p>\n";
}

// A change's object as a link into the release that has it: the newer one, or the older one
// for an object removed.
std::string change_link_html(const ChangesPage& page, const ObjectChange& c) {
  Route route = Route::object(c.id);
  route.release = c.has(ChangeGroup::Removed) ? page.from : page.to;
  const std::string& name = c.new_name.empty() ? c.old_name : c.new_name;
  return route_link(route, name.empty() ? c.id : c.id + " " + name);
}

std::string changes_html(const ChangesPage& page) {
  std::string out =
      "<h1>Changes" +
      (page.from.empty() ? std::string() : " from " + html_escape(page.from) + " to " + html_escape(page.to)) +
      "</h1>\n";
  if (!page.problem.empty()) return out + "<p>" + html_escape(page.problem) + "</p>\n";
  if (std::string note = page.diff.mapping_note(); !note.empty()) out += "<p>" + html_escape(note) + "</p>\n";
  out += "<ul>\n";
  for (std::size_t g = 0; g < kChangeGroupCount; ++g) {
    const auto group = static_cast<ChangeGroup>(g);
    out += "<li>" + html_escape(change_group_label(group)) + ": " + std::to_string(page.diff.count(group)) + "</li>\n";
  }
  out += "</ul>\n<ol>\n";
  for (std::size_t i = 0; i < page.shown.size() && i < kMirrorSearchHits * 5; ++i) {
    const ObjectChange& c = page.diff.changes[page.shown[i]];
    out += "<li>" + change_link_html(page, c) + ": ";
    bool first = true;
    for (std::size_t g = 0; g < kChangeGroupCount; ++g)
      if (c.has(static_cast<ChangeGroup>(g))) {
        out += (first ? "" : ", ") + html_escape(change_group_name(static_cast<ChangeGroup>(g)));
        first = false;
      }
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string history_html(const HistoryPage& page) {
  std::string out = "<h1>" + html_escape(page.id) + " in every release</h1>\n<ul>\n";
  for (const HistoryEntry& e : page.entries) {
    Route in_release = Route::object(page.id);
    in_release.release = e.key;
    out += "<li>" + html_escape(e.label) + ": ";
    if (!e.problem.empty())
      out += "could not be read (" + html_escape(e.problem) + ")";
    else if (e.holds)
      out += route_link(in_release, e.name.empty() ? page.id : page.id + " " + e.name);
    else
      out += "not in this release";
    if (!e.changes.empty()) {
      out += "; ";
      for (std::size_t i = 0; i < e.changes.size(); ++i) out += (i ? ", " : "") + html_escape(e.changes[i]);
    }
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

std::string upgrade_item_html(const SelectedTechnique& t, std::string_view name, std::string_view release) {
  Route route = Route::object(t.id);
  route.release = std::string(release);
  std::string out = route_link(route, name.empty() ? t.id : t.id + " " + std::string(name));
  if (t.score) out += " (score " + std::to_string(*t.score) + ")";
  if (!t.comment.empty()) out += ": " + html_escape(t.comment);
  return out;
}

std::string upgrade_html(const UpgradePage& page) {
  std::string out =
      "<h1>Carry selection forward from " + html_escape(page.from) + " to " + html_escape(page.to) + "</h1>\n";
  if (!page.problem.empty()) return out + "<p>" + html_escape(page.problem) + "</p>\n";
  for (const std::string& note : page.notes) out += "<p>" + html_escape(note) + "</p>\n";
  const SelectionUpgrade& u = page.upgrade;
  out += "<p>" + html_escape(upgrade_progress(u)) + ". " + std::to_string(u.carried.size()) +
         " unchanged, carried over; " + std::to_string(u.removed.size()) + " removed.</p>\n";
  for (ChangeGroup group : kUpgradeGroups) {
    const std::vector<std::size_t> items = u.group(group);
    if (items.empty()) continue;
    out += "<h2>" + html_escape(change_group_label(group)) + "</h2>\n<ul>\n";
    for (std::size_t i : items) {
      const UpgradeItem& item = u.changed[i];
      out += "<li>" + upgrade_item_html(item.selected, item.newer.name, page.to) + ", " +
             html_escape(upgrade_decision_name(item.decision)) + ". Was " +
             html_escape(item.older.name.empty() ? item.selected.id : item.older.name);
      if (!item.older.tactic.empty()) out += " under " + html_escape(item.older.tactic);
      out += "; now " + html_escape(item.newer.name);
      if (!item.newer.tactic.empty()) out += " under " + html_escape(item.newer.tactic);
      out += ".</li>\n";
    }
    out += "</ul>\n";
  }
  if (!u.removed.empty()) {
    out += "<h2>Removed: not in " + html_escape(page.to) + "</h2>\n<ul>\n";
    for (const SelectedTechnique& t : u.removed) out += "<li>" + upgrade_item_html(t, {}, page.from) + "</li>\n";
    out += "</ul>\n";
  }
  if (!u.carried.empty()) {
    out += "<h2>Unchanged, carried over</h2>\n<ul>\n";
    for (const SelectedTechnique& t : u.carried) out += "<li>" + upgrade_item_html(t, {}, page.to) + "</li>\n";
    out += "</ul>\n";
  }
  return out;
}

}  // namespace

std::string matrix_mirror_html(const MatrixModel& matrix, const Vocabulary& words, std::string_view release) {
  const bool red = matrix.side == MatrixSide::Red;
  std::string out;
  out.reserve(matrix.cell_count() * 96);
  out += "<h1>" + words.reword(red ? "Red framework: techniques by tactic" : "Blue framework: counters by tactic") +
         "</h1>\n";
  const std::string_view counted_as = red ? "cited by " : "seen in ";
  for (const MatrixPhaseBand& band : matrix.phases) {
    // Columns without a phase sit under the page's h1 directly.
    const bool phased = band.phase.has_value();
    if (phased) out += "<h2>" + object_link_html(band.id, band.id, release) + " " + html_escape(band.name) + "</h2>\n";
    const std::string_view open = phased ? "<h3>" : "<h2>", close = phased ? "</h3>\n" : "</h2>\n";
    for (std::size_t c = band.first_column; c < band.first_column + band.column_count; ++c) {
      const MatrixTacticColumn& column = matrix.columns[c];
      out.append(open).append(object_link_html(column.id, column.id, release));
      if (!column.name.empty()) (out += ' ') += html_escape(column.name);
      out.append(close);
      if (column.cells.empty()) {
        out += "<p>None.</p>\n";
        continue;
      }
      TwoLevelList list(out);
      for (const MatrixCell& cell : column.cells) {
        list.item(cell.depth > 0);
        out += object_link_html(cell.id, cell.id, release);
        if (!cell.name.empty()) (out += ' ').append(html_escape(cell.name));
        if (cell.secondary) out += " (disputed: its own page places it elsewhere)";
        if (cell.incident_count > 0)
          out.append(", ")
              .append(counted_as)
              .append(counted(static_cast<std::size_t>(cell.incident_count), "incident", "incidents"));
      }
      list.finish();
    }
  }
  return out;
}

std::string page_mirror_html(const Framework& framework, const Page& page, std::string_view release) {
  return std::visit(
      PageVisitor{
          [&](const HomePage&) { return home_html(framework, release); },
          [&](const ObjectPage& p) { return object_page_html(framework, p, release); },
          [&](const MatrixPage& p) { return matrix_mirror_html(p.model, framework.release().vocabulary, release); },
          [&](const SearchPage& p) { return search_html(framework, p, release); },
          [&](const KindPage& p) { return kind_list_html(p, release); },
          [&](const AboutPage& p) { return about_html(framework, p); },
          [&](const ChangesPage& p) { return changes_html(p); },
          [&](const HistoryPage& p) { return history_html(p); },
          [&](const UpgradePage& p) { return upgrade_html(p); },
          [&](const NotFoundPage& p) { return not_found_html(framework, p, release); },
      },
      page.model);
}

}  // namespace disarm
