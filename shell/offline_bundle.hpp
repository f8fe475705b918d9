// The offline bundle: the viewer's page made into one self-contained HTML file, with every
// script inline, the wasm inline as base64 (gzipped when the build made it so), and a
// Content-Security-Policy that names each inline script by its hash. Pure text in, text out:
// `disarm bundle` reads and writes the files.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "disarm/result.hpp"

namespace disarm::shell {

struct ViewerFiles {
  std::string index_html;
  std::string viewer_js;  // disarm_viewer.js, Emscripten's loader, which defines createDisarmViewer
  std::string wasm;       // disarm_viewer.wasm, its bytes
  // disarm_viewer.wasm.gz (the web build writes it), or empty. When given, the bundle carries
  // it instead, a third of the size, and the page inflates it with the browser's
  // DecompressionStream (Chrome and Edge 80, Firefox 113, Safari 16.4 and later).
  std::string wasm_gzip;
  // The text of a script index.html names by <script src="NAME">, or nothing when missing.
  std::function<std::optional<std::string>(const std::string& name)> read_script;
};

// The bundle's HTML. Errors: a script that is not a file beside index.html, or is missing;
// an index.html without scripts.
Result<std::string> make_offline_bundle(const ViewerFiles& files);

// JS text made safe between <script> and </script>: "</script" can no longer close the
// element and "<!--" can no longer start the parser's escaped states. Line ends become LF,
// as the HTML parser would make them, so the text hashes as the browser sees it.
std::string inline_script_text(std::string_view js);

// "'sha256-BASE64'", the CSP source that allows an inline script with exactly this text.
std::string csp_script_hash(std::string_view text);

// `policy` with its script-src allowing exactly `sources` (and WebAssembly, if it did):
// 'self' and other hosts go, since the bundle loads no script from anywhere.
std::string policy_with_script_sources(std::string_view policy, const std::string& sources);

}  // namespace disarm::shell
