// Files compiled into the wasm by cmake/embed_files.py (see web/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace disarm::web {

struct EmbeddedFile {
  const unsigned char* data;
  std::size_t size;

  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

// A snapshot the viewer was built with, and the release its JSON states.
struct EmbeddedRelease {
  EmbeddedFile snapshot;
  std::string_view framework;
  std::string_view version;
  std::string_view date;
};

// The catalogue the build was given (DISARM_SNAPSHOT), newest first; never empty.
std::span<const EmbeddedRelease> embedded_releases();
EmbeddedFile embedded_font_regular();
EmbeddedFile embedded_font_bold();
EmbeddedFile embedded_font_italic();
EmbeddedFile embedded_font_symbols();

}  // namespace disarm::web
