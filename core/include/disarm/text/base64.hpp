// Base64 (RFC 4648) in its two alphabets: the standard one, padded, is how the offline bundle
// carries the wasm in its page and how a Content-Security-Policy writes a hash; the URL one
// (section 5), unpadded, is how a share link carries a selection.
#pragma once

#include <string>
#include <string_view>

#include "disarm/result.hpp"

namespace disarm {

std::string base64_encode(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);

// Unpadded base64url back to bytes. A character outside the alphabet, a length that ends
// part-way through a byte, or stray bits in the last character is an Error located at
// "character N" (from 1).
Result<std::string> base64url_decode(std::string_view code);

}  // namespace disarm
