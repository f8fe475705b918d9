// A problem found in data: by the importer (file:line) or by validation (an object ID).
#pragma once

#include <string>
#include <vector>

namespace disarm {

enum class Severity : unsigned char { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Warning;
  std::string message;
  std::string location;  // "techniques/T0001.md:12", "T0154.002", "/objects/3"

  // One line: "error: T0154.002: sub-technique has no parent".
  std::string describe() const {
    std::string line = severity == Severity::Error ? "error: " : "warning: ";
    if (!location.empty()) line += location + ": ";
    return line + message;
  }
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace disarm
