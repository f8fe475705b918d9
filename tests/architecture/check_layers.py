#!/usr/bin/env python3
"""The core's layering (docs/architecture.md): each folder of core/src and core/include/disarm
may include the folders before it in LAYERS, never one after it. At the top level, BASE (the
error values every layer returns) may be included by all, and data_file, which hands a file to
the snapshot, STIX or layer reader, may include them all. (version.hpp is generated: BASE too.) Nothing in core includes ImGui, GLFW or Emscripten headers.
usage: check_layers.py SOURCE_DIR    prints each offence with file:line, exits 1 on any."""
import pathlib, re, sys

LAYERS = ['text', 'model', 'io', 'import', 'search', 'selection', 'pages', '']  # '' = the top level
PLATFORM = re.compile(r'#include [<"](imgui|GLFW|emscripten)')
BASE = {'result.hpp', 'diagnostic.hpp', 'version.hpp'}
INCLUDE = re.compile(r'#include "([^"]+)"')

def layer_of(rel_parts):
  """The layer of a path relative to core/src or core/include/disarm."""
  return rel_parts[0] if len(rel_parts) > 1 and rel_parts[0] in LAYERS else ''

def main():
  root = pathlib.Path(sys.argv[1]) / 'core'
  bases = [root / 'src', root / 'include' / 'disarm']
  offences = 0
  for base in bases:
    for path in sorted(base.rglob('*')):
      if path.suffix not in ('.cpp', '.hpp', '.inc', '.in'):
        continue
      own = layer_of(path.relative_to(base).parts)
      for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        where = f'{path.relative_to(root.parent)}:{number}'
        if PLATFORM.match(line):
          print(f'{where}: core includes a platform or UI header: {line.strip()}')
          offences += 1
          continue
        m = INCLUDE.match(line)
        if not m:
          continue
        parts = m.group(1).split('/')
        if parts[0] == 'disarm':
          parts = parts[1:]
        if len(parts) == 1 and parts[0] in BASE:
          continue
        if len(parts) == 1 and m.group(1).startswith('disarm/'):
          theirs = ''  # data_file
        elif len(parts) == 1 or parts[0] not in LAYERS:
          continue  # the file's own folder, or a third-party header
        else:
          theirs = parts[0]
        if LAYERS.index(theirs) > LAYERS.index(own):
          print(f'{where}: {own or "the top level"} includes {m.group(1)}, from {theirs}, a layer above it')
          offences += 1
  print(f'layers: {offences} offence(s)' if offences else 'layers: every core include goes down or sideways')
  return 1 if offences else 0

sys.exit(main())
