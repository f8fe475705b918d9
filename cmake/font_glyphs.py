#!/usr/bin/env python3
"""Writes the code points a font subset keeps, for pyftsubset's --unicodes-file.

usage: font_glyphs.py OUT RANGES SNAPSHOT [SNAPSHOT ...] SOURCE [SOURCE ...]
RANGES ("U+0020-007E,U+2190-21FF") bounds what the font may cover. Kept: the code points
in RANGES that the snapshots' text or the sources use (literally or as \\uXXXX escapes), and
always printable ASCII and Latin-1, so that a file opened later in the viewer still shows
most European text. Every glyph kept costs wasm bytes and font atlas memory.
"""
import re
import sys

from embed_files import write_if_changed  # beside this script

ALWAYS = [(0x20, 0x7E), (0xA0, 0xFF)]


def parse_ranges(text):
    ranges = []
    for item in text.split(","):
        first, _, last = item.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def used_code_points(text):
    points = {ord(c) for c in text}
    points.update(int(h, 16) for h in re.findall(r"\\u([0-9a-fA-F]{4})", text))
    points.update(int(h, 16) for h in re.findall(r"\\U([0-9a-fA-F]{8})", text))
    return points


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    out, ranges = sys.argv[1], parse_ranges(sys.argv[2])
    points = set()
    for first, last in ALWAYS:
        points.update(range(first, last + 1))
    for path in sys.argv[3:]:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                points |= used_code_points(f.read())
        except OSError as e:
            print(f"font_glyphs.py: cannot read {path}: {e.strerror}", file=sys.stderr)
            return 1
    kept = sorted(p for p in points if any(first <= p <= last for first, last in ranges))
    write_if_changed(out, "\n".join(f"U+{p:04X}" for p in kept) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
