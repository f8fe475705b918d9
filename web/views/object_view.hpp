// One object's page: breadcrumbs, title, summary, fields, related objects, incident
// citations with their evidence, and references. Everything shown comes from ObjectPage.
#pragma once

#include "disarm/page_model.hpp"
#include "rich_text_view.hpp"
#include "view_context.hpp"

namespace disarm::web {

class ObjectView {
 public:
  void show(ObjectPage page);
  const ObjectPage& page() const { return page_; }
  void draw(ViewContext& ctx);

 private:
  void draw_header(ViewContext& ctx, float width);
  void draw_sections(ViewContext& ctx);
  void draw_citations(ViewContext& ctx, float width);
  void draw_references(ViewContext& ctx);

  ObjectPage page_;
  RichTextView text_;
};

// The column a page reads in: at most ~860 CSS pixels, centred.
float reading_width(const ViewContext& ctx);
// Moves the cursor so a column of `width` is centred in the window.
void centre_column(float width);
// A section heading: bold, with space above.
void section_heading(ViewContext& ctx, const char* title);

}  // namespace disarm::web
