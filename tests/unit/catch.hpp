// Catch2 v2 (Debian 12) or v3 (Debian 13, Ubuntu 24.04), whichever the machine has.
// The tests use the part of the API the two share, plus ContainsText for the one
// matcher whose name differs.
#pragma once

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
namespace disarm_test {
inline auto ContainsText(const std::string& text) { return Catch::Matchers::ContainsSubstring(text); }
}  // namespace disarm_test
#else
#include <catch2/catch.hpp>
namespace disarm_test {
inline auto ContainsText(const std::string& text) { return Catch::Contains(text); }
}  // namespace disarm_test
#endif

using disarm_test::ContainsText;
