#include "disarm/pages/highlight.hpp"

#include <algorithm>

#include "disarm/pages/route.hpp"

namespace disarm {

namespace {

// Objects are in ID order (Framework::build sorts them), so index order is ID order.
std::vector<ObjectIndex> techniques_in_order(const Framework& framework, std::vector<ObjectIndex> objects) {
  std::erase_if(objects, [&](ObjectIndex i) { return framework.object(i).kind != Kind::Technique; });
  std::sort(objects.begin(), objects.end());
  objects.erase(std::unique(objects.begin(), objects.end()), objects.end());
  return objects;
}

}  // namespace

std::vector<ObjectIndex> highlight_for(const Framework& framework, ObjectIndex object) {
  switch (framework.object(object).kind) {
    case Kind::Incident:
      return techniques_in_order(framework, framework.related(object, RelationType::IncidentTechnique, true));
    case Kind::Counter:
      return techniques_in_order(framework, framework.related(object, RelationType::CounterTechnique, true));
    case Kind::Technique:
      return {object};
    default:
      return {};
  }
}

std::vector<ObjectIndex> technique_hits(const Framework& framework, std::span<const ObjectIndex> hits) {
  std::vector<ObjectIndex> objects;
  for (ObjectIndex hit : hits)
    if (hit < framework.objects().size()) objects.push_back(hit);
  return techniques_in_order(framework, std::move(objects));
}

std::vector<ObjectIndex> selected_techniques(const Framework& framework, const Selection& selection) {
  std::vector<ObjectIndex> objects;
  for (const SelectedTechnique& item : selection.items())
    if (auto index = framework.find(item.id)) objects.push_back(*index);
  return techniques_in_order(framework, std::move(objects));
}

MatrixHighlight matrix_highlight(const Framework& framework, const SearchIndexSource& index, std::string_view source) {
  MatrixHighlight out;
  out.source = std::string(source);
  if (source.empty()) return out;
  if (source.starts_with(kSearchHighlightPrefix)) {
    std::string_view query = source.substr(kSearchHighlightPrefix.size());
    SearchOptions options;
    options.limit = 0;
    options.snippets = 0;
    options.kinds = kind_bit(Kind::Technique);
    std::vector<ObjectIndex> hits;
    for (const SearchHit& hit : index().search(query, options)) hits.push_back(hit.object);
    out.techniques = technique_hits(framework, hits);
    out.label = "search \u201C" + std::string(query) + "\u201D";
    return out;
  }
  if (auto object = framework.find(source)) {
    out.object = *object;
    out.techniques = highlight_for(framework, *object);
    out.label = framework.object(*object).id + " " + framework.object(*object).name;
  } else {
    out.label = std::string(source) + " (not in this framework)";
  }
  return out;
}

}  // namespace disarm
