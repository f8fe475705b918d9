// A selection as a short, URL-safe code for share links ("#/matrix/red?sel=CODE").
//
// The code is base64url (RFC 4648 §5, no padding: only A-Z a-z 0-9 - _, which no part of a
// URL changes) of these bytes:
//   1                                the format version
//   per technique, in ID order:
//     varint (delta << 3 | s << 2 | v << 1 | c)
//                                    delta: technique number minus the previous one's (the
//                                    first: the number itself); s, v, c: whether a sub-number,
//                                    a score and a comment follow
//     [varint sub]                   T0086.002 -> 2
//     [byte score]                   0..100
//     [varint length, bytes]         the comment, UTF-8, at least one byte
// Varints are LEB128 (7 bits a byte, low first). Nearby techniques cost one byte each and a
// sub-technique one more, so a code's length is mostly its comments': 4/3 of their bytes.
//
// decode_selection(encode_selection(s)) == s for every selection, and every code that
// decodes is the one encode_selection gives for its result: padding, overlong varints,
// unordered or repeated techniques and stray bits are all refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "disarm/result.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm {

inline constexpr int kSelectionCodeVersion = 1;

// The longest share code a link may carry: 64 KiB, room for some 48 KB of comments. Share
// links pass through mail programs, chat apps and browsers, several of which cut or refuse
// longer addresses; a longer code in a link is refused with this limit named, not decoded.
inline constexpr std::size_t kMaxSelectionCodeBytes = std::size_t{1} << 16;

std::string encode_selection(const Selection& selection);

// The selection a code stands for, or an Error saying what is wrong, located at the code's
// "character N" (from 1) or "technique N" (from 1). Any length: the browser's own store keeps
// a selection as its code, however long.
// The code holds technique numbers only: `technique_pattern` (Vocabulary::id_pattern) says
// how the framework writes them, T0001 (0) or 2.0 Assessments' A0001.
Result<Selection> decode_selection(std::string_view code, unsigned char technique_pattern = 0);

// decode_selection for a code that came in a link: one over kMaxSelectionCodeBytes is an
// Error that names the limit and why.
Result<Selection> decode_shared_selection(std::string_view code, unsigned char technique_pattern = 0);

}  // namespace disarm
