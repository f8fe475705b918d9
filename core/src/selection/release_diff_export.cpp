#include "disarm/selection/release_diff_export.hpp"

#include <algorithm>

#include "disarm/selection/navigator_layer.hpp"
#include "disarm/selection/selection_export.hpp"

namespace disarm {

namespace {

constexpr std::array<ChangeGroup, kChangeGroupCount> kGroups = {ChangeGroup::Added,       ChangeGroup::Removed,
                                                                ChangeGroup::Renamed,     ChangeGroup::Moved,
                                                                ChangeGroup::Description, ChangeGroup::Relations};
// The order in which a technique in several groups takes its colour: the most telling first.
constexpr std::array<ChangeGroup, 5> kColourOrder = {ChangeGroup::Added, ChangeGroup::Moved, ChangeGroup::Renamed,
                                                     ChangeGroup::Description, ChangeGroup::Relations};

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// "tactic TA02" for each move, before or after.
std::string places(const ObjectChange& change, bool after) {
  std::vector<std::string> out;
  for (const PlaceChange& move : change.moves) {
    const auto& ids = after ? move.newer : move.older;
    out.push_back(std::string(move.name()) + " " + (ids.empty() ? "none" : joined(ids, " ")));
  }
  return joined(out, "; ");
}

// "incidents: I00001 I00002; counters: C00001", the IDs gained (or lost) per relation.
std::string relations(const ObjectChange& change, bool gained) {
  std::vector<std::string> out;
  for (const LinkChange& link : change.links) {
    const auto& ids = gained ? link.added : link.removed;
    if (!ids.empty()) out.push_back(std::string(link.name()) + ": " + joined(ids, " "));
  }
  return joined(out, "; ");
}

// What of the text changed: "summary", a field's key, "references".
std::string texts(const ObjectChange& change) {
  std::vector<std::string> out;
  if (change.summary_changed) out.push_back("summary");
  out.insert(out.end(), change.changed_fields.begin(), change.changed_fields.end());
  return joined(out, ", ");
}

std::string name_of(const ObjectChange& change) {
  return change.new_name.empty() ? change.old_name : change.new_name;
}

std::string group_names(const ObjectChange& change) {
  std::vector<std::string> out;
  for (ChangeGroup group : kGroups)
    if (change.has(group)) out.emplace_back(change_group_name(group));
  return joined(out, " ");
}

std::string short_label(const DiffedRelease& release) {
  return release.version.empty() ? release.label() : release.version;
}

}  // namespace

std::string_view change_colour(ChangeGroup group) {
  switch (group) {
    case ChangeGroup::Added:
      return "#009e73";  // bluish green
    case ChangeGroup::Moved:
      return "#e69f00";  // orange
    case ChangeGroup::Renamed:
      return "#56b4e9";  // sky blue
    case ChangeGroup::Description:
      return "#f0e442";  // yellow
    case ChangeGroup::Relations:
      return "#cc79a7";  // reddish purple
    case ChangeGroup::Removed:
      break;
  }
  return "#d55e00";  // vermillion: not used on a layer, whose techniques all exist
}

std::string release_diff_markdown(const ReleaseDiff& diff, const Vocabulary& words) {
  std::string out =
      "# Changes from " + markdown_cell(diff.older.label()) + " to " + markdown_cell(diff.newer.label()) + "\n\n";
  if (diff.across_frameworks) out += markdown_cell(diff.mapping_note()) + "\n\n";
  if (diff.unpublished_kinds) out += markdown_cell(diff.unpublished_note(words)) + "\n\n";
  out += std::to_string(diff.compared) + " objects in both releases; " + std::to_string(diff.changes.size()) +
         " changed, added or removed.\n\n";

  out += "| Kind |";
  for (ChangeGroup group : kGroups) (out += ' ').append(change_group_label(group)) += " |";
  out += "\n| --- |";
  for (std::size_t g = 0; g < kGroups.size(); ++g) out += " ---: |";
  out += "\n";
  for (const KindInfo& kind : all_kinds()) {
    bool any = false;
    for (ChangeGroup group : kGroups) any = any || diff.count(kind.kind, group) > 0;
    if (!any) continue;
    (out += "| ").append(words.plural(kind.kind)) += " |";
    for (ChangeGroup group : kGroups) ((out += ' ') += std::to_string(diff.count(kind.kind, group))) += " |";
    out += "\n";
  }

  auto section = [&](ChangeGroup group, std::vector<std::string_view> header, auto row) {
    const std::size_t n = diff.count(group);
    if (n == 0) return;
    out += "\n## " + std::string(change_group_label(group)) + " (" + std::to_string(n) + ")\n\n|";
    for (std::string_view title : header) (out += ' ').append(title) += " |";
    out += "\n|";
    for (std::size_t i = 0; i < header.size(); ++i) out += " --- |";
    out += "\n";
    for (const ObjectChange& change : diff.changes) {
      if (!change.has(group)) continue;
      out += "|";
      for (const std::string& cell : row(change)) (out += ' ').append(markdown_cell(cell)) += " |";
      out += "\n";
    }
  };
  auto kind = [&](const ObjectChange& c) { return std::string(words.singular(c.kind)); };
  section(ChangeGroup::Added, {"ID", "Kind", "Name"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, kind(c), c.new_name};
  });
  section(ChangeGroup::Removed, {"ID", "Kind", "Name"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, kind(c), c.old_name};
  });
  section(ChangeGroup::Renamed, {"ID", "Kind", "Old name", "New name"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, kind(c), c.old_name, c.new_name};
  });
  section(ChangeGroup::Moved, {"ID", "Name", "From", "To"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, name_of(c), places(c, false), places(c, true)};
  });
  section(ChangeGroup::Description, {"ID", "Name", "Changed"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, name_of(c), texts(c)};
  });
  section(ChangeGroup::Relations, {"ID", "Name", "Gained", "Lost"}, [&](const ObjectChange& c) {
    return std::vector<std::string>{c.id, name_of(c), relations(c, true), relations(c, false)};
  });
  return out;
}

std::string release_diff_csv(const ReleaseDiff& diff, const Vocabulary& words) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  line({"ID", "Kind", "Changes", "Old name", "New name", "Moved from", "Moved to", "Fields", "Relations added",
        "Relations removed"});
  for (const ObjectChange& c : diff.changes)
    line({c.id, std::string(words.singular(c.kind)), group_names(c), c.old_name, c.new_name, places(c, false),
          places(c, true), texts(c), relations(c, true), relations(c, false)});
  return out;
}

std::string release_diff_layer(const ReleaseDiff& diff, const Framework& newer) {
  LayerContent content;
  content.name = "DISARM changes " + short_label(diff.older) + " to " + short_label(diff.newer);
  std::array<std::size_t, kChangeGroupCount> coloured{};
  std::vector<std::string> removed;
  for (const ObjectChange& c : diff.changes) {
    if (c.kind != Kind::Technique) continue;
    if (c.has(ChangeGroup::Removed)) {
      removed.push_back(c.id);
      continue;
    }
    const ChangeGroup colour =
        *std::find_if(kColourOrder.begin(), kColourOrder.end(), [&](ChangeGroup g) { return c.has(g); });
    ++coloured[static_cast<std::size_t>(colour)];
    std::vector<std::string> notes;
    if (c.has(ChangeGroup::Added)) notes.push_back("Added in " + short_label(diff.newer) + ".");
    if (c.has(ChangeGroup::Moved)) notes.push_back("Moved from " + places(c, false) + " to " + places(c, true) + ".");
    if (c.has(ChangeGroup::Renamed)) notes.push_back("Renamed from \"" + c.old_name + "\".");
    if (c.has(ChangeGroup::Description)) notes.push_back("Changed: " + texts(c) + ".");
    if (c.has(ChangeGroup::Relations)) {
      std::string gained = relations(c, true), lost = relations(c, false);
      notes.push_back("Relations" + (gained.empty() ? "" : " gained " + gained) +
                      (gained.empty() || lost.empty() ? "" : ",") + (lost.empty() ? "" : " lost " + lost) + ".");
    }
    content.techniques.push_back({c.id, std::nullopt, std::string(change_colour(colour)), joined(notes, " ")});
  }
  for (ChangeGroup group : kColourOrder)
    content.legend.push_back({std::string(change_group_label(group)), std::string(change_colour(group))});

  std::string& d = content.description;
  d = "Changes from " + diff.older.label() + " to " + diff.newer.label() + ", techniques coloured by change:";
  for (ChangeGroup group : kColourOrder) {
    d += ' ';
    d += std::to_string(coloured[static_cast<std::size_t>(group)]);
    d += ' ';
    d += change_group_name(group);
    d += group == ChangeGroup::Relations ? '.' : ',';
  }
  if (!removed.empty())
    d += " Removed, so not in this release's matrix (" + std::to_string(removed.size()) +
         "): " + joined(removed, ", ") + ".";
  if (diff.across_frameworks) d += " " + diff.mapping_note();
  if (diff.unpublished_kinds) d += " " + diff.unpublished_note(newer.release().vocabulary);
  return write_navigator_layer(newer, content);
}

}  // namespace disarm
