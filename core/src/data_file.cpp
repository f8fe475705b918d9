#include "disarm/data_file.hpp"

#include "disarm/io/snapshot.hpp"
#include "disarm/import/stix_import.hpp"
#include "io/json_tree.hpp"

namespace disarm {

namespace {

using J = JsonTree::Index;
constexpr J kNone = JsonTree::kNone;

bool is_layer(const JsonTree& t, J v) {
  if (t.type(v) != JsonType::Object) return false;
  J techniques = t.member(v, "techniques");
  if (techniques != kNone) return t.type(techniques) == JsonType::Array;
  // A layer with no techniques yet still names its domain and its format version.
  return t.member(v, "domain") != kNone && (t.member(v, "versions") != kNone || t.member(v, "version") != kNone);
}

DataFileType recognise(const JsonTree& t) {
  J root = t.root();
  if (t.type(root) == JsonType::Array)
    return t.size(root) > 0 && is_layer(t, t.first_child(root)) ? DataFileType::NavigatorLayer : DataFileType::Unknown;
  if (t.type(root) != JsonType::Object) return DataFileType::Unknown;
  if (auto format = t.string_member(root, "format"); format && *format == kSnapshotFormat)
    return DataFileType::Snapshot;
  if (auto type = t.string_member(root, "type"); type && *type == "bundle") return DataFileType::StixBundle;
  // A snapshot with a wrong or missing format is still recognised, so its loader says what is wrong.
  if (t.member(root, "provenance") != kNone && t.member(root, "objects") != kNone) return DataFileType::Snapshot;
  if (is_layer(t, root)) return DataFileType::NavigatorLayer;
  return DataFileType::Unknown;
}

Provenance opened_provenance(Provenance p, std::string_view name) {
  std::string source(name);
  if (!p.source.empty() && p.source != source) source += " (from " + p.source + ")";
  p.source = std::move(source);
  if (p.licence.empty()) p.licence = "unknown";
  return p;
}

}  // namespace

std::string_view data_file_type_name(DataFileType type) {
  switch (type) {
    case DataFileType::Snapshot:
      return "snapshot";
    case DataFileType::StixBundle:
      return "stix-bundle";
    case DataFileType::NavigatorLayer:
      return "navigator-layer";
    case DataFileType::Unknown:
      break;
  }
  return "unknown";
}

std::string_view data_file_type_label(DataFileType type) {
  switch (type) {
    case DataFileType::Snapshot:
      return "a DISARM snapshot";
    case DataFileType::StixBundle:
      return "a STIX 2.1 bundle";
    case DataFileType::NavigatorLayer:
      return "an ATT&CK Navigator layer";
    case DataFileType::Unknown:
      break;
  }
  return "not a file the viewer knows";
}

DataFile::DataFile(std::string_view text) {
  auto parsed = JsonTree::parse(text);
  if (!parsed) {
    error_ = parsed.error();
    return;
  }
  tree_ = std::make_unique<JsonTree>(std::move(parsed).value());
  type_ = recognise(*tree_);
}

DataFile::~DataFile() = default;
DataFile::DataFile(DataFile&&) noexcept = default;
DataFile& DataFile::operator=(DataFile&&) noexcept = default;

DataFileType recognise_data_file(std::string_view text) {
  return DataFile(text).type();
}

std::optional<Error> data_file_size_error(std::uint64_t bytes) {
  if (bytes <= kMaxDataFileBytes) return std::nullopt;
  constexpr std::uint64_t kMiB = 1 << 20;
  const std::uint64_t tenths = (bytes * 10 + kMiB / 2) / kMiB;
  return Error{"the file is " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) +
                   " MB, more than the " + std::to_string(kMaxDataFileBytes / kMiB) +
                   " MB the viewer opens: the page would hold the file, its parse and the framework built "
                   "from it in memory at once, more than a browser may give it (DISARM's whole framework "
                   "takes about 1 MB)",
               ""};
}

Result<OpenedData> open_data_file(std::string_view text, std::string_view name) {
  if (auto too_large = data_file_size_error(text.size())) return *std::move(too_large);
  return open_data_file(DataFile(text), name);
}

Result<OpenedData> open_data_file(const DataFile& file, std::string_view name) {
  if (!file.tree()) return file.error();
  const JsonTree& t = *file.tree();
  switch (file.type()) {
    case DataFileType::Snapshot: {
      auto data = read_snapshot(t);
      if (!data) return data.error();
      data.value().provenance = opened_provenance(std::move(data.value().provenance), name);
      return OpenedData{Framework::build(std::move(data).value()), file.type(), {}};
    }
    case DataFileType::StixBundle: {
      auto imported = read_stix_bundle(t, upstream_stix_provenance(std::string(name), {}, {}));
      if (!imported) return imported.error();
      return OpenedData{Framework::build(std::move(imported.value().data)), file.type(),
                        std::move(imported.value().warnings)};
    }
    case DataFileType::NavigatorLayer:
      return Error{
          "this is an ATT&CK Navigator layer, a selection of techniques, not framework data: "
          "open it as a selection",
          "/"};
    case DataFileType::Unknown:
      break;
  }
  const std::string found = t.type(t.root()) == JsonType::Object ? "an object without \"format\": \"disarm-snapshot\" "
                                                                   "or \"type\": \"bundle\""
                                                                 : std::string("a JSON ") + t.type_name(t.root());
  return Error{"not a DISARM snapshot, STIX 2.1 bundle or Navigator layer: the file holds " + found, "/"};
}

Result<LayerImport> open_layer_file(const Framework& framework, const DataFile& file) {
  if (!file.tree()) return file.error();
  // Framework data is named as such; JSON of no known kind gets the layer reader's own
  // account of what a layer would need.
  if (file.type() == DataFileType::Snapshot || file.type() == DataFileType::StixBundle)
    return Error{"not a Navigator layer: this is " + std::string(data_file_type_label(file.type())), "/"};
  return read_navigator_layer(framework, *file.tree());
}

}  // namespace disarm
