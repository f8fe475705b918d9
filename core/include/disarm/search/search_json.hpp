// A search hit as JSON, the one shape for `disarm search --json` and window.disarm.search().
#pragma once

#include <nlohmann/json.hpp>

#include "disarm/model/model.hpp"
#include "disarm/search/search_index.hpp"

namespace disarm {

// "id", "name", "summary", "field", "evidence", "reference".
std::string_view search_field_name(SearchField field);

// {id, kind, name, score, field (the field's own name: "name", "Year started"), field_kind
// (search_field_name), snippet, highlights ([[begin, end], ...]: bytes of the snippet that
// match), and evidence_for (the technique an evidence quote is about) when there is one}.
nlohmann::ordered_json search_hit_json(const Framework& framework, const SearchHit& hit);

}  // namespace disarm
