// Looking things up in imported data, for the importer tests.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/import/importer.hpp"

namespace disarm::testing {

inline const Object* find_object(const FrameworkData& data, std::string_view id) {
  for (const auto& o : data.objects)
    if (o.id == id) return &o;
  return nullptr;
}

inline const Field* find_field(const Object& object, std::string_view key) {
  for (const auto& f : object.fields)
    if (f.key == key) return &f;
  return nullptr;
}

inline const Relation* find_relation(const FrameworkData& data, RelationType type, std::string_view from,
                                     std::string_view to) {
  for (const auto& r : data.relations)
    if (r.type == type && r.from == from && r.to == to) return &r;
  return nullptr;
}

// The `to` ends of one object's relations of one type, in relation order.
inline std::vector<std::string> targets(const FrameworkData& data, RelationType type, std::string_view from) {
  std::vector<std::string> out;
  for (const auto& r : data.relations)
    if (r.type == type && r.from == from) out.push_back(r.to);
  return out;
}

// Objects of one kind; only those with a page of their own when `with_page_only`.
inline std::size_t count_kind(const FrameworkData& data, Kind kind, bool with_page_only = false) {
  return static_cast<std::size_t>(std::count_if(data.objects.begin(), data.objects.end(), [&](const Object& o) {
    return o.kind == kind && (!with_page_only || o.has_page);
  }));
}

inline std::size_t count_relations(const FrameworkData& data, RelationType type) {
  return static_cast<std::size_t>(
      std::count_if(data.relations.begin(), data.relations.end(), [&](const Relation& r) { return r.type == type; }));
}

// True when a warning has exactly this location and a message containing `words`.
inline bool warned(const Diagnostics& warnings, std::string_view location, std::string_view words) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const Diagnostic& d) {
    return d.location == location && d.message.find(words) != std::string::npos;
  });
}

inline std::string describe_all(const Diagnostics& warnings) {
  std::string out;
  for (const auto& d : warnings) out += d.describe() + "\n";
  return out;
}

// The 1-based line of the first line of `text` that contains `needle`, 0 when none does.
inline int line_of(std::string_view text, std::string_view needle) {
  std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace disarm::testing
