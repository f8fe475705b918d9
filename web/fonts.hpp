// The viewer's fonts: Noto Sans in three styles with DejaVu Sans merged in for symbols,
// rasterised at the device pixel ratio.
#pragma once

#include <cstdint>

struct ImFont;

namespace disarm::web {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* italic = nullptr;
  ImFont* heading = nullptr;  // bold, larger
  // Which build of the atlas these are, counted from 1. Layouts measured with the fonts keep
  // it, not a font's address: a rebuilt atlas may put a new font where an old one was.
  std::uint32_t generation = 0;
};

inline constexpr float kBodyFontSize = 16.0f;  // CSS pixels
inline constexpr float kHeadingFontSize = 24.0f;

// Rebuilds ImGui's font atlas for `scale` device pixels per CSS pixel. Call before a frame.
Fonts load_fonts(float scale);

}  // namespace disarm::web
