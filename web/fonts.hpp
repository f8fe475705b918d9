// The viewer's fonts: Noto Sans in three styles with DejaVu Sans merged in for symbols,
// rasterised at the device pixel ratio.
#pragma once

struct ImFont;

namespace disarm::web {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* italic = nullptr;
  ImFont* heading = nullptr;  // bold, larger
};

inline constexpr float kBodyFontSize = 16.0f;  // CSS pixels
inline constexpr float kHeadingFontSize = 24.0f;

// Rebuilds ImGui's font atlas for `scale` device pixels per CSS pixel. Call before a frame.
Fonts load_fonts(float scale);

}  // namespace disarm::web
