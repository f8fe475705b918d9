// Files compiled into the wasm by cmake/embed_files.py (see web/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <string_view>

namespace disarm::web {

struct EmbeddedFile {
  const unsigned char* data;
  std::size_t size;

  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

EmbeddedFile embedded_snapshot();
EmbeddedFile embedded_font_regular();
EmbeddedFile embedded_font_bold();
EmbeddedFile embedded_font_italic();
EmbeddedFile embedded_font_symbols();

}  // namespace disarm::web
