// The viewer's data: its catalogue of releases, the one shown and its search index, and the
// file that data came from. Opening a file's text happens here, whatever brought it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "disarm/io/catalogue.hpp"
#include "disarm/model/model.hpp"
#include "disarm/search/search_index.hpp"
#include "disarm/selection/navigator_layer.hpp"

namespace disarm::web {

// A Navigator layer's text, read on any release of the catalogue: the one shown, or the one
// the layer was made on.
using LayerReader = std::function<Result<LayerImport>(const Framework&)>;

// What became of a layer: the message for the user, and whether it changed the selection or
// started carrying a selection forward from an older release instead.
struct LayerUse {
  std::string message;
  bool selection = false;
  bool upgrade = false;
};
using LayerUser = std::function<LayerUse(const LayerReader&)>;

class DataLoader {
 public:
  // Takes the embedded snapshots as its catalogue; load_step() then loads the default release.
  DataLoader();

  // One stage of loading the default release (see Catalogue::load_step): true while stages
  // remain. After the last, framework() is the release, or null with the error in load_error().
  bool load_step();

  const Catalogue& catalogue() const { return catalogue_; }
  // The release shown, and its key; null before one is loaded.
  const Framework* framework() const { return framework_; }
  const std::string& release() const { return release_; }
  const std::string& load_error() const { return load_error_; }

  // Shows the catalogue's release `key` (its `framework`) in place of the current one.
  void use_release(const std::string& key, const Framework& framework);
  // Makes `key` the release an address without one shows (an opened file, or the built-in
  // data back).
  void set_default(const std::string& key) { catalogue_.set_default(key); }

  // Built on first use: the first page seldom searches, and a large framework's index takes
  // longer to build than the rest of the start together.
  const SearchIndex& search_index() const;
  SearchIndexSource index_source() const {
    return [this]() -> const SearchIndex& { return search_index(); };
  }

  // What opening a file did, for the page to tell the user.
  struct OpenedFile {
    bool ok = false;         // the data shown is now the file's
    std::string type;        // data_file_type_name: "snapshot", "stix-bundle", ...
    std::string message;     // one sentence or two for the user, naming the file
    std::string location;    // where in the file a problem is: "line 3, column 7", "/objects/2"
    double ms = 0;           // time to open it
    std::string release;     // the catalogue key of the framework data it added, to show
    bool selection = false;  // a Navigator layer that changed the selection
  };
  // The one place a file's text is opened, whatever brought it: a drop, "Open file...",
  // ?data=URL or window.disarm.load. Framework data joins the catalogue for the visit (the
  // caller shows it); a Navigator layer goes to `use_layer`; the rest is an error, and so is
  // a file of more than kMaxDataFileBytes (`size`), refused before its text is read.
  OpenedFile open_file(const std::string& name, std::string_view text, std::uint64_t size, const LayerUser& use_layer);

  // The file or URL whose data is shown (empty for built-in data), its type and load time.
  const std::string& opened_from() const { return opened_from_; }
  const std::string& opened_type() const { return opened_type_; }
  double opened_ms() const { return opened_ms_; }
  // Start-up times, in ms: the default snapshot into the model (its stages together), and the
  // search index when first needed (0 until then).
  double parse_ms() const { return parse_ms_; }
  double index_ms() const { return index_ms_; }

 private:
  Catalogue catalogue_;
  const Framework* framework_ = nullptr;  // the catalogue's, of the release shown
  std::string release_;                   // its key
  mutable std::optional<SearchIndex> search_index_;
  std::string load_error_;
  std::string opened_from_;
  std::string opened_type_;
  double opened_ms_ = 0;
  double parse_ms_ = 0;
  mutable double index_ms_ = 0;
};

}  // namespace disarm::web
