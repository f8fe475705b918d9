#include "disarm/io/catalogue.hpp"

#include <algorithm>

#include "disarm/io/snapshot.hpp"
#include "disarm/model/release.hpp"
#include "io/json_tree.hpp"
#include "text/ascii.hpp"

namespace disarm {

struct Catalogue::Slot {
  std::string_view text;  // the built-in snapshot; empty for an opened framework
  // A snapshot loads in three stages, each kept until the next: its JSON parsed, then read
  // into data, then built into the framework.
  std::optional<JsonTree> tree;
  std::optional<FrameworkData> data;
  std::optional<Framework> framework;
  std::optional<Error> error;  // why the snapshot did not load, once tried

  bool done() const { return framework || error; }

  void advance() {
    if (data) {
      framework.emplace(Framework::build(std::move(*data)));
      data.reset();
    } else if (tree) {
      auto read = read_snapshot(*tree);
      tree.reset();
      if (read)
        data.emplace(std::move(read).value());
      else
        error = read.error();
    } else {
      auto parsed = JsonTree::parse(text);
      if (parsed)
        tree.emplace(std::move(parsed).value());
      else
        error = parsed.error();
    }
  }
};

Catalogue::Catalogue() = default;
Catalogue::~Catalogue() = default;
Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;

std::string CatalogueEntry::label() const {
  std::string out = version.empty() ? key : version;
  if (!framework.empty()) out += " (" + framework + ")";
  if (!origin.empty()) out += ", from " + origin;
  return out;
}

namespace {

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_ascii_alnum(c) || c == '.')
      out += ascii_lower(c);
    else if (!out.empty() && out.back() != '-')
      out += '-';  // any other character separates words
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out;
}

bool taken_by(const std::vector<std::string>& taken, std::string_view key) {
  return std::find(taken.begin(), taken.end(), key) != taken.end();
}

// The numbers at the start of a version ("2.0 beta" -> {2, 0}) and whether more follows.
std::vector<long> version_numbers(std::string_view version, bool& more) {
  std::vector<long> numbers;
  std::size_t i = 0;
  while (i < version.size() && is_ascii_digit(version[i])) {
    long n = 0;
    while (i < version.size() && is_ascii_digit(version[i]) && n < 1'000'000) n = n * 10 + (version[i++] - '0');
    while (i < version.size() && is_ascii_digit(version[i])) ++i;
    numbers.push_back(n);
    if (i + 1 < version.size() && version[i] == '.' && is_ascii_digit(version[i + 1]))
      ++i;
    else
      break;
  }
  more = i < version.size();
  return numbers;
}

}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
  bool a_more = false, b_more = false;
  std::vector<long> x = version_numbers(a, a_more), y = version_numbers(b, b_more);
  while (x.size() < y.size()) x.push_back(0);
  while (y.size() < x.size()) y.push_back(0);
  if (x != y) return x < y ? -1 : 1;
  if (a_more != b_more) return a_more ? -1 : 1;  // "2.0 beta" before "2.0"
  return 0;
}

std::string release_key(std::string_view version, std::string_view framework, const std::vector<std::string>& taken) {
  std::string key = slug(version);
  if (key.size() > kMaxKeyBase) key.resize(kMaxKeyBase);
  if (key.empty() || !is_ascii_digit(key.front())) key = std::to_string(taken.size() + 1) + "-data";
  if (!taken_by(taken, key)) return key;
  std::string_view last = framework;
  if (auto space = last.find_last_of(' '); space != std::string_view::npos) last = last.substr(space + 1);
  std::string word = slug(last);
  if (word.size() > kMaxKeyBase) word.resize(kMaxKeyBase);
  if (!word.empty() && !taken_by(taken, key + "-" + word)) return key + "-" + word;
  for (std::size_t n = 2;; ++n)
    if (std::string numbered = key + "-" + std::to_string(n); !taken_by(taken, numbered)) return numbered;
}

const CatalogueEntry& Catalogue::add(CatalogueEntry entry, std::unique_ptr<Slot> slot) {
  std::vector<std::string> taken;
  for (const CatalogueEntry& e : entries_) taken.push_back(e.key);
  entry.key = release_key(entry.version, entry.framework, taken);
  entries_.push_back(std::move(entry));
  slots_.push_back(std::move(slot));
  // The newest DISARM Red/Blue 1.x built in; an opened file becomes the default only through
  // set_default.
  const CatalogueEntry* best = nullptr;
  for (const CatalogueEntry& e : entries_)
    if (e.origin.empty() && e.framework == kRedBlueFramework &&
        (!best || compare_versions(e.version, best->version) > 0))
      best = &e;
  if (!best && !entries_.empty()) best = &entries_.front();
  const bool chosen = !default_key_.empty() && default_key_ != builtin_default_key_;
  builtin_default_key_ = best ? best->key : std::string();
  if (!chosen) default_key_ = builtin_default_key_;
  return entries_.back();
}

const CatalogueEntry& Catalogue::add_snapshot(std::string_view text, std::string_view framework,
                                              std::string_view version, std::string_view date) {
  auto slot = std::make_unique<Slot>();
  slot->text = text;
  return add({{}, std::string(framework), std::string(version), std::string(date), {}}, std::move(slot));
}

const CatalogueEntry& Catalogue::add_framework(Framework framework, std::string_view origin) {
  CatalogueEntry entry{
      {}, framework.release().framework, framework.release().version, framework.provenance().date, std::string(origin)};
  auto slot = std::make_unique<Slot>();
  slot->framework.emplace(std::move(framework));
  return add(std::move(entry), std::move(slot));
}

bool Catalogue::set_default(std::string_view key) {
  if (!find(key)) return false;
  default_key_ = std::string(key);
  return true;
}

const CatalogueEntry* Catalogue::find(std::string_view key) const {
  for (const CatalogueEntry& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

bool Catalogue::loaded(std::string_view key) const {
  const Slot* s = slot(key);
  return s && s->framework.has_value();
}

Catalogue::Slot* Catalogue::slot(std::string_view key) const {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].key == key) return slots_[i].get();
  return nullptr;
}

bool Catalogue::load_step(std::string_view key) const {
  Slot* s = slot(key);
  if (!s || s->done()) return false;
  s->advance();
  return !s->done();
}

Result<const Framework*> Catalogue::framework(std::string_view key) const {
  Slot* s = slot(key);
  if (!s) return Error{"this viewer holds no release \"" + std::string(key) + "\"", ""};
  while (!s->done()) s->advance();
  if (s->error) return *s->error;
  return &*s->framework;
}

}  // namespace disarm
