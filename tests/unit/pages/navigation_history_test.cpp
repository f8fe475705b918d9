#include "catch.hpp"

#include "disarm/pages/navigation_history.hpp"

using namespace disarm;

TEST_CASE("pushing pages, going back and forward through the browser") {
  NavigationHistory h(Route::home());
  CHECK_FALSE(h.can_go_back());
  REQUIRE(h.push(Route::object("T0154.002")));
  REQUIRE(h.push(Route::matrix(MatrixSide::Red)));
  CHECK_FALSE(h.push(Route::matrix(MatrixSide::Red)));  // same page: no new entry
  CHECK(h.index() == 2);
  CHECK(h.can_go_back());

  // The browser's back button lands on entry 1, which we stamped with that index.
  CHECK(h.arrive(Route::object("T0154.002"), 1) == 1);
  CHECK(h.current() == Route::object("T0154.002"));
  CHECK(h.can_go_forward());
  CHECK(h.arrive(Route::matrix(MatrixSide::Red), 2) == 2);
  CHECK_FALSE(h.can_go_forward());

  // Back twice, then a new page drops the forward entries.
  h.arrive(Route::home(), 0);
  REQUIRE(h.push(Route::about()));
  CHECK(h.size() == 2);
  CHECK_FALSE(h.can_go_forward());
}

TEST_CASE("an entry the viewer did not make is a new page") {
  NavigationHistory h(Route::home());
  h.push(Route::object("T0001"));
  // A typed URL (no stamp) and a stale stamp that holds another route both push.
  CHECK(h.arrive(Route::object("I00099"), -1) == 2);
  CHECK(h.arrive(Route::about(), 0) == 3);
  CHECK(h.current() == Route::about());
}

TEST_CASE("typing in the search box replaces the current entry") {
  NavigationHistory h(Route::home());
  h.push(Route::search("deep"));
  h.replace(Route::search("deepfake"));
  CHECK(h.size() == 2);
  CHECK(h.current() == Route::search("deepfake"));
}
