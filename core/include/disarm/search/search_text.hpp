// Text as search sees it: markup reduced to plain text, plain text split into words, and
// words folded (case, diacritics, compatibility forms) so that "Déjà", "DEJA" and "deja"
// are one term. The index and the query go through the same functions, so they agree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace disarm {

// Appends the plain text of upstream's markdown with inline HTML: tags dropped (<br>, <p>
// and other block tags become a space), entities decoded, emphasis markers, heading and
// list markers and link targets removed ("[text](url)" keeps "text"), whitespace collapsed
// to single spaces and trimmed. Invalid UTF-8 becomes U+FFFD, so the output is always valid.
void append_plain_text(std::string_view markup, std::string& out);

struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Finds the first word that starts at or after `from`. A word is a run of letters, marks
// and digits of any script; a dot between two digits stays inside it ("3.5", "T0154.002");
// each CJK ideograph or kana is a word of its own. Invalid UTF-8 separates words. Returns
// false when no word is left.
bool next_word(std::string_view text, std::size_t from, WordSpan& word);

// Where the word that starts at `begin` ends (`begin` must be a word start).
std::size_t word_end(std::string_view text, std::size_t begin);

// Appends `word` lower-cased (full case folding: "ß" -> "ss"), without diacritics and with
// compatibility forms decomposed ("ﬁ" -> "fi", full-width "Ａ" -> "a").
void append_folded(std::string_view word, std::string& out);

// The number of code points in valid UTF-8 (invalid bytes count one each).
std::size_t code_point_count(std::string_view text);

}  // namespace disarm
