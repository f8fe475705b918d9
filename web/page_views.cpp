#include "page_views.hpp"

#include "views/not_found_view.hpp"

namespace disarm::web {

void PageViews::reset(const Framework& framework) {
  overview_.reset();
  previews_.reset();
  object_view_ = ObjectView{};
  matrix_view_ = MatrixView{};
  search_view_ = SearchView{};
  kind_view_ = KindListView{};
  changes_view_ = ChangesView{};
  history_view_ = HistoryView{};
  upgrade_view_ = UpgradeView{};
  previews_ = std::make_unique<LinkPreviewCache>(framework);
  overview_ = std::make_unique<OverviewView>(framework);
}

void PageViews::show(const Page& page) {
  std::visit(PageVisitor{
                 [&](const ObjectPage& p) { object_view_.show(p); },
                 [&](const MatrixPage& p) {
                   matrix_view_.show(p.model);
                   matrix_view_.set_highlight(p.highlight);
                   matrix_view_.set_changes(p.changes);
                 },
                 [&](const SearchPage& p) { search_view_.show(p); },
                 [&](const KindPage& p) { kind_view_.show(p); },
                 [&](const ChangesPage& p) { changes_view_.show(p); },
                 [&](const HistoryPage& p) { history_view_.show(p); },
                 [&](const UpgradePage& p) { upgrade_view_.show(p); },
                 [](const auto&) {},
             },
             page.model);
}

void PageViews::draw(ViewContext& ctx, const Page& page) {
  std::visit(PageVisitor{
                 [&](const HomePage&) { overview_->draw(ctx); },
                 [&](const ObjectPage&) { object_view_.draw(ctx); },
                 [&](const MatrixPage&) { matrix_view_.draw(ctx); },
                 [&](const SearchPage&) { search_view_.draw(ctx); },
                 [&](const KindPage&) { kind_view_.draw(ctx); },
                 [&](const AboutPage& p) { draw_about(ctx, p, about_); },
                 [&](const ChangesPage&) { changes_view_.draw(ctx); },
                 [&](const HistoryPage&) { history_view_.draw(ctx); },
                 [&](const UpgradePage&) { upgrade_view_.draw(ctx); },
                 [&](const NotFoundPage& p) { draw_not_found(ctx, p); },
             },
             page.model);
}

}  // namespace disarm::web
