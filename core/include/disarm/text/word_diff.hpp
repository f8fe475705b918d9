// A word-level diff of two texts, for showing how a description changed between releases:
// the newer text as runs of words kept, removed and added, each with its original spacing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace disarm {

enum class DiffOp : unsigned char { Same, Removed, Added };

// A run of whole words with the spacing that follows each. Same runs are the newer text's;
// removed runs the older text's.
struct DiffPart {
  DiffOp op = DiffOp::Same;
  std::string text;
  friend bool operator==(const DiffPart&, const DiffPart&) = default;
};

struct WordDiff {
  // In text order; neighbours never share an op, and a removed run comes before the added run
  // that replaces it. The Same and Removed parts joined give the older text, the Same and
  // Added parts the newer one, except for spacing inside Same parts (the newer text's).
  std::vector<DiffPart> parts;
  // True when the texts differed too much to align word by word within the bound (see
  // word_diff): the differing middle is then shown as one removed and one added run.
  bool whole_text = false;
  bool identical() const { return parts.empty() || (parts.size() == 1 && parts[0].op == DiffOp::Same); }
  friend bool operator==(const WordDiff&, const WordDiff&) = default;
};

// Words are runs of letters and digits (any non-ASCII character counts as a letter, so UTF-8
// is never split) or single punctuation marks; whitespace is not compared, only carried.
// The common leading and trailing words are matched first; the rest is aligned by Myers'
// shortest edit script, given up past kMaxWordEdits word edits (then `whole_text`), so two
// long, wholly rewritten descriptions cost O(words) rather than O(words²).
WordDiff word_diff(std::string_view older, std::string_view newer);

inline constexpr int kMaxWordEdits = 600;

}  // namespace disarm
