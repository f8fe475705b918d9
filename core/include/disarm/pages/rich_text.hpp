// Rich text: upstream's markdown (with its inline HTML) parsed once into blocks of styled,
// linked spans, so that drawing a page is a walk over plain structs.
//
// Every DISARM ID that the text mentions and the framework holds becomes an object link;
// markdown links to upstream datasheets do too; http(s) links are external; links with any
// other scheme are shown as plain text. Output text is always valid UTF-8, whatever the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "disarm/model/model.hpp"

namespace disarm {

// Style bits of a span, or-ed together.
enum SpanStyle : std::uint8_t {
  kPlain = 0,
  kBold = 1u << 0,
  kItalic = 1u << 1,
  kCode = 1u << 2,
};

enum class LinkKind : unsigned char { None, Object, External };

// A run of text in one style with one link target, or a hard line break.
struct Span {
  std::string text;  // empty for a line break
  std::uint8_t style = kPlain;
  LinkKind link = LinkKind::None;
  ObjectIndex object = 0;  // the linked object when link == Object
  std::string url;         // the http(s) address when link == External
  bool line_break = false;

  bool bold() const { return style & kBold; }
  bool italic() const { return style & kItalic; }
  bool code() const { return style & kCode; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct TableRow {
  std::vector<std::vector<Span>> cells;
  bool header = false;
  friend bool operator==(const TableRow&, const TableRow&) = default;
};

enum class BlockType : unsigned char { Paragraph, Heading, ListItem, Quote, Code, Rule, Table };

// Blocks come flat, in document order; nesting is carried by `list_depth` and `quote_depth`.
// A paragraph inside a block quote is a Quote block; a paragraph that continues a list item
// is a Paragraph with the item's list_depth (drawn indented, without a bullet).
struct Block {
  BlockType type = BlockType::Paragraph;
  int heading_level = 0;       // 1..6 for headings
  int list_depth = 0;          // 1 for a top-level list item, 2 inside it, ...; 0 outside lists
  bool ordered = false;        // list items: numbered rather than bulleted
  int number = 0;              // an ordered list item's number
  int quote_depth = 0;         // how many block quotes enclose the block
  std::vector<Span> spans;     // everything but rules and tables
  std::vector<TableRow> rows;  // tables: the header row first
  friend bool operator==(const Block&, const Block&) = default;
};

struct RichText {
  std::vector<Block> blocks;
  bool empty() const { return blocks.empty(); }
  friend bool operator==(const RichText&, const RichText&) = default;
};

// Parses markdown as upstream writes it: CommonMark with tables, inline HTML (<br>, <i>,
// <b>, <em>, <strong>, <code>, <a href>; other tags are dropped, their text kept), entities
// decoded, IDs linked. An unclosed HTML tag ends with its block. Never throws.
RichText parse_rich_text(const Framework& framework, std::string_view markdown);

// Plain text (a name, a table value) as spans with the IDs it mentions linked: one span
// when it mentions none. Markup is not interpreted.
std::vector<Span> link_ids(const Framework& framework, std::string_view text, std::uint8_t style = kPlain);

// True for an absolute http:// or https:// address with a host and no spaces or control
// characters: the only addresses the viewer opens.
bool is_web_url(std::string_view url);

// The text on one line (blocks, line breaks and table cells become single spaces), cut to
// at most `max_bytes` bytes at a UTF-8 boundary, preferably between words, with "…" marking
// the cut. For tooltips and previews.
std::string plain_text(const RichText& text, std::size_t max_bytes);

}  // namespace disarm
