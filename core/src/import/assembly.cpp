#include "import/assembly.hpp"

#include <algorithm>

#include "text/ascii.hpp"
#include "disarm/model/object_id.hpp"
#include "import/markup_text.hpp"
#include "import/page_fields.hpp"

namespace disarm::importer {

namespace {

// Relations that both ends' datasheets list in full: each side is as authoritative as the
// other, so the relation is the union, and a pair only one side lists is reported.
bool is_two_sided(RelationType type) {
  return type == RelationType::IncidentTechnique || type == RelationType::CounterTechnique ||
         type == RelationType::CounterActorType || type == RelationType::CounterMetatechnique;
}

int authority(const Claim& c) {
  switch (c.source) {
    case ClaimSource::FromPage:
      return 0;
    case ClaimSource::ToPage:
      return is_two_sided(c.type) ? 0 : 2;
    case ClaimSource::Index:
      return 1;
    case ClaimSource::OtherPage:
      return 2;
  }
  return 2;
}

bool is_code_only(Kind kind) {
  return kind == Kind::Sector || kind == Kind::Framework;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

}  // namespace

std::string Assembly::location(const std::string& page, int line) const {
  return line > 0 ? page + ":" + std::to_string(line) : page;
}

void Assembly::warn(const std::string& page, int line, std::string message) {
  warnings_.push_back(Diagnostic{Severity::Warning, std::move(message), location(page, line)});
}

void Assembly::add_page_object(Object object, const std::string& page, int line) {
  std::string id = object.id;
  auto [it, inserted] = pages_.try_emplace(id, Located{std::move(object), page, line});
  if (!inserted) warn(page, line, id + " already has a page, " + it->second.page + "; this one is not imported");
}

void Assembly::add_index_row(Object object, const std::string& page, int line) {
  std::string id = object.id;
  auto [it, inserted] = index_rows_.try_emplace(id, Located{std::move(object), page, line});
  if (!inserted)
    warn(page, line,
         id + " is listed again (first on line " + std::to_string(it->second.line) + "); the first row is kept");
}

void Assembly::note_mention(const IdMention& mention, const std::string& page, int line) {
  auto [it, inserted] = mentions_.try_emplace(mention.id, Mention{mention.name, page, line});
  if (!inserted && it->second.name.empty() && !mention.name.empty()) it->second = Mention{mention.name, page, line};
}

void Assembly::add_claim(Claim claim) {
  for (const std::string* id : {&claim.from, &claim.to})
    if (auto key = parse_id(*id)) note_mention(IdMention{*id, key->kind, {}}, claim.page, claim.line);
  claims_.push_back(std::move(claim));
}

void Assembly::set_matrix(bool red, Matrix matrix) {
  for (const auto& column : matrix.columns) in_matrix_.insert(column.cells.begin(), column.cells.end());
  (red ? red_ : blue_) = std::move(matrix);
}

FrameworkData Assembly::finish(const Provenance& provenance) {
  std::map<std::string, Object> objects;
  std::array<bool, kKindCount> warned_no_index{};
  for (auto& [id, located] : pages_) {
    Object object = std::move(located.object);
    std::size_t kind = static_cast<std::size_t>(object.kind);
    auto row = index_rows_.find(id);
    if (!index_pages_[kind]) {
      if (!warned_no_index[kind]) {
        warned_no_index[kind] = true;
        warn(located.page, 0,
             "no " + std::string(kind_pages(object.kind).index) + " was given, so which " +
                 ascii_lower_case(kind_info(object.kind).plural) +
                 " upstream lists is unknown; all are taken as listed");
      }
    } else if (row == index_rows_.end() && !in_matrix_.count(id)) {
      object.indexed = false;
      warn(located.page, located.line, id + " is listed in no index or matrix page; imported with indexed=false");
    }
    if (row != index_rows_.end() && normalised_label(row->second.object.name) != normalised_label(object.name))
      warn(row->second.page, row->second.line,
           "names " + id + " \"" + row->second.object.name + "\", its page \"" + object.name +
               "\"; the page's name is kept");
    objects.emplace(id, std::move(object));
  }
  for (auto& [id, located] : index_rows_) {
    if (objects.count(id)) continue;
    Object object = std::move(located.object);
    object.has_page = false;
    if (!kind_pages(object.kind).folder.empty())
      warn(located.page, located.line, id + " has no page; imported from its index row with has_page=false");
    objects.emplace(id, std::move(object));
  }

  FrameworkData data;
  data.provenance = provenance;
  reconcile(data.relations);
  add_missing_objects(objects, data.relations);
  data.objects.reserve(objects.size());
  for (auto& [id, object] : objects) data.objects.push_back(std::move(object));
  data.red = std::move(red_);
  data.blue = std::move(blue_);
  sort_canonically(data);
  return data;
}

void Assembly::reconcile(std::vector<Relation>& relations) {
  std::map<std::pair<RelationType, std::string>, std::vector<const Claim*>> groups;
  for (const auto& c : claims_) groups[{c.type, c.from}].push_back(&c);
  for (const auto& [key, group] : groups) reconcile_group(group, relations);
}

void Assembly::reconcile_group(const std::vector<const Claim*>& group, std::vector<Relation>& relations) {
  const RelationType type = group.front()->type;
  const std::string& from = group.front()->from;
  int best = 2;
  for (const Claim* c : group) best = std::min(best, authority(*c));

  // The authoritative claims, those of the `from` object's own page first: its order is
  // the order upstream lists the relation in.
  std::vector<const Claim*> chosen;
  for (const Claim* c : group)
    if (authority(*c) == best && c->source == ClaimSource::FromPage) chosen.push_back(c);
  for (const Claim* c : group)
    if (authority(*c) == best && c->source != ClaimSource::FromPage) chosen.push_back(c);

  const std::vector<Pair> pairs = pair_claims(chosen);
  for (const Pair& p : pairs) relations.push_back(pair_relation(type, from, p));
  add_contradictions(group, best, pairs, chosen.front(), relations);
}

// The chosen claims by the pair they state, in order; a page that states a pair twice is
// warned about.
std::vector<Assembly::Pair> Assembly::pair_claims(const std::vector<const Claim*>& chosen) {
  std::vector<Pair> pairs;
  for (const Claim* c : chosen) {
    auto it = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.to == c->to; });
    if (it == pairs.end()) it = pairs.insert(pairs.end(), Pair{c->to, {}, {}, {}});
    auto& side = c->source == ClaimSource::FromPage ? it->from_side
                 : c->source == ClaimSource::ToPage ? it->to_side
                                                    : it->others;
    for (const Claim* seen : side)
      if (seen->page == c->page) {
        bool same_text = seen->text == c->text;
        warn(c->page, c->line,
             "lists " + (c->source == ClaimSource::ToPage ? c->from : c->to) + " again (also line " +
                 std::to_string(seen->line) + ")" +
                 (same_text ? "; counted once" : "; counted once, the texts of both rows are kept"));
        break;
      }
    side.push_back(c);
  }
  return pairs;
}

// The relation one pair states: its text as the authority gives it, disputed when a two-sided
// relation is stated on one side only.
Relation Assembly::pair_relation(RelationType type, const std::string& from, const Pair& p) {
  // The relation's text as its `from` page gives it; upstream's generator writes the same
  // pair's texts on the `to` page joined with ", ".
  auto distinct_texts = [](const std::vector<const Claim*>& claims) {
    std::vector<std::string> texts;
    for (const Claim* c : claims)
      if (!c->text.empty() && std::find(texts.begin(), texts.end(), c->text) == texts.end()) texts.push_back(c->text);
    return texts;
  };
  const auto& primary = !p.from_side.empty() ? p.from_side : !p.to_side.empty() ? p.to_side : p.others;
  std::string text = join(distinct_texts(primary), "<br><br>");
  if (!p.from_side.empty() && !p.to_side.empty()) {
    std::vector<std::string> all;
    for (const Claim* c : p.from_side) all.push_back(c->text);
    std::string generated = join(all, ", ");
    for (const Claim* c : p.to_side)
      if (c->text != generated && c->text != text)
        warn(c->page, c->line,
             "the text given for " + from + " and " + p.to + " differs from " + p.from_side.front()->page +
                 "'s; that page's text is kept");
  }
  std::string dispute;
  if (is_two_sided(type)) {
    if (p.to_side.empty() && !p.from_side.empty() && has_page(p.to)) {
      dispute = location(p.from_side.front()->page, p.from_side.front()->line) + " lists " + p.to + ", but " + p.to +
                "'s page does not list " + from;
      warn(p.from_side.front()->page, p.from_side.front()->line,
           "lists " + p.to + ", but " + p.to + "'s page does not list " + from + "; kept as disputed");
    }
    if (p.from_side.empty() && !p.to_side.empty() && has_page(from)) {
      dispute = location(p.to_side.front()->page, p.to_side.front()->line) + " lists " + from + ", but " + from +
                "'s page does not list " + p.to;
      warn(p.to_side.front()->page, p.to_side.front()->line,
           "lists " + from + ", but " + from + "'s page does not list " + p.to + "; kept as disputed");
    }
  }
  return Relation{type, from, p.to, std::move(text), std::move(dispute)};
}

void Assembly::add_contradictions(const std::vector<const Claim*>& group, int best, const std::vector<Pair>& pairs,
                                  const Claim* authority_claim, std::vector<Relation>& relations) {
  const RelationType type = group.front()->type;
  const std::string& from = group.front()->from;
  // Less authoritative pages that state a pair the authority does not: upstream contradicts
  // itself, and both sides are kept, this one marked as disputed. One relation per pair,
  // however many pages state it.
  std::vector<std::string> kept;
  for (const Pair& p : pairs) kept.push_back(p.to);
  std::string what = std::string(relation_info(type).forward);
  std::replace(what.begin(), what.end(), '_', ' ');
  std::vector<std::string> disputed;
  for (const Claim* c : group) {
    if (authority(*c) == best) continue;
    if (std::find(kept.begin(), kept.end(), c->to) != kept.end()) continue;
    std::string claim = location(c->page, c->line) + " gives " + c->to + " as " + from + "'s " + what + ", but " +
                        location(authority_claim->page, authority_claim->line) + " gives " + join(kept, ", ");
    warn(c->page, c->line,
         "gives " + c->to + " as " + from + "'s " + what + ", but " +
             location(authority_claim->page, authority_claim->line) + " gives " + join(kept, ", ") +
             "; both are kept, this one as disputed");
    auto seen = std::find(disputed.begin(), disputed.end(), c->to);
    if (seen != disputed.end()) continue;
    disputed.push_back(c->to);
    relations.push_back(Relation{type, from, c->to, c->text, std::move(claim)});
  }
}

void Assembly::add_missing_objects(std::map<std::string, Object>& objects, const std::vector<Relation>& relations) {
  auto ensure = [&](const std::string& id) {
    if (objects.count(id)) return;
    auto key = parse_id(id);
    if (!key) return;
    Object object;
    object.id = id;
    object.kind = key->kind;
    object.has_page = false;
    // Sectors and viewpoints exist only as codes: being page-less is their normal state.
    object.indexed = is_code_only(key->kind);
    auto mention = mentions_.find(id);
    if (mention != mentions_.end()) object.name = mention->second.name;
    if (!is_code_only(key->kind)) {
      std::string page = mention != mentions_.end() ? mention->second.page : std::string();
      int line = mention != mentions_.end() ? mention->second.line : 0;
      warn(page, line, "names " + id + ", which has no page or index row; imported with has_page=false");
    }
    objects.emplace(id, std::move(object));
  };
  for (const auto& r : relations) {
    ensure(r.from);
    ensure(r.to);
  }
  for (const Matrix* m : {&red_, &blue_})
    for (const auto& column : m->columns) {
      ensure(column.tactic);
      for (const auto& cell : column.cells) ensure(cell);
    }
}

}  // namespace disarm::importer
