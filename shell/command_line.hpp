// What every `disarm` command shares: its arguments, help and usage errors, and reading
// snapshot files with one-line errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "disarm/model.hpp"

namespace disarm::shell {

using Args = std::vector<std::string>;

// Exit codes: 0 success, 1 the data has errors, 2 usage, I/O or malformed input.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataErrors = 1;
inline constexpr int kExitUsage = 2;

bool wants_help(const Args& args);
// Prints "disarm: PROBLEM" and the usage line to stderr; returns kExitUsage.
int usage_error(const char* usage, const std::string& problem);

std::optional<std::string> read_file(const std::string& path);
// Loads a snapshot, or prints "disarm: PATH: LOCATION: MESSAGE" and returns nothing.
std::optional<Framework> load_or_report(const std::string& path);

// The commands, one file each (stats_command.cpp, ...).
int run_stats(const Args& args);
int run_import(const Args& args);
int run_validate(const Args& args);
int run_show(const Args& args);
int run_search(const Args& args);

}  // namespace disarm::shell
