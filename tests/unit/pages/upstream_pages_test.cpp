// Every page model over the real framework: upstream's generated_pages imported, then every
// object page, kind page, preview and both matrices built. Tagged [upstream]: see
// upstream_data.hpp. Their build times: build/native/tests/page_bench.
#include <algorithm>
#include "catch.hpp"
#include <filesystem>
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/import/importer.hpp"
#include "disarm/pages/matrix_model.hpp"
#include "disarm/pages/page_mirror.hpp"
#include "disarm/pages/page_model.hpp"
#include "page_tree.hpp"
#include "upstream_data.hpp"

using namespace disarm;

namespace {

const std::string kPagesDir = DISARM_UPSTREAM_DIR "/generated_pages";

std::optional<Framework> upstream_framework() {
  std::error_code ec;
  if (!std::filesystem::is_directory(kPagesDir, ec)) return std::nullopt;
  auto files = shell::read_page_tree(kPagesDir);
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

TEST_CASE("every page of upstream's framework builds with links that resolve", "[upstream]") {
  const std::optional<Framework>& fw = upstream();
  REQUIRE_UPSTREAM(kPagesDir);
  REQUIRE(fw);
  REQUIRE(fw->count(Kind::Technique) > 100);

  std::size_t citations = 0;
  for (ObjectIndex i = 0; i < fw->objects().size(); ++i) {
    const ObjectPage page = build_object_page(*fw, i);
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
    MatrixModel m = build_matrix(*fw, side);
    CHECK(m.cell_count() > 0);
    if (side == MatrixSide::Red) CHECK(m.max_incident_count > 0);  // upstream links no counter to an incident
  }
}

TEST_CASE("the screen-reader mirror lists every cell of upstream's matrices", "[upstream]") {
  const std::optional<Framework>& fw = upstream();
  REQUIRE_UPSTREAM(kPagesDir);
  REQUIRE(fw);
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
