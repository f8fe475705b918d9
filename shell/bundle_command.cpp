// `disarm bundle`: the built viewer (index.html, its scripts, disarm_viewer.js and .wasm, with
// the snapshot and fonts compiled in) as one HTML file that works from file:// with no network.
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "command_line.hpp"
#include "offline_bundle.hpp"

namespace disarm::shell {

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage = "disarm bundle -o FILE.html [--viewer DIR]";
constexpr const char* kDefaultViewer = "build/web/web";

}  // namespace

int run_bundle(const Args& args) {
  if (wants_help(args)) {
    std::printf(
        "usage: %s\n"
        "Writes the built viewer as one self-contained HTML file: its scripts, the wasm (base64;\n"
        "gzipped when the build wrote disarm_viewer.wasm.gz) and, inside the wasm, the snapshot and\n"
        "fonts. Opened from disk it needs no network. Its Content-Security-Policy allows exactly\n"
        "its inline scripts, by their SHA-256 hashes.\n"
        "  -o, --output FILE  the HTML file to write\n"
        "  --viewer DIR       the built viewer (default: %s, from scripts/build web)\n",
        kUsage, kDefaultViewer);
    return kExitOk;
  }
  auto parsed = parse_command_line(args, {kUsage, {}, {{"--output", true, "-o"}, {"--viewer", true}}});
  if (!parsed) return kExitUsage;
  const std::string output = parsed->value("--output");
  if (output.empty()) return usage_error(kUsage, "missing -o FILE.html");
  const fs::path dir = parsed->value("--viewer", kDefaultViewer);

  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "disarm: %s: no such directory (build the viewer with scripts/build web, or give --viewer)\n",
                 dir.string().c_str());
    return kExitUsage;
  }
  ViewerFiles files;
  for (auto [name, text] : {std::pair{"index.html", &files.index_html}, std::pair{"disarm_viewer.js", &files.viewer_js},
                            std::pair{"disarm_viewer.wasm", &files.wasm}}) {
    auto read = read_file((dir / name).string());
    if (!read) {
      std::fprintf(stderr, "disarm: %s: missing %s: not a built viewer (scripts/build web)\n", dir.string().c_str(),
                   name);
      return kExitUsage;
    }
    *text = std::move(*read);
  }
  if (auto gzipped = read_file((dir / "disarm_viewer.wasm.gz").string())) files.wasm_gzip = std::move(*gzipped);
  files.read_script = [&dir](const std::string& name) { return read_file((dir / name).string()); };

  auto html = make_offline_bundle(files);
  if (!html) {
    std::fprintf(stderr, "disarm: %s: %s\n", dir.string().c_str(), html.error().describe().c_str());
    return kExitUsage;
  }
  if (!write_or_report(output, html.value())) return kExitUsage;
  std::printf("wrote %s (%zu bytes)\n", output.c_str(), html.value().size());
  return kExitOk;
}

}  // namespace disarm::shell
