// Draws RichText: paragraphs wrapped to the available width with mixed bold, italic and
// linked runs, lists, quotes, headings, tables. Layout is computed once per text and width
// and kept, so a long incident page costs no text measuring per frame; only the lines in
// view are drawn.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "disarm/pages/rich_text.hpp"
#include "view_context.hpp"

namespace disarm::web {

class RichTextView {
 public:
  // Draws `text` at the cursor, `width` device pixels wide, and advances the cursor.
  void draw(ViewContext& ctx, const RichText& text, float width);

  // Forget cached layouts (when the page that owned the texts goes away).
  void clear() { layouts_.clear(); }

  // A piece of one span on one line, positioned relative to the text's top-left.
  struct Run {
    const Span* span;
    std::uint32_t begin, end;  // bytes of span->text
    float x, y, w;             // relative to the text's top-left
    ImFont* font;
  };

 private:
  struct Decoration {  // bullets and numbers of list items, quote bars, rules
    enum Kind : unsigned char { Bullet, Number, QuoteBar, Rule } kind;
    float x, y, w, h;
    int number;
  };
  struct Layout {
    float width = -1, height = 0;
    std::uint32_t fonts = 0;  // the generation of the fonts it was measured with
    std::vector<Run> runs;    // in reading order, y ascending
    std::vector<Decoration> decorations;
    std::vector<std::pair<float, const Block*>> tables;  // drawn live: rare in upstream data
  };

  Layout& layout_for(ViewContext& ctx, const RichText& text, float width);
  void lay_out(ViewContext& ctx, const RichText& text, float width, Layout& out);

  std::unordered_map<const RichText*, Layout> layouts_;
};

}  // namespace disarm::web
