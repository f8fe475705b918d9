// Where the data comes from, its licence and attribution, and how to use the viewer.
#pragma once

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

// What the About page needs from the app and gives back to it.
struct AboutState {
  bool showing_builtin = true;      // the data compiled into the viewer, not an opened file
  bool builtin_requested = false;   // set when the user asks for the built-in data back
  ImVec2 open_min, open_max;        // the "Open file…" button last drawn, device pixels
  ImVec2 builtin_min, builtin_max;  // the "Show the built-in data" button, when drawn
};

void draw_about(ViewContext& ctx, const AboutPage& page, AboutState& state);

// The data credit at the bottom of every page: name, source, licence. One line, wrapped on a
// narrow screen or embed rather than cut off; data_credit_height() is its height there.
void draw_data_credit(ViewContext& ctx);
float data_credit_height(ViewContext& ctx);

}  // namespace disarm::web
