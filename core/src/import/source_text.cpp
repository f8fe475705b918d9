#include "import/source_text.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace disarm::importer {

CleanText clean_text(std::string_view bytes) {
  std::string lf;
  if (bytes.find('\r') != std::string_view::npos) {
    lf.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i)
      if (bytes[i] != '\r' || i + 1 >= bytes.size() || bytes[i + 1] != '\n') lf += bytes[i];
    bytes = lf;
  }
  CleanText out;
  const std::size_t valid = valid_utf8_length(bytes);
  if (valid == bytes.size()) {
    out.text = bytes;
    return out;
  }
  out.text = valid_utf8(bytes);
  out.first_bad_line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + valid, '\n'));
  out.replaced = (out.text.size() - bytes.size()) / 2;  // each replaced byte became three
  return out;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

int LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  return starts_[static_cast<std::size_t>(line - 1)];
}

std::size_t LineIndex::line_end(int line) const {
  if (line < 1) return 0;
  if (line >= line_count()) return text_.size();
  return starts_[static_cast<std::size_t>(line)] - 1;
}

std::string_view LineIndex::line_text(int line) const {
  std::size_t begin = line_start(line);
  return text_.substr(begin, line_end(line) - begin);
}

}  // namespace disarm::importer
