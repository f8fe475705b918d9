// Our own main, so one file serves Catch2 v2 (which defines a runner on request) and v3
// (which ships it in a library we do not link).
#define CATCH_CONFIG_RUNNER
#include "catch.hpp"

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
