#include "disarm/selection/navigator_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "io/json_tree.hpp"
#include "text/ascii.hpp"

namespace disarm {

namespace {

using ojson = nlohmann::ordered_json;
using J = JsonTree::Index;
constexpr J kNone = JsonTree::kNone;

std::string provenance_line(const Provenance& p) {
  std::string line = p.name.empty() ? "unnamed data" : p.name;
  if (!p.date.empty()) line += ", " + p.date;
  if (!p.commit.empty()) line += ", commit " + p.commit;
  if (!p.licence.empty()) line += " (" + p.licence + ")";
  return line;
}

// A JSON number's literal as a double; nothing for one out of range. strtod rather than
// from_chars, which Emscripten's libc++ lacks for floating point.
std::optional<double> number_value(std::string_view literal) {
  std::string text(literal);
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

class LayerReader {
 public:
  LayerReader(const Framework& framework, const JsonTree& tree, std::string base)
      : framework_(framework), t_(tree), base_(std::move(base)) {}

  LayerImport read(J layer) {
    check_domain(layer);
    check_version(layer);
    J techniques = t_.member(layer, "techniques");
    if (techniques != kNone) {
      J entry = t_.first_child(techniques);
      for (std::uint32_t i = 0; i < t_.size(techniques); ++i, entry = t_.next_sibling(entry)) read_entry(entry, i);
    }
    // Listed as disabled under one tactic and enabled under another: selected.
    std::erase_if(disabled_, [&](const std::string& id) { return out_.selection.contains(id); });
    if (!disabled_.empty()) {
      std::string list;
      for (std::size_t i = 0; i < disabled_.size() && i < 5; ++i) list += (i ? ", " : "") + disabled_[i];
      if (disabled_.size() > 5) list += ", ...";
      warn(base_ + "/techniques", std::to_string(disabled_.size()) + " disabled technique" +
                                      (disabled_.size() == 1 ? "" : "s") + " left out: " + list);
    }
    return std::move(out_);
  }

 private:
  void warn(std::string location, std::string message) {
    out_.warnings.push_back({Severity::Warning, std::move(message), std::move(location)});
  }

  std::optional<std::string_view> string_member(J object, std::string_view key) const {
    return t_.string_member(object, key);
  }

  void check_domain(J layer) {
    auto domain = string_member(layer, "domain");
    if (domain && ascii_lower_case(*domain) != ascii_lower_case(kNavigatorDomain))
      warn(base_ + "/domain", "a layer for \"" + std::string(*domain) + "\", not " + std::string(kNavigatorDomain) +
                                  ": its technique IDs may name other techniques");
  }

  // Layer formats before 4.0 wrote "version"; 4.x writes versions.layer. Both are read alike.
  void check_version(J layer) {
    J versions = t_.member(layer, "versions");
    std::optional<std::string_view> version;
    if (versions != kNone && t_.type(versions) == JsonType::Object) version = string_member(versions, "layer");
    if (!version) version = string_member(layer, "version");
    if (version && !version->empty() && version->front() > '4')
      warn(base_ + "/versions/layer", "layer format " + std::string(*version) + " is newer than " +
                                          std::string(kNavigatorLayerVersion) + "; read as " +
                                          std::string(kNavigatorLayerVersion));
  }

  void unknown(std::string_view id) {
    if (std::find(out_.unknown_ids.begin(), out_.unknown_ids.end(), id) == out_.unknown_ids.end())
      out_.unknown_ids.emplace_back(id);
  }

  void read_entry(J entry, std::uint32_t i) {
    const std::string path = base_ + "/techniques/" + std::to_string(i);
    if (t_.type(entry) != JsonType::Object) return warn(path, "not a technique entry; ignored");
    auto written = string_member(entry, "techniqueID");
    if (!written) return warn(path, "no techniqueID; ignored");
    auto key = parse_id(*written);
    const std::string id = key ? canonical_id(*key) : std::string(*written);
    J enabled = t_.member(entry, "enabled");
    if (enabled != kNone && t_.type(enabled) == JsonType::Boolean && !t_.boolean(enabled)) {
      if (std::find(disabled_.begin(), disabled_.end(), id) == disabled_.end()) disabled_.push_back(id);
      return;
    }
    auto index = key && key->kind == Kind::Technique ? framework_.find(id) : std::nullopt;
    if (!index || framework_.object(*index).kind != Kind::Technique) return unknown(*written);

    std::optional<int> score = read_score(entry, path, id);
    std::string comment;
    if (auto c = string_member(entry, "comment")) comment = *c;
    const SelectedTechnique* earlier = out_.selection.find(id);
    if (!earlier) {
      out_.selection.set_score(id, score);
      out_.selection.set_comment(id, comment);
      return;
    }
    // The same technique under another tactic: the first entry's annotations stand.
    if ((score && earlier->score && *score != *earlier->score) || (!comment.empty() && comment != earlier->comment))
      warn(path, id + " is listed again with other annotations; the first entry's are kept");
    if (!earlier->score && score) out_.selection.set_score(id, score);
    if (earlier->comment.empty() && !comment.empty()) out_.selection.set_comment(id, comment);
  }

  std::optional<int> read_score(J entry, const std::string& path, const std::string& id) {
    J v = t_.member(entry, "score");
    if (v == kNone || t_.type(v) == JsonType::Null) return std::nullopt;
    auto value = t_.type(v) == JsonType::Number ? number_value(t_.text(v)) : std::nullopt;
    if (!value) {
      warn(path + "/score", "the score of " + id + " is not a number; left unscored");
      return std::nullopt;
    }
    const double kept = std::clamp(std::round(*value), 0.0, static_cast<double>(kMaxScore));
    if (kept != *value)
      warn(path + "/score", "the score " + std::string(t_.text(v)) + " of " + id + " became " +
                                std::to_string(static_cast<int>(kept)) + " (scores are whole numbers 0 to 100)");
    return static_cast<int>(kept);
  }

  const Framework& framework_;
  const JsonTree& t_;
  std::string base_;  // "" for a single layer, "/0" for the first of a list
  LayerImport out_;
  std::vector<std::string> disabled_;
};

}  // namespace

std::string export_navigator_layer(const Framework& framework, const Selection& selection, std::string_view name) {
  LayerContent content;
  content.name = name.empty() ? std::string("DISARM selection") : std::string(name);
  content.description = std::to_string(selection.size()) + " technique" + (selection.size() == 1 ? "" : "s") +
                        " selected in the DISARM viewer.";
  for (const SelectedTechnique& item : selection.items())
    content.techniques.push_back({item.id, item.score, item.score ? "" : std::string(kUnscoredColour), item.comment});
  content.legend.push_back({"Selected, no score", std::string(kUnscoredColour)});
  return write_navigator_layer(framework, content);
}

std::string write_navigator_layer(const Framework& framework, const LayerContent& content) {
  const Provenance& p = framework.provenance();
  ojson techniques = ojson::array();
  for (const LayerTechnique& item : content.techniques) {
    ojson entry;
    entry["techniqueID"] = item.id;
    if (item.score) entry["score"] = *item.score;
    entry["color"] = item.colour;
    entry["comment"] = item.comment;
    entry["enabled"] = true;
    techniques.push_back(std::move(entry));
  }
  ojson legend = ojson::array();
  for (const LayerLegendItem& item : content.legend) legend.push_back({{"label", item.label}, {"color", item.colour}});
  ojson metadata = ojson::array();
  auto add_metadata = [&](const char* key, const std::string& value) {
    if (!value.empty()) metadata.push_back({{"name", key}, {"value", value}});
  };
  add_metadata("data", p.name);
  add_metadata("source", p.source);
  add_metadata("commit", p.commit);
  add_metadata("date", p.date);
  add_metadata("licence", p.licence_url.empty() ? p.licence : p.licence + " " + p.licence_url);
  add_metadata("attribution", p.attribution);

  ojson layer;
  layer["name"] = content.name;
  layer["versions"] = {{"layer", kNavigatorLayerVersion}, {"navigator", kNavigatorVersion}};
  layer["domain"] = kNavigatorDomain;
  layer["description"] = content.description + " Data: " + provenance_line(p) + ".";
  // The Navigator shows a technique only under a platform it has; upstream's STIX generator
  // gives every technique these three, and DISARM's own layers filter by them.
  layer["filters"] = {{"platforms", {"Windows", "Linux", "Mac"}}};
  layer["sorting"] = 0;
  layer["layout"] = {{"layout", "side"},
                     {"aggregateFunction", "average"},
                     {"showID", true},
                     {"showName", true},
                     {"showAggregateScores", false},
                     {"countUnscored", false},
                     {"expandedSubtechniques", "annotated"}};
  layer["hideDisabled"] = false;
  layer["techniques"] = std::move(techniques);
  layer["gradient"] = {{"colors", {"#ffe5e5", "#ff6666"}}, {"minValue", 0}, {"maxValue", kMaxScore}};
  layer["legendItems"] = std::move(legend);
  layer["showTacticRowBackground"] = false;
  layer["tacticRowBackground"] = "#dddddd";
  layer["selectTechniquesAcrossTactics"] = true;
  layer["selectSubtechniquesWithParent"] = false;
  layer["selectVisibleTechniques"] = false;
  layer["metadata"] = std::move(metadata);
  return layer.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

Result<LayerImport> import_navigator_layer(const Framework& framework, std::string_view json) {
  auto parsed = JsonTree::parse(json);
  if (!parsed) return parsed.error();
  return read_navigator_layer(framework, parsed.value());
}

Result<LayerImport> read_navigator_layer(const Framework& framework, const JsonTree& t) {
  J layer = t.root();
  std::string base;
  std::optional<Diagnostic> others;
  if (t.type(layer) == JsonType::Array) {
    if (t.size(layer) == 0) return Error{"an empty list of layers", "/"};
    if (t.size(layer) > 1)
      others = Diagnostic{Severity::Warning,
                          "a list of " + std::to_string(t.size(layer)) + " layers; only the first is imported", "/"};
    layer = t.first_child(layer);
    base = "/0";
  }
  if (t.type(layer) != JsonType::Object)
    return Error{std::string("expected a Navigator layer object, found ") + t.type_name(layer),
                 base.empty() ? "/" : base};
  J techniques = t.member(layer, "techniques");
  if (techniques == kNone && t.member(layer, "domain") == kNone)
    return Error{"not a Navigator layer: no \"techniques\" and no \"domain\"", base.empty() ? "/" : base};
  if (techniques != kNone && t.type(techniques) != JsonType::Array)
    return Error{std::string("expected an array of techniques, found ") + t.type_name(techniques),
                 base + "/techniques"};
  LayerImport result = LayerReader(framework, t, base).read(layer);
  if (others) result.warnings.insert(result.warnings.begin(), std::move(*others));
  return result;
}

}  // namespace disarm
