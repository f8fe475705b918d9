#include "page_tree.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace disarm::shell {

namespace fs = std::filesystem;

Result<std::vector<PageFile>> read_page_tree(const std::string& root) {
  std::vector<PageFile> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || in.bad()) return Error{"cannot read the file", it->path().string()};
    files.push_back(PageFile{it->path().lexically_relative(root).generic_string(), std::move(text).str()});
  }
  if (ec) return Error{"cannot list the directory: " + ec.message(), root};
  std::sort(files.begin(), files.end(), [](const PageFile& a, const PageFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace disarm::shell
