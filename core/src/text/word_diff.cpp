#include "disarm/text/word_diff.hpp"

#include <algorithm>
#include <unordered_map>

namespace disarm {

namespace {

// A word and the spacing after it: text[start, word_end) is compared, text[start, end) shown.
struct Token {
  std::size_t start;
  std::size_t word_end;
  std::size_t end;
};

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Leading spacing belongs to the first token, so no byte is lost.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
  while (i < text.size()) {
    std::size_t word_start = i;
    if (is_word_byte(static_cast<unsigned char>(text[i])))
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    else
      ++i;
    std::size_t word_end = i;
    while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    tokens.push_back({tokens.empty() ? 0 : word_start, word_end, i});
  }
  return tokens;
}

class Differ {
 public:
  Differ(std::string_view older, std::string_view newer)
      : a_text_(older), b_text_(newer), a_(tokenize(older)), b_(tokenize(newer)) {
    std::unordered_map<std::string_view, int> ids;
    auto intern = [&](std::string_view text, const std::vector<Token>& tokens, std::vector<int>& out) {
      out.reserve(tokens.size());
      for (const Token& t : tokens)
        out.push_back(
            ids.emplace(text.substr(t.start, t.word_end - t.start), static_cast<int>(ids.size())).first->second);
    };
    intern(a_text_, a_, a_ids_);
    intern(b_text_, b_, b_ids_);
  }

  WordDiff run() {
    const std::size_t n = a_ids_.size(), m = b_ids_.size();
    std::size_t prefix = 0;
    while (prefix < n && prefix < m && a_ids_[prefix] == b_ids_[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a_ids_[n - 1 - suffix] == b_ids_[m - 1 - suffix]) ++suffix;

    for (std::size_t j = 0; j < prefix; ++j) emit(DiffOp::Same, j);
    if (!align(prefix, n - suffix, prefix, m - suffix)) {
      out_.whole_text = true;
      for (std::size_t i = prefix; i < n - suffix; ++i) emit(DiffOp::Removed, i);
      for (std::size_t j = prefix; j < m - suffix; ++j) emit(DiffOp::Added, j);
    }
    for (std::size_t j = m - suffix; j < m; ++j) emit(DiffOp::Same, j);
    flush();
    return std::move(out_);
  }

 private:
  // Myers' O((N+M)D) greedy shortest edit script on a_[a0, a1) against b_[b0, b1), keeping
  // each round's furthest-reaching x per diagonal for the walk back; false, emitting nothing,
  // when it needs more than kMaxWordEdits edits.
  bool align(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
    const int n = static_cast<int>(a1 - a0), m = static_cast<int>(b1 - b0);
    if (n == 0 || m == 0) {
      for (std::size_t i = a0; i < a1; ++i) emit(DiffOp::Removed, i);
      for (std::size_t j = b0; j < b1; ++j) emit(DiffOp::Added, j);
      return true;
    }
    const int max_d = std::min(n + m, kMaxWordEdits);
    const int offset = max_d + 1;
    std::vector<int> v(2 * static_cast<std::size_t>(max_d) + 3, 0);
    // Round d's furthest x per diagonal k is trace[d * d + k + d]: rounds 0..d-1 fill d² slots.
    std::vector<int> trace;
    auto same = [&](int x, int y) { return a_ids_[a0 + x] == b_ids_[b0 + y]; };
    int found = -1;
    for (int d = 0; d <= max_d && found < 0; ++d) {
      for (int k = -d; k <= d; k += 2) {
        int x =
            (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && same(x, y)) ++x, ++y;
        v[offset + k] = x;
        if (x >= n && y >= m) found = d;
      }
      trace.insert(trace.end(), v.begin() + offset - d, v.begin() + offset + d + 1);
    }
    if (found < 0) return false;

    // Walk back from (n, m), collecting the script in reverse.
    struct Step {
      DiffOp op;
      int index;
    };
    std::vector<Step> steps;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
      const int* prev = trace.data() + static_cast<std::size_t>(d - 1) * (d - 1);
      auto at = [&](int k) { return prev[k + d - 1]; };
      const int k = x - y;
      const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
      const int prev_k = down ? k + 1 : k - 1;
      const int prev_x = at(prev_k), prev_y = prev_x - prev_k;
      const int edit_x = down ? prev_x : prev_x + 1;
      while (x > edit_x) steps.push_back({DiffOp::Same, --y}), --x;
      if (down)
        steps.push_back({DiffOp::Added, prev_y});
      else
        steps.push_back({DiffOp::Removed, prev_x});
      x = prev_x;
      y = prev_y;
    }
    while (y > 0) steps.push_back({DiffOp::Same, --y});
    for (auto s = steps.rbegin(); s != steps.rend(); ++s)
      emit(s->op, static_cast<std::size_t>(s->index) + (s->op == DiffOp::Removed ? a0 : b0));
    return true;
  }

  // Appends one token. Edits between two kept words are gathered so that all removed words
  // come before all added ones: "old words" then "new words", not interleaved.
  void emit(DiffOp op, std::size_t index) {
    if (op == DiffOp::Same) {
      flush();
      append(DiffOp::Same, token_text(b_text_, b_[index]));
    } else if (op == DiffOp::Removed) {
      removed_ += token_text(a_text_, a_[index]);
    } else {
      added_ += token_text(b_text_, b_[index]);
    }
  }

  void flush() {
    if (!removed_.empty()) append(DiffOp::Removed, removed_);
    if (!added_.empty()) append(DiffOp::Added, added_);
    removed_.clear();
    added_.clear();
  }

  void append(DiffOp op, std::string_view text) {
    if (!out_.parts.empty() && out_.parts.back().op == op)
      out_.parts.back().text += text;
    else
      out_.parts.push_back({op, std::string(text)});
  }

  static std::string_view token_text(std::string_view text, const Token& t) {
    return text.substr(t.start, t.end - t.start);
  }

  std::string_view a_text_, b_text_;
  std::vector<Token> a_, b_;
  std::vector<int> a_ids_, b_ids_;
  std::string removed_, added_;
  WordDiff out_;
};

}  // namespace

WordDiff word_diff(std::string_view older, std::string_view newer) {
  return Differ(older, newer).run();
}

}  // namespace disarm
