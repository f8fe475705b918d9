#include "catch.hpp"
#include <string>
#include <vector>

#include "disarm/search/search_text.hpp"

using namespace disarm;

namespace {

std::string plain(std::string_view markup) {
  std::string out;
  append_plain_text(markup, out);
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  WordSpan w;
  for (std::size_t at = 0; next_word(text, at, w); at = w.end) out.emplace_back(text.substr(w.begin, w.end - w.begin));
  return out;
}

std::string folded(std::string_view word) {
  std::string out;
  append_folded(word, out);
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("plain text drops upstream's inline HTML and markdown markup") {
  CHECK(plain("<i>The clip</i><br><br>was made (T0088.001: Clone a voice).") ==
        "The clip was made (T0088.001: Clone a voice).");
  CHECK(plain("Often paired with **bot networks** (see T0146).") == "Often paired with bot networks (see T0146).");
  CHECK(plain("a <br /> b<p>c</p>d") == "a b c d");
  CHECK(plain("see [the report](https://example.org/r) and ![a chart](c.png)") == "see the report and a chart");
  CHECK(plain("# Heading\n* item one\n- item two\n> quoted") == "Heading item one item two quoted");
  CHECK(plain("Fish &amp; chips &lt;3 &#233;t&#xE9; &nbsp;x") == "Fish & chips <3 été x");
  CHECK(plain("  spaced\t\tout \n\n text  ") == "spaced out text");
  CHECK(plain("snake_case stays, _emphasis_ goes") == "snake_case stays, emphasis goes");
  CHECK(plain("a < b and [...] kept") == "a < b and [...] kept");
  CHECK(plain("<https://example.org/x>") == "https://example.org/x");
  CHECK(plain("").empty());
}

TEST_CASE("plain text is valid UTF-8 whatever the input") {
  const std::string bad = "ok \xFF\xFE then \xC3 end \xE2\x80 and \xED\xA0\x80";
  std::string out = plain(bad);
  CHECK(valid_utf8(out));
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
  CHECK(out.rfind("ok ", 0) == 0);
}

TEST_CASE("words are runs of letters and digits of any script, IDs and decimals stay whole") {
  CHECK(words("T0154.002: AI-Generated Images (Deepfakes)") ==
        std::vector<std::string>{"T0154.002", "AI", "Generated", "Images", "Deepfakes"});
  CHECK(words("3.13 million, e.g. they’re") == std::vector<std::string>{"3.13", "million", "e", "g", "they", "re"});
  CHECK(words("Déjà vu — Дезинформация") == std::vector<std::string>{"Déjà", "vu", "Дезинформация"});
  CHECK(words("中文字") == std::vector<std::string>{"中", "文", "字"});
  CHECK(words("T0154. next") == std::vector<std::string>{"T0154", "next"});
  CHECK(words("bad\xFFinside") == std::vector<std::string>{"bad", "inside"});
  CHECK(words("  ,;!  ").empty());
}

TEST_CASE("word_end finds the end of the word that starts at an offset") {
  std::string text = "see T0154.002, then";
  CHECK(word_end(text, 4) == 13);
  CHECK(word_end(text, 15) == text.size());
}

TEST_CASE("folding removes case, diacritics and compatibility forms") {
  CHECK(folded("DeepFake") == "deepfake");
  CHECK(folded("Déjà") == "deja");
  CHECK(folded("Straße") == "strasse");
  CHECK(folded("ﬁle") == "file");
  CHECK(folded("Ｔ０１５４") == "t0154");  // full-width
  CHECK(folded("ДЕЗИНФОРМАЦИЯ") == "дезинформация");
  CHECK(folded("Ålesund") == "alesund");
  CHECK(folded("Ελλάδα") == "ελλαδα");
  CHECK(folded("e\xCC\x81t\xC3\xA9") == "ete");  // decomposed and precomposed é
  CHECK(folded("T0154.002") == "t0154.002");
}

TEST_CASE("code points are counted, not bytes") {
  CHECK(code_point_count("deja") == 4);
  CHECK(code_point_count("déjà") == 4);
  CHECK(code_point_count("中文") == 2);
  CHECK(code_point_count("\xFF\xFE") == 2);
}
