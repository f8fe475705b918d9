// A word diff (text/word_diff.hpp) as the changes and upgrade pages draw it.
#pragma once

#include "disarm/text/word_diff.hpp"
#include "view_context.hpp"

namespace disarm::web {

// Removed words red and struck through, added words green, kept words plain: laid out word by
// word so that a long summary wraps within `width` like the text around it.
void draw_word_diff(ViewContext& ctx, const WordDiff& diff, float width);

}  // namespace disarm::web
