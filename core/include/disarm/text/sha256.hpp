// SHA-256 (FIPS 180-4): the offline bundle names its inline scripts in its
// Content-Security-Policy by their hashes ('sha256-BASE64').
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace disarm {

std::array<std::uint8_t, 32> sha256(std::string_view bytes);

}  // namespace disarm
