// The start page: the framework's name, source and licence, counts per kind (each opening
// that kind's list), the two matrices, and a filterable list of every object.
#pragma once

#include <string>
#include <vector>

#include "disarm/model/model.hpp"
#include "view_context.hpp"

namespace disarm::web {

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;  // device pixels
};

class OverviewView {
 public:
  explicit OverviewView(const Framework& framework);

  void draw(ViewContext& ctx);

  const std::string& filter() const { return filter_; }
  std::size_t shown() const { return shown_.size(); }
  const WidgetRect& filter_rect() const { return filter_rect_; }
  bool filter_active() const { return filter_active_; }

 private:
  void refilter();
  // Counts per kind, each opening the list of that kind; then the two matrices.
  void draw_kinds_and_matrices(ViewContext& ctx, float avail, float em);
  // Every object, filtered by ID or name.
  void draw_object_list(ViewContext& ctx, float avail, float em);

  const Framework& framework_;
  std::string filter_;
  std::vector<ObjectIndex> shown_;  // recomputed only when the filter changes
  WidgetRect filter_rect_;
  bool filter_active_ = false;
};

}  // namespace disarm::web
