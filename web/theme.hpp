// Light and dark styles, sized for the device pixel ratio.
#pragma once

namespace disarm::web {

void apply_theme(bool dark, float scale);

}  // namespace disarm::web
