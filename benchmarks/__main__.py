"""Run every benchmark in one go: `python -m benchmarks [NAME ...]` (`make bench`).

Each benchmark is a standalone script in this folder; this runner only sequences them so
that ratios measured in one run are comparable.
"""

import subprocess
import sys
import time
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
# Slow or optional ones last; the fuzzer and the RenderCV check have their own commands too.
ORDER = [
    *("startup", "reference", "coder", "analysis", "next_steps", "guidance", "render", "web"),
    *("bulk_import", "fuzz"),
]
SKIP_BY_DEFAULT = {"rendercv_check", "server_load"}


def main(names: list[str]) -> int:
    available = {path.stem for path in FOLDER.glob("*.py") if not path.stem.startswith("_")}
    chosen = names or [n for n in ORDER if n in available] + sorted(
        available - set(ORDER) - SKIP_BY_DEFAULT
    )
    failures = 0
    for name in chosen:
        if name not in available:
            print(
                f"benchmarks: there is no benchmark '{name}'; choose from {', '.join(sorted(available))}."
            )
            return 2
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(FOLDER / f"{name}.py")])
        print(f"=== {name}: exit {code}, {time.perf_counter() - started:.1f} s ===", flush=True)
        failures += code != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
