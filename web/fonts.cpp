#include "fonts.hpp"

#include "embedded_files.hpp"
#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace disarm::web {

namespace {

// The ranges web/CMakeLists.txt subsets within (DISARM_FONT_RANGES). The embedded fonts hold only
// the glyphs the built-in data and the viewer use there: ImGui skips the ones they lack.
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x214F, 0,
};
constexpr ImWchar kSymbolRanges[] = {0x2190, 0x21FF, 0x2500, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0};

ImFont* add_font(const EmbeddedFile& file, float size, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the wasm's data segment
  // Horizontal oversampling smooths glyphs placed between pixels; on a screen of two device
  // pixels per CSS pixel or more that is invisible, and it would double the atlas.
  config.OversampleH = scale >= 2.0f ? 1 : 2;
  config.OversampleV = 1;
  ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file.data), static_cast<int>(file.size),
                                                size, &config, kTextRanges);
  ImFontConfig merge;
  merge.FontDataOwnedByAtlas = false;
  merge.MergeMode = true;
  const EmbeddedFile symbols = embedded_font_symbols();
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols.data), static_cast<int>(symbols.size), size, &merge,
                                 kSymbolRanges);
  return font;
}

}  // namespace

Fonts load_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  static std::uint32_t builds = 0;
  Fonts fonts;
  fonts.generation = ++builds;
  fonts.regular = add_font(embedded_font_regular(), kBodyFontSize * scale, scale);
  fonts.bold = add_font(embedded_font_bold(), kBodyFontSize * scale, scale);
  fonts.italic = add_font(embedded_font_italic(), kBodyFontSize * scale, scale);
  fonts.heading = add_font(embedded_font_bold(), kHeadingFontSize * scale, scale);
  io.Fonts->Build();
  // The renderer remakes its GL objects, the font texture among them, on the next frame.
  ImGui_ImplOpenGL3_DestroyDeviceObjects();
  return fonts;
}

}  // namespace disarm::web
