#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_line.hpp"
#include "disarm/model/release_diff.hpp"
#include "disarm/selection/release_diff_export.hpp"

namespace disarm::shell {

namespace {

using ojson = nlohmann::ordered_json;

constexpr std::size_t kWidth = 80;  // the terminal width ID lists are wrapped to

ojson release_json(const DiffedRelease& release) {
  return {{"framework", release.framework},
          {"version", release.version},
          {"date", release.date},
          {"commit", release.commit}};
}

std::string ids_joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
  return out.empty() ? "none" : out;
}

ojson diff_json(const ReleaseDiff& diff) {
  ojson out = {{"old", release_json(diff.older)}, {"new", release_json(diff.newer)}};
  ojson added = ojson::array(), removed = ojson::array(), renamed = ojson::array(), moved = ojson::array(),
        changed = ojson::array();
  for (const ObjectChange& c : diff.changes) {
    if (c.has(ChangeGroup::Added)) added.push_back(c.id);
    if (c.has(ChangeGroup::Removed)) removed.push_back(c.id);
    if (c.has(ChangeGroup::Renamed)) renamed.push_back({{"id", c.id}, {"old", c.old_name}, {"new", c.new_name}});
    for (const PlaceChange& move : c.moves)
      moved.push_back({{"id", c.id}, {"old", ids_joined(move.older)}, {"new", ids_joined(move.newer)}});
    if (auto fields = c.fields(); !fields.empty()) changed.push_back({{"id", c.id}, {"fields", fields}});
  }
  out["added"] = std::move(added);
  out["removed"] = std::move(removed);
  out["renamed"] = std::move(renamed);
  out["moved"] = std::move(moved);
  out["changed"] = std::move(changed);
  if (diff.across_frameworks) {
    out["across_frameworks"] = true;
    out["unmatched"] = {{"old", diff.unmatched_older}, {"new", diff.unmatched_newer}};
    out["note"] = diff.mapping_note();
  }
  if (diff.unpublished_kinds) {
    ojson kinds = ojson::array();
    for (const KindInfo& kind : all_kinds())
      if (diff.unpublished_kinds & kind_bit(kind.kind)) kinds.push_back(kind.name);
    out["unpublished"] = std::move(kinds);
  }
  return out;
}

// Prints `items` after `indent`, as many to a line as fit in kWidth.
void print_wrapped(const std::vector<std::string>& items, std::size_t indent) {
  std::string line(indent, ' ');
  for (const std::string& item : items) {
    if (line.size() > indent && line.size() + 1 + item.size() > kWidth) {
      std::printf("%s\n", line.c_str());
      line.assign(indent, ' ');
    }
    if (line.size() > indent) line += ' ';
    line += item;
  }
  if (line.size() > indent) std::printf("%s\n", line.c_str());
}

std::string release_line(const DiffedRelease& release) {
  std::string line = release.label();
  if (!release.date.empty() && line.find(release.date) == std::string::npos) line += " (" + release.date + ")";
  return line;
}

void print_summary(const ReleaseDiff& diff, const Vocabulary& words) {
  std::printf("from %s\nto   %s\n", release_line(diff.older).c_str(), release_line(diff.newer).c_str());
  if (diff.across_frameworks) std::printf("%s\n", diff.mapping_note().c_str());
  if (diff.unpublished_kinds) std::printf("%s\n", diff.unpublished_note(words).c_str());
  std::printf("%zu objects in both; %zu added, removed or changed\n\n", diff.compared, diff.changes.size());

  std::printf("  %-18s", "");
  for (std::size_t g = 0; g < kChangeGroupCount; ++g)
    std::printf(" %11.*s", int(change_group_name(ChangeGroup(g)).size()), change_group_name(ChangeGroup(g)).data());
  std::printf("\n");
  for (const KindInfo& kind : all_kinds()) {
    bool any = false;
    for (std::size_t g = 0; g < kChangeGroupCount; ++g) any = any || diff.count(kind.kind, ChangeGroup(g));
    if (!any) continue;
    std::string_view plural = words.plural(kind.kind);
    std::printf("  %-18.*s", int(plural.size()), plural.data());
    for (std::size_t g = 0; g < kChangeGroupCount; ++g) std::printf(" %11zu", diff.count(kind.kind, ChangeGroup(g)));
    std::printf("\n");
  }
  std::printf("  %-18s", "All");
  for (std::size_t g = 0; g < kChangeGroupCount; ++g) std::printf(" %11zu", diff.count(ChangeGroup(g)));
  std::printf("\n");

  for (std::size_t g = 0; g < kChangeGroupCount; ++g) {
    const auto group = ChangeGroup(g);
    if (!diff.count(group)) continue;
    std::printf("\n%s (%zu):\n", std::string(change_group_label(group)).c_str(), diff.count(group));
    std::vector<std::string> ids;
    for (const ObjectChange& c : diff.changes) {
      if (!c.has(group)) continue;
      if (group == ChangeGroup::Renamed) {
        std::printf("  %s  \"%s\" -> \"%s\"\n", c.id.c_str(), c.old_name.c_str(), c.new_name.c_str());
      } else if (group == ChangeGroup::Moved) {
        for (const PlaceChange& move : c.moves)
          std::printf("  %s  %.*s %s -> %s\n", c.id.c_str(), int(move.name().size()), move.name().data(),
                      ids_joined(move.older).c_str(), ids_joined(move.newer).c_str());
      } else {
        ids.push_back(c.id);
      }
    }
    print_wrapped(ids, 2);
  }
}

}  // namespace

int run_diff(const Args& args) {
  const char* usage = "disarm diff OLD.json NEW.json [--json|--markdown|--csv|--layer]";
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "What changed from one release's snapshot to another's, objects matched by ID: added,\n"
        "removed, renamed, moved (another tactic, parent or phase), description changed (the\n"
        "summary or a field), relations changed. Prints the counts per kind and group and the\n"
        "changed IDs; or, one at a time:\n"
        "  --json      {\"old\": release, \"new\": release, \"added\": [ids], \"removed\": [ids],\n"
        "              \"renamed\": [{\"id\",\"old\",\"new\"}], \"moved\": [{\"id\",\"old\",\"new\"}],\n"
        "              \"changed\": [{\"id\",\"fields\": [..]}]}, release as `disarm stats --json` has it;\n"
        "              a move's old and new are the IDs it sat under, one entry per relation\n"
        "              (tactic, parent, phase); \"changed\" lists every object both hold that\n"
        "              changed, with what changed: name, tactic, summary, incidents, ...\n"
        "  --markdown  counts and a table per group\n"
        "  --csv       one row per object added, removed or changed\n"
        "  --layer     a Navigator layer on NEW, techniques coloured by their change\n"
        "Across frameworks (1.x against 2.0) only the IDs both hold are compared: upstream\n"
        "publishes no mapping for the rest, and none is made up; --json then adds\n"
        "\"across_frameworks\", \"unmatched\": {\"old\", \"new\"} and \"note\". A kind one release has\n"
        "none of (1.7's STIX bundle: incidents, counters, ...) is not compared: --json then adds\n"
        "\"unpublished\": [kinds].\n",
        usage);
    return kExitOk;
  }
  auto parsed =
      parse_command_line(args, {usage, {"OLD.json", "NEW.json"}, {{"--json"}, {"--markdown"}, {"--csv"}, {"--layer"}}});
  if (!parsed) return kExitUsage;
  if (parsed->options.size() > 1) return usage_error(usage, "give one of --json, --markdown, --csv and --layer");
  auto older = load_or_report(parsed->positionals[0]);
  if (!older) return kExitUsage;
  auto newer = load_or_report(parsed->positionals[1]);
  if (!newer) return kExitUsage;

  const ReleaseDiff diff = diff_releases(*older, *newer);
  const Vocabulary& words = newer->release().vocabulary;
  if (parsed->has("--json"))
    std::printf("%s\n", diff_json(diff).dump(2, ' ', false, ojson::error_handler_t::replace).c_str());
  else if (parsed->has("--markdown"))
    std::fputs(release_diff_markdown(diff, words).c_str(), stdout);
  else if (parsed->has("--csv"))
    std::fputs(release_diff_csv(diff, words).c_str(), stdout);
  else if (parsed->has("--layer"))
    std::fputs(release_diff_layer(diff, *newer).c_str(), stdout);
  else
    print_summary(diff, words);
  return kExitOk;
}

}  // namespace disarm::shell
