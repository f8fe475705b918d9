// A page's bytes as the parsers see them: valid UTF-8 with '\n' line ends, and a map from
// byte offsets to line numbers for "file:line" warnings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace disarm::importer {

struct CleanText {
  std::string text;
  int first_bad_line = 0;    // line of the first invalid UTF-8 byte, 0 when there was none
  std::size_t replaced = 0;  // invalid sequences replaced with U+FFFD
};

// Replaces each invalid UTF-8 sequence with U+FFFD and "\r\n" with "\n". Line numbers are
// unchanged, so warnings point at the same lines as in the file.
CleanText clean_text(std::string_view bytes);

// Lines of a text that outlives the index. Lines count from 1.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  int line_of(std::size_t offset) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  std::size_t line_start(int line) const;
  std::size_t line_end(int line) const;  // the offset of its '\n', or the text's end
  std::string_view line_text(int line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace disarm::importer
