#include "disarm/io/snapshot.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

#include "io/json_tree.hpp"

namespace disarm {

namespace {

using J = JsonTree::Index;
constexpr J kNone = JsonTree::kNone;

// A JSON path that is spelled out only when an error needs it: each level lives on the
// stack of the function reading it and points at its parent.
class Path {
 public:
  Path() = default;  // the document itself
  Path member(std::string_view key) const { return Path(this, key, 0); }
  Path element(std::size_t index) const { return Path(this, {}, index); }

  std::string str() const {
    if (!parent_) return "";
    return parent_->str() + "/" + (key_.empty() ? std::to_string(index_) : std::string(key_));
  }

 private:
  Path(const Path* parent, std::string_view key, std::size_t index) : parent_(parent), key_(key), index_(index) {}
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
};

// Reads typed values out of the tree, checking each type and remembering the first problem
// with its JSON path. After an error every read is a no-op, so callers check once at the end.
class Reader {
 public:
  explicit Reader(const JsonTree& tree) : tree_(tree) {}

  const JsonTree& tree() const { return tree_; }
  bool failed() const { return error_.has_value(); }
  Error take_error() { return std::move(*error_); }

  void fail(const Path& path, std::string message) {
    if (error_) return;
    std::string location = path.str();
    error_ = Error{std::move(message), location.empty() ? "/" : std::move(location)};
  }

  J member(J obj, const Path& path, const char* key, bool required) {
    if (failed()) return kNone;
    J v = tree_.member(obj, key);
    if (v == kNone && required) fail(path, std::string("missing required member \"") + key + "\"");
    return v;
  }

  bool expect(J v, JsonType type, const Path& path, const char* what) {
    if (failed() || v == kNone) return false;
    if (tree_.type(v) == type) return true;
    fail(path, std::string("expected ") + what + ", found " + tree_.type_name(v));
    return false;
  }

  void string(J obj, const Path& path, const char* key, std::string& out, bool required = false) {
    J v = member(obj, path, key, required);
    if (expect(v, JsonType::String, path.member(key), "a string")) out = tree_.text(v);
  }

  void boolean(J obj, const Path& path, const char* key, bool& out) {
    J v = member(obj, path, key, false);
    if (expect(v, JsonType::Boolean, path.member(key), "true or false")) out = tree_.boolean(v);
  }

  J array(J obj, const Path& path, const char* key, bool required = false) {
    J v = member(obj, path, key, required);
    return expect(v, JsonType::Array, path.member(key), "an array") ? v : kNone;
  }

  J object(J obj, const Path& path, const char* key, bool required = false) {
    J v = member(obj, path, key, required);
    return expect(v, JsonType::Object, path.member(key), "an object") ? v : kNone;
  }

  bool is_object(J v, const Path& path) { return expect(v, JsonType::Object, path, "an object"); }

  void id(J obj, const Path& path, const char* key, std::string& out) {
    string(obj, path, key, out, true);
    if (!failed() && out.empty()) fail(path.member(key), "empty ID");
  }

 private:
  const JsonTree& tree_;
  std::optional<Error> error_;
};

// Calls read(element, path, index) for each element of an array while nothing has failed.
template <typename Read>
void for_each_element(Reader& r, J array, const Path& path, Read read) {
  const JsonTree& t = r.tree();
  J element = t.first_child(array);
  for (std::uint32_t i = 0; i < t.size(array) && !r.failed(); ++i, element = t.next_sibling(element))
    read(element, path.element(i), i);
}

void read_provenance(Reader& r, J v, const Path& path, Provenance& p) {
  if (!r.is_object(v, path)) return;
  r.string(v, path, "name", p.name);
  r.string(v, path, "source", p.source);
  r.string(v, path, "commit", p.commit);
  r.string(v, path, "date", p.date);
  r.string(v, path, "licence", p.licence, true);
  r.string(v, path, "licence_url", p.licence_url);
  r.string(v, path, "attribution", p.attribution);
}

// The required member "kind", one of the kinds' names; false, with the error, otherwise.
bool read_kind(Reader& r, J v, const Path& path, Kind& kind) {
  std::string name;
  r.string(v, path, "kind", name, true);
  if (r.failed()) return false;
  auto k = kind_from_name(name);
  if (!k) {
    r.fail(path.member("kind"), "unknown kind \"" + name + "\"");
    return false;
  }
  kind = *k;
  return true;
}

void read_object(Reader& r, J v, const Path& path, Object& o) {
  if (!r.is_object(v, path)) return;
  r.id(v, path, "id", o.id);
  if (!read_kind(r, v, path, o.kind)) return;
  r.string(v, path, "name", o.name);
  r.string(v, path, "summary", o.summary);
  r.boolean(v, path, "indexed", o.indexed);
  r.boolean(v, path, "has_page", o.has_page);
  if (J fields = r.array(v, path, "fields"); fields != kNone) {
    o.fields.reserve(r.tree().size(fields));
    for_each_element(r, fields, path.member("fields"), [&](J f, const Path& fp, std::uint32_t) {
      if (!r.is_object(f, fp)) return;
      Field field;
      r.string(f, fp, "key", field.key, true);
      r.string(f, fp, "value", field.value, true);
      o.fields.push_back(std::move(field));
    });
  }
  if (J refs = r.array(v, path, "references"); refs != kNone) {
    o.references.reserve(r.tree().size(refs));
    for_each_element(r, refs, path.member("references"), [&](J f, const Path& rp, std::uint32_t) {
      if (!r.is_object(f, rp)) return;
      Reference ref;
      r.string(f, rp, "title", ref.title);
      r.string(f, rp, "url", ref.url);
      r.string(f, rp, "published", ref.published);
      r.string(f, rp, "authors", ref.authors);
      r.string(f, rp, "organisation", ref.organisation);
      r.string(f, rp, "archive_url", ref.archive_url);
      o.references.push_back(std::move(ref));
    });
  }
}

void read_relation(Reader& r, J v, const Path& path, Relation& rel) {
  if (!r.is_object(v, path)) return;
  std::string type;
  r.string(v, path, "type", type, true);
  if (r.failed()) return;
  auto t = relation_type_from_name(type);
  if (!t) return r.fail(path.member("type"), "unknown relation type \"" + type + "\"");
  rel.type = *t;
  r.id(v, path, "from", rel.from);
  r.id(v, path, "to", rel.to);
  r.string(v, path, "text", rel.text);
  r.string(v, path, "dispute", rel.dispute);
}

void read_release(Reader& r, J v, const Path& path, Release& release) {
  if (!r.is_object(v, path)) return;
  r.string(v, path, "framework", release.framework);
  r.string(v, path, "version", release.version);
  if (J words = r.array(v, path, "vocabulary"); words != kNone) {
    for_each_element(r, words, path.member("vocabulary"), [&](J w, const Path& wp, std::uint32_t) {
      if (!r.is_object(w, wp)) return;
      KindWords kw;
      if (!read_kind(r, w, wp, kw.kind)) return;
      r.string(w, wp, "singular", kw.singular, true);
      r.string(w, wp, "plural", kw.plural, true);
      r.string(w, wp, "id_prefix", kw.id_prefix);
      if (r.failed()) return;
      if (J digits = r.member(w, wp, "id_digits", false); digits != kNone) {
        const JsonTree& t = r.tree();
        if (t.type(digits) != JsonType::Number || !t.is_integer(digits))
          return r.fail(wp.member("id_digits"), std::string("expected an integer, found ") + t.type_name(digits));
        std::string_view literal = t.text(digits);
        std::from_chars(literal.data(), literal.data() + literal.size(), kw.id_digits);
      }
      release.vocabulary.words.push_back(std::move(kw));
    });
  }
  // A snapshot that names a known framework but not its words gets the framework's.
  if (!r.failed() && release.vocabulary.words.empty()) release.vocabulary = framework_vocabulary(release.framework);
}

void read_matrix(Reader& r, J v, const Path& path, Matrix& m) {
  if (r.failed()) return;
  const JsonTree& t = r.tree();
  if (t.type(v) != JsonType::Array)
    return r.fail(path, std::string("expected an array of columns, found ") + t.type_name(v));
  for_each_element(r, v, path, [&](J c, const Path& cp, std::uint32_t) {
    if (!r.is_object(c, cp)) return;
    MatrixColumn col;
    r.id(c, cp, "tactic", col.tactic);
    if (J cells = r.array(c, cp, "cells", true); cells != kNone) {
      col.cells.reserve(t.size(cells));
      Path cells_path = cp.member("cells");
      J cell = t.first_child(cells);
      for (std::uint32_t j = 0; j < t.size(cells); ++j, cell = t.next_sibling(cell)) {
        if (t.type(cell) != JsonType::String || t.text(cell).empty())
          return r.fail(cells_path.element(j), "expected an ID string");
        col.cells.emplace_back(t.text(cell));
      }
    }
    m.columns.push_back(std::move(col));
  });
}

void read_version(Reader& r, J doc) {
  const JsonTree& t = r.tree();
  const Path root;
  J version = r.member(doc, root, "version", true);
  if (version == kNone) return;
  const Path path = root.member("version");
  if (t.type(version) != JsonType::Number || !t.is_integer(version))
    return r.fail(path, std::string("expected an integer, found ") + t.type_name(version));
  std::string_view literal = t.text(version);
  long long number = 0;
  auto [end, problem] = std::from_chars(literal.data(), literal.data() + literal.size(), number);
  if (problem != std::errc() || end != literal.data() + literal.size() || number < kOldestSnapshotVersion ||
      number > kSnapshotVersion)
    r.fail(path, "snapshot version " + std::string(literal) + " is not supported (this viewer reads versions " +
                     std::to_string(kOldestSnapshotVersion) + " to " + std::to_string(kSnapshotVersion) + ")");
}

}  // namespace

Result<FrameworkData> parse_snapshot(std::string_view text) {
  auto parsed = JsonTree::parse(text);
  if (!parsed) return parsed.error();
  return read_snapshot(parsed.value());
}

Result<FrameworkData> read_snapshot(const JsonTree& tree) {
  J doc = tree.root();
  if (tree.type(doc) != JsonType::Object)
    return Error{std::string("expected a snapshot object, found ") + tree.type_name(doc), "/"};

  Reader r(tree);
  FrameworkData data;
  const Path root;
  std::string format;
  r.string(doc, root, "format", format, true);
  if (!r.failed() && format != kSnapshotFormat)
    r.fail(root.member("format"),
           "not a DISARM snapshot (format is \"" + format + "\", expected \"" + std::string(kSnapshotFormat) + "\")");
  read_version(r, doc);
  if (J p = r.object(doc, root, "provenance", true); p != kNone)
    read_provenance(r, p, root.member("provenance"), data.provenance);
  if (J release = r.object(doc, root, "release"); release != kNone)
    read_release(r, release, root.member("release"), data.release);
  if (J objects = r.array(doc, root, "objects", true); objects != kNone) {
    data.objects.resize(tree.size(objects));
    for_each_element(r, objects, root.member("objects"),
                     [&](J v, const Path& path, std::uint32_t i) { read_object(r, v, path, data.objects[i]); });
  }
  if (J relations = r.array(doc, root, "relations"); relations != kNone) {
    data.relations.resize(tree.size(relations));
    for_each_element(r, relations, root.member("relations"),
                     [&](J v, const Path& path, std::uint32_t i) { read_relation(r, v, path, data.relations[i]); });
  }
  if (J matrices = r.object(doc, root, "matrices"); matrices != kNone) {
    Path matrices_path = root.member("matrices");
    if (J red = r.member(matrices, matrices_path, "red", false); red != kNone)
      read_matrix(r, red, matrices_path.member("red"), data.red);
    if (J blue = r.member(matrices, matrices_path, "blue", false); blue != kNone)
      read_matrix(r, blue, matrices_path.member("blue"), data.blue);
  }
  if (r.failed()) return r.take_error();
  return data;
}

Result<Framework> load_snapshot(std::string_view text) {
  auto data = parse_snapshot(text);
  if (!data) return data.error();
  return Framework::build(std::move(data).value());
}

namespace {

using ojson = nlohmann::ordered_json;

void put_if(ojson& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

ojson write_matrix(const Matrix& m) {
  ojson cols = ojson::array();
  for (const auto& c : m.columns) cols.push_back({{"tactic", c.tactic}, {"cells", c.cells}});
  return cols;
}

// One element per line: small diffs between two imports, and still compact.
std::string dump_array(const ojson& array) {
  std::string out = "[";
  for (std::size_t i = 0; i < array.size(); ++i) {
    out += i ? ",\n  " : "\n  ";
    out += array[i].dump(-1, ' ', false, ojson::error_handler_t::replace);
  }
  out += array.empty() ? "]" : "\n ]";
  return out;
}

}  // namespace

std::string save_snapshot(FrameworkData data) {
  sort_canonically(data);
  ojson provenance;
  const Provenance& p = data.provenance;
  put_if(provenance, "name", p.name);
  put_if(provenance, "source", p.source);
  put_if(provenance, "commit", p.commit);
  put_if(provenance, "date", p.date);
  provenance["licence"] = p.licence;
  put_if(provenance, "licence_url", p.licence_url);
  put_if(provenance, "attribution", p.attribution);

  ojson objects = ojson::array();
  for (const auto& o : data.objects) {
    ojson j;
    j["id"] = o.id;
    j["kind"] = kind_name(o.kind);
    put_if(j, "name", o.name);
    put_if(j, "summary", o.summary);
    if (!o.fields.empty()) {
      ojson fields = ojson::array();
      for (const auto& f : o.fields) fields.push_back({{"key", f.key}, {"value", f.value}});
      j["fields"] = std::move(fields);
    }
    if (!o.references.empty()) {
      ojson refs = ojson::array();
      for (const auto& r : o.references) {
        ojson jr = ojson::object();
        put_if(jr, "title", r.title);
        put_if(jr, "url", r.url);
        put_if(jr, "published", r.published);
        put_if(jr, "authors", r.authors);
        put_if(jr, "organisation", r.organisation);
        put_if(jr, "archive_url", r.archive_url);
        refs.push_back(std::move(jr));
      }
      j["references"] = std::move(refs);
    }
    if (!o.indexed) j["indexed"] = false;
    if (!o.has_page) j["has_page"] = false;
    objects.push_back(std::move(j));
  }

  ojson relations = ojson::array();
  for (const auto& r : data.relations) {
    ojson j;
    j["type"] = relation_info(r.type).name;
    j["from"] = r.from;
    j["to"] = r.to;
    put_if(j, "text", r.text);
    put_if(j, "dispute", r.dispute);
    relations.push_back(std::move(j));
  }

  ojson release = ojson::object();
  put_if(release, "framework", data.release.framework);
  put_if(release, "version", data.release.version);
  if (!data.release.vocabulary.words.empty()) {
    ojson words = ojson::array();
    for (const auto& w : data.release.vocabulary.words)
      words.push_back({{"kind", kind_name(w.kind)},
                       {"singular", w.singular},
                       {"plural", w.plural},
                       {"id_prefix", w.id_prefix},
                       {"id_digits", w.id_digits}});
    release["vocabulary"] = std::move(words);
  }

  auto dump = [](const ojson& v) { return v.dump(-1, ' ', false, ojson::error_handler_t::replace); };
  std::string out = "{\n";
  out += " \"format\": " + dump(std::string(kSnapshotFormat)) + ",\n";
  out += " \"version\": " + std::to_string(kSnapshotVersion) + ",\n";
  out += " \"provenance\": " + dump(provenance) + ",\n";
  out += " \"release\": " + dump(release) + ",\n";
  out += " \"matrices\": {\"red\": " + dump(write_matrix(data.red)) + ", \"blue\": " + dump(write_matrix(data.blue)) +
         "},\n";
  out += " \"objects\": " + dump_array(objects) + ",\n";
  out += " \"relations\": " + dump_array(relations) + "\n}\n";
  return out;
}

}  // namespace disarm
