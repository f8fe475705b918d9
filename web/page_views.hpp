// The views, one per kind of page, and the one place that hands each its page: each keeps
// only UI state (a filter, a selected row, scroll) and points at the page, which the router
// owns until the next one.
#pragma once

#include <memory>

#include "disarm/pages/page.hpp"
#include "view_context.hpp"
#include "views/about_view.hpp"
#include "views/changes_view.hpp"
#include "views/history_view.hpp"
#include "views/kind_list_view.hpp"
#include "views/matrix_view.hpp"
#include "views/object_view.hpp"
#include "views/overview_view.hpp"
#include "views/search_view.hpp"
#include "views/upgrade_view.hpp"

namespace disarm::web {

class PageViews {
 public:
  // Starts every view afresh for `framework`: they held pages and references into the last.
  void reset(const Framework& framework);
  void show(const Page& page);
  void draw(ViewContext& ctx, const Page& page);

  // For the embed bar's menu, the search box and the page API.
  LinkPreviewCache& previews() { return *previews_; }
  const OverviewView& overview() const { return *overview_; }
  ObjectView& object() { return object_view_; }
  const ObjectView& object() const { return object_view_; }
  MatrixView& matrix() { return matrix_view_; }
  const MatrixView& matrix() const { return matrix_view_; }
  SearchView& search() { return search_view_; }
  const SearchView& search() const { return search_view_; }
  AboutState& about() { return about_; }
  const AboutState& about() const { return about_; }

 private:
  std::unique_ptr<OverviewView> overview_;
  std::unique_ptr<LinkPreviewCache> previews_;
  ObjectView object_view_;
  MatrixView matrix_view_;
  SearchView search_view_;
  KindListView kind_view_;
  ChangesView changes_view_;
  HistoryView history_view_;
  UpgradeView upgrade_view_;
  AboutState about_;
};

}  // namespace disarm::web
