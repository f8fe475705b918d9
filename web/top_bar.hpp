// The viewer's top bar: back and forward, the release picker, the search box, the Red, Blue
// and About tabs; and the smaller bar of an embed.
#pragma once

#include "disarm/io/catalogue.hpp"
#include "page_views.hpp"
#include "router.hpp"
#include "search_bar.hpp"
#include "view_context.hpp"

namespace disarm::web {

// Returns what the user did in the search box, for the caller to act on.
SearchBar::Input draw_top_bar(ViewContext& ctx, const Router& router, const Catalogue& catalogue, SearchBar& search);
// ?embed=1: back, forward, the page's analyst controls (filter, selection, print...) behind
// one menu, and "Open in full viewer".
void draw_embed_bar(ViewContext& ctx, const Router& router, PageViews& views);

}  // namespace disarm::web
