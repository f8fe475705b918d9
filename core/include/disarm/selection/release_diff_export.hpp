// What changed between two releases (model/release_diff.hpp) as files for a report or the
// ATT&CK Navigator: a Markdown summary, a CSV table and a layer colouring each technique of
// the newer release by its kind of change.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "disarm/model/model.hpp"
#include "disarm/model/release_diff.hpp"

namespace disarm {

// Markdown: a heading naming both releases, the note on unmapped IDs across frameworks, a
// table of counts per kind and group, then one section per group with a table of its objects.
// Kinds are named in the newer release's words.
std::string release_diff_markdown(const ReleaseDiff& diff, const Vocabulary& words);

// CSV (RFC 4180, as selection_csv writes it), one row per changed object: ID, Kind, Changes
// (group names separated by spaces), Old name, New name, Moved from, Moved to, Fields,
// Relations added, Relations removed. Relations read "incidents: I00001 I00002; counters: C00001".
std::string release_diff_csv(const ReleaseDiff& diff, const Vocabulary& words);

// The layer's colour for a technique in each group it can be coloured by (Okabe-Ito, so that
// they stay apart for colour-blind readers); a technique in several takes the first of Added,
// Moved, Renamed, Description, Relations. Removed techniques are not in the newer release, so
// the layer's description lists them.
std::string_view change_colour(ChangeGroup group);

// A Navigator layer on the newer release: each added or changed technique, coloured by its
// change, with a comment saying what changed; a legend of the colours.
std::string release_diff_layer(const ReleaseDiff& diff, const Framework& newer);

}  // namespace disarm
