// The layout every page view shares: a centred reading column and section headings.
#pragma once

#include "view_context.hpp"

namespace disarm::web {

// The column a page reads in: at most ~860 CSS pixels, centred.
float reading_width(const ViewContext& ctx);
// Moves the cursor so a column of `width` is centred in the window.
void centre_column(float width);
// A section heading: bold, with space above.
void section_heading(ViewContext& ctx, const char* title);

}  // namespace disarm::web
