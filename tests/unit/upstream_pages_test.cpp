// Every page model over the real framework: upstream's generated_pages imported, then every
// object page, kind page, preview and both matrices built. Skipped (passing) when
// DISARM_UPSTREAM_DIR has no generated_pages.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/importer.hpp"
#include "disarm/matrix_model.hpp"
#include "disarm/page_mirror.hpp"
#include "disarm/page_model.hpp"
#include "page_tree.hpp"

using namespace disarm;

namespace {

namespace fs = std::filesystem;

std::optional<Framework> upstream_framework() {
  const fs::path root = fs::path(DISARM_UPSTREAM_DIR) / "generated_pages";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return std::nullopt;
  auto files = shell::read_page_tree(root.string());
  if (!files) return std::nullopt;
  ImportResult imported = import_pages(files.value(), Provenance{});
  if (imported.pages_recognised == 0) return std::nullopt;
  return Framework::build(std::move(imported.data));
}

// Imported once for every test here.
const std::optional<Framework>& upstream() {
  static const std::optional<Framework> fw = upstream_framework();
  return fw;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Every object link in the text points at an object of the framework.
bool links_resolve(const Framework& fw, const RichText& text) {
  auto ok = [&](const std::vector<Span>& spans) {
    return std::all_of(spans.begin(), spans.end(),
                       [&](const Span& s) { return s.link != LinkKind::Object || s.object < fw.objects().size(); });
  };
  for (const Block& b : text.blocks) {
    if (!ok(b.spans)) return false;
    for (const auto& row : b.rows)
      for (const auto& cell : row.cells)
        if (!ok(cell)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every page of upstream's framework builds quickly") {
  const std::optional<Framework>& fw = upstream();
  if (!fw) {
    WARN("no upstream generated_pages at " DISARM_UPSTREAM_DIR ": skipped");
    return;
  }
  REQUIRE(fw->count(Kind::Technique) > 100);

  double slowest = 0;
  std::string slowest_id;
  std::size_t citations = 0;
  for (ObjectIndex i = 0; i < fw->objects().size(); ++i) {
    // The best of three runs: one run on a busy machine measures the machine.
    ObjectPage page;
    double ms = 1e9;
    for (int run = 0; run < 3; ++run) {
      auto start = std::chrono::steady_clock::now();
      page = build_object_page(*fw, i);
      ms = std::min(ms, milliseconds_since(start));
    }
    if (ms > slowest) {
      slowest = ms;
      slowest_id = page.id;
    }
    INFO(page.id);
    REQUIRE(page.id == fw->object(i).id);
    REQUIRE(links_resolve(*fw, page.summary));
    for (const Citation& c : page.citations) REQUIRE(links_resolve(*fw, c.evidence));
    citations += page.citations.size();
    REQUIRE(preview(*fw, i).summary.size() <= kPreviewBytes);
  }
  CHECK(citations > 0);

  // Incident quotes name the techniques they illustrate: most pages link some.
  ObjectPage incident = build_object_page(*fw, *fw->find("I00099"));
  REQUIRE_FALSE(incident.citations.empty());
  bool any_link = false;
  for (const Block& b : incident.citations[0].evidence.blocks)
    for (const Span& s : b.spans) any_link = any_link || s.link == LinkKind::Object;
  CHECK(any_link);

  for (const auto& info : all_kinds()) CHECK(build_kind_page(*fw, info.kind).entries.size() == fw->count(info.kind));
  for (MatrixSide side : {MatrixSide::Red, MatrixSide::Blue}) {
    auto start = std::chrono::steady_clock::now();
    MatrixModel m = build_matrix(*fw, side);
    double ms = milliseconds_since(start);
    CHECK(m.cell_count() > 0);
    if (side == MatrixSide::Red) CHECK(m.max_incident_count > 0);  // upstream links no counter to an incident
    WARN(matrix_side_name(side) << " matrix: " << m.cell_count() << " cells in " << ms << " ms");
  }
  WARN("slowest page: " << slowest_id << " in " << slowest << " ms (" << fw->objects().size() << " pages)");
  // Generous for debug builds and slow machines; a release build takes about a millisecond.
  CHECK(slowest < 100.0);
}

TEST_CASE("the screen-reader mirror lists every cell of upstream's matrices") {
  const std::optional<Framework>& fw = upstream();
  if (!fw) {
    WARN("no upstream generated_pages at " DISARM_UPSTREAM_DIR ": skipped");
    return;
  }
  const SearchIndex index = SearchIndex::build(*fw);
  for (MatrixSide side : {MatrixSide::Red, MatrixSide::Blue}) {
    const MatrixModel m = build_matrix(*fw, side);
    const std::string html = page_mirror_html(*fw, build_page(*fw, index, Route::matrix(side)));
    auto count = [&](std::string_view part) {
      std::size_t n = 0;
      for (auto at = html.find(part); at != std::string::npos; at = html.find(part, at + part.size())) ++n;
      return n;
    };
    CHECK(count("<li>") == m.cell_count());
    CHECK(count("</li>") == m.cell_count());
    CHECK(count("<ul>") == count("</ul>"));
    for (const MatrixTacticColumn& column : m.columns)
      for (const MatrixCell& cell : column.cells) {
        INFO(cell.id);
        CHECK(html.find("<a href=\"#/" + cell.id + "\">") != std::string::npos);
      }
    // Its build time: build/native/tests/mirror_bench.
  }
}
