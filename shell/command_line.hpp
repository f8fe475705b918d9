// What every `disarm` command shares: its arguments, help and usage errors, and reading
// snapshot files with one-line errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "disarm/model/model.hpp"

namespace disarm::shell {

using Args = std::vector<std::string>;

// Exit codes: 0 success, 1 the data has errors, 2 usage, I/O or malformed input.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataErrors = 1;
inline constexpr int kExitUsage = 2;

bool wants_help(const Args& args);
// Prints "disarm: PROBLEM" and the usage line to stderr; returns kExitUsage.
int usage_error(const char* usage, const std::string& problem);

// One option of a command: a flag ("--json") or an option with a value ("--limit N").
struct Option {
  std::string_view name;             // "--output"; options are looked up by this name
  bool takes_value = false;          // the next argument is its value, whatever it looks like
  std::string_view short_name = {};  // "-o", the same option
};

// What a command accepts besides --help.
struct CommandSyntax {
  const char* usage;                          // the usage line printed with every usage error
  std::vector<std::string_view> positionals;  // in order, named as in "missing SNAPSHOT"
  std::vector<Option> options;
  // The last positional is free text (search's QUERY): it takes all further arguments, joined
  // by spaces, and "-word" is one of them, not an option; only "--" starts an option.
  bool free_text_last = false;
};

// A command's arguments told apart: positionals by place, options by name.
struct CommandLine {
  std::vector<std::string> positionals;                           // one per named positional, none empty
  std::vector<std::pair<std::string_view, std::string>> options;  // as given; flags have no value

  bool has(std::string_view name) const;
  // The value given last, or `fallback` when the option was not given.
  std::string value(std::string_view name, std::string fallback = {}) const;
};

// Splits `args` as `syntax` says, or prints the usage error ("unknown option '--x'",
// "unexpected argument 'x'", "missing value after --x", "missing SNAPSHOT") and returns nothing.
// A positional still empty takes the next argument, so an empty argument (an unset shell
// variable) counts as a missing one.
std::optional<CommandLine> parse_command_line(const Args& args, const CommandSyntax& syntax);

std::optional<std::string> read_file(const std::string& path);
// Writes `text` to `path`, or prints "disarm: cannot write PATH" and returns false.
bool write_or_report(const std::string& path, std::string_view text);
// Loads a snapshot, or prints "disarm: PATH: LOCATION: MESSAGE" and returns nothing.
std::optional<Framework> load_or_report(const std::string& path);

// The commands, one file each (stats_command.cpp, ...).
int run_stats(const Args& args);
int run_import(const Args& args);
int run_validate(const Args& args);
int run_show(const Args& args);
int run_search(const Args& args);
int run_bundle(const Args& args);
int run_diff(const Args& args);

}  // namespace disarm::shell
