#include <cstdio>

#include <nlohmann/json.hpp>

#include "command_line.hpp"

namespace disarm::shell {

int run_stats(const Args& args) {
  const char* usage = "disarm stats SNAPSHOT.json [--json]";
  if (wants_help(args)) {
    std::printf(
        "usage: %s\nThe release and the counts of objects per kind. --json prints\n"
        "{\"name\", \"release\": {\"framework\", \"version\", \"date\", \"commit\"}, \"counts\": {kind: n},\n"
        "\"relations\", \"disputed_relations\"}; counts use 1.x's kind names in every release.\n",
        usage);
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {usage, {"SNAPSHOT"}, {{"--json"}}});
  if (!parsed) return kExitUsage;
  auto fw = load_or_report(parsed->positionals[0]);
  if (!fw) return kExitUsage;

  if (parsed->has("--json")) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& k : all_kinds()) counts[std::string(k.name)] = fw->count(k.kind);
    std::size_t disputed = 0;
    for (const auto& r : fw->relations()) disputed += r.disputed();
    const Release& release = fw->release();
    nlohmann::ordered_json out = {{"name", fw->provenance().name},
                                  {"release",
                                   {{"framework", release.framework},
                                    {"version", release.version},
                                    {"date", fw->provenance().date},
                                    {"commit", fw->provenance().commit}}},
                                  {"counts", counts},
                                  {"relations", fw->relations().size()},
                                  {"disputed_relations", disputed}};
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("%s\n", fw->provenance().name.c_str());
  const Release& release = fw->release();
  if (!release.framework.empty())
    std::printf("%s%s%s\n", release.framework.c_str(), release.version.empty() ? "" : ", version ",
                release.version.c_str());
  for (const auto& k : all_kinds()) {
    std::string_view plural = fw->kind_plural(k.kind);
    std::printf("  %-22.*s %zu\n", int(plural.size()), plural.data(), fw->count(k.kind));
  }
  std::printf("  %-22s %zu\n", "Relations", fw->relations().size());
  return kExitOk;
}

}  // namespace disarm::shell
