#include "disarm/pages/page.hpp"

#include <utility>

namespace disarm {

namespace {

constexpr std::string_view kTitleEnd = " \u2013 DISARM";

Page object_page(const Framework& framework, const Route& route) {
  if (auto i = framework.find(route.id)) {
    ObjectPage page = build_object_page(framework, *i);
    const Object& o = framework.object(*i);
    return {o.id + " " + o.name + std::string(kTitleEnd), std::move(page)};
  }
  return {route.id + " not found" + std::string(kTitleEnd),
          NotFoundPage{route.id, suggest_ids(framework, route.id, kNotFoundSuggestions)}};
}

Page matrix_page(const Framework& framework, const SearchIndexSource& index, const Route& route) {
  const bool red = route.side == MatrixSide::Red;
  MatrixPage page{build_matrix(framework, route.side),
                  red ? matrix_highlight(framework, index, route.highlight) : MatrixHighlight{}};
  return {std::string(red ? "Red framework" : "Blue framework") + std::string(kTitleEnd), std::move(page)};
}

Page search_page(const Framework& framework, const SearchIndexSource& index, const Route& route) {
  SearchPage page;
  page.query = route.query;
  page.kinds = route.kinds;
  SearchOptions options;
  options.limit = kSearchPageHits;
  std::vector<SearchHit> all = index().search(route.query, options);
  page.capped = all.size() >= kSearchPageHits;
  for (SearchHit& hit : all) {
    const Kind kind = framework.object(hit.object).kind;
    ++page.per_kind[static_cast<std::size_t>(kind)];
    if (route.kinds == 0 || (route.kinds & kind_bit(kind))) page.hits.push_back(std::move(hit));
  }
  return {"Search: " + route.query + std::string(kTitleEnd), std::move(page)};
}

}  // namespace

Page build_page(const Framework& framework, const SearchIndexSource& index, const Route& route) {
  switch (route.type) {
    case RouteType::Home:
      return {"DISARM framework viewer", HomePage{}};
    case RouteType::Object:
      return object_page(framework, route);
    case RouteType::Matrix:
      return matrix_page(framework, index, route);
    case RouteType::Search:
      return search_page(framework, index, route);
    case RouteType::KindList:
      return {std::string(framework.kind_plural(route.kind)) + std::string(kTitleEnd),
              build_kind_page(framework, route.kind)};
    case RouteType::About:
      return {"About \u2013 DISARM viewer", AboutPage{}};
    case RouteType::NotFound:
      break;
  }
  return {"DISARM framework viewer",
          NotFoundPage{route.text, suggest_ids(framework, route.text, kNotFoundSuggestions)}};
}

}  // namespace disarm
