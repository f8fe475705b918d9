// Where the data comes from, its licence and attribution, and how to use the viewer.
#pragma once

#include "view_context.hpp"

namespace disarm::web {

void draw_about(ViewContext& ctx);

// The one-line data credit at the bottom of every page: name, source, licence.
void draw_data_credit(ViewContext& ctx);

}  // namespace disarm::web
