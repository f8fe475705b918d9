// One object's page: breadcrumbs, title, summary, fields, related objects, incident
// citations with their evidence, and references. Everything shown comes from ObjectPage.
#pragma once

#include <optional>
#include <string>

#include "disarm/pages/page_model.hpp"
#include "rich_text_view.hpp"
#include "selection_store.hpp"
#include "view_context.hpp"

namespace disarm::web {

class ObjectView {
 public:
  // The page stays the caller's (the router's) until the next show().
  void show(const ObjectPage& page);
  void draw(ViewContext& ctx);
  // An embed's menu: what the page header holds otherwise (copy, show in matrix, select, print).
  void draw_menu(ViewContext& ctx);
  // The page as a print document (a handout): print_html's.
  std::string print_document_html(const Framework& framework) const;

 private:
  void draw_header(ViewContext& ctx, float width, SelectionStore& store);
  // Copy ID and link, show in matrix, add to or remove from the selection, print: on the ID's
  // line, or one under another in a menu.
  void draw_actions(ViewContext& ctx, SelectionStore& store, bool in_menu);
  void draw_sections(ViewContext& ctx);
  void draw_citations(ViewContext& ctx, float width);
  void draw_references(ViewContext& ctx);

  const ObjectPage* page_ = nullptr;
  RichTextView text_;
  std::optional<std::size_t> highlight_count_;  // techniques "Show in matrix" lights; none: no button
};

}  // namespace disarm::web
