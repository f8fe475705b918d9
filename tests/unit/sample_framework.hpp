// The sample snapshot (data/sample/snapshot.json) loaded once for the tests that read it.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "disarm/snapshot.hpp"

namespace disarm::test {

inline const Framework& sample_framework() {
  static const Framework framework = [] {
    std::ifstream in(DISARM_SOURCE_DIR "/data/sample/snapshot.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return load_snapshot(s.str()).value();
  }();
  return framework;
}

}  // namespace disarm::test
