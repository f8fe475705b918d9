// A file a user opens in the viewer (dropped, chosen, or fetched with ?data=URL): what it is,
// and, for framework data, the Framework it holds with provenance naming where it came from;
// for a Navigator layer, the selection it holds. The file is parsed once: recognising it
// keeps the parsed document, which goes to the snapshot, STIX or layer reader as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "disarm/diagnostic.hpp"
#include "disarm/model/model.hpp"
#include "disarm/selection/navigator_layer.hpp"
#include "disarm/result.hpp"

namespace disarm {

enum class DataFileType {
  Snapshot,        // {"format": "disarm-snapshot", ...}, or an object with provenance and objects
  StixBundle,      // {"type": "bundle", ...}
  NavigatorLayer,  // an ATT&CK Navigator layer (or a list of them): a selection, not a framework
  Unknown,         // not JSON, or JSON of none of these shapes
};

// "snapshot", "stix-bundle", "navigator-layer", "unknown": for the page API and tests.
std::string_view data_file_type_name(DataFileType type);
// "a DISARM snapshot", "a STIX 2.1 bundle", ...: for messages.
std::string_view data_file_type_label(DataFileType type);

class JsonTree;

// A file's text, parsed and recognised. Its type is judged by the top level of the JSON only,
// so a damaged file of a known shape is still recognised and its reader can say what is
// wrong with it. Never throws. The text must outlive it.
class DataFile {
 public:
  explicit DataFile(std::string_view text);
  ~DataFile();
  DataFile(DataFile&&) noexcept;
  DataFile& operator=(DataFile&&) noexcept;

  DataFileType type() const { return type_; }
  // The parsed document; null when the text is not JSON, and then error() says where and why.
  const JsonTree* tree() const { return tree_.get(); }
  const Error& error() const { return error_; }

 private:
  std::unique_ptr<JsonTree> tree_;
  Error error_;
  DataFileType type_ = DataFileType::Unknown;
};

// DataFile(text).type(), for a caller that needs no more.
DataFileType recognise_data_file(std::string_view text);

// The largest data file the viewer opens: 32 MiB, some thirty times DISARM's whole framework as
// a snapshot (1 MB). While a file opens, the page's memory holds its bytes, their parse and the
// framework built from them at once, and browsers (on phones especially) keep that memory
// small: a larger file could stop the page where it should get a message.
inline constexpr std::size_t kMaxDataFileBytes = std::size_t{32} << 20;

// An Error naming the limit and why, for a file of `bytes` bytes, when that is over
// kMaxDataFileBytes; nothing otherwise. The page asks before it copies a file's bytes.
std::optional<Error> data_file_size_error(std::uint64_t bytes);

struct OpenedData {
  Framework framework;
  DataFileType type = DataFileType::Unknown;
  Diagnostics warnings;  // from the STIX importer; a snapshot loads cleanly or not at all
};

// A snapshot or a STIX bundle as a Framework. Its provenance names `name` (the file name or
// URL) as its source, keeping a snapshot's own source after it; an empty licence becomes
// "unknown". A STIX bundle gets DISARM's provenance and CC BY-SA licence, as the importer
// sets them. Anything else is an Error that says what the text is and, for malformed JSON or
// a snapshot that fails to parse, where ("line 3, column 7", "/objects/2/name"); so is a
// text over kMaxDataFileBytes.
Result<OpenedData> open_data_file(const DataFile& file, std::string_view name);
Result<OpenedData> open_data_file(std::string_view text, std::string_view name);

// A Navigator layer file as a selection of the framework's techniques (navigator_layer.hpp);
// any other file is an Error saying what it is.
Result<LayerImport> open_layer_file(const Framework& framework, const DataFile& file);

}  // namespace disarm
