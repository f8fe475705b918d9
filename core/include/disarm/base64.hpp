// Base64 (RFC 4648, the standard alphabet, padded): how the offline bundle carries the wasm
// in its page, and how a Content-Security-Policy writes a hash.
#pragma once

#include <string>
#include <string_view>

namespace disarm {

std::string base64_encode(std::string_view bytes);

}  // namespace disarm
