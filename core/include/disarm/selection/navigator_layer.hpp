// A selection as an ATT&CK Navigator layer, the file DISARM's Navigator
// (DISARMFoundation/disarm-navigator-mv, one domain per DISARM release) opens and saves, and back.
//
// Written in layer format 4.5 (mitre-attack/attack-navigator layers/spec/v4.5/layerformat.md)
// with the domain and versions.attack that Navigator gives the release shown
// (navigator_domain_for), and the release itself in the layer's metadata, which Navigator
// keeps on a round trip. Each selected technique is one entry: techniqueID, score when it has
// one, comment, enabled, and a colour only when it has no score, so that unscored techniques
// still stand out while scored ones take the gradient's colour. Entries name no tactic: a
// DISARM technique sits under one tactic, and an entry without one applies wherever the
// technique appears, so a tactic renamed upstream cannot lose it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/diagnostic.hpp"
#include "disarm/model/model.hpp"
#include "disarm/result.hpp"
#include "disarm/selection/selection.hpp"

namespace disarm {

// The one domain of DISARM's earlier Navigators (disarm-navigator-17 and -20-observable),
// whatever release they held.
inline constexpr std::string_view kLegacyNavigatorDomain = "DISARM";
inline constexpr std::string_view kNavigatorLayerVersion = "4.5";
inline constexpr std::string_view kNavigatorVersion = "4.9.1";
// The colour of a selected technique without a score, and its legend label.
inline constexpr std::string_view kUnscoredColour = "#ffd966";

// A domain of DISARM's Navigator: its ID and the versions.attack it is read with.
struct NavigatorDomain {
  std::string_view domain;  // "disarm-v1.6"
  std::string_view attack;  // "1": Navigator keys a domain on the major version only
};

// The domain a layer made on `release` is written for: the Navigator domain of that release,
// else the one that holds its framework's techniques nearest to it (navigator_layer.cpp says
// which).
NavigatorDomain navigator_domain_for(const Release& release);

// The layer as JSON text, 2-space indented. An empty name becomes "DISARM selection". The
// layer's description and metadata carry the framework's provenance and licence.
std::string export_navigator_layer(const Framework& framework, const Selection& selection, std::string_view name);

// The release a layer says it was made on, and where it says so.
struct LayerRelease {
  std::string framework;  // kRedBlueFramework, ...; empty when the layer does not say
  std::string version;    // "1.6"; empty when the layer does not say
  std::string location;   // the JSON path that said so ("/metadata/6", "/domain"); empty if none
  bool known() const { return !framework.empty(); }
  friend bool operator==(const LayerRelease&, const LayerRelease&) = default;
};

// What a layer shows, for layers other than a selection (a diff's, release_diff_export.hpp).
struct LayerTechnique {
  std::string id;
  std::optional<int> score;
  std::string colour;  // "#rrggbb", or empty to take the gradient's colour for the score
  std::string comment;
};

struct LayerLegendItem {
  std::string label;
  std::string colour;
};

struct LayerContent {
  std::string name;
  std::string description;  // the framework's provenance is appended
  std::vector<LayerTechnique> techniques;
  std::vector<LayerLegendItem> legend;
};

// Any layer in the format and with the metadata export_navigator_layer writes.
std::string write_navigator_layer(const Framework& framework, const LayerContent& content);

struct LayerImport {
  // The layer's enabled techniques that the framework has, with their scores (rounded and
  // kept within 0..kMaxScore) and comments.
  Selection selection;
  // Technique IDs the framework lacks and IDs of no technique at all, as the layer writes
  // them, each once, in layer order.
  std::vector<std::string> unknown_ids;
  // What was left out or changed, located at JSON paths ("/techniques/3/score").
  Diagnostics warnings;
  // The release the layer was made on: our own record in its metadata, else its Navigator
  // domain; the viewer offers to carry the layer forward when it is not the one shown.
  LayerRelease release;
  // Set when that release is known and is not the framework's: the layer's IDs may name
  // other techniques, or techniques this release lacks. Located where the layer names it.
  std::optional<Diagnostic> release_warning;
};

// Reads a layer file: one layer, or a list of layers (format 4.5), of which the first is
// read. Its domain may be one of DISARM's Navigator ("disarm-v1.7"), kLegacyNavigatorDomain, or
// none; another one is read with a warning. Entries with "enabled": false are left out (DISARM's layers use them to
// hide the rest of the matrix); an entry listed under several tactics counts once. Malformed JSON, a document that is
// no layer and a "techniques" that is no array are an Error.
Result<LayerImport> import_navigator_layer(const Framework& framework, std::string_view json);

class JsonTree;  // core/src/json_tree.hpp: the document a DataFile (data_file.hpp) parsed
// import_navigator_layer of a document already parsed.
Result<LayerImport> read_navigator_layer(const Framework& framework, const JsonTree& tree);

}  // namespace disarm
