// The page the viewer shows, as semantic HTML: the viewer draws on a canvas, which screen
// readers and the browser's find cannot read, so the page keeps this copy of it in a
// visually hidden region. Built from the page the views draw (page.hpp), so the two say the
// same thing and nothing is computed twice.
//
// A fragment, not a document: headings from h1 down, lists, links. Everything that comes
// from data is escaped; links go only to the viewer's routes ("#/T0086") and to http(s)
// addresses.
#pragma once

#include <string>

#include "disarm/model/model.hpp"
#include "disarm/pages/page.hpp"

namespace disarm {

// The most search hits the mirror lists, as the search page shows them best first.
inline constexpr std::size_t kMirrorSearchHits = 100;

// Its links go into `release` (a catalogue key; empty for the default release), as the
// viewer's own links on a page shown in that release do.
std::string page_mirror_html(const Framework& framework, const Page& page, std::string_view release = {});

// The matrix as headings and lists: phases (h2) over tactics (h3) over their techniques or
// counters, each folded sub-technique in a list under its parent, with its incident count.
std::string matrix_mirror_html(const MatrixModel& matrix, const Vocabulary& words = {}, std::string_view release = {});

}  // namespace disarm
