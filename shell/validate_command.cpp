#include <cstdio>

#include "command_line.hpp"
#include "disarm/model/validation.hpp"

namespace disarm::shell {

int run_validate(const Args& args) {
  const char* usage = "disarm validate SNAPSHOT.json";
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "Checks a snapshot's consistency: dangling, duplicate and malformed IDs, relations between\n"
        "the wrong kinds, sub-techniques without their parent, matrix cells of the wrong kind,\n"
        "pages missing from the indexes and the reverse, empty names.\n"
        "Prints one line per problem, then a summary.\n"
        "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or a snapshot\n"
        "that cannot be read or parsed.\n",
        usage);
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {usage, {"SNAPSHOT"}, {}});
  if (!parsed) return kExitUsage;
  const std::string& path = parsed->positionals[0];
  auto fw = load_or_report(path);
  if (!fw) return kExitUsage;

  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : validate(*fw)) {
    std::printf("%s\n", d.describe().c_str());
    ++(d.severity == Severity::Error ? errors : warnings);
  }
  std::printf("%s: %zu error%s, %zu warning%s\n", path.c_str(), errors, errors == 1 ? "" : "s", warnings,
              warnings == 1 ? "" : "s");
  return errors ? kExitDataErrors : kExitOk;
}

}  // namespace disarm::shell
