// `disarm`: the terminal front end of the DISARM viewer's core.
#include <cstdio>
#include <string>
#include <string_view>

#include "command_line.hpp"
#include "disarm/version.hpp"

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const disarm::shell::Args&);
};

constexpr Command kCommands[] = {
    {"stats", "counts of objects per kind in a snapshot", disarm::shell::run_stats},
    {"import", "upstream's generated_pages directory to a snapshot", disarm::shell::run_import},
    {"validate", "consistency problems in a snapshot", disarm::shell::run_validate},
    {"show", "one object with its fields and relations", disarm::shell::run_show},
    {"search", "ranked search by words, phrases and IDs", disarm::shell::run_search},
    {"diff", "what changed between two releases' snapshots", disarm::shell::run_diff},
    {"bundle", "the built viewer as one offline HTML file", disarm::shell::run_bundle},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: disarm COMMAND [ARGS]   (disarm COMMAND --help for its options)\n\ncommands:\n");
  for (const auto& c : kCommands)
    std::fprintf(out, "  %-10.*s %.*s\n", int(c.name.size()), c.name.data(), int(c.summary.size()), c.summary.data());
  std::fprintf(out, "\noptions:\n  --help     this text\n  --version  the version\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  std::string_view first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(stdout);
    return 0;
  }
  if (first == "--version") {
    std::printf("disarm %s\n", disarm::kVersion);
    return 0;
  }
  for (const auto& c : kCommands)
    if (c.name == first) return c.run(disarm::shell::Args(argv + 2, argv + argc));
  std::fprintf(stderr, "disarm: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
