// The offline bundle's page: scripts inline and safe, the wasm inline, the policy by hashes.
#include "offline_bundle.hpp"

#include <map>
#include <string>
#include "catch.hpp"

using namespace disarm::shell;

namespace {

const char* kIndex =
    "<!doctype html><html><head>\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' "
    "'wasm-unsafe-eval'; connect-src 'self' https:\">\n"
    "<!-- <script src=\"commented.js\"></script> -->\n"
    "</head><body>\n"
    "<script src=\"viewer.js\"></script>\n"
    "<script src='embed.js' ></script>\n"
    "</body></html>\n";

ViewerFiles files(std::map<std::string, std::string> scripts, std::string index = kIndex) {
  ViewerFiles f;
  f.index_html = std::move(index);
  f.viewer_js = "var createDisarmViewer = function () { return '</script>'; };";
  f.wasm = std::string("\0asm\x01\0\0\0", 8);
  f.read_script = [scripts](const std::string& name) -> std::optional<std::string> {
    auto it = scripts.find(name);
    if (it == scripts.end()) return std::nullopt;
    return it->second;
  };
  return f;
}

}  // namespace

TEST_CASE("inline script text cannot close its element or open the parser's escaped states") {
  CHECK(inline_script_text("a = '</script>'; b = '</SCRIPT >';") == "a = '<\\/script>'; b = '<\\/SCRIPT >';");
  CHECK(inline_script_text("if (x <!--y) {}") == "if (x \\x3C!--y) {}");
  CHECK(inline_script_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n");
  CHECK(inline_script_text("plain < script") == "plain < script");
}

TEST_CASE("a CSP hash is SHA-256 in base64, quoted") {
  // As the CSP specification's example: the hash of the script text `alert('Hello, world.');`.
  CHECK(csp_script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
}

TEST_CASE("the policy's script-src becomes the inline scripts' hashes") {
  CHECK(policy_with_script_sources("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; img-src data:",
                                   "'sha256-A' 'sha256-B'") ==
        "default-src 'none'; script-src 'sha256-A' 'sha256-B' 'wasm-unsafe-eval'; img-src data:");
  CHECK(policy_with_script_sources("default-src 'none';", "'sha256-A'") == "default-src 'none'; script-src 'sha256-A'");
  CHECK(policy_with_script_sources("script-src-elem 'self'", "'sha256-A'") ==
        "script-src-elem 'self'; script-src 'sha256-A'");
}

TEST_CASE("the bundle inlines every script, the loader and the wasm") {
  auto html = make_offline_bundle(files({{"viewer.js", "window.v = 1;"}, {"embed.js", "window.e = '</script';"}}));
  REQUIRE(html);
  const std::string& page = html.value();
  CHECK(page.find("src=\"viewer.js\"") == std::string::npos);
  CHECK(page.find("src='embed.js'") == std::string::npos);
  CHECK(page.find("<script>window.v = 1;</script>") != std::string::npos);
  CHECK(page.find("<script>window.e = '<\\/script';</script>") != std::string::npos);
  CHECK(page.find("<script type=\"application/octet-stream\" id=\"disarm-wasm\">AGFzbQEAAAA=</script>") !=
        std::string::npos);
  // The loader and the wasm come before the page's first script, viewer.js.
  CHECK(page.find("disarm-wasm") < page.find("createDisarmViewer"));
  CHECK(page.find("createDisarmViewer") < page.find("window.v = 1"));
  CHECK(page.find("<!-- <script src=\"commented.js\"></script> -->") != std::string::npos);

  std::string policy = "script-src " +
                       csp_script_hash("var createDisarmViewer = function () { return '<\\/script>'; };") + " " +
                       csp_script_hash("window.v = 1;") + " " + csp_script_hash("window.e = '<\\/script';") +
                       " 'wasm-unsafe-eval'; connect-src";
  CHECK(page.find(policy) != std::string::npos);
  CHECK(page.find("'self' 'wasm") == std::string::npos);
}

TEST_CASE("scripts already inline stay as they are, those that run get a hash") {
  auto html = make_offline_bundle(files({},
                                        "<script type=\"application/ld+json\">{\"a\": 1}</script>\n"
                                        "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">"
                                        "<script id=\"s\">run();\r\n</script>"));
  REQUIRE(html);
  const std::string& page = html.value();
  CHECK(page.find("<script type=\"application/ld+json\">{\"a\": 1}</script>") != std::string::npos);
  CHECK(page.find("<script id=\"s\">run();\n</script>") != std::string::npos);
  CHECK(page.find("content=\"script-src " +
                  csp_script_hash("var createDisarmViewer = function () { return '<\\/script>'; };") + " " +
                  csp_script_hash("run();\n") + "\"") != std::string::npos);
}

TEST_CASE("a bundle refuses what it cannot carry") {
  SECTION("a missing script") {
    auto html = make_offline_bundle(files({{"viewer.js", "1"}}));
    REQUIRE_FALSE(html);
    CHECK(html.error().describe() == "index.html: names embed.js, which is missing");
  }
  SECTION("a script from elsewhere") {
    auto html = make_offline_bundle(files({}, "<script src=\"https://cdn.example/x.js\"></script>"));
    REQUIRE_FALSE(html);
    CHECK(html.error().message.find("is not a file beside index.html") != std::string::npos);
  }
  SECTION("a path up the tree") {
    CHECK_FALSE(make_offline_bundle(files({{"../x.js", "1"}}, "<script src=\"../x.js\"></script>")));
  }
  SECTION("no script at all") {
    auto html = make_offline_bundle(files({}, "<html><body>hi</body></html>"));
    REQUIRE_FALSE(html);
    CHECK(html.error().describe() == "index.html: no <script> element: not the viewer's page");
  }
  SECTION("an unclosed script") {
    CHECK_FALSE(make_offline_bundle(files({{"viewer.js", "1"}}, "<script src=\"viewer.js\">")));
  }
}

TEST_CASE("a gzipped wasm goes in the bundle in place of the raw one, marked as gzip") {
  ViewerFiles f = files({{"viewer.js", "window.v = 1;"}, {"embed.js", "window.e = 2;"}});
  f.wasm_gzip = std::string("\x1f\x8b\x08\0", 4);
  auto html = make_offline_bundle(f);
  REQUIRE(html);
  const std::string& page = html.value();
  CHECK(page.find(
            "<script type=\"application/octet-stream\" data-encoding=\"gzip\" id=\"disarm-wasm\">H4sIAA==</script>") !=
        std::string::npos);
  CHECK(page.find("AGFzbQEAAAA=") == std::string::npos);  // the raw wasm is left out
}
