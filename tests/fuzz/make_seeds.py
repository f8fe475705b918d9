#!/usr/bin/env python3
"""Writes a fuzz target's seed corpus into OUTDIR, from the project's own tests and sample.

usage: make_seeds.py TARGET OUTDIR

Seeds are the text the unit tests feed the same code (their string literals, raw or plain),
the malformed-snapshot corpus and data/sample/snapshot.json, so that the fuzzer starts from
inputs that reach deep into each parser. Nothing here comes from upstream DISARM's data.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
UNIT = ROOT / "tests" / "unit"
SAMPLE = ROOT / "data" / "sample" / "snapshot.json"

RAW = re.compile(r'R"([^(\s]*)\((.*?)\)\1"', re.S)
PLAIN = re.compile(r'(?<![R\w])"((?:[^"\\\n]|\\.)*)"')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def unescape(text):
    """A C string literal's body as the bytes it stands for."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            digits = re.match(r"[0-9a-fA-F]{1,2}", text[i + 2:]) if nxt == "x" else None
            if digits:
                out.append(int(digits.group(0), 16))
                i += 2 + len(digits.group(0))
            else:
                out += ESCAPES.get(nxt, nxt).encode("utf-8")
                i += 2
            continue
        out += c.encode("utf-8")
        i += 1
    return bytes(out)


def literals(*names, raw=True, plain=False):
    found = []
    for name in names:
        # The unit tests sit in folders by concern (tests/unit/pages/route_test.cpp, ...).
        source = next(UNIT.rglob(name)).read_text(encoding="utf-8")
        if raw:
            found += [m.group(2).encode("utf-8") for m in RAW.finditer(source)]
        if plain:
            without_raw = RAW.sub("", source)
            found += [unescape(m.group(1)) for m in PLAIN.finditer(without_raw)]
    return found


def sample_strings(min_length):
    """Every string in the sample snapshot at least `min_length` characters long."""
    out = []

    def walk(value):
        if isinstance(value, str) and len(value) >= min_length:
            out.append(value.encode("utf-8"))
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(json.loads(SAMPLE.read_text(encoding="utf-8")))
    return out


def with_selectors(seeds, selectors):
    """Targets whose first byte picks a mode: each seed once per mode."""
    return [bytes([s]) + seed for seed in seeds for s in selectors]


def seeds_for(target):
    if target == "snapshot_fuzzer":
        files = sorted((ROOT / "tests" / "corpus" / "snapshots").glob("*.json")) + [SAMPLE]
        return [f.read_bytes() for f in files] + literals("snapshot_test.cpp", "corpus_test.cpp", "data_file_test.cpp")
    if target == "pages_fuzzer":
        pages = literals("importer_datasheet_test.cpp", "importer_tree_test.cpp")
        return with_selectors(pages, range(17))  # pages_fuzzer.cpp's kPaths
    if target == "stix_fuzzer":
        return literals("stix_import_test.cpp", "data_file_test.cpp")
    if target == "layer_fuzzer":
        return literals("navigator_layer_test.cpp", "working_selection_test.cpp", "data_file_test.cpp")
    if target == "route_fuzzer":
        return literals("route_test.cpp", "selection_test.cpp", "page_mirror_test.cpp", raw=False, plain=True)
    if target == "rich_text_fuzzer":
        return literals("rich_text_test.cpp", "page_model_test.cpp", plain=True) + sample_strings(20)
    if target == "search_fuzzer":
        queries = literals("search_index_test.cpp", "search_quality_test.cpp", raw=False, plain=True)
        return with_selectors([q for q in queries if len(q) < 200], (0, 1, 9, 17))
    sys.exit(f"make_seeds.py: no seeds for {target}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target, outdir = sys.argv[1], pathlib.Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    written = set()
    for seed in seeds_for(target):
        if not seed or seed in written:
            continue
        written.add(seed)
        (outdir / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(len(written))


main()
