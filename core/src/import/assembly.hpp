// What the page importers learn, gathered until every page is read and then turned into
// FrameworkData: objects as their datasheets and index rows define them, and relations as
// each page states them ("claims"). Upstream states most relations on two or three pages
// (a technique's Tactic field, its tactic's Techniques table, the red matrix); the claims
// are reconciled once, at the end, with a warning wherever the pages disagree.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "disarm/diagnostic.hpp"
#include "disarm/model/model.hpp"
#include "import/id_text.hpp"

namespace disarm::importer {

// Who states a relation, from the most to the least authoritative.
enum class ClaimSource : unsigned char {
  FromPage,   // the datasheet of the relation's `from` (a technique's Tactic field)
  ToPage,     // the datasheet of its `to` (a tactic's Techniques table)
  Index,      // the `from` object's row in its index page
  OtherPage,  // any other page: a matrix column, a response type in someone's table
};

struct Claim {
  RelationType type;
  std::string from;
  std::string to;
  std::string text;
  ClaimSource source;
  std::string page;  // the stating page's path
  int line = 0;
};

class Assembly {
 public:
  explicit Assembly(Diagnostics& warnings) : warnings_(warnings) {}

  void warn(const std::string& page, int line, std::string message);
  // A warning found and located elsewhere (the datasheet parser's).
  void report(Diagnostic warning) { warnings_.push_back(std::move(warning)); }

  // A datasheet's object. A second page for the same ID is reported and ignored.
  void add_page_object(Object object, const std::string& page, int line);
  // An index page's row; merged with the datasheet, or the object itself when there is none.
  void add_index_row(Object object, const std::string& page, int line);
  void note_index_page(Kind kind) { index_pages_[static_cast<std::size_t>(kind)] = true; }
  // Another page names an object: the name is kept for objects that have no page.
  void note_mention(const IdMention& mention, const std::string& page, int line);
  void add_claim(Claim claim);
  void set_matrix(bool red, Matrix matrix);

  // Reconciles everything gathered into the framework; call once, after the last page.
  FrameworkData finish(const Provenance& provenance);

 private:
  struct Located {
    Object object;
    std::string page;
    int line = 0;
  };
  struct Mention {
    std::string name;
    std::string page;
    int line = 0;
  };

  std::string location(const std::string& page, int line) const;
  bool has_page(const std::string& id) const { return pages_.count(id) != 0; }
  void reconcile(std::vector<Relation>& relations);
  // One (from, to) pair of a group, with every claim stating it, by side.
  struct Pair {
    std::string to;
    std::vector<const Claim*> from_side;
    std::vector<const Claim*> to_side;
    std::vector<const Claim*> others;
  };
  void reconcile_group(const std::vector<const Claim*>& group, std::vector<Relation>& relations);
  std::vector<Pair> pair_claims(const std::vector<const Claim*>& chosen);
  Relation pair_relation(RelationType type, const std::string& from, const Pair& p);
  // Less authoritative pages that state a pair the authority does not.
  void add_contradictions(const std::vector<const Claim*>& group, int best, const std::vector<Pair>& pairs,
                          const Claim* authority_claim, std::vector<Relation>& relations);
  void add_missing_objects(std::map<std::string, Object>& objects, const std::vector<Relation>& relations);

  Diagnostics& warnings_;
  std::map<std::string, Located> pages_;
  std::map<std::string, Located> index_rows_;
  std::map<std::string, Mention> mentions_;
  std::set<std::string> in_matrix_;
  std::array<bool, kKindCount> index_pages_{};
  std::vector<Claim> claims_;
  Matrix red_, blue_;
};

}  // namespace disarm::importer
