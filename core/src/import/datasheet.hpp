// A datasheet (techniques/T0001.md, ...) parsed with md4c into what upstream's generator
// writes: a title, bold-labelled fields, pipe tables, and user notes after the end marker.
// It knows nothing of DISARM's kinds: datasheet_import.cpp gives the parts their meaning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "disarm/diagnostic.hpp"

namespace disarm::importer {

struct DatasheetLink {
  std::string text;  // plain text: "T0154.002 AI Media Platform"
  std::string href;  // as written: "../../generated_pages/techniques/T0154.002.md"
};

struct DatasheetCell {
  std::string markdown;  // the cell's source, trimmed: what the viewer renders
  std::string text;      // plain text, for IDs and names
  std::vector<DatasheetLink> links;
};

struct DatasheetRow {
  int line = 0;
  std::vector<DatasheetCell> cells;  // exactly one per column, after repairs
};

struct DatasheetTable {
  int line = 0;                      // of the header row
  std::vector<std::string> columns;  // header cells, plain text
  std::vector<DatasheetRow> rows;
};

struct DatasheetField {
  std::string label;  // as written, without the colon: "Summary", "incident type"
  std::string value;  // markdown source as written, trimmed, may span paragraphs
  int line = 0;
};

struct Datasheet {
  std::string title;  // plain text of the first heading: "Technique T0001: Name"
  int title_line = 0;
  std::vector<DatasheetField> fields;
  std::vector<DatasheetTable> tables;
  bool has_end_marker = false;  // the "DO NOT EDIT ABOVE THIS LINE" line
  int end_marker_line = 0;
  std::string notes;  // what users wrote below the end marker, trimmed
  int notes_line = 0;
};

// Parses one datasheet. `text` must be valid UTF-8 (see clean_text). Layout problems (text
// outside any field, table rows with too few or too many cells) are appended to `warnings`
// as "path:line" and repaired where the intent is clear.
Datasheet parse_datasheet(std::string_view path, std::string_view text, Diagnostics& warnings);

}  // namespace disarm::importer
