// A directory of pages read into memory for the importer: every regular file under it, with
// its path relative to it. Shared by `disarm import`, the importer tests and its benchmark.
#pragma once

#include <string>
#include <vector>

#include "disarm/import/importer.hpp"
#include "disarm/result.hpp"

namespace disarm::shell {

// Files in path order. An unreadable file or directory is an Error naming it.
Result<std::vector<PageFile>> read_page_tree(const std::string& root);

}  // namespace disarm::shell
