// The selection a viewer keeps: wholesale changes (a share link, a layer, clearing) never
// lose the selection they replace, and say what they did.
#include <string>
#include <vector>
#include "catch.hpp"

#include "disarm/selection/selection_fragment.hpp"
#include "disarm/selection/working_selection.hpp"
#include "sample_framework.hpp"

using namespace disarm;
using disarm::test::selection_ids;

namespace {

Selection of(std::initializer_list<const char*> list) {
  Selection s;
  for (const char* id : list) s.add(id);
  return s;
}

}  // namespace

TEST_CASE("Working selection: edits report whether they changed anything", "[selection][working]") {
  WorkingSelection w;
  CHECK(w.toggle("T0049"));
  CHECK(w.add("T0002"));
  CHECK_FALSE(w.add("T0002"));
  CHECK_FALSE(w.add("TA01"));
  CHECK(w.set_score("T0049", 40));
  CHECK_FALSE(w.set_score("T0049", 40));
  CHECK_FALSE(w.set_score("T0049", 101));
  CHECK(w.set_comment("T0049", "seen"));
  CHECK_FALSE(w.set_comment("T0049", "seen"));
  CHECK(w.remove("T0002"));
  CHECK_FALSE(w.remove("T0002"));
  CHECK(w.toggle("T0049"));
  CHECK(w.current().empty());
  CHECK(w.notice().empty());
  CHECK_FALSE(w.restore_previous());  // single edits keep no previous
}

TEST_CASE("Working selection: a share link is shown, the reader's own is kept", "[selection][working]") {
  WorkingSelection w;
  const std::string link = encode_selection(of({"T0154.002", "T0049"}));

  SECTION("with none of their own") {
    CHECK(w.open_shared(link));
    CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049", "T0154.002"});
    CHECK(w.previous().empty());
    CHECK(w.notice() == "Showing the selection from the link (2 techniques).");
  }
  SECTION("with their own: Restore swaps back and forth") {
    w.add("T0002");
    CHECK(w.open_shared(link));
    CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049", "T0154.002"});
    CHECK(selection_ids(w.previous()) == std::vector<std::string>{"T0002"});
    CHECK(w.notice() ==
          "Showing the selection from the link (2 techniques). Your own selection (1 technique) is kept: Restore "
          "switches back.");
    CHECK(w.restore_previous());
    CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0002"});
    CHECK(w.notice() == "Restored the previous selection (1 technique). Restore again to switch back.");
    CHECK(w.restore_previous());
    CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049", "T0154.002"});
  }
  SECTION("the same selection again changes nothing") {
    w.open_shared(link);
    w.dismiss_notice();
    CHECK_FALSE(w.open_shared(link));
    CHECK(w.previous().empty());
    CHECK(w.notice().empty());
  }
  SECTION("a damaged code changes nothing and says so") {
    w.add("T0002");
    CHECK_FALSE(w.open_shared("AQ*"));
    CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0002"});
    CHECK(w.notice().starts_with("The link's selection could not be read ("));
    CHECK(w.notice().ends_with("). Your selection is unchanged."));
  }
}

TEST_CASE("Working selection: clearing keeps what it cleared", "[selection][working]") {
  WorkingSelection w;
  CHECK_FALSE(w.clear());
  w.add("T0049");
  w.add("T0002");
  CHECK(w.clear());
  CHECK(w.current().empty());
  CHECK(w.notice() == "Cleared 2 techniques. Restore brings them back.");
  CHECK(w.restore_previous());
  CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0002", "T0049"});
}

TEST_CASE("Working selection: a layer's techniques, its unknown IDs named", "[selection][working]") {
  const Framework& fw = test::sample_framework();
  WorkingSelection w;
  w.add("T0002");
  std::string notice = w.import_layer(fw, R"({"domain": "DISARM", "versions": {"layer": "4.5"}, "techniques": [
      {"techniqueID": "T0049", "score": 20, "comment": "x"}, {"techniqueID": "T9999"}, {"techniqueID": "nope"}]})");
  CHECK(notice ==
        "Imported 1 technique from the layer. Not in this framework, left out: T9999, nope. Your previous selection (1 "
        "technique) is kept: Restore switches back.");
  CHECK(notice == w.notice());
  CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049"});
  CHECK(w.current().find("T0049")->score == 20);
  CHECK(selection_ids(w.previous()) == std::vector<std::string>{"T0002"});

  std::string bad = w.import_layer(fw, "{not json");
  CHECK(bad.starts_with("The layer could not be imported: "));
  CHECK(bad.ends_with(". Your selection is unchanged."));
  CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049"});
}

TEST_CASE("Working selection: stored codes round-trip, a damaged one is left out", "[selection][working]") {
  WorkingSelection w;
  w.set_score("T0086.002", 70);
  w.set_comment("T0086.002", "faces");
  w.clear();
  w.add("T0049");
  WorkingSelection again;
  again.restore_codes(w.current_code(), w.previous_code());
  CHECK(again.current() == w.current());
  CHECK(again.previous() == w.previous());
  CHECK(again.notice().empty());

  WorkingSelection empty;
  CHECK(empty.current_code().empty());
  CHECK(empty.previous_code().empty());

  WorkingSelection damaged;
  damaged.restore_codes("!!", w.current_code());
  CHECK(damaged.current().empty());
  CHECK(damaged.previous() == w.current());
  CHECK(damaged.notice().starts_with("The current selection stored in this browser could not be read ("));
}

TEST_CASE("Working selection: a link's code over the limit is refused by name, a stored one is not limited",
          "[selection][working]") {
  WorkingSelection w;
  w.set_comment("T0049", std::string(kMaxSelectionCodeBytes, 'n'));  // a code of 4/3 of that
  const std::string code = w.current_code();
  REQUIRE(code.size() > kMaxSelectionCodeBytes);

  WorkingSelection reader;
  reader.add("T0002");
  CHECK_FALSE(reader.open_shared(code));
  CHECK(selection_ids(reader.current()) == std::vector<std::string>{"T0002"});
  CHECK_THAT(reader.notice(), ContainsText("longer than the " + std::to_string(kMaxSelectionCodeBytes) +
                                           " characters a share link may carry"));
  CHECK_THAT(reader.notice(), ContainsText("Your selection is unchanged."));

  WorkingSelection restored;
  restored.restore_codes(code, "");
  CHECK(restored.current() == w.current());
  CHECK(restored.notice().empty());
}

TEST_CASE("Working selection: what a layer import changed is said", "[selection][working]") {
  WorkingSelection w;
  std::string notice = w.import_layer(test::sample_framework(), R"({"domain": "DISARM", "versions": {"layer": "4.5"},
      "techniques": [{"techniqueID": "T0049", "score": 150}]})");
  INFO(notice);
  CHECK(notice ==
        "Imported 1 technique from the layer. 1 entry was changed or left out: /techniques/0/score: the score 150 of "
        "T0049 became 100 (scores are whole numbers 0 to 100).");
  CHECK(w.current().find("T0049")->score == kMaxScore);
}

TEST_CASE("Working selection: a layer made on another release says so", "[selection][working]") {
  FrameworkData data = test::sample_framework().data();
  data.release = Release{std::string(kRedBlueFramework), "1.7", {}};
  const Framework v17 = Framework::build(std::move(data));
  WorkingSelection w;
  std::string notice = w.import_layer(v17, R"({"domain": "disarm-v1.6", "versions": {"attack": "1", "layer": "4.5"},
      "techniques": [{"techniqueID": "T0049", "tactic": "x", "score": 150}]})");
  CHECK(notice ==
        "Imported 1 technique from the layer. This layer was made on DISARM Red/Blue 1.x, version 1.6, not on DISARM "
        "Red/Blue 1.x, version 1.7, which is shown: its technique IDs may name other techniques, or ones this release "
        "lacks. 1 entry was changed or left out: /techniques/0/score: the score 150 of T0049 became 100 (scores are "
        "whole numbers 0 to 100).");
  CHECK(selection_ids(w.current()) == std::vector<std::string>{"T0049"});

  CHECK(w.import_layer(v17, R"({"domain": "disarm-v1.7", "techniques": [{"techniqueID": "T0002"}]})") ==
        "Imported 1 technique from the layer. Your previous selection (1 technique) is kept: Restore switches back.");
}
