#include "disarm/model/validation.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/ascii.hpp"

namespace disarm {

namespace {

// The kinds whose objects upstream publishes as pages of their own.
bool kind_has_pages(Kind kind) {
  switch (kind) {
    case Kind::Phase:
    case Kind::Tactic:
    case Kind::Technique:
    case Kind::Task:
    case Kind::Incident:
    case Kind::Counter:
    case Kind::ActorType:
    case Kind::Metatechnique:
      return true;
    default:
      return false;
  }
}

// "a technique", "an incident", "an actor type", in the release's words ("an assessment").
std::string a_kind(const Framework& fw, Kind kind) {
  std::string label = ascii_lower_case(fw.kind_label(kind));
  bool vowel = std::string_view("aeiou").find(label[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + label;
}

// Where a placeholder ID is named, for the message that says it is defined nowhere.
struct Mentions {
  std::size_t count = 0;
  std::string first;
};

class Checker {
 public:
  explicit Checker(const Framework& fw) : fw_(fw) {
    for (const auto& id : fw.placeholders()) placeholders_.insert(id);
  }

  Diagnostics run() {
    count_matrix_mentions();
    check_objects();
    check_relations();
    check_matrix(fw_.data().red, "red", Kind::Technique);
    check_matrix(fw_.data().blue, "blue", Kind::Counter);
    // By ID; locations that are not IDs (matrix cells, malformed IDs) after them, in the
    // order found, which is already stable.
    std::stable_sort(out_.begin(), out_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      auto ka = parse_id(a.location);
      auto kb = parse_id(b.location);
      if (ka && kb) return id_less(a.location, b.location);
      return ka.has_value() && !kb.has_value();
    });
    return std::move(out_);
  }

 private:
  void error(std::string location, std::string message) {
    out_.push_back({Severity::Error, std::move(message), std::move(location)});
  }
  void warning(std::string location, std::string message) {
    out_.push_back({Severity::Warning, std::move(message), std::move(location)});
  }

  bool is_placeholder(const Object& o) const { return placeholders_.count(o.id) > 0; }

  // A placeholder's kind is guessed from its ID; when the ID is malformed there is no kind
  // to check against.
  std::optional<Kind> known_kind(const Object& o) const {
    if (is_placeholder(o) && !parse_id(o.id)) return std::nullopt;
    return o.kind;
  }

  std::optional<Kind> known_kind(const std::string& id) const {
    const Object* o = fw_.find_object(id);
    return o ? known_kind(*o) : std::nullopt;
  }

  void count_matrix_mentions() {
    for (const auto& entry : {std::pair{&fw_.data().red, "red"}, std::pair{&fw_.data().blue, "blue"}}) {
      // Named, not a structured binding: clang 14 (Emscripten) cannot capture those.
      const Matrix* matrix = entry.first;
      const char* name = entry.second;
      auto mention = [&](const std::string& id) {
        if (!placeholders_.count(id)) return;
        Mentions& m = matrix_mentions_[id];
        if (m.count++ == 0) m.first = std::string("the ") + name + " matrix";
      };
      for (const auto& column : matrix->columns) {
        mention(column.tactic);
        for (const auto& cell : column.cells) mention(cell);
      }
    }
  }

  void check_objects() {
    auto objects = fw_.objects();
    for (ObjectIndex i = 0; i < objects.size(); ++i) {
      const Object& o = objects[i];
      bool placeholder = is_placeholder(o);
      if (placeholder) report_dangling(i);
      check_id(o, placeholder);
      if (i == 0 || objects[i - 1].id != o.id) {
        std::size_t copies = 1;
        while (i + copies < objects.size() && objects[i + copies].id == o.id) ++copies;
        if (copies > 1) error(o.id, "defined " + std::to_string(copies) + " times");
      }
      if (placeholder) continue;  // only named: it has no name, page or relations of its own
      // Sectors and framework viewpoints are codes without pages, and upstream names none.
      if (o.name.empty() && (o.has_page || kind_has_pages(o.kind))) warning(o.id, "has no name");
      if (!o.indexed && o.has_page) warning(o.id, "has a page but is listed in no index");
      if (!o.has_page && kind_has_pages(o.kind))
        warning(o.id, "has no page, though " + a_kind(fw_, o.kind) + " has one");
      if (o.kind == Kind::Technique) check_parent(i);
    }
  }

  void report_dangling(ObjectIndex i) {
    const Object& o = fw_.object(i);
    auto links = fw_.links(i);
    auto matrix = matrix_mentions_.find(o.id);
    std::size_t mentions = links.size() + (matrix == matrix_mentions_.end() ? 0 : matrix->second.count);
    std::string first;
    if (!links.empty()) {
      const Relation& r = fw_.relations()[links.front().relation];
      first = std::string(relation_info(r.type).name) + " relation " + r.from + " -> " + r.to;
    } else if (matrix != matrix_mentions_.end()) {
      first = matrix->second.first;
    }
    std::string message = "referenced but defined nowhere (by " + first;
    if (mentions > 1) message += " and " + std::to_string(mentions - 1) + " more";
    error(o.id, message + ")");
  }

  void check_id(const Object& o, bool placeholder) {
    if (o.id.empty()) {
      error("", o.name.empty() ? "an object has an empty ID" : "object \"" + o.name + "\" has an empty ID");
      return;
    }
    auto key = parse_id(o.id);
    if (!key) {
      std::string message = "malformed ID";
      if (!placeholder) message += ": " + a_kind(fw_, o.kind) + " ID looks like " + canonical_id({o.kind, 1, -1});
      error(o.id, message);
      return;
    }
    if (key->kind != o.kind)
      error(o.id, "the ID is " + a_kind(fw_, key->kind) + " ID, but the object is " + a_kind(fw_, o.kind));
    if (std::string canonical = canonical_id(*key); canonical != o.id)
      error(o.id, "malformed ID: the canonical form is " + canonical);
  }

  void check_parent(ObjectIndex i) {
    const Object& o = fw_.object(i);
    auto key = parse_id(o.id);
    if (!key || key->kind != Kind::Technique) return;  // reported by check_id
    auto parents = fw_.related(i, RelationType::TechniqueParent, true);
    if (key->sub < 0) {
      if (!parents.empty())
        error(o.id, "has a parent (" + fw_.object(parents.front()).id + ") but its ID is not a sub-technique's");
      return;
    }
    if (parents.empty()) {
      error(o.id, "sub-technique has no parent (no technique-parent relation)");
      return;
    }
    if (parents.size() > 1) error(o.id, "sub-technique has " + std::to_string(parents.size()) + " parents");
    std::string expected = canonical_id({Kind::Technique, key->number, -1, key->pattern});
    for (ObjectIndex p : parents)
      if (fw_.object(p).id != expected)
        error(o.id, "sub-technique's parent is " + fw_.object(p).id + ", but its ID makes it " + expected + "'s");
  }

  void check_relations() {
    for (const Relation& r : fw_.relations()) {
      const RelationInfo& info = relation_info(r.type);
      std::string what = std::string(info.name) + " relation to " + r.to + ": ";
      if (auto kind = known_kind(r.from); kind && *kind != info.from)
        error(r.from, what + r.from + " is " + a_kind(fw_, *kind) + ", expected " + a_kind(fw_, info.from));
      if (auto kind = known_kind(r.to); kind && *kind != info.to)
        error(r.from, what + r.to + " is " + a_kind(fw_, *kind) + ", expected " + a_kind(fw_, info.to));
      // Upstream's pages contradict each other here; the importer kept both sides.
      if (r.disputed())
        warning(r.from, "disputed " + std::string(info.name) + " relation to " + r.to + ": " + r.dispute);
    }
  }

  void check_matrix(const Matrix& matrix, const char* name, Kind cells_kind) {
    std::string base = std::string("/matrices/") + name + "/";
    for (std::size_t c = 0; c < matrix.columns.size(); ++c) {
      const MatrixColumn& column = matrix.columns[c];
      std::string at = base + std::to_string(c);
      if (auto kind = known_kind(column.tactic); kind && *kind != Kind::Tactic)
        error(at + "/tactic", column.tactic + " is " + a_kind(fw_, *kind) + "; matrix columns are tactics");
      for (std::size_t j = 0; j < column.cells.size(); ++j) {
        if (auto kind = known_kind(column.cells[j]); kind && *kind != cells_kind)
          error(at + "/cells/" + std::to_string(j), column.cells[j] + " is " + a_kind(fw_, *kind) + "; " + name +
                                                        " matrix cells are " +
                                                        ascii_lower_case(fw_.kind_plural(cells_kind)));
      }
    }
  }

  const Framework& fw_;
  std::unordered_set<std::string> placeholders_;
  std::unordered_map<std::string, Mentions> matrix_mentions_;
  Diagnostics out_;
};

}  // namespace

Diagnostics validate(const Framework& framework) {
  return Checker(framework).run();
}

}  // namespace disarm
