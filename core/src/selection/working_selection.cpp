#include "disarm/selection/working_selection.hpp"

#include "disarm/selection/navigator_layer.hpp"
#include "disarm/selection/selection_fragment.hpp"

namespace disarm {

namespace {

std::string code_of(const Selection& selection) {
  return selection.empty() ? std::string() : encode_selection(selection);
}

}  // namespace

std::string technique_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " technique" : " techniques");
}

void WorkingSelection::restore_codes(std::string_view current, std::string_view previous) {
  auto read = [this](std::string_view code, Selection& into, const char* which) {
    if (code.empty()) return;
    auto decoded = decode_selection(code);
    if (decoded) {
      into = std::move(decoded).value();
    } else {
      if (!notice_.empty()) notice_ += " ";
      notice_ += std::string("The ") + which + " selection stored in this browser could not be read (" +
                 decoded.error().describe() + "), so it was left out.";
    }
  };
  read(current, current_, "current");
  read(previous, previous_, "previous");
}

std::string WorkingSelection::current_code() const {
  return code_of(current_);
}

std::string WorkingSelection::previous_code() const {
  return code_of(previous_);
}

bool WorkingSelection::toggle(std::string_view id) {
  Selection before = current_;
  current_.toggle(id);
  return current_ != before;
}

bool WorkingSelection::add(std::string_view id) {
  return !current_.contains(id) && current_.add(id);
}

bool WorkingSelection::remove(std::string_view id) {
  return current_.remove(id);
}

bool WorkingSelection::set_score(std::string_view id, std::optional<int> score) {
  const SelectedTechnique* item = current_.find(id);
  if (item && item->score == score) return false;
  return current_.set_score(id, score);
}

bool WorkingSelection::set_comment(std::string_view id, std::string_view comment) {
  const SelectedTechnique* item = current_.find(id);
  if (item && item->comment == comment) return false;
  return current_.set_comment(id, comment);
}

void WorkingSelection::replace(Selection next) {
  if (!current_.empty() && current_ != next) previous_ = std::move(current_);
  current_ = std::move(next);
}

bool WorkingSelection::clear() {
  if (current_.empty()) return false;
  std::size_t n = current_.size();
  replace(Selection{});
  notice_ = "Cleared " + technique_count(n) + ". Restore brings them back.";
  return true;
}

bool WorkingSelection::restore_previous() {
  if (previous_.empty()) return false;
  std::swap(current_, previous_);
  notice_ = "Restored the previous selection (" + technique_count(current_.size()) + ").";
  if (!previous_.empty()) notice_ += " Restore again to switch back.";
  return true;
}

bool WorkingSelection::open_shared(std::string_view code, unsigned char technique_pattern) {
  auto decoded = decode_shared_selection(code, technique_pattern);
  if (!decoded) {
    notice_ =
        "The link's selection could not be read (" + decoded.error().describe() + "). Your selection is unchanged.";
    return false;
  }
  Selection shared = std::move(decoded).value();
  if (shared == current_) return false;
  const std::size_t own = current_.size();
  replace(std::move(shared));
  notice_ = "Showing the selection from the link (" + technique_count(current_.size()) + ").";
  if (own > 0) notice_ += " Your own selection (" + technique_count(own) + ") is kept: Restore switches back.";
  return true;
}

std::string WorkingSelection::import_layer(const Framework& framework, std::string_view json) {
  return use_layer(import_navigator_layer(framework, json));
}

std::string WorkingSelection::use_layer(Result<LayerImport> imported) {
  if (!imported) {
    notice_ = "The layer could not be imported: " + imported.error().describe() + ". Your selection is unchanged.";
    return notice_;
  }
  LayerImport layer = std::move(imported).value();
  const bool keeps_own = !current_.empty() && current_ != layer.selection;
  const std::size_t own = current_.size();
  replace(std::move(layer.selection));
  notice_ = "Imported " + technique_count(current_.size()) + " from the layer.";
  if (!layer.unknown_ids.empty()) {
    notice_ += " Not in this framework, left out: ";
    for (std::size_t i = 0; i < layer.unknown_ids.size(); ++i) {
      if (i > 0) notice_ += ", ";
      notice_ += layer.unknown_ids[i];
    }
    notice_ += ".";
  }
  if (layer.release_warning) notice_ += " " + layer.release_warning->message + ".";
  if (!layer.warnings.empty()) {
    const std::size_t n = layer.warnings.size();
    notice_ += " ";
    notice_ += std::to_string(n);
    notice_ += n == 1 ? " entry was changed or left out: " : " entries were changed or left out, the first: ";
    const Diagnostic& first = layer.warnings.front();
    if (!first.location.empty()) notice_ += first.location + ": ";
    notice_ += first.message;
    if (!notice_.ends_with('.')) notice_ += '.';
  }
  if (keeps_own) notice_ += " Your previous selection (" + technique_count(own) + ") is kept: Restore switches back.";
  return notice_;
}

std::string WorkingSelection::use_upgrade(const SelectionUpgrade& upgrade, std::string_view from, std::string_view to) {
  Selection next = upgrade.result();
  const bool keeps_own = !current_.empty() && current_ != next;
  const std::size_t own = current_.size();
  replace(std::move(next));
  notice_ = "Carried " + technique_count(current_.size()) + " forward from " + std::string(from) + " to " +
            std::string(to) + ": " + std::to_string(upgrade.carried.size()) + " unchanged, " +
            std::to_string(upgrade.count(UpgradeDecision::Accepted)) + " changed and accepted.";
  const std::size_t skipped = upgrade.count(UpgradeDecision::Skipped),
                    pending = upgrade.count(UpgradeDecision::Pending);
  if (skipped + pending > 0)
    notice_ += " Left out: " + std::to_string(skipped + pending) + " changed (skipped or not reviewed)";
  if (!upgrade.removed.empty())
    notice_ += std::string(skipped + pending > 0 ? ", " : " Left out: ") + std::to_string(upgrade.removed.size()) +
               " no longer in " + std::string(to);
  if (skipped + pending > 0 || !upgrade.removed.empty()) notice_ += ".";
  if (keeps_own) notice_ += " Your previous selection (" + technique_count(own) + ") is kept: Restore switches back.";
  return notice_;
}

}  // namespace disarm
