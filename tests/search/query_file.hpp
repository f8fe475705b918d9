// The search quality query file (queries.tsv): each line names the snapshot it is for, a
// query as the viewer's search box receives it, and the IDs that must come back in the top 3.
// Read by the unit tests and by the search benchmark, natively and in node.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace disarm::search_quality {

inline constexpr std::size_t kTop = 3;

struct QueryCase {
  std::string set;                    // "sample": data/sample/snapshot.json; "full": upstream's framework
  std::string query;                  // typed as is, its last word still a prefix
  std::vector<std::string> expected;  // all must be among the first kTop hits
  int line = 0;
};

// The cases of one set, or of all sets when `set` is empty. Lines starting with '#' and blank
// lines are skipped; a malformed line becomes a case with no expected IDs, which never passes.
inline std::vector<QueryCase> read_query_file(const std::string& path, const std::string& set) {
  std::vector<QueryCase> cases;
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    QueryCase c;
    c.line = number;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = tab1 == std::string::npos ? std::string::npos : line.find('\t', tab1 + 1);
    if (tab2 != std::string::npos) {
      c.set = line.substr(0, tab1);
      c.query = line.substr(tab1 + 1, tab2 - tab1 - 1);
      std::istringstream ids(line.substr(tab2 + 1));
      for (std::string id; ids >> id;) c.expected.push_back(id);
    }
    if (set.empty() || c.set == set) cases.push_back(std::move(c));
  }
  return cases;
}

// True when every expected ID is among the first kTop of `ids` (the hits, best first).
inline bool top_results_right(const QueryCase& c, const std::vector<std::string>& ids) {
  if (c.expected.empty()) return false;
  std::size_t top = std::min(ids.size(), kTop);
  return std::all_of(c.expected.begin(), c.expected.end(), [&](const std::string& id) {
    return std::find(ids.begin(), ids.begin() + top, id) != ids.begin() + top;
  });
}

}  // namespace disarm::search_quality
