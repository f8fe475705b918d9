// The three sorts of upstream page, each read into the Assembly: datasheets (one object
// each), index pages (one row per object) and the red and blue framework matrices. `text`
// is valid UTF-8 (see clean_text); problems are reported as "path:line" warnings.
#pragma once

#include <string>
#include <string_view>

#include "import/assembly.hpp"
#include "disarm/model/kind.hpp"

namespace disarm::importer {

void import_datasheet(const std::string& path, std::string_view text, Kind folder_kind, Assembly& assembly);
void import_index_page(const std::string& path, std::string_view text, Kind kind, Assembly& assembly);
void import_matrix_page(const std::string& path, std::string_view text, bool red, Assembly& assembly);

}  // namespace disarm::importer
