#include "disarm/import/importer.hpp"

#include <algorithm>

#include "import/assembly.hpp"
#include "import/page_fields.hpp"
#include "import/page_import.hpp"
#include "import/source_text.hpp"

namespace disarm {

namespace {

using namespace importer;

enum class PageRole : unsigned char { Datasheet, Index, RedMatrix, BlueMatrix, Summary, Unknown };

struct Classified {
  PageRole role = PageRole::Unknown;
  Kind kind = Kind::Technique;
};

// What a path under generated_pages holds, by upstream's layout.
Classified classify(std::string_view path) {
  std::size_t slash = path.find('/');
  if (slash != std::string_view::npos) {
    std::string_view folder = path.substr(0, slash);
    std::string_view name = path.substr(slash + 1);
    bool is_markdown = name.size() >= 3 && name.substr(name.size() - 3) == ".md";
    if (!is_markdown || name.find('/') != std::string_view::npos) return {};
    for (const auto& k : all_kinds())
      if (!kind_pages(k.kind).folder.empty() && kind_pages(k.kind).folder == folder)
        return {PageRole::Datasheet, k.kind};
    return {};
  }
  for (const auto& k : all_kinds())
    if (!kind_pages(k.kind).index.empty() && kind_pages(k.kind).index == path) return {PageRole::Index, k.kind};
  if (path == "disarm_red_framework.md") return {PageRole::RedMatrix, Kind::Technique};
  if (path == "disarm_blue_framework.md") return {PageRole::BlueMatrix, Kind::Counter};
  // Counts of counters per tactic or metatechnique and response type: derived from the
  // counters' own pages, so there is nothing in them to import.
  if (path == "tactics_by_responsetype_table.md" || path == "metatechniques_by_responsetype_table.md")
    return {PageRole::Summary, Kind::Counter};
  return {};
}

std::string normalised_path(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out;
}

}  // namespace

Provenance upstream_provenance(std::string source, std::string commit, std::string date) {
  Provenance p;
  p.name = "DISARM Framework";
  p.source = std::move(source);
  p.commit = std::move(commit);
  p.date = std::move(date);
  p.licence = "CC BY-SA 4.0";
  p.licence_url = "https://creativecommons.org/licenses/by-sa/4.0/";
  p.attribution =
      "DISARM Framework by the DISARM Foundation (https://www.disarm.foundation/), licensed under CC BY-SA 4.0. "
      "Converted from its generated_pages into this snapshot by the DISARM viewer's importer.";
  return p;
}

bool is_generated_pages_entry(std::string_view name) {
  for (const auto& k : all_kinds())
    if (!kind_pages(k.kind).folder.empty() && kind_pages(k.kind).folder == name) return true;
  return name.find('/') == std::string_view::npos && classify(name).role != PageRole::Unknown;
}

ImportResult import_pages(std::span<const PageFile> files, const Provenance& provenance) {
  ImportResult result;
  Assembly assembly(result.warnings);

  // Path order, whatever order the caller read the files in: the claims' order, and so
  // the relations' and the warnings', depends on it.
  std::vector<std::pair<std::string, const PageFile*>> pages;
  for (const auto& f : files) pages.emplace_back(normalised_path(f.path), &f);
  std::stable_sort(pages.begin(), pages.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string& path = pages[i].first;
    if (i > 0 && pages[i - 1].first == path) {
      assembly.warn(path, 0, "given twice; the first is kept");
      continue;
    }
    Classified page = classify(path);
    if (page.role == PageRole::Unknown) {
      assembly.warn(path, 0, "not a DISARM generated page; ignored");
      continue;
    }
    ++result.pages_recognised;
    if (page.role == PageRole::Summary) continue;
    CleanText clean = clean_text(pages[i].second->text);
    if (clean.replaced)
      assembly.warn(path, clean.first_bad_line,
                    "invalid UTF-8 or NUL: " + std::to_string(clean.replaced) + " byte(s) replaced with U+FFFD");
    switch (page.role) {
      case PageRole::Datasheet:
        import_datasheet(path, clean.text, page.kind, assembly);
        break;
      case PageRole::Index:
        import_index_page(path, clean.text, page.kind, assembly);
        break;
      case PageRole::RedMatrix:
      case PageRole::BlueMatrix:
        import_matrix_page(path, clean.text, page.role == PageRole::RedMatrix, assembly);
        break;
      default:
        break;
    }
  }
  result.data = assembly.finish(provenance);
  detect_release(result.data);
  return result;
}

}  // namespace disarm
