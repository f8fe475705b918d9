#include <cstdio>

#include <nlohmann/json.hpp>

#include "command_line.hpp"

namespace disarm::shell {

int run_stats(const Args& args) {
  const char* usage = "disarm stats SNAPSHOT.json [--json]";
  if (wants_help(args)) {
    std::printf("usage: %s\nCounts of objects per kind. --json prints {\"counts\": {kind: n}}.\n", usage);
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {usage, {"SNAPSHOT"}, {{"--json"}}});
  if (!parsed) return kExitUsage;
  auto fw = load_or_report(parsed->positionals[0]);
  if (!fw) return kExitUsage;

  if (parsed->has("--json")) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& k : all_kinds()) counts[std::string(k.name)] = fw->count(k.kind);
    nlohmann::ordered_json out = {{"name", fw->provenance().name}, {"counts", counts}};
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("%s\n", fw->provenance().name.c_str());
  for (const auto& k : all_kinds())
    std::printf("  %-22.*s %zu\n", int(k.plural.size()), k.plural.data(), fw->count(k.kind));
  std::printf("  %-22s %zu\n", "Relations", fw->relations().size());
  return kExitOk;
}

}  // namespace disarm::shell
