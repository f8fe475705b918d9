// Print pages: an object's page or a matrix as one self-contained HTML document (inline
// style, no script, nothing fetched) for a training handout, printed from the browser or
// saved as a file. Each ends with the data's provenance and licence.
//
// Everything that comes from data is escaped. Links go only to objects ("#/T0086", the
// viewer's routes) and to http(s) addresses; any other link is shown as text.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "disarm/model/model.hpp"
#include "disarm/pages/matrix_model.hpp"
#include "disarm/pages/page_model.hpp"
#include "disarm/pages/rich_text.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm {

// Text for an HTML element or a quoted attribute: & < > " ' escaped, bytes that are not UTF-8
// (and NUL) replaced by U+FFFD.
std::string html_escape(std::string_view text);

// <a href="#/ID">text</a>: a link to an object's page in the viewer; with a release key,
// to the object in that release ("#/1.4/ID"), as the links of a page shown in it go.
std::string object_link_html(std::string_view id, std::string_view text, std::string_view release = {});

// An http(s) address as a link to itself; any other address as text.
std::string address_html(std::string_view url);

// Rich text as HTML blocks: paragraphs, headings (two levels down, under the page's h1 and
// h2), nested lists, block quotes, code, rules and tables; bold, italic, code and links inline.
// Links to objects go into `release`, as object_link_html's do.
std::string rich_text_html(const Framework& framework, const RichText& text, std::string_view release = {});

// The page of build_object_page(): title, kind and breadcrumbs, summary, fields, sections,
// citations with their evidence, and references with their addresses. The body's content
// only (a <header> with the h1, then <main>), which the screen-reader mirror shows as it is.
// Links to objects go into `release`, as object_link_html's do.
std::string object_page_html(const Framework& framework, const ObjectPage& page, std::string_view release = {});

// object_page_html() as a whole printable document, ending with the data's provenance.
std::string print_html(const Framework& framework, const ObjectPage& page);

// The matrix as a table, phases over tactics over cells. Each cell has the classes
// "heat-N" (its heat level), "sub" (a folded sub-technique), "highlight" (its object is in
// `highlight`), "selected" (in `selection`) and "context" (a parent kept only for its
// children by filter_matrix). A legend explains them; a selection that is not null adds a
// table of its techniques with their scores and comments.
std::string print_matrix_html(const Framework& framework, const MatrixModel& matrix, const Selection* selection,
                              std::span<const ObjectIndex> highlight);

}  // namespace disarm
