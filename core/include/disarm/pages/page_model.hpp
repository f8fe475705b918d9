// What a page shows, computed once per navigation: the viewer's drawing code walks these
// structs and decides nothing about content, order or wording.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/pages/rich_text.hpp"

namespace disarm {

// A related object as a page lists it.
struct PageEntry {
  ObjectIndex object = 0;
  std::string id;
  std::string name;
  friend bool operator==(const PageEntry&, const PageEntry&) = default;
};

// A related object in a section, with what the relation says about it: why a technique is
// associated with another. Empty for most relations.
struct SectionEntry : PageEntry {
  RichText note;
  // Why upstream's pages disagree about this relation; empty when they do not.
  std::string dispute;
};

// One relation seen from the page's object: "Sub-techniques", "Counters"; titles are in the
// release's words ("Sub-assessments").
struct PageSection {
  std::string title;
  RelationType relation = RelationType::TechniqueTactic;
  bool forward = true;                // the page's object is the relations' `from`
  std::vector<SectionEntry> entries;  // relation order, each object once
};

struct PageField {
  std::string label;  // upstream's: "Year started"
  RichText value;
};

// An incident citing a technique (on the technique's page) or a technique an incident used
// (on the incident's page), with upstream's evidence. An incident that cites a technique
// more than once gives one citation whose evidence holds every quote, in order.
struct Citation {
  PageEntry cited;
  RichText evidence;    // empty when upstream gives no quote
  std::string dispute;  // why upstream's pages disagree about this citation; empty when they do not
};

struct PageReference {
  Reference reference;
  bool url_is_web = false;          // url may be opened: is_web_url()
  bool archive_url_is_web = false;  // archive_url may be opened
  std::string citation;             // format_citation(), for "copy citation"
};

struct ObjectPage {
  ObjectIndex object = 0;
  std::string id;
  std::string title;  // the name; the ID when the object has none
  Kind kind = Kind::Technique;
  std::string kind_label;  // "Technique", "Actor type"; in the release's words ("Assessment")
  // Outermost first. Technique: phase, tactic, parent (sub-techniques). Tactic: phase.
  // Task, counter, detection: phase, tactic. Other kinds: none.
  std::vector<PageEntry> breadcrumbs;
  bool indexed = true;
  bool has_page = true;
  std::string availability_note;  // why the object is flagged; empty when it is not
  RichText summary;
  std::vector<PageField> fields;      // upstream order; empty values left out
  std::vector<PageSection> sections;  // non-empty only, in the kind's order (see page_model.cpp)
  std::string citations_title;        // "Incidents using this technique", "Techniques used"
  std::vector<Citation> citations;
  std::vector<PageReference> references;  // incidents' sources, upstream order
};

ObjectPage build_object_page(const Framework& framework, ObjectIndex object);

// "A. Writer (2024/05/02). Title. Example News. Cited by DISARM incident I00001, “Name”.
// https://... (archived: https://...)". Missing parts are left out.
std::string format_citation(const Reference& reference, const Object& incident);

// What a link's hover tooltip shows.
struct LinkPreview {
  ObjectIndex object = 0;
  std::string id;
  std::string name;
  std::string kind_label;
  std::string summary;  // plain text of at most kPreviewBytes bytes
  std::string availability_note;
};

inline constexpr std::size_t kPreviewBytes = 240;

LinkPreview preview(const Framework& framework, ObjectIndex object);

struct KindPageEntry {
  ObjectIndex object = 0;
  std::string id;
  std::string name;
  int depth = 0;  // 1 for sub-techniques
  bool indexed = true;
  bool has_page = true;
  std::string summary;  // plain text of at most kKindPageSummaryBytes bytes
};

inline constexpr std::size_t kKindPageSummaryBytes = 160;

// Every object of one kind, in ID order.
struct KindPage {
  Kind kind = Kind::Technique;
  std::string title;  // "Techniques"
  std::vector<KindPageEntry> entries;
};

KindPage build_kind_page(const Framework& framework, Kind kind);

}  // namespace disarm
