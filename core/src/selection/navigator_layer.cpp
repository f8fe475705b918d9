// What DISARM's Navigator (DISARMFoundation/disarm-navigator-mv, an ATT&CK Navigator 5 fork
// whose data service, view model and tabs are MITRE's) needs of a layer, as its code reads one:
// - "domain": Navigator makes one domain per collection of its collection index
//   (assets/index.json): the collection's name lower-cased, spaces made '-' ("DISARM v1.7" is
//   "disarm-v1.7"), keyed with the major version as "disarm-v1.7-1" (data.service.ts).
// - "versions.attack": only its first run of digits is read, and with the domain it must name
//   a loaded domain, else the layer is refused as "an invalid domain" (view-model.ts
//   deserializeDomainVersionID, tabs.component.ts). Without it the newest version (2) is used,
//   which no 1.x domain has. A 1.x layer is offered an upgrade to version 2, which names no
//   domain for it; declined, the layer opens as it is.
// - "versions.layer": "4.5" is Navigator's own; another minor or major version is only a
//   notice there.
// - each technique: "techniqueID"; "tactic" may be left out, and then the entry applies under
//   every tactic of the technique; "score" only as a JSON number; "comment", "enabled",
//   "color", "metadata", "links", "showSubtechniques" as Navigator writes them.
// - the layer's "metadata": name/value pairs of non-empty strings survive Navigator's save;
//   other fields it does not know are dropped. Our record of the release goes there.
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

// The metadata names of our record of the release a layer was made on.
constexpr std::string_view kFrameworkKey = "framework";
constexpr std::string_view kReleaseKey = "release";
constexpr std::string_view kUnknownFramework = "unknown";

// Navigator's collection index, as served (assets/index.json: v1.6, v1.7, and v2.0 holding the
// Observations bundle) and as in its source (nav-app/src/assets/index.json, which names
// "DISARM v2.0 Observations" and "DISARM v2.0 Assessments"): every domain either one declares.
struct DomainRelease {
  std::string_view domain;
  std::string_view framework;
  std::string_view version;
};
constexpr DomainRelease kNavigatorDomains[] = {
    {"disarm-v1.6", kRedBlueFramework, "1.6"},
    {"disarm-v1.7", kRedBlueFramework, "1.7"},
    {"disarm-v2.0", kObservationsFramework, "2.0"},
    {"disarm-v2.0-observations", kObservationsFramework, "2.0"},
    {"disarm-v2.0-assessments", kAssessmentsFramework, "2.0"},
};
constexpr std::string_view kNavigatorDomainPrefix = "disarm-v";

// "1.6" of "1.6", "2.0" of "2.0 beta": a version's number, which names the release's data.
std::string_view version_number(std::string_view version) {
  return version.substr(0, version.find(' '));
}

// The major and minor of a version number; nothing for a version that is no number.
std::optional<std::pair<int, int>> major_minor(std::string_view version) {
  std::string_view number = version_number(version);
  const std::size_t dot = number.find('.');
  std::string_view major = number.substr(0, dot), minor = dot == number.npos ? "0" : number.substr(dot + 1);
  auto digits = [](std::string_view t) {
    return !t.empty() && t.size() < 6 && std::all_of(t.begin(), t.end(), is_ascii_digit);
  };
  if (!digits(major) || !digits(minor)) return std::nullopt;
  return std::pair{std::atoi(std::string(major).c_str()), std::atoi(std::string(minor).c_str())};
}

// The first run of digits of versions.attack, as Navigator reads it: "1" of "1.6" and of "v1".
std::string_view leading_number(std::string_view text) {
  const std::size_t start = std::find_if(text.begin(), text.end(), is_ascii_digit) - text.begin();
  std::size_t end = start;
  while (end < text.size() && is_ascii_digit(text[end])) ++end;
  return text.substr(start, end - start);
}

// The release a Navigator domain holds: one of kNavigatorDomains, or a later one named the
// same way ("disarm-v1.8", "disarm-v2.1-assessments"). Nothing for any other domain.
std::optional<LayerRelease> domain_release(std::string_view written) {
  const std::string domain = ascii_lower_case(written);
  for (const DomainRelease& d : kNavigatorDomains)
    if (domain == d.domain) return LayerRelease{std::string(d.framework), std::string(d.version), "/domain"};
  if (!domain.starts_with(kNavigatorDomainPrefix)) return std::nullopt;
  std::string_view rest = std::string_view(domain).substr(kNavigatorDomainPrefix.size());
  const std::size_t dash = rest.find('-');
  std::string_view version = rest.substr(0, dash), suffix = dash == rest.npos ? "" : rest.substr(dash + 1);
  auto number = major_minor(version);
  LayerRelease release{"", std::string(version), "/domain"};
  if (number && number->first == 1 && suffix.empty()) release.framework = kRedBlueFramework;
  if (number && number->first == 2 && (suffix.empty() || suffix == "observations"))
    release.framework = kObservationsFramework;
  if (number && number->first == 2 && suffix == "assessments") release.framework = kAssessmentsFramework;
  if (release.framework.empty()) release.version.clear();
  return release;
}

// The same release, as far as a layer can tell: the same framework, and the same version
// number when both say one.
bool same_release(const LayerRelease& layer, const Release& shown) {
  if (layer.framework != shown.framework) return false;
  if (layer.version.empty() || shown.version.empty()) return true;
  return version_number(layer.version) == version_number(shown.version);
}

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
    read_release(layer);
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
    const Release& shown = framework_.release();
    if (out_.release.known() && !shown.framework.empty() && !same_release(out_.release, shown))
      out_.release_warning =
          Diagnostic{Severity::Warning,
                     "This layer was made on " + release_label(out_.release.framework, out_.release.version) +
                         ", not on " + release_label(shown.framework, shown.version) +
                         ", which is shown: its technique IDs may name other techniques, or ones this release lacks",
                     out_.release.location};
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
    if (!domain || ascii_lower_case(*domain) == ascii_lower_case(kLegacyNavigatorDomain)) return;
    auto navigator = domain_release(*domain);
    if (!navigator) {
      warn(base_ + "/domain",
           "a layer for \"" + std::string(*domain) + "\", not DISARM: its technique IDs may name other techniques");
      return;
    }
    // Navigator finds the domain by its name and versions.attack's major version together.
    J versions = t_.member(layer, "versions");
    auto attack =
        versions != kNone && t_.type(versions) == JsonType::Object ? string_member(versions, "attack") : std::nullopt;
    auto expected = major_minor(navigator->version);
    if (attack && expected && leading_number(*attack) != std::to_string(expected->first))
      warn(base_ + "/versions/attack", "version \"" + std::string(*attack) + "\" does not go with the domain " +
                                           std::string(*domain) + " (version " + std::to_string(expected->first) +
                                           "): DISARM's Navigator will not open this layer");
  }

  // Our own record in the metadata, else the Navigator domain.
  void read_release(J layer) {
    J metadata = t_.member(layer, "metadata");
    if (metadata != kNone && t_.type(metadata) == JsonType::Array) {
      std::optional<std::string_view> framework, version;
      std::string location;
      J item = t_.first_child(metadata);
      for (std::uint32_t i = 0; i < t_.size(metadata); ++i, item = t_.next_sibling(item)) {
        if (t_.type(item) != JsonType::Object) continue;
        auto name = string_member(item, "name");
        auto value = string_member(item, "value");
        if (!name || !value) continue;
        if (*name == kFrameworkKey && !framework) {
          framework = value;
          location = base_ + "/metadata/" + std::to_string(i);
        }
        if (*name == kReleaseKey && !version) version = value;
      }
      if (framework) {
        out_.release.location = location;
        if (*framework == kUnknownFramework || framework->empty()) return;
        out_.release.framework = *framework;
        if (version) out_.release.version = *version;
        return;
      }
    }
    auto domain = string_member(layer, "domain");
    if (auto release = domain ? domain_release(*domain) : std::nullopt; release && release->known()) {
      out_.release = std::move(*release);
      out_.release.location = base_ + "/domain";
    }
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

NavigatorDomain navigator_domain_for(const Release& release) {
  // 2.0 Observations is "disarm-v2.0" in the index Navigator serves; 2.0 Assessments has a
  // domain only in the index of its source ("disarm-v2.0-assessments"): the only domain
  // whose data holds assessments, so the one a layer of assessments can be opened in.
  if (release.framework == kObservationsFramework) return {"disarm-v2.0", "2"};
  if (release.framework == kAssessmentsFramework) return {"disarm-v2.0-assessments", "2"};
  // 1.x, and a framework nobody named (its technique IDs are 1.x's): 1.6 and 1.7 have their
  // own domain. 1.0-1.5 have none; 1.6, the oldest one, holds most of their techniques. A
  // version that is unknown, or newer than 1.7, opens in the newest.
  auto number = major_minor(release.version);
  if (number && number->first == 1 && number->second <= 6) return {"disarm-v1.6", "1"};
  return {"disarm-v1.7", "1"};
}

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
  auto add_metadata = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) metadata.push_back({{"name", std::string(key)}, {"value", value}});
  };
  add_metadata("data", p.name);
  add_metadata("source", p.source);
  add_metadata("commit", p.commit);
  add_metadata("date", p.date);
  add_metadata("licence", p.licence_url.empty() ? p.licence : p.licence + " " + p.licence_url);
  add_metadata("attribution", p.attribution);
  // Our record of the release, which the domain cannot always say (1.0-1.5 have no domain of
  // their own); "unknown" rather than nothing, so that the domain is not taken for it.
  const Release& release = framework.release();
  add_metadata(kFrameworkKey, release.framework.empty() ? std::string(kUnknownFramework) : release.framework);
  if (!release.framework.empty()) add_metadata(kReleaseKey, release.version);
  const NavigatorDomain domain = navigator_domain_for(release);

  ojson layer;
  layer["name"] = content.name;
  layer["versions"] = {{"attack", domain.attack}, {"navigator", kNavigatorVersion}, {"layer", kNavigatorLayerVersion}};
  layer["domain"] = domain.domain;
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
