#include "disarm/search/search_json.hpp"

namespace disarm {

std::string_view search_field_name(SearchField field) {
  switch (field) {
    case SearchField::Id:
      return "id";
    case SearchField::Name:
      return "name";
    case SearchField::Summary:
      return "summary";
    case SearchField::Field:
      return "field";
    case SearchField::Evidence:
      return "evidence";
    case SearchField::Reference:
      return "reference";
  }
  return "";
}

nlohmann::ordered_json search_hit_json(const Framework& framework, const SearchHit& hit) {
  const Object& o = framework.object(hit.object);
  nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
  for (const TextRange& r : hit.highlights) highlights.push_back({r.begin, r.end});
  nlohmann::ordered_json out = {{"id", o.id},
                                {"kind", kind_name(o.kind)},
                                {"name", o.name},
                                {"score", hit.score},
                                {"field", hit.field_name},
                                {"field_kind", search_field_name(hit.field)},
                                {"snippet", hit.snippet},
                                {"highlights", std::move(highlights)}};
  if (hit.evidence_for) out["evidence_for"] = framework.object(*hit.evidence_for).id;
  return out;
}

}  // namespace disarm
