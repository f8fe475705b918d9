// The `disarm` terminal commands. Each takes its own arguments (after the command name)
// and returns the process exit code: 0 success, 1 the data has errors, 2 usage or I/O error.
#pragma once

#include <string>
#include <vector>

namespace disarm::shell {

using Args = std::vector<std::string>;

int run_stats(const Args& args);

}  // namespace disarm::shell
