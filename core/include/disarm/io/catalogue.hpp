// The releases a viewer holds: every snapshot it was built with, plus the files opened during
// a visit. Each has a key for its addresses ("1.5" in "#/1.5/T0019", see pages/route.hpp); a
// snapshot is parsed the first time its release is shown, so that a catalogue of five
// releases starts as fast as one.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"
#include "disarm/result.hpp"

namespace disarm {

struct CatalogueEntry {
  std::string key;        // "1.6", "2.0-beta": unique in the catalogue, a route's release
  std::string framework;  // kRedBlueFramework, ...; empty when the snapshot does not say
  std::string version;    // "1.6", "2.0 beta"; empty when the snapshot does not say
  std::string date;       // YYYY-MM-DD, when known
  std::string origin;     // empty when built in; else the file or URL it was opened from

  // "1.6 (DISARM Red/Blue 1.x)", for the release picker.
  std::string label() const;
};

class Catalogue {
 public:
  Catalogue();
  ~Catalogue();
  Catalogue(Catalogue&&) noexcept;
  Catalogue& operator=(Catalogue&&) noexcept;

  // A built-in snapshot, read when first shown. `text` must outlive the catalogue (it is
  // compiled into the viewer); framework, version and date are what the build read from it.
  const CatalogueEntry& add_snapshot(std::string_view text, std::string_view framework, std::string_view version,
                                     std::string_view date);
  // A framework opened during the visit (a dropped file, ?data=): its own key, unique.
  const CatalogueEntry& add_framework(Framework framework, std::string_view origin);
  // Makes `key` the release an address without one shows: an opened file takes that place
  // for the rest of the visit, as its ?data= address says. False when there is no such key.
  bool set_default(std::string_view key);
  // The newest DISARM Red/Blue 1.x built in (see default_key), whatever set_default chose.
  const std::string& builtin_default_key() const { return builtin_default_key_; }

  const std::vector<CatalogueEntry>& entries() const { return entries_; }
  // `key` as in a route: lower case. Null when the catalogue has no such release.
  const CatalogueEntry* find(std::string_view key) const;
  // The newest release of DISARM Red/Blue 1.x built in; without one, the first entry; empty
  // when the catalogue is empty; or what set_default chose.
  const std::string& default_key() const { return default_key_; }

  // The release's framework, parsed on first use; an Error (with the snapshot's location of
  // the fault) when its snapshot does not load, or when there is no such key. Const: what it
  // parses is a cache, and the catalogue says the same before and after.
  Result<const Framework*> framework(std::string_view key) const;
  bool loaded(std::string_view key) const;
  // One stage of loading `key`'s snapshot (its JSON parsed, read, built into the model): true
  // while a stage remains. A caller that must stay responsive (the viewer's start-up, on a
  // browser's main thread) runs one a task; framework(key) then answers without more work.
  bool load_step(std::string_view key) const;

 private:
  struct Slot;
  Slot* slot(std::string_view key) const;
  const CatalogueEntry& add(CatalogueEntry entry, std::unique_ptr<Slot> slot);

  std::vector<CatalogueEntry> entries_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::string default_key_;
  std::string builtin_default_key_;
};

// A route key for `version` that no key in `taken` has: the version in lower case with
// spaces as '-' ("2.0 beta" -> "2.0-beta"); then, when taken, the framework's last word
// added ("2.0-observations"), then a number. A version that does not start with a digit,
// or none, becomes "N-data" for the entry's position N (from 1), so that a route can name it.
inline constexpr std::size_t kMaxKeyBase = 24;  // each part of a key, so that keys fit a route
std::string release_key(std::string_view version, std::string_view framework, const std::vector<std::string>& taken);

// -1, 0 or 1 as dotted version `a` is older than, the same as, or newer than `b`: numbers
// compare as numbers ("1.10" is newer than "1.9"); what follows them ("2.0 beta") is older
// than nothing ("2.0").
int compare_versions(std::string_view a, std::string_view b);

}  // namespace disarm
