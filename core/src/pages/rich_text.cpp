#include "disarm/pages/rich_text.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "text/ascii.hpp"
#include "disarm/text/html_tag.hpp"
#include "text/html_entity.hpp"
#include "pages/rich_text_links.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

// md4c takes 32-bit sizes; no datasheet comes near this.
constexpr std::size_t kMaxMarkdownBytes = std::size_t{64} << 20;
// Markdown allows nine-digit item numbers; the count must not overflow an int.
constexpr unsigned kMaxItemNumber = 1'000'000'000;

// Decodes one entity ("&amp;", "&#8217;", "&#x2019;") into `out`; unknown ones are kept as
// written.
void append_entity(std::string& out, std::string_view entity) {
  if (entity.size() >= 3 && entity[0] == '&' && entity.back() == ';')
    if (auto cp = html_entity_code_point(entity.substr(1, entity.size() - 2))) {
      append_utf8(out, *cp);
      return;
    }
  out += entity;
}

// Entities inside raw HTML and attribute values, which md4c passes through undecoded.
std::string decode_entities(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (auto entity = html_entity_at(text.substr(i))) {
      append_utf8(out, entity->code_point);
      i += entity->length;
      continue;
    }
    out += text[i++];
  }
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Collapses runs of spaces (also across spans), trims every line's ends, and drops empty
// spans and the line breaks that open or close the text: "text <br><br> more " draws as
// written, and a dropped tag leaves no double space.
void tidy_lines(std::vector<Span>& spans) {
  bool after_space = true;  // at a line start or after a space, where a space adds nothing
  for (Span& s : spans) {
    if (s.line_break) {
      after_space = true;
      continue;
    }
    if (s.code()) {
      after_space = false;
      continue;
    }
    std::size_t kept = 0;  // compacted in place
    for (char c : s.text) {
      if (is_space(c)) {
        if (!after_space) s.text[kept++] = ' ';
        after_space = true;
      } else {
        s.text[kept++] = c;
        after_space = false;
      }
    }
    s.text.resize(kept);
  }
  auto empty = [](const Span& s) { return !s.line_break && s.text.empty(); };
  std::erase_if(spans, empty);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    Span& s = spans[i];
    bool line_end = i + 1 == spans.size() || spans[i + 1].line_break;
    if (line_end && !s.line_break && !s.code() && s.text.ends_with(' ')) s.text.pop_back();
  }
  std::erase_if(spans, empty);
  while (!spans.empty() && spans.front().line_break) spans.erase(spans.begin());
  while (!spans.empty() && spans.back().line_break) spans.pop_back();
}

// The md4c callbacks' context: turns the parser's events into blocks of spans.
class RichTextBuilder {
 public:
  explicit RichTextBuilder(const Framework& framework) : framework_(framework) {}

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    flush_html();
    switch (type) {
      case MD_BLOCK_QUOTE:
        close_block();
        ++quote_depth_;
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        close_block();
        List list;
        if (type == MD_BLOCK_OL) {
          list.ordered = true;
          list.next = static_cast<int>(std::min(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start, kMaxItemNumber));
        }
        lists_.push_back(list);
        break;
      }
      case MD_BLOCK_LI: {
        Block& item = open_block(BlockType::ListItem);
        if (!lists_.empty() && lists_.back().ordered) {
          item.ordered = true;
          item.number = lists_.back().next++;
        }
        fresh_item_ = true;
        break;
      }
      case MD_BLOCK_P:
        if (!fresh_item_) open_block(quote_depth_ > 0 ? BlockType::Quote : BlockType::Paragraph);
        fresh_item_ = false;  // a second paragraph in the item is a block of its own
        break;
      case MD_BLOCK_H:
        open_block(BlockType::Heading).heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE:
        open_block(BlockType::Code);
        in_code_block_ = true;
        break;
      case MD_BLOCK_HTML:
        open_block(quote_depth_ > 0 ? BlockType::Quote : BlockType::Paragraph);
        break;
      case MD_BLOCK_HR:
        open_block(BlockType::Rule);
        close_block();
        break;
      case MD_BLOCK_TABLE:
        open_block(BlockType::Table);
        break;
      case MD_BLOCK_THEAD:
        in_table_head_ = true;
        break;
      case MD_BLOCK_TR:
        if (Block* table = current_table()) table->rows.push_back(TableRow{{}, in_table_head_});
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (Block* table = current_table(); table && !table->rows.empty()) table->rows.back().cells.emplace_back();
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    flush_html();
    switch (type) {
      case MD_BLOCK_QUOTE:
        close_block();
        if (quote_depth_ > 0) --quote_depth_;
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        close_block();
        if (!lists_.empty()) lists_.pop_back();
        break;
      case MD_BLOCK_LI:
      case MD_BLOCK_P:
      case MD_BLOCK_H:
      case MD_BLOCK_TABLE:
        close_block();
        break;
      case MD_BLOCK_CODE:
        close_block();
        in_code_block_ = false;
        break;
      case MD_BLOCK_HTML:
        close_block();
        break;
      case MD_BLOCK_THEAD:
        in_table_head_ = false;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        flush_text();
        reset_inline_state();
        break;
      default:
        break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    flush_html();
    switch (type) {
      case MD_SPAN_EM:
        ++emphasis_;
        break;
      case MD_SPAN_STRONG:
        ++strong_;
        break;
      case MD_SPAN_CODE:
        ++code_;
        break;
      case MD_SPAN_A:
        links_.push_back(link_target(framework_, attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href)));
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    flush_html();
    switch (type) {
      case MD_SPAN_EM:
        if (emphasis_ > 0) --emphasis_;
        break;
      case MD_SPAN_STRONG:
        if (strong_ > 0) --strong_;
        break;
      case MD_SPAN_CODE:
        if (code_ > 0) --code_;
        break;
      case MD_SPAN_A:
        if (!links_.empty()) links_.pop_back();
        break;
      default:
        break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (type != MD_TEXT_HTML) flush_html();
    switch (type) {
      case MD_TEXT_NULLCHAR:
        append(kReplacementCharacter);
        break;
      case MD_TEXT_BR:
        line_break();
        break;
      case MD_TEXT_SOFTBR:
        append(" ");
        break;
      case MD_TEXT_ENTITY: {
        std::string decoded;
        append_entity(decoded, text);
        append(decoded);
        break;
      }
      case MD_TEXT_HTML:
        html_.append(text);
        take_html_tags();
        break;
      default:  // normal, code and math text
        append(text);
        break;
    }
    return 0;
  }

  RichText finish() && {
    flush_html();
    close_block();
    return std::move(out_);
  }

 private:
  struct List {
    bool ordered = false;
    int next = 0;  // the next item's number in an ordered list
  };

  Block& open_block(BlockType type) {
    close_block();
    Block block;
    block.type = type;
    block.list_depth = static_cast<int>(lists_.size());
    block.quote_depth = quote_depth_;
    out_.blocks.push_back(std::move(block));
    open_ = true;
    return out_.blocks.back();
  }

  // Ends the open block: its text is flushed and tidied, and a block left with nothing to
  // show (a paragraph of dropped tags) is removed.
  void close_block() {
    fresh_item_ = false;
    if (!open_) return;
    flush_text();
    reset_inline_state();
    open_ = false;
    Block& block = out_.blocks.back();
    if (block.type == BlockType::Table) {
      for (auto& row : block.rows)
        for (auto& cell : row.cells) tidy_lines(cell);
      return;
    }
    if (block.type == BlockType::Code) {
      while (!block.spans.empty() && block.spans.back().text.ends_with('\n')) {
        block.spans.back().text.pop_back();
        if (block.spans.back().text.empty()) block.spans.pop_back();
      }
    } else {
      tidy_lines(block.spans);
    }
    if (block.spans.empty() && block.type != BlockType::Rule && block.type != BlockType::Code &&
        block.type != BlockType::ListItem)
      out_.blocks.pop_back();
  }

  // An unclosed <i> or a stray link stops at its block or table cell.
  void reset_inline_state() {
    html_italic_ = html_bold_ = html_code_ = 0;
    html_links_ = 0;
    emphasis_ = strong_ = code_ = 0;
    links_.clear();
  }

  Block* current_table() {
    if (!open_ || out_.blocks.back().type != BlockType::Table) return nullptr;
    return &out_.blocks.back();
  }

  // Where text goes now: the open table cell, the open block, or a new paragraph for text
  // that md4c sends outside one (a tight list item's text after its nested list).
  std::vector<Span>& target() {
    if (Block* table = current_table()) {
      if (table->rows.empty()) table->rows.push_back(TableRow{{}, in_table_head_});
      if (table->rows.back().cells.empty()) table->rows.back().cells.emplace_back();
      return table->rows.back().cells.back();
    }
    if (!open_ || out_.blocks.back().type == BlockType::Rule)
      open_block(quote_depth_ > 0 ? BlockType::Quote : BlockType::Paragraph);
    return out_.blocks.back().spans;
  }

  std::uint8_t style() const {
    std::uint8_t s = kPlain;
    if (emphasis_ > 0 || html_italic_ > 0) s |= kItalic;
    if (strong_ > 0 || html_bold_ > 0) s |= kBold;
    if (code_ > 0 || html_code_ > 0 || in_code_block_) s |= kCode;
    return s;
  }

  const LinkTarget& link() const {
    static const LinkTarget none;
    return links_.empty() ? none : links_.back();
  }

  void append(std::string_view text) {
    if (text.empty()) return;
    std::uint8_t s = style();
    const LinkTarget& l = link();
    if (!pending_.empty() && (s != pending_style_ || l.kind != pending_link_.kind || l.object != pending_link_.object ||
                              l.url != pending_link_.url))
      flush_text();
    if (pending_.empty()) {
      pending_style_ = s;
      pending_link_ = l;
    }
    pending_.append(text);
  }

  // Moves the pending text into spans; plain text gets its IDs linked, code and link text
  // do not (a link's text is already a link).
  void flush_text() {
    if (pending_.empty()) return;
    std::vector<Span>& spans = target();
    if (pending_link_.kind == LinkKind::None && !(pending_style_ & kCode)) {
      append_id_linked(framework_, pending_, pending_style_, spans);
    } else {
      push_span(spans, std::move(pending_), pending_style_, pending_link_.kind, pending_link_.object);
      if (pending_link_.kind == LinkKind::External) spans.back().url = pending_link_.url;
    }
    pending_.clear();
  }

  void line_break() {
    flush_text();
    Span span;
    span.line_break = true;
    target().push_back(std::move(span));
  }

  // Raw HTML arrives in pieces (a tag may span lines); complete tags are acted on, the text
  // between them (in HTML blocks) is kept with its entities decoded.
  void take_html_tags() {
    std::size_t i = 0;
    while (i < html_.size()) {
      std::size_t lt = html_.find('<', i);
      if (lt == std::string::npos) lt = html_.size();
      if (lt > i) append_html_text(std::string_view(html_).substr(i, lt - i));
      i = lt;
      if (i == html_.size()) break;
      bool is_tag = i + 1 < html_.size() &&
                    (is_ascii_alpha(html_[i + 1]) || html_[i + 1] == '/' || html_[i + 1] == '!' || html_[i + 1] == '?');
      if (!is_tag) {
        if (i + 1 == html_.size()) break;  // wait for the next piece
        append_html_text("<");
        ++i;
        continue;
      }
      std::size_t end = html_.compare(i, 4, "<!--") == 0 ? html_.find("-->", i + 4) : html_.find('>', i);
      if (end == std::string::npos) break;  // the rest of the tag is still to come
      end += html_.compare(i, 4, "<!--") == 0 ? 3 : 1;
      apply_tag(parse_html_tag(std::string_view(html_).substr(i, end - i)));
      i = end;
    }
    html_.erase(0, i);
  }

  // An unfinished tag when something else arrives was never a tag: its text is dropped, as
  // all markup is.
  void flush_html() { html_.clear(); }

  void append_html_text(std::string_view text) {
    std::string decoded = decode_entities(text);
    for (char& c : decoded)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    append(decoded);
  }

  void apply_tag(const HtmlTag& tag) {
    const std::string& n = tag.name;
    auto step = [&](int& depth) {
      if (tag.closing) {
        if (depth > 0) --depth;
      } else {
        ++depth;
      }
    };
    if (n == "br") {
      line_break();
    } else if (n == "i" || n == "em" || n == "cite") {
      step(html_italic_);
    } else if (n == "b" || n == "strong") {
      step(html_bold_);
    } else if (n == "code" || n == "tt" || n == "kbd") {
      step(html_code_);
    } else if (n == "a") {
      if (!tag.closing) {
        const std::string_view href = html_attribute(tag.attributes, "href").value_or("");
        links_.push_back(link_target(framework_, decode_entities(href)));
        ++html_links_;
      } else if (html_links_ > 0) {
        --html_links_;
        if (!links_.empty()) links_.pop_back();
      }
    } else if (n == "p" || n == "div" || n == "tr" || n == "li" || n == "table") {
      // Block-level tags in raw HTML start a new line, once.
      const std::vector<Span>& spans = target();
      if (!pending_.empty() || (!spans.empty() && !spans.back().line_break)) line_break();
    } else if (n == "td" || n == "th") {
      if (tag.closing) append(" ");
    }
  }

  std::string attribute(const MD_ATTRIBUTE& a) const {
    std::string out;
    if (a.size == 0 || a.substr_types == nullptr || a.substr_offsets == nullptr) return out;
    for (unsigned k = 0; a.substr_offsets[k] < a.size; ++k) {
      std::string_view piece(a.text + a.substr_offsets[k], a.substr_offsets[k + 1] - a.substr_offsets[k]);
      if (a.substr_types[k] == MD_TEXT_ENTITY)
        append_entity(out, piece);
      else if (a.substr_types[k] == MD_TEXT_NULLCHAR)
        out += kReplacementCharacter;
      else
        out += piece;
    }
    return out;
  }

  const Framework& framework_;
  RichText out_;
  bool open_ = false;        // the last block still takes text
  bool fresh_item_ = false;  // a list item was opened and has had no paragraph yet
  std::vector<List> lists_;
  int quote_depth_ = 0;
  bool in_code_block_ = false;
  bool in_table_head_ = false;
  int emphasis_ = 0, strong_ = 0, code_ = 0;
  int html_italic_ = 0, html_bold_ = 0, html_code_ = 0, html_links_ = 0;
  std::vector<LinkTarget> links_;
  std::string pending_;
  std::uint8_t pending_style_ = kPlain;
  LinkTarget pending_link_;
  std::string html_;
};

bool ends_with_space(const std::string& s) {
  return s.empty() || s.back() == ' ';
}

void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_space(c)) {
      if (!ends_with_space(out)) out += ' ';
    } else {
      out += c;
    }
  }
}

void append_spans_plain(std::string& out, const std::vector<Span>& spans) {
  for (const Span& s : spans) {
    if (s.line_break)
      append_collapsed(out, " ");
    else
      append_collapsed(out, s.text);
  }
  append_collapsed(out, " ");
}

}  // namespace

RichText parse_rich_text(const Framework& framework, std::string_view markdown) {
  if (markdown.size() > kMaxMarkdownBytes) markdown = markdown.substr(0, kMaxMarkdownBytes);
  const std::string text = valid_utf8(markdown);
  RichTextBuilder builder(framework);
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                 MD_FLAG_PERMISSIVEWWWAUTOLINKS;
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<RichTextBuilder*>(self)->enter_block(type, detail);
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<RichTextBuilder*>(self)->leave_block(type, detail);
  };
  parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<RichTextBuilder*>(self)->enter_span(type, detail);
  };
  parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<RichTextBuilder*>(self)->leave_span(type, detail);
  };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return static_cast<RichTextBuilder*>(self)->text(type, std::string_view(text, size));
  };
  // A failed parse (out of memory) keeps what was built so far.
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
  return std::move(builder).finish();
}

std::string plain_text(const RichText& text, std::size_t max_bytes) {
  std::string out;
  for (const Block& block : text.blocks) {
    append_spans_plain(out, block.spans);
    for (const TableRow& row : block.rows)
      for (const auto& cell : row.cells) append_spans_plain(out, cell);
    if (out.size() > max_bytes + 4) break;  // enough to cut from
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= max_bytes) return out;

  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026
  if (max_bytes < kEllipsis.size()) return {};
  std::size_t cut = utf8_prefix_length(out, max_bytes - kEllipsis.size());
  // Cut between words when a word boundary is near enough not to waste the space.
  constexpr std::size_t kWordSlack = 24;
  std::size_t space = out.rfind(' ', cut);
  if (space != std::string::npos && space > 0 && cut - space <= kWordSlack) cut = space;
  out.resize(cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  out += kEllipsis;
  return out;
}

}  // namespace disarm
