#include "command_line.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "disarm/snapshot.hpp"

namespace disarm::shell {

bool wants_help(const Args& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

int usage_error(const char* usage, const std::string& problem) {
  std::fprintf(stderr, "disarm: %s\nusage: %s\n", problem.c_str(), usage);
  return kExitUsage;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

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

}  // namespace disarm::shell
