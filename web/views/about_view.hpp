// Where the data comes from, its licence and attribution, and how to use the viewer.
#pragma once

#include "view_context.hpp"

namespace disarm::web {

void draw_about(ViewContext& ctx);

// The data credit at the bottom of every page: name, source, licence. One line, wrapped on a
// narrow screen or embed rather than cut off; data_credit_height() is its height there.
void draw_data_credit(ViewContext& ctx);
float data_credit_height(ViewContext& ctx);

}  // namespace disarm::web
