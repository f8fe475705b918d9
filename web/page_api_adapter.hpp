// window.disarm (viewer.js) in terms of the viewer: what it shows as JSON for tests and for
// pages that embed it, the small parts of that state the page's own scripts read (route,
// links, selection, search box), and what the page passes in (addresses, files, the search
// box's <input>, layers). Rectangles are in CSS pixels.
#pragma once

#include <string>

#include "platform/page_api.hpp"
#include "viewer_app.hpp"

namespace disarm::web {

class PageApiAdapter : public PageApiHandler {
 public:
  explicit PageApiAdapter(ViewerApp& app) : app_(app) {}

  std::string state_json() const override;
  std::string state_part_json(const std::string& part) const override;
  void location_changed(const std::string& fragment, int history_index) override;
  std::string search_json(const std::string& query) const override;
  std::string open_data(const std::string& name, std::string_view text, std::uint64_t size) override;
  std::string mirror_html() const override;
  void search_box_input(const std::string& text) override;
  void search_box_key(const std::string& key) override;
  std::string import_layer(const std::string& text) override;
  std::string export_text(const std::string& what) const override;

 private:
  ViewerApp& app_;
};

}  // namespace disarm::web
