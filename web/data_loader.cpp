#include "data_loader.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "disarm/data_file.hpp"
#include "embedded_files.hpp"
#include "platform/page_api.hpp"

namespace disarm::web {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

DataLoader::DataLoader() {
  for (const EmbeddedRelease& r : embedded_releases())
    catalogue_.add_snapshot(r.snapshot.text(), r.framework, r.version, r.date);
}

bool DataLoader::load_step() {
  const std::string& key = catalogue_.default_key();
  const Clock::time_point start = Clock::now();
  const bool more = catalogue_.load_step(key);
  parse_ms_ += ms_since(start);
  if (more) return true;
  auto loaded = catalogue_.framework(key);
  if (!loaded) {
    load_error_ = "The embedded snapshot could not be loaded: " + loaded.error().describe();
    notify_page_error(load_error_);
    return false;
  }
  use_release(key, *loaded.value());
  return false;
}

void DataLoader::use_release(const std::string& key, const Framework& framework) {
  search_index_.reset();
  framework_ = &framework;
  release_ = key;
  const CatalogueEntry* entry = catalogue_.find(key);
  opened_from_ = entry ? entry->origin : std::string();
}

const SearchIndex& DataLoader::search_index() const {
  if (!search_index_) {
    const Clock::time_point start = Clock::now();
    search_index_.emplace(SearchIndex::build(*framework_));
    if (index_ms_ == 0) index_ms_ = ms_since(start);
  }
  return *search_index_;
}

DataLoader::OpenedFile DataLoader::open_file(const std::string& name, std::string_view text, std::uint64_t size,
                                             const LayerUser& use_layer) {
  const Clock::time_point start = Clock::now();
  OpenedFile out;
  auto refuse = [&](const Error& error) {
    out.location = error.location;
    out.message = name + " could not be opened: " + error.describe() + ". The data shown is unchanged.";
    return out;
  };
  if (auto too_large = data_file_size_error(std::max<std::uint64_t>(size, text.size()))) return refuse(*too_large);
  const DataFile file(text);
  const DataFileType type = file.type();
  out.type = data_file_type_name(type);
  if (type == DataFileType::NavigatorLayer) {
    // A layer is a selection, not data: read from the tree already parsed, on whichever
    // release the user of it asks for.
    const LayerUse used = use_layer([&file](const Framework& framework) { return open_layer_file(framework, file); });
    out.message = name + ": " + used.message;
    out.selection = used.selection;
    out.ok = used.selection || used.upgrade;
    return out;
  }
  auto opened = open_data_file(file, name);
  if (!opened) return refuse(opened.error());
  OpenedData& data = opened.value();
  const std::size_t objects = data.framework.defined_object_count();
  out.release = catalogue_.add_framework(std::move(data.framework), name).key;
  out.ok = true;
  out.message =
      "Opened " + name + ": " + std::string(data_file_type_label(type)) + ", " + std::to_string(objects) + " objects.";
  if (type == DataFileType::StixBundle) {
    out.message += " A STIX bundle holds tactics and techniques only";
    if (!data.warnings.empty())
      out.message += "; " + std::to_string(data.warnings.size()) + " of its parts could not be placed";
    out.message += ".";
  }
  out.ms = ms_since(start);
  opened_type_ = out.type;
  opened_ms_ = out.ms;
  return out;
}

}  // namespace disarm::web
