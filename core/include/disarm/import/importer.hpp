// The importer of upstream DISARM's `generated_pages/` tree: markdown datasheets, HTML index
// pages and the two framework matrices, turned into FrameworkData.
//
// Pure: the caller reads the files (the shell from disk, a test from strings) and passes
// their text. Never throws; whatever the importer cannot place in the model comes back as a
// warning located "file:line", and the import carries on.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "disarm/diagnostic.hpp"
#include "disarm/model/model.hpp"

namespace disarm {

struct PageFile {
  std::string path;  // relative to generated_pages, '/'-separated: "techniques/T0001.md"
  std::string text;  // the file's bytes; invalid UTF-8 is repaired, with a warning
};

struct ImportResult {
  FrameworkData data;  // in canonical order
  Diagnostics warnings;
  // Files recognised as upstream pages (datasheets, index and matrix pages): zero means the
  // input was not a generated_pages tree at all.
  std::size_t pages_recognised = 0;
};

// Where upstream's pages are published: the default source of an import.
inline constexpr std::string_view kUpstreamSource =
    "https://github.com/DISARMFoundation/DISARMframeworks (generated_pages)";

// Upstream DISARM's provenance: its name, its CC BY-SA 4.0 licence and the credit line the
// licence asks for, with where these pages came from (all three may be empty).
Provenance upstream_provenance(std::string source, std::string commit, std::string date);

// True for a file or folder name found at the top of a generated_pages tree:
// "techniques_index.md", "disarm_red_framework.md", "techniques". Lets a caller tell such a
// tree from another directory before reading it.
bool is_generated_pages_entry(std::string_view name);

// The result does not depend on the order of `files`: two imports of the same files give
// the same data and the same warnings.
ImportResult import_pages(std::span<const PageFile> files, const Provenance& provenance);

}  // namespace disarm
