"""Build the embedded O*NET core that ships in src/careerset/reference/embedded/.

Usage: python scripts/build_embedded_core.py [ONET_DIR] [--out DIR] [--preset N]
  ONET_DIR  an O*NET text release folder or zip (default: ../shared/data/onet)
  --out     where to write onet_core.sqlite.xz and onet_core.json
            (default: src/careerset/reference/embedded)
  --preset  xz preset 0-9 (default 9)

It runs the project's own pack builder over the O*NET files the mission needs (no ESCO), so
any change to the builder or the schema flows in on the next run; then it drops what the
core does not need, checks that every expected table and column is filled (exiting 1 with
the reason if not), and compresses. The output is deterministic for the same inputs and
SQLite version. Re-run it after changing reference/builder.py, onet.py or schema.py, and
commit both files. Takes about 20 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from careerset.errors import UserError
from careerset.reference.embedded_build import CoreBuildError, build_core

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("onet_dir", nargs="?", type=Path, default=ROOT.parent / "shared/data/onet")
    parser.add_argument("--out", type=Path, default=ROOT / "src/careerset/reference/embedded")
    parser.add_argument("--preset", type=int, default=9, choices=range(10))
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        result = build_core(
            args.onet_dir, args.out, args.preset, step=lambda s: print(s, flush=True)
        )
    except (CoreBuildError, UserError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"WARNING: {warning}", file=sys.stderr)
    present = sorted(name for name, on in result.features.items() if on)
    print(f"features: {', '.join(present)}")
    print(
        f"wrote {result.core} ({result.xz_bytes:,} bytes; {result.sqlite_bytes:,} unpacked)"
        f" and {result.manifest.name} in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
