// Upstream DISARM's data (DISARM_UPSTREAM_DIR: read-only, not ours) for the tests tagged
// [upstream]. Without it, ctest lists those tests as disabled (tests/CMakeLists.txt decides at
// configure time); run by hand anyway, they fail, so missing data is never a silent pass.
#pragma once

#include <filesystem>
#include <string>

#include "catch.hpp"

namespace disarm::test {

inline bool upstream_has(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace disarm::test

#define REQUIRE_UPSTREAM(path)                                                          \
  do {                                                                                  \
    INFO("no upstream DISARM data at " << (path) << ": this [upstream] test needs it"); \
    REQUIRE(disarm::test::upstream_has(path));                                          \
  } while (false)
