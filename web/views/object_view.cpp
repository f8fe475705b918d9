#include "views/object_view.hpp"

#include <algorithm>
#include <string>

#include "disarm/pages/highlight.hpp"
#include "disarm/pages/print_html.hpp"
#include "disarm/pages/route.hpp"
#include "links.hpp"
#include "platform/page_api.hpp"
#include "views/page_layout.hpp"

namespace disarm::web {

namespace {

// Text drawn as a frameless read-only field: it looks like text, and can be selected with
// the mouse and copied with Ctrl+C, which plain ImGui text cannot.
void selectable_text(const char* id, const std::string& text, ImFont* font, ImU32 colour, float max_width) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
  float width = std::min(max_width, ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFontSize() * 0.5f);
  ImGui::SetNextItemWidth(width);
  // ReadOnly: ImGui never writes through the pointer.
  ImGui::InputText(id, const_cast<char*>(text.c_str()), text.size() + 1, ImGuiInputTextFlags_ReadOnly);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  ImGui::PopFont();
}

}  // namespace

void ObjectView::show(const ObjectPage& page) {
  page_ = &page;
  text_.clear();  // the layouts pointed into the old page
  highlight_count_.reset();
}

std::string ObjectView::print_document_html(const Framework& framework) const {
  return print_html(framework, *page_);
}

void ObjectView::draw_actions(ViewContext& ctx, SelectionStore& store, bool in_menu) {
  auto next = [in_menu](const char* label) {
    if (!in_menu) same_line_if_fits(button_width(label));
  };
  next("Copy ID");
  if (page_button(ctx, "Copy ID")) copy_to_clipboard(page_->id);
  next("Copy link");
  if (page_button(ctx, "Copy link")) copy_to_clipboard(page_address(print_route(Route::object(page_->id))));
  if (!highlight_count_) {
    auto object = ctx.framework.find(page_->id);
    const Kind kind = page_->kind;
    if (object && (kind == Kind::Incident || kind == Kind::Counter || kind == Kind::Technique))
      highlight_count_ = highlight_for(ctx.framework, *object).size();
    else
      highlight_count_ = 0;
  }
  const bool technique = page_->kind == Kind::Technique;
  if (*highlight_count_ > 0 || page_->kind == Kind::Incident || page_->kind == Kind::Counter) {
    std::string label =
        technique ? std::string("Show in matrix") : "Show in matrix (" + technique_count(*highlight_count_) + ")";
    next(label.c_str());
    ImGui::BeginDisabled(*highlight_count_ == 0);
    if (page_button(ctx, label.c_str())) ctx.open(Route::matrix(MatrixSide::Red, page_->id));
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip(technique                       ? "Find it in the red matrix"
                        : page_->kind == Kind::Incident ? "Light up the techniques this incident used"
                                                        : "Light up the techniques this counter counters");
  }
  if (technique) {
    const bool selected = store.selection().contains(page_->id);
    const char* label = selected ? "Remove from selection" : "Add to selection";
    next(label);
    if (page_button(ctx, label)) {
      if (selected)
        store.remove(page_->id);
      else
        store.add(page_->id);
    }
  }
  if (ctx.releases.size() > 1) {
    next("In other releases");
    if (page_button(ctx, "In other releases")) ctx.open(Route::history(page_->id));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("This object in every release this viewer holds, and what changed");
  }
  next("Print");
  if (page_button(ctx, "Print")) print_document(print_document_html(ctx.framework));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A print view of this page, for a handout");
}

void ObjectView::draw_menu(ViewContext& ctx) {
  draw_actions(ctx, ctx.selection, true);
}

void ObjectView::draw(ViewContext& ctx) {
  SelectionStore& store = ctx.selection;
  ImGui::BeginChild("page", ImVec2(0, 0), false, kNavFlattened);
  float width = reading_width(ctx);
  float spare = ImGui::GetContentRegionAvail().x - width;
  if (spare > 0) ImGui::Indent(spare * 0.5f);
  draw_header(ctx, width, store);
  draw_sections(ctx);
  draw_citations(ctx, width);
  draw_references(ctx);
  ImGui::Dummy(ImVec2(0, ctx.fonts.regular->FontSize * 2));
  if (spare > 0) ImGui::Unindent(spare * 0.5f);
  ImGui::EndChild();
}

void ObjectView::draw_header(ViewContext& ctx, float width, SelectionStore& store) {
  // Breadcrumbs: where the object sits in the framework.
  for (std::size_t i = 0; i < page_->breadcrumbs.size(); ++i) {
    const PageEntry& crumb = page_->breadcrumbs[i];
    if (i > 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("\u203A");
      same_line_if_fits(ImGui::CalcTextSize((crumb.id + "  " + crumb.name).c_str()).x);
    }
    object_link(ctx, crumb.object, crumb.id, crumb.name);
  }

  selectable_text("##id", page_->id, ctx.fonts.bold, ctx.palette.accent, width);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", page_->kind_label.c_str());
  if (!ctx.embed) draw_actions(ctx, store, false);

  // A title longer than the column wraps as plain text; a shorter one can be selected.
  if (ImGui::CalcTextSize(page_->title.c_str()).x * ctx.fonts.heading->FontSize / ImGui::GetFontSize() < width) {
    selectable_text("##title", page_->title, ctx.fonts.heading, ctx.palette.heading, width);
  } else {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.heading);
    ImGui::TextUnformatted(page_->title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }

  if (!page_->availability_note.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ctx.palette.muted), "%s", page_->availability_note.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  text_.draw(ctx, page_->summary, width);

  if (!page_->fields.empty()) {
    ImGui::Spacing();
    const float label_width = 11 * ctx.fonts.regular->FontSize;
    for (const PageField& field : page_->fields) {
      float x = ImGui::GetCursorPosX();
      ImGui::PushFont(ctx.fonts.bold);
      ImGui::TextUnformatted(field.label.c_str());
      ImGui::PopFont();
      ImGui::SameLine(x + label_width);
      text_.draw(ctx, field.value, width - label_width);
    }
  }
}

namespace {

// Upstream's pages disagree about this relation: both sides are shown, each marked.
void draw_dispute(ViewContext& ctx, const std::string& dispute) {
  if (dispute.empty()) return;
  const float indent = ctx.fonts.regular->FontSize * 1.2f;
  ImGui::Indent(indent);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accent);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + reading_width(ctx) - indent);
  ImGui::TextUnformatted(("Disputed upstream: " + dispute).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::Unindent(indent);
}

}  // namespace

void ObjectView::draw_sections(ViewContext& ctx) {
  for (const PageSection& section : page_->sections) {
    std::string title = section.title + "  (" + std::to_string(section.entries.size()) + ")";
    section_heading(ctx, title.c_str());
    for (const SectionEntry& entry : section.entries) {
      object_link(ctx, entry.object, entry.id, entry.name);
      draw_dispute(ctx, entry.dispute);
      if (!entry.note.empty()) {  // why upstream relates them, when it says
        ImGui::Indent(ctx.fonts.regular->FontSize * 1.2f);
        text_.draw(ctx, entry.note, reading_width(ctx));
        ImGui::Unindent(ctx.fonts.regular->FontSize * 1.2f);
      }
    }
  }
}

void ObjectView::draw_citations(ViewContext& ctx, float width) {
  if (page_->citations.empty()) return;
  std::string title = page_->citations_title + "  (" + std::to_string(page_->citations.size()) + ")";
  section_heading(ctx, title.c_str());
  const float indent = ctx.fonts.regular->FontSize * 1.2f;
  // Citations can number in the hundreds with long quotes: rich text layouts are cached and
  // only lines in view are drawn, so the cost per frame stays flat.
  for (std::size_t i = 0; i < page_->citations.size(); ++i) {
    const Citation& c = page_->citations[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Dummy(ImVec2(0, ctx.fonts.regular->FontSize * 0.3f));
    object_link(ctx, c.cited.object, c.cited.id, c.cited.name);
    draw_dispute(ctx, c.dispute);
    if (!c.evidence.empty()) {
      ImGui::Indent(indent);
      ImVec2 top = ImGui::GetCursorScreenPos();
      text_.draw(ctx, c.evidence, width - indent * 1.5f);
      ImVec2 bottom = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x - indent * 0.6f, top.y),
                                                ImVec2(top.x - indent * 0.6f + 3 * ctx.scale, bottom.y),
                                                ctx.palette.rule);
      if (ImGui::SmallButton("Copy quote")) copy_to_clipboard(plain_text(c.evidence, 1 << 20));
      ImGui::Unindent(indent);
    }
    ImGui::PopID();
  }
}

void ObjectView::draw_references(ViewContext& ctx) {
  if (page_->references.empty()) return;
  std::string title = "References  (" + std::to_string(page_->references.size()) + ")";
  section_heading(ctx, title.c_str());
  for (std::size_t i = 0; i < page_->references.size(); ++i) {
    const PageReference& ref = page_->references[i];
    const Reference& r = ref.reference;
    ImGui::PushID(static_cast<int>(i));
    const std::string& label = r.title.empty() ? r.url : r.title;
    ImGui::PushFont(ctx.fonts.bold);
    external_link(ctx, label, r.url, ref.url_is_web);
    ImGui::PopFont();
    std::string details;
    for (const std::string* part : {&r.published, &r.authors, &r.organisation}) {
      if (part->empty()) continue;
      if (!details.empty()) details += "  \u00B7  ";
      details += *part;
    }
    if (!details.empty()) ImGui::TextDisabled("%s", details.c_str());
    if (!r.archive_url.empty()) {
      ImGui::TextDisabled("Archived copy:");
      ImGui::SameLine();
      external_link(ctx, r.archive_url, r.archive_url, ref.archive_url_is_web);
    }
    if (ImGui::SmallButton("Copy citation")) copy_to_clipboard(ref.citation);
    ImGui::Spacing();
    ImGui::PopID();
  }
}

}  // namespace disarm::web
