#include "disarm/pages/page_model.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <tuple>

#include "text/ascii.hpp"

namespace disarm {

namespace {

using R = RelationType;

// The sections of each kind's page, in the order a reader wants them: what the object is
// made of or part of first, then what acts on it.
struct SectionSpec {
  Kind kind;
  RelationType relation;
  bool forward;
  std::string_view title;
};

constexpr std::array kSectionSpecs = {
    SectionSpec{Kind::Phase, R::TacticPhase, false, "Tactics"},

    SectionSpec{Kind::Tactic, R::TechniqueTactic, false, "Techniques"},
    SectionSpec{Kind::Tactic, R::TaskTactic, false, "Tasks"},
    SectionSpec{Kind::Tactic, R::CounterTactic, false, "Counters"},
    SectionSpec{Kind::Tactic, R::CounterCountersTactic, false, "Countered by"},
    SectionSpec{Kind::Tactic, R::DetectionTactic, false, "Detections"},
    SectionSpec{Kind::Tactic, R::TacticPhase, true, "Phase"},

    SectionSpec{Kind::Technique, R::TechniqueParent, false, "Sub-techniques"},
    SectionSpec{Kind::Technique, R::TechniqueParent, true, "Parent technique"},
    SectionSpec{Kind::Technique, R::TechniqueTactic, true, "Tactic"},
    SectionSpec{Kind::Technique, R::CounterTechnique, false, "Counters"},
    SectionSpec{Kind::Technique, R::TechniqueAssociated, true, "Associated techniques"},
    SectionSpec{Kind::Technique, R::TechniqueAssociated, false, "Associated with"},

    SectionSpec{Kind::Task, R::TaskTactic, true, "Tactic"},

    SectionSpec{Kind::Incident, R::CounterIncident, false, "Counters"},

    SectionSpec{Kind::Counter, R::CounterTactic, true, "Tactic"},
    SectionSpec{Kind::Counter, R::CounterCountersTactic, true, "Tactics countered"},
    SectionSpec{Kind::Counter, R::CounterTechnique, true, "Techniques countered"},
    SectionSpec{Kind::Counter, R::CounterIncident, true, "Seen in incidents"},
    SectionSpec{Kind::Counter, R::CounterMetatechnique, true, "Metatechnique"},
    SectionSpec{Kind::Counter, R::CounterResponseType, true, "Response type"},
    SectionSpec{Kind::Counter, R::CounterActorType, true, "Actor types"},
    SectionSpec{Kind::Counter, R::CounterSector, true, "Sectors"},

    SectionSpec{Kind::ActorType, R::CounterActorType, false, "Counters"},
    SectionSpec{Kind::ActorType, R::ActorTypeSector, true, "Sectors"},
    SectionSpec{Kind::ActorType, R::ActorTypeFramework, true, "Framework viewpoints"},

    SectionSpec{Kind::Metatechnique, R::CounterMetatechnique, false, "Counters"},
    SectionSpec{Kind::Metatechnique, R::DetectionMetatechnique, false, "Detections"},

    SectionSpec{Kind::Detection, R::DetectionTactic, true, "Tactic"},
    SectionSpec{Kind::Detection, R::DetectionMetatechnique, true, "Metatechnique"},
    SectionSpec{Kind::Detection, R::DetectionResponseType, true, "Response type"},

    SectionSpec{Kind::ResponseType, R::CounterResponseType, false, "Counters"},
    SectionSpec{Kind::ResponseType, R::DetectionResponseType, false, "Detections"},

    SectionSpec{Kind::Sector, R::CounterSector, false, "Counters"},
    SectionSpec{Kind::Sector, R::ActorTypeSector, false, "Actor types"},

    SectionSpec{Kind::Framework, R::ActorTypeFramework, false, "Actor types"},
};

// Citations: the incident-technique relation seen from either end.
struct CitationSpec {
  Kind kind;
  bool forward;
  std::string_view title;
};

constexpr std::array kCitationSpecs = {
    CitationSpec{Kind::Technique, false, "Incidents using this technique"},
    CitationSpec{Kind::Incident, true, "Techniques used"},
};

PageEntry entry(const Framework& framework, ObjectIndex index) {
  const Object& o = framework.object(index);
  return {index, o.id, o.name};
}

std::optional<ObjectIndex> first_related(const Framework& framework, ObjectIndex index, RelationType type) {
  for (const Link& link : framework.links(index))
    if (link.type == type && link.forward) return link.other;
  return std::nullopt;
}

// The tactic an object hangs under, for breadcrumbs.
std::optional<RelationType> tactic_relation(Kind kind) {
  switch (kind) {
    case Kind::Technique:
      return R::TechniqueTactic;
    case Kind::Task:
      return R::TaskTactic;
    case Kind::Counter:
      return R::CounterTactic;
    case Kind::Detection:
      return R::DetectionTactic;
    default:
      return std::nullopt;
  }
}

std::vector<PageEntry> breadcrumbs(const Framework& framework, ObjectIndex index) {
  const Kind kind = framework.object(index).kind;
  std::vector<PageEntry> crumbs;
  if (kind == Kind::Tactic) {
    if (auto phase = first_related(framework, index, R::TacticPhase)) crumbs.push_back(entry(framework, *phase));
    return crumbs;
  }
  if (auto relation = tactic_relation(kind)) {
    if (auto tactic = first_related(framework, index, *relation)) {
      if (auto phase = first_related(framework, *tactic, R::TacticPhase)) crumbs.push_back(entry(framework, *phase));
      crumbs.push_back(entry(framework, *tactic));
    }
  }
  if (kind == Kind::Technique)
    if (auto parent = first_related(framework, index, R::TechniqueParent); parent && *parent != index)
      crumbs.push_back(entry(framework, *parent));
  return crumbs;
}

std::string availability_note(const Object& o) {
  if (!o.has_page) return "No datasheet upstream: only named by other objects";
  if (!o.indexed) return "Listed in no upstream index or matrix";
  return {};
}

// "associated_techniques" -> "Associated techniques": a title for a relation the kind's
// table does not expect (data that joins the wrong kinds), so that nothing goes unshown.
std::string fallback_title(std::string_view name) {
  std::string title(name);
  for (char& c : title)
    if (c == '_') c = ' ';
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

// Adds the link's object once; the texts of repeated links are all kept, in order.
void add_link(std::vector<SectionEntry>& entries, const Framework& framework, const Link& link) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const SectionEntry& e) { return e.object == link.other; });
  if (it == entries.end()) {
    entries.push_back({entry(framework, link.other), {}, {}});
    it = entries.end() - 1;
  }
  const Relation& relation = framework.relations()[link.relation];
  if (relation.disputed()) {
    if (!it->dispute.empty()) it->dispute += "; ";
    it->dispute += relation.dispute;
  }
  const std::string& text = relation.text;
  if (text.empty()) return;
  RichText note = parse_rich_text(framework, text);
  for (Block& block : note.blocks) it->note.blocks.push_back(std::move(block));
}

std::vector<PageSection> sections(const Framework& framework, ObjectIndex index, const CitationSpec* citations) {
  const Kind kind = framework.object(index).kind;
  std::vector<PageSection> out;
  std::array<bool, 2 * kRelationTypeCount> shown{};
  auto slot = [](RelationType type, bool forward) { return 2 * static_cast<std::size_t>(type) + (forward ? 0 : 1); };
  if (citations) shown[slot(R::IncidentTechnique, citations->forward)] = true;

  auto fill = [&](RelationType type, bool forward, std::string title) {
    PageSection section{framework.release().vocabulary.reword(title), type, forward, {}};
    for (const Link& link : framework.links(index))
      if (link.type == type && link.forward == forward) add_link(section.entries, framework, link);
    shown[slot(type, forward)] = true;
    if (!section.entries.empty()) out.push_back(std::move(section));
  };
  for (const SectionSpec& spec : kSectionSpecs)
    if (spec.kind == kind) fill(spec.relation, spec.forward, std::string(spec.title));
  for (const Link& link : framework.links(index))
    if (!shown[slot(link.type, link.forward)]) fill(link.type, link.forward, fallback_title(link.name()));
  return out;
}

std::vector<Citation> citations(const Framework& framework, ObjectIndex index, bool forward) {
  std::vector<Citation> out;
  for (const Link& link : framework.links(index)) {
    if (link.type != R::IncidentTechnique || link.forward != forward) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const Citation& c) { return c.cited.object == link.other; });
    if (it == out.end()) {
      out.push_back({entry(framework, link.other), {}, {}});
      it = out.end() - 1;
    }
    const Relation& relation = framework.relations()[link.relation];
    if (relation.disputed()) {
      if (!it->dispute.empty()) it->dispute += "; ";
      it->dispute += relation.dispute;
    }
    RichText quote = parse_rich_text(framework, relation.text);
    for (Block& block : quote.blocks) it->evidence.blocks.push_back(std::move(block));
  }
  return out;
}

void end_sentence(std::string& out) {
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
}

}  // namespace

ObjectPage build_object_page(const Framework& framework, ObjectIndex index) {
  const Object& o = framework.object(index);
  ObjectPage page;
  page.object = index;
  page.id = o.id;
  page.title = o.name.empty() ? o.id : o.name;
  page.kind = o.kind;
  page.kind_label = std::string(framework.kind_label(o.kind));
  page.breadcrumbs = breadcrumbs(framework, index);
  page.indexed = o.indexed;
  page.has_page = o.has_page;
  page.availability_note = availability_note(o);
  page.summary = parse_rich_text(framework, o.summary);
  for (const Field& field : o.fields) {
    RichText value = parse_rich_text(framework, field.value);
    if (!value.empty()) page.fields.push_back({field.key, std::move(value)});
  }
  const CitationSpec* citation_spec = nullptr;
  for (const CitationSpec& spec : kCitationSpecs)
    if (spec.kind == o.kind) citation_spec = &spec;
  page.sections = sections(framework, index, citation_spec);
  if (citation_spec) {
    page.citations_title = framework.release().vocabulary.reword(citation_spec->title);
    page.citations = citations(framework, index, citation_spec->forward);
  }
  for (const Reference& reference : o.references)
    page.references.push_back(
        {reference, is_web_url(reference.url), is_web_url(reference.archive_url), format_citation(reference, o)});
  return page;
}

std::string format_citation(const Reference& reference, const Object& incident) {
  const std::string title = collapse_whitespace(reference.title);
  const std::string url = collapse_whitespace(reference.url);
  const std::string published = collapse_whitespace(reference.published);
  const std::string authors = collapse_whitespace(reference.authors);
  const std::string organisation = collapse_whitespace(reference.organisation);
  const std::string archive = collapse_whitespace(reference.archive_url);

  std::string out;
  const std::string& lead = authors.empty() ? organisation : authors;
  if (!lead.empty()) {
    out += lead;
    if (!published.empty()) out += " (" + published + ")";
    end_sentence(out);
  } else if (!published.empty()) {
    out += "(" + published + ").";
  }
  // Upstream often gives the address as the title; it is shown once, at the end.
  if (!title.empty() && title != url && title != archive && !is_web_url(title)) {
    if (!out.empty()) out += ' ';
    out += title;
    end_sentence(out);
  }
  if (!authors.empty() && !organisation.empty()) {
    out += ' ' + organisation;
    end_sentence(out);
  }
  if (!out.empty()) out += ' ';
  out += "Cited by DISARM incident " + incident.id;
  const std::string name = collapse_whitespace(incident.name);
  if (!name.empty()) out += ", \xE2\x80\x9C" + name + "\xE2\x80\x9D";  // “name”
  out += '.';
  // The addresses come last, with no full stop after them that could read as part of one.
  if (!url.empty()) out += ' ' + url;
  if (!archive.empty()) out += " (archived: " + archive + ")";
  return out;
}

LinkPreview preview(const Framework& framework, ObjectIndex index) {
  const Object& o = framework.object(index);
  LinkPreview p;
  p.object = index;
  p.id = o.id;
  p.name = o.name;
  p.kind_label = std::string(framework.kind_label(o.kind));
  p.summary = plain_text(parse_rich_text(framework, o.summary), kPreviewBytes);
  p.availability_note = availability_note(o);
  return p;
}

KindPage build_kind_page(const Framework& framework, Kind kind) {
  KindPage page;
  page.kind = kind;
  page.title = std::string(framework.kind_plural(kind));
  auto objects = framework.objects();
  for (ObjectIndex i = 0; i < objects.size(); ++i) {
    const Object& o = objects[i];
    if (o.kind != kind) continue;
    KindPageEntry e;
    e.object = i;
    e.id = o.id;
    e.name = o.name;
    auto key = parse_id(o.id);
    e.depth = key && key->sub >= 0 ? 1 : 0;
    e.indexed = o.indexed;
    e.has_page = o.has_page;
    e.summary = plain_text(parse_rich_text(framework, o.summary), kKindPageSummaryBytes);
    page.entries.push_back(std::move(e));
  }
  return page;
}

}  // namespace disarm
