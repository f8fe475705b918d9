// The page for an address that names nothing here: what was asked for, what it may have
// meant, and where to look instead.
#pragma once

#include "disarm/pages/page.hpp"
#include "view_context.hpp"

namespace disarm::web {

void draw_not_found(ViewContext& ctx, const NotFoundPage& page);

}  // namespace disarm::web
