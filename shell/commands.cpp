#include "commands.hpp"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "disarm/snapshot.hpp"

namespace disarm::shell {

namespace {

bool wants_help(const Args& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int usage_error(const char* usage, const std::string& problem) {
  std::fprintf(stderr, "disarm: %s\nusage: %s\n", problem.c_str(), usage);
  return 2;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Loads a snapshot or prints a one-line error naming the file and the place in it.
std::optional<Framework> load_or_report(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    std::fprintf(stderr, "disarm: cannot read %s\n", path.c_str());
    return std::nullopt;
  }
  auto fw = load_snapshot(*text);
  if (!fw) {
    std::fprintf(stderr, "disarm: %s: %s\n", path.c_str(), fw.error().describe().c_str());
    return std::nullopt;
  }
  return std::move(fw).value();
}

}  // namespace

int run_stats(const Args& args) {
  const char* usage = "disarm stats SNAPSHOT.json [--json]";
  if (wants_help(args)) {
    std::printf("usage: %s\nCounts of objects per kind. --json prints {\"counts\": {kind: n}}.\n", usage);
    return 0;
  }
  std::string path;
  bool as_json = false;
  for (const auto& a : args) {
    if (a == "--json")
      as_json = true;
    else if (a.rfind("-", 0) == 0)
      return usage_error(usage, "unknown option '" + a + "'");
    else if (path.empty())
      path = a;
    else
      return usage_error(usage, "unexpected argument '" + a + "'");
  }
  if (path.empty()) return usage_error(usage, "missing SNAPSHOT");
  auto fw = load_or_report(path);
  if (!fw) return 2;

  if (as_json) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& k : all_kinds()) counts[std::string(k.name)] = fw->count(k.kind);
    nlohmann::ordered_json out = {{"name", fw->provenance().name}, {"counts", counts}};
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return 0;
  }
  std::printf("%s\n", fw->provenance().name.c_str());
  for (const auto& k : all_kinds())
    std::printf("  %-22.*s %zu\n", int(k.plural.size()), k.plural.data(), fw->count(k.kind));
  std::printf("  %-22s %zu\n", "Relations", fw->relations().size());
  return 0;
}

}  // namespace disarm::shell
