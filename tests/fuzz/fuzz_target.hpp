// What every fuzz target shares: how it reports a broken invariant (an abort, which libFuzzer
// records as a crash with the input that caused it) and the text checks several targets make.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace disarm::fuzz {

[[noreturn]] inline void fail(const char* target, const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s: %s\n%s\n", target, what, detail.c_str());
  std::abort();
}

inline bool is_valid_utf8(std::string_view text) {
  return valid_utf8_length(text) == text.size();
}

}  // namespace disarm::fuzz
