#include "disarm/snapshot.hpp"

#include <nlohmann/json.hpp>

namespace disarm {

namespace {

using nlohmann::json;

// Collects the first error where the parse detects it, so nothing here throws. nlohmann's
// sax_parse reports syntax errors through this handler instead of an exception.
class SyntaxErrorFinder : public nlohmann::json_sax<json> {
 public:
  std::string message;
  std::size_t position = 0;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
    position = pos;
    message = ex.what();
    return false;
  }
};

std::string line_column(std::string_view text, std::size_t pos) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// Reads typed values out of the DOM, checking each type and remembering the first problem
// with its JSON path. After an error every read is a no-op, so callers check once at the end.
class Reader {
 public:
  bool failed() const { return error_.has_value(); }
  Error take_error() { return std::move(*error_); }

  void fail(const std::string& path, std::string message) {
    if (!error_) error_ = Error{std::move(message), path.empty() ? "/" : path};
  }

  const json* member(const json& obj, const std::string& path, const char* key, bool required) {
    if (failed()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) fail(path, std::string("missing required member \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }

  bool expect(const json* v, json::value_t type, const std::string& path, const char* what) {
    if (failed() || !v) return false;
    bool ok = v->type() == type || (type == json::value_t::number_unsigned && v->is_number_integer() &&
                                    v->type() != json::value_t::number_integer);
    if (!ok) fail(path, std::string("expected ") + what + ", found " + v->type_name());
    return ok;
  }

  void string(const json& obj, const std::string& path, const char* key, std::string& out, bool required = false) {
    const json* v = member(obj, path, key, required);
    if (expect(v, json::value_t::string, path + "/" + key, "a string")) out = v->get_ref<const std::string&>();
  }

  void boolean(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = member(obj, path, key, false);
    if (expect(v, json::value_t::boolean, path + "/" + key, "true or false")) out = v->get<bool>();
  }

  const json* array(const json& obj, const std::string& path, const char* key, bool required = false) {
    const json* v = member(obj, path, key, required);
    return expect(v, json::value_t::array, path + "/" + key, "an array") ? v : nullptr;
  }

  const json* object(const json& obj, const std::string& path, const char* key, bool required = false) {
    const json* v = member(obj, path, key, required);
    return expect(v, json::value_t::object, path + "/" + key, "an object") ? v : nullptr;
  }

  bool is_object(const json& v, const std::string& path) {
    return expect(&v, json::value_t::object, path, "an object");
  }

  void id(const json& obj, const std::string& path, const char* key, std::string& out) {
    string(obj, path, key, out, true);
    if (!failed() && out.empty()) fail(path + "/" + key, "empty ID");
  }

 private:
  std::optional<Error> error_;
};

void read_provenance(Reader& r, const json& v, const std::string& path, Provenance& p) {
  if (!r.is_object(v, path)) return;
  r.string(v, path, "name", p.name);
  r.string(v, path, "source", p.source);
  r.string(v, path, "commit", p.commit);
  r.string(v, path, "date", p.date);
  r.string(v, path, "licence", p.licence, true);
  r.string(v, path, "licence_url", p.licence_url);
  r.string(v, path, "attribution", p.attribution);
}

void read_object(Reader& r, const json& v, const std::string& path, Object& o) {
  if (!r.is_object(v, path)) return;
  r.id(v, path, "id", o.id);
  std::string kind;
  r.string(v, path, "kind", kind, true);
  if (r.failed()) return;
  auto k = kind_from_name(kind);
  if (!k) return r.fail(path + "/kind", "unknown kind \"" + kind + "\"");
  o.kind = *k;
  r.string(v, path, "name", o.name);
  r.string(v, path, "summary", o.summary);
  r.boolean(v, path, "indexed", o.indexed);
  r.boolean(v, path, "has_page", o.has_page);
  if (const json* fields = r.array(v, path, "fields")) {
    for (std::size_t i = 0; i < fields->size() && !r.failed(); ++i) {
      std::string fp = path + "/fields/" + std::to_string(i);
      const json& f = (*fields)[i];
      if (!r.is_object(f, fp)) break;
      Field field;
      r.string(f, fp, "key", field.key, true);
      r.string(f, fp, "value", field.value, true);
      o.fields.push_back(std::move(field));
    }
  }
  if (const json* refs = r.array(v, path, "references")) {
    for (std::size_t i = 0; i < refs->size() && !r.failed(); ++i) {
      std::string rp = path + "/references/" + std::to_string(i);
      const json& f = (*refs)[i];
      if (!r.is_object(f, rp)) break;
      Reference ref;
      r.string(f, rp, "title", ref.title);
      r.string(f, rp, "url", ref.url);
      r.string(f, rp, "published", ref.published);
      r.string(f, rp, "authors", ref.authors);
      r.string(f, rp, "organisation", ref.organisation);
      r.string(f, rp, "archive_url", ref.archive_url);
      o.references.push_back(std::move(ref));
    }
  }
}

void read_relation(Reader& r, const json& v, const std::string& path, Relation& rel) {
  if (!r.is_object(v, path)) return;
  std::string type;
  r.string(v, path, "type", type, true);
  if (r.failed()) return;
  auto t = relation_type_from_name(type);
  if (!t) return r.fail(path + "/type", "unknown relation type \"" + type + "\"");
  rel.type = *t;
  r.id(v, path, "from", rel.from);
  r.id(v, path, "to", rel.to);
  r.string(v, path, "text", rel.text);
}

void read_matrix(Reader& r, const json& v, const std::string& path, Matrix& m) {
  if (r.failed()) return;
  if (!v.is_array()) return r.fail(path, std::string("expected an array of columns, found ") + v.type_name());
  for (std::size_t i = 0; i < v.size() && !r.failed(); ++i) {
    std::string cp = path + "/" + std::to_string(i);
    const json& c = v[i];
    if (!r.is_object(c, cp)) return;
    MatrixColumn col;
    r.id(c, cp, "tactic", col.tactic);
    if (const json* cells = r.array(c, cp, "cells", true)) {
      for (std::size_t j = 0; j < cells->size(); ++j) {
        const json& cell = (*cells)[j];
        if (!cell.is_string() || cell.get_ref<const std::string&>().empty())
          return r.fail(cp + "/cells/" + std::to_string(j), "expected an ID string");
        col.cells.push_back(cell.get<std::string>());
      }
    }
    m.columns.push_back(std::move(col));
  }
}

}  // namespace

Result<FrameworkData> parse_snapshot(std::string_view text) {
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    SyntaxErrorFinder finder;
    json::sax_parse(text.begin(), text.end(), &finder, nlohmann::detail::input_format_t::json, true);
    std::string message = finder.message.empty() ? "not valid JSON" : finder.message;
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: "
    if (auto colon = message.find(": "); message.rfind("[json.exception", 0) == 0 && colon != std::string::npos)
      message = message.substr(colon + 2);
    return Error{"invalid JSON: " + message, line_column(text, finder.position ? finder.position - 1 : 0)};
  }

  Reader r;
  FrameworkData data;
  if (!doc.is_object()) return Error{std::string("expected a snapshot object, found ") + doc.type_name(), "/"};
  std::string format;
  r.string(doc, "", "format", format, true);
  if (!r.failed() && format != kSnapshotFormat)
    r.fail("/format",
           "not a DISARM snapshot (format is \"" + format + "\", expected \"" + std::string(kSnapshotFormat) + "\")");
  if (const json* version = r.member(doc, "", "version", true)) {
    if (!version->is_number_integer())
      r.fail("/version", std::string("expected an integer, found ") + version->type_name());
    else if (version->get<long long>() != kSnapshotVersion)
      r.fail("/version", "snapshot version " + std::to_string(version->get<long long>()) +
                             " is not supported (this viewer reads version " + std::to_string(kSnapshotVersion) + ")");
  }
  if (const json* p = r.object(doc, "", "provenance", true)) read_provenance(r, *p, "/provenance", data.provenance);
  if (const json* objects = r.array(doc, "", "objects", true)) {
    data.objects.resize(objects->size());
    for (std::size_t i = 0; i < objects->size() && !r.failed(); ++i)
      read_object(r, (*objects)[i], "/objects/" + std::to_string(i), data.objects[i]);
  }
  if (const json* relations = r.array(doc, "", "relations")) {
    data.relations.resize(relations->size());
    for (std::size_t i = 0; i < relations->size() && !r.failed(); ++i)
      read_relation(r, (*relations)[i], "/relations/" + std::to_string(i), data.relations[i]);
  }
  if (const json* matrices = r.object(doc, "", "matrices")) {
    if (const json* red = r.member(*matrices, "/matrices", "red", false))
      read_matrix(r, *red, "/matrices/red", data.red);
    if (const json* blue = r.member(*matrices, "/matrices", "blue", false))
      read_matrix(r, *blue, "/matrices/blue", data.blue);
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
    relations.push_back(std::move(j));
  }

  auto dump = [](const ojson& v) { return v.dump(-1, ' ', false, ojson::error_handler_t::replace); };
  std::string out = "{\n";
  out += " \"format\": " + dump(std::string(kSnapshotFormat)) + ",\n";
  out += " \"version\": " + std::to_string(kSnapshotVersion) + ",\n";
  out += " \"provenance\": " + dump(provenance) + ",\n";
  out += " \"matrices\": {\"red\": " + dump(write_matrix(data.red)) + ", \"blue\": " + dump(write_matrix(data.blue)) +
         "},\n";
  out += " \"objects\": " + dump_array(objects) + ",\n";
  out += " \"relations\": " + dump_array(relations) + "\n}\n";
  return out;
}

}  // namespace disarm
