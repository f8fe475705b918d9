#include "disarm/pages/print_html.hpp"

#include <algorithm>
#include <array>

#include "disarm/selection/selection_export.hpp"
#include "text/utf8.hpp"

namespace disarm {

namespace {

// Pale to strong red for heat levels 0..kHeatLevels-1; the counts are printed too, so a
// black-and-white copy loses nothing.
constexpr std::array<std::string_view, kHeatLevels> kHeatColours = {"#ffffff", "#fde0dd", "#fcc5c0", "#fa9fb5",
                                                                    "#f768a1"};

constexpr std::string_view kStyle = R"(
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; margin: 1.5em auto; max-width: 46em; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #999; }
h3, h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
a { color: #1a4b8c; }
.kind, .breadcrumbs, .availability { font: 9pt/1.4 Helvetica, Arial, sans-serif; color: #444; margin: 0; }
.availability { font-style: italic; }
dl.fields dt { font-weight: bold; margin-top: 0.5em; }
dl.fields dd { margin: 0 0 0 1.5em; }
blockquote { margin: 0.4em 0 0.6em 0; padding-left: 0.8em; border-left: 3px solid #999; color: #222; }
pre { white-space: pre-wrap; font-size: 9pt; }
table.rich, table.selection { border-collapse: collapse; margin: 0.5em 0; }
table.rich th, table.rich td, table.selection th, table.selection td { border: 1px solid #999; padding: 2px 6px; vertical-align: top; text-align: left; }
.note { font-size: 0.92em; color: #333; }
footer { margin-top: 2.5em; padding-top: 0.5em; border-top: 1px solid #999; font: 8.5pt/1.4 Helvetica, Arial, sans-serif; color: #333; }
body.matrix { max-width: none; }
@media print { body { margin: 0; } a { text-decoration: none; } h2 { break-after: avoid; } li, blockquote { break-inside: avoid; } }
)";

constexpr std::string_view kMatrixStyle = R"(
@page { size: landscape; margin: 10mm; }
table.matrix { border-collapse: collapse; table-layout: fixed; width: 100%; font: 7pt/1.25 Helvetica, Arial, sans-serif; }
table.matrix th, table.matrix td { border: 1px solid #999; padding: 2px 3px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
table.matrix thead th { background: #eee; }
table.matrix td.empty { border: none; }
table.matrix td.sub { padding-left: 10px; }
table.matrix td.highlight { outline: 2px solid #000; outline-offset: -2px; font-weight: bold; }
table.matrix td.selected { outline: 2px dashed #1a4b8c; outline-offset: -3px; }
table.matrix td.context { color: #777; }
.count, .score { float: right; margin-left: 3px; font-weight: bold; }
.score { color: #1a4b8c; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.4em; font: 8.5pt Helvetica, Arial, sans-serif; }
.swatch { display: inline-block; width: 1.6em; height: 1em; border: 1px solid #999; vertical-align: middle; margin-right: 0.3em; }
.swatch.highlight { outline: 2px solid #000; outline-offset: -2px; }
.swatch.selected { outline: 2px dashed #1a4b8c; outline-offset: -3px; }
)";

std::string heat_style() {
  std::string css;
  for (int level = 0; level < kHeatLevels; ++level)
    css += ".heat-" + std::to_string(level) + " { background: " + std::string(kHeatColours[level]) + "; }\n";
  return css;
}

std::string object_href(std::string_view id, std::string_view release) {
  std::string href = "#/";
  if (!release.empty()) href += html_escape(release) + "/";
  return href + html_escape(id);
}

std::string object_link(std::string_view id, std::string_view text, std::string_view release) {
  return "<a href=\"" + object_href(id, release) + "\">" + html_escape(text) + "</a>";
}

// An address as a link when the viewer would open it, as text otherwise.
std::string address(std::string_view url) {
  if (!is_web_url(url)) return html_escape(url);
  return "<a href=\"" + html_escape(url) + "\">" + html_escape(url) + "</a>";
}

// "ID Name", the ID linked.
std::string entry_html(const PageEntry& entry, std::string_view release) {
  std::string out = object_link(entry.id, entry.id, release);
  if (!entry.name.empty()) out += " " + html_escape(entry.name);
  return out;
}

class RichTextWriter {
 public:
  RichTextWriter(const Framework& framework, std::string& out, std::string_view release)
      : framework_(framework), out_(out), release_(release) {}

  void write(const RichText& text) {
    for (const Block& block : text.blocks) write(block);
    close_lists(0);
    set_quotes(0);
  }

 private:
  void close_lists(std::size_t depth) {
    while (lists_.size() > depth) {
      out_ += lists_.back() ? "</li></ol>" : "</li></ul>";
      lists_.pop_back();
    }
  }

  void set_quotes(int depth) {
    for (; quotes_ < depth; ++quotes_) out_ += "<blockquote>";
    for (; quotes_ > depth; --quotes_) out_ += "</blockquote>";
  }

  void list_item(const Block& block) {
    const std::size_t depth = static_cast<std::size_t>(std::max(1, block.list_depth));
    close_lists(depth);
    if (lists_.size() == depth && lists_.back() != block.ordered) close_lists(depth - 1);
    if (lists_.size() == depth) {
      out_ += "</li><li>";
    } else {
      while (lists_.size() < depth) {
        // Levels the markdown skipped are bulleted; the item's own list takes its kind.
        const bool ordered = lists_.size() + 1 == depth && block.ordered;
        if (!ordered)
          out_ += "<ul>";
        else if (block.number != 1)
          out_ += "<ol start=\"" + std::to_string(block.number) + "\">";
        else
          out_ += "<ol>";
        out_ += "<li>";
        lists_.push_back(ordered);
      }
    }
    spans(block.spans);
  }

  void write(const Block& block) {
    if (block.quote_depth != quotes_) {
      close_lists(0);
      set_quotes(block.quote_depth);
    }
    if (block.type == BlockType::ListItem) return list_item(block);
    // A paragraph continuing a list item stays inside it.
    const std::size_t depth = block.type == BlockType::Paragraph ? static_cast<std::size_t>(block.list_depth) : 0;
    close_lists(lists_.size() >= depth ? depth : 0);
    switch (block.type) {
      case BlockType::Paragraph:
      case BlockType::Quote:
      case BlockType::ListItem:
        out_ += "<p>";
        spans(block.spans);
        out_ += "</p>";
        break;
      case BlockType::Heading: {
        const std::string tag = "h" + std::to_string(std::clamp(block.heading_level + 2, 3, 6));
        out_ += "<" + tag + ">";
        spans(block.spans);
        out_ += "</" + tag + ">";
        break;
      }
      case BlockType::Code: {
        std::string code;
        for (const Span& span : block.spans) code += span.line_break ? "\n" : span.text;
        out_ += "<pre><code>" + html_escape(code) + "</code></pre>";
        break;
      }
      case BlockType::Rule:
        out_ += "<hr>";
        break;
      case BlockType::Table:
        out_ += "<table class=\"rich\">";
        for (const TableRow& row : block.rows) {
          out_ += "<tr>";
          for (const auto& cell : row.cells) {
            out_ += row.header ? "<th>" : "<td>";
            spans(cell);
            out_ += row.header ? "</th>" : "</td>";
          }
          out_ += "</tr>";
        }
        out_ += "</table>";
        break;
    }
  }

  void spans(const std::vector<Span>& spans) {
    for (const Span& span : spans) {
      if (span.line_break) {
        out_ += "<br>";
        continue;
      }
      std::string html = html_escape(span.text);
      if (span.code()) html = "<code>" + html + "</code>";
      if (span.italic()) html = "<em>" + html + "</em>";
      if (span.bold()) html = "<strong>" + html + "</strong>";
      if (span.link == LinkKind::Object && span.object < framework_.objects().size())
        html = "<a href=\"" + object_href(framework_.object(span.object).id, release_) + "\">" + html + "</a>";
      else if (span.link == LinkKind::External && is_web_url(span.url))
        html = "<a href=\"" + html_escape(span.url) + "\">" + html + "</a>";
      out_ += html;
    }
  }

  const Framework& framework_;
  std::string& out_;
  std::string_view release_;
  std::vector<bool> lists_;  // the open lists, outermost first: ordered or not; each has an open <li>
  int quotes_ = 0;
};

std::string document_start(std::string_view title, std::string_view extra_style, bool matrix) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>" + std::string(kStyle) + heat_style() +
         std::string(extra_style) + "</style>\n</head>\n";
  out += matrix ? "<body class=\"matrix\">\n" : "<body>\n";
  return out;
}

std::string provenance_footer(const Provenance& p) {
  std::string out = "<footer>\n<p>Data: " + html_escape(p.name.empty() ? std::string("unnamed data") : p.name);
  if (!p.source.empty()) out += ", from " + address(p.source);
  if (!p.commit.empty()) out += ", commit " + html_escape(p.commit);
  if (!p.date.empty()) out += ", " + html_escape(p.date);
  out += ".";
  if (!p.licence.empty()) {
    out += " Licence: " + html_escape(p.licence);
    if (!p.licence_url.empty()) out += " (" + address(p.licence_url) + ")";
    out += ".";
  }
  out += "</p>\n";
  if (!p.attribution.empty()) out += "<p>" + html_escape(p.attribution) + "</p>\n";
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

// The citation's text with its addresses, which format_citation() puts last, made links.
std::string reference_html(const PageReference& ref) {
  std::string tail;
  if (!ref.reference.url.empty()) tail += " " + ref.reference.url;
  if (!ref.reference.archive_url.empty()) tail += " (archived: " + ref.reference.archive_url + ")";
  const std::string& citation = ref.citation;
  if (citation.size() < tail.size() || citation.compare(citation.size() - tail.size(), tail.size(), tail) != 0)
    return html_escape(citation);
  std::string out = html_escape(std::string_view(citation).substr(0, citation.size() - tail.size()));
  if (!ref.reference.url.empty()) out += " " + address(ref.reference.url);
  if (!ref.reference.archive_url.empty()) out += " (archived: " + address(ref.reference.archive_url) + ")";
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string object_link_html(std::string_view id, std::string_view text, std::string_view release) {
  return object_link(id, text, release);
}

std::string address_html(std::string_view url) {
  return address(url);
}

std::string rich_text_html(const Framework& framework, const RichText& text, std::string_view release) {
  std::string out;
  RichTextWriter(framework, out, release).write(text);
  return out;
}

std::string print_html(const Framework& framework, const ObjectPage& page) {
  const std::string heading = page.title == page.id ? page.id : page.id + " " + page.title;
  return document_start(heading, {}, false) + object_page_html(framework, page) +
         provenance_footer(framework.provenance());
}

std::string object_page_html(const Framework& framework, const ObjectPage& page, std::string_view release) {
  std::string out =
      "<header>\n<p class=\"kind\">" + html_escape(page.kind_label) + " " + html_escape(page.id) + "</p>\n";
  if (!page.breadcrumbs.empty()) {
    out += "<p class=\"breadcrumbs\">";
    for (std::size_t i = 0; i < page.breadcrumbs.size(); ++i)
      out += (i ? " \xE2\x80\xBA " : "") + entry_html(page.breadcrumbs[i], release);  // ›
    out += "</p>\n";
  }
  out += "<h1>" + html_escape(page.title) + "</h1>\n";
  if (!page.availability_note.empty())
    out += "<p class=\"availability\">" + html_escape(page.availability_note) + "</p>\n";
  out += "</header>\n<main>\n";
  if (!page.summary.empty())
    out += "<section class=\"summary\">" + rich_text_html(framework, page.summary, release) + "</section>\n";
  if (!page.fields.empty()) {
    out += "<dl class=\"fields\">\n";
    for (const PageField& field : page.fields)
      out +=
          "<dt>" + html_escape(field.label) + "</dt><dd>" + rich_text_html(framework, field.value, release) + "</dd>\n";
    out += "</dl>\n";
  }
  for (const PageSection& section : page.sections) {
    out += "<section>\n<h2>" + html_escape(section.title) + "</h2>\n<ul>\n";
    for (const SectionEntry& entry : section.entries) {
      out += "<li>" + entry_html(entry, release);
      if (!entry.dispute.empty())
        out += " <em class=\"disputed\">(disputed upstream: " + html_escape(entry.dispute) + ")</em>";
      if (!entry.note.empty())
        out += "<div class=\"note\">" + rich_text_html(framework, entry.note, release) + "</div>";
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  if (!page.citations.empty()) {
    out += "<section class=\"citations\">\n<h2>" + html_escape(page.citations_title) + "</h2>\n<ul>\n";
    for (const Citation& citation : page.citations) {
      out += "<li>" + entry_html(citation.cited, release);
      if (!citation.dispute.empty())
        out += " <em class=\"disputed\">(disputed upstream: " + html_escape(citation.dispute) + ")</em>";
      if (!citation.evidence.empty())
        out +=
            "<blockquote class=\"evidence\">" + rich_text_html(framework, citation.evidence, release) + "</blockquote>";
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  if (!page.references.empty()) {
    out += "<section class=\"references\">\n<h2>References</h2>\n<ol>\n";
    for (const PageReference& ref : page.references) out += "<li>" + reference_html(ref) + "</li>\n";
    out += "</ol>\n</section>\n";
  }
  out += "</main>\n";
  return out;
}

namespace {

// The matrix as a table: phase bands when it has phases, tactics, then a row per cell depth.
std::string matrix_table_html(const MatrixModel& matrix, const Selection* selection,
                              const std::vector<ObjectIndex>& lit) {
  std::string out = "<table class=\"matrix\">\n<thead>\n";
  if (std::any_of(matrix.phases.begin(), matrix.phases.end(), [](const auto& band) { return band.phase; })) {
    out += "<tr class=\"phases\">";
    for (const MatrixPhaseBand& band : matrix.phases) {
      out += "<th colspan=\"" + std::to_string(band.column_count) + "\">";
      if (band.phase) out += object_link(band.id, band.id, {}) + " " + html_escape(band.name);
      out += "</th>";
    }
    out += "</tr>\n";
  }
  out += "<tr class=\"tactics\">";
  std::size_t rows = 0;
  for (const MatrixTacticColumn& column : matrix.columns) {
    out += "<th>" + object_link(column.id, column.id, {});
    if (!column.name.empty()) out += "<br>" + html_escape(column.name);
    out += "</th>";
    rows = std::max(rows, column.cells.size());
  }
  out += "</tr>\n</thead>\n<tbody>\n";
  for (std::size_t r = 0; r < rows; ++r) {
    out += "<tr>";
    for (const MatrixTacticColumn& column : matrix.columns) {
      if (r >= column.cells.size()) {
        out += "<td class=\"empty\"></td>";
        continue;
      }
      const MatrixCell& cell = column.cells[r];
      const SelectedTechnique* chosen = selection ? selection->find(cell.id) : nullptr;
      std::string classes = "heat-" + std::to_string(std::clamp(cell.heat, 0, kHeatLevels - 1));
      if (cell.depth > 0) classes += " sub";
      if (std::binary_search(lit.begin(), lit.end(), cell.object)) classes += " highlight";
      if (chosen) classes += " selected";
      if (!cell.matched) classes += " context";
      out += "<td class=\"" + classes + "\">";
      if (cell.incident_count > 0) out += "<span class=\"count\">" + std::to_string(cell.incident_count) + "</span>";
      if (chosen && chosen->score) out += "<span class=\"score\">" + std::to_string(*chosen->score) + "</span>";
      out += object_link(cell.id, cell.id, {});
      if (!cell.name.empty()) (out += ' ').append(html_escape(cell.name));
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

// What the heat colours mean, and the highlight and selection marks when there are any.
std::string matrix_legend_html(const MatrixModel& matrix, const Selection* selection,
                               const std::vector<ObjectIndex>& lit) {
  const bool red = matrix.side == MatrixSide::Red;
  std::string legend;
  for (const HeatLegendEntry& entry : heat_legend(matrix.max_incident_count)) {
    std::string label = red ? "cited by " : "seen in ";
    if (entry.max_count == 0)
      label += "no incident";
    else if (entry.max_count == 1)
      label += "1 incident";
    else if (entry.min_count == entry.max_count)
      label += std::to_string(entry.min_count) + " incidents";
    else
      label +=
          std::to_string(entry.min_count) + "\xE2\x80\x93" + std::to_string(entry.max_count) + " incidents";  // en dash
    legend += "<li><span class=\"swatch heat-" + std::to_string(entry.level) + "\"></span>" + label + "</li>\n";
  }
  if (!lit.empty()) legend += "<li><span class=\"swatch highlight\"></span>highlighted</li>\n";
  if (selection && !selection->empty())
    legend += "<li><span class=\"swatch selected\"></span>selected (its score in blue)</li>\n";
  if (legend.empty()) return {};
  return "<section class=\"legend\">\n<h2>Legend</h2>\n<ul>\n" + legend + "</ul>\n</section>\n";
}

// The selected techniques as a table, with their scores and comments.
std::string selection_table_html(const Framework& framework, const Selection& selection) {
  const Vocabulary& words = framework.release().vocabulary;
  std::string out = "<section class=\"selection\">\n<h2>" + words.reword("Selected techniques") +
                    "</h2>\n<table class=\"selection\">\n";
  out += "<tr><th>ID</th><th>Name</th><th>" + words.reword("Tactic") +
         "</th><th>Score</th><th>Comment</th><th>Incidents</th></tr>\n";
  for (const SelectionRow& row : selection_rows(framework, selection)) {
    std::string comment = html_escape(row.comment);
    for (std::size_t at = 0; (at = comment.find('\n', at)) != std::string::npos; at += 5)
      comment.replace(at, 1, "<br>\n");
    out += "<tr><td>" + object_link(row.id, row.id, {}) + "</td><td>" + html_escape(row.name) + "</td><td>" +
           html_escape(row.tactic) + "</td><td>" + (row.score ? std::to_string(*row.score) : "") + "</td><td>" +
           comment + "</td><td>" + (row.incidents ? std::to_string(*row.incidents) : "") + "</td></tr>\n";
  }
  out += "</table>\n</section>\n";
  return out;
}

}  // namespace

std::string print_matrix_html(const Framework& framework, const MatrixModel& matrix, const Selection* selection,
                              std::span<const ObjectIndex> highlight) {
  const bool red = matrix.side == MatrixSide::Red;
  const std::string title = framework.release().vocabulary.reword(red ? "Red framework: techniques by tactic"
                                                                      : "Blue framework: counters by tactic");
  std::vector<ObjectIndex> lit(highlight.begin(), highlight.end());
  std::sort(lit.begin(), lit.end());

  std::string out = document_start(title, kMatrixStyle, true);
  out += "<header>\n<p class=\"kind\">" + html_escape(framework.provenance().name) + "</p>\n<h1>" + html_escape(title) +
         "</h1>\n</header>\n<main>\n";
  out += matrix_table_html(matrix, selection, lit);
  out += matrix_legend_html(matrix, selection, lit);
  if (selection && !selection->empty()) out += selection_table_html(framework, *selection);
  out += "</main>\n";
  return out + provenance_footer(framework.provenance());
}

}  // namespace disarm
