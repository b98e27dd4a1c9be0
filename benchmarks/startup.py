"""Whole-process start-up: `careerset list job` and `careerset assess` against `rendercv --help`.

Usage: .venv/bin/python benchmarks/startup.py [--runs 7] [--rendercv PATH]
Target: each median at most 1.0x the median of `rendercv --help` (RenderCV 2.3), measured in
this same run, the commands interleaved so that machine load hits them alike. RenderCV is
never a careerset dependency; create its throwaway venv once with
    python3 -m venv /tmp/rcv-venv && /tmp/rcv-venv/bin/pip install 'rendercv[full]==2.3' click
(click: newer Typer releases no longer install it, and RenderCV 2.3 imports it; or point CAREERSET_RENDERCV at a rendercv program). Without it the ratios are skipped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

DEFAULT_RENDERCV = Path("/tmp/rcv-venv/bin/rendercv")
CAREERSET = Path(sys.executable).with_name("careerset")
COMMANDS = {
    "careerset --help": ["--help"],
    "careerset list job": ["list", "job"],
    "careerset assess": ["assess"],
}
TARGETED = ("careerset list job", "careerset assess")


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def find_rendercv(given: str | None) -> Path | None:
    for candidate in (given, os.environ.get("CAREERSET_RENDERCV"), str(DEFAULT_RENDERCV)):
        if candidate and Path(candidate).is_file():
            works = subprocess.run([candidate, "--help"], capture_output=True).returncode == 0
            return Path(candidate) if works else None
    return None


def seeded_env(folder: Path) -> dict[str, str]:
    """A home with the demo career in its default store (no pack: the embedded default)."""
    env = {**os.environ, "CAREERSET_HOME": str(folder / "home")}
    env.pop("CAREERSET_DB", None)
    env.pop("CAREERSET_REFERENCE_DIR", None)
    sample = folder / "demo_career.yaml"
    text = resources.files("careerset.samples").joinpath("demo_career.yaml").read_text("utf-8")
    sample.write_text(text, encoding="utf-8")
    subprocess.run(
        [str(CAREERSET), "import", str(sample)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rendercv", help="the rendercv program (default /tmp/rcv-venv)")
    args = parser.parse_args()
    rendercv = find_rendercv(args.rendercv)
    runs: dict[str, list[float]] = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory() as tmp:
        env = seeded_env(Path(tmp))
        if rendercv is not None:
            runs["rendercv --help"] = []
        for _ in range(max(args.runs, 1)):
            for name, words in COMMANDS.items():
                runs[name].append(timed([str(CAREERSET), *words], env))
            if rendercv is not None:
                runs["rendercv --help"].append(timed([str(rendercv), "--help"], env))
    medians = {name: statistics.median(values) for name, values in runs.items()}
    baseline = medians.get("rendercv --help")
    print(f"start-up benchmark: whole processes, median of {args.runs} runs each")
    print(f"{'command':<24}{'median s':>10}{'per rendercv --help':>22}")
    for name, value in medians.items():
        ratio = f"{value / baseline:.2f}x" if baseline else "-"
        print(f"{name:<24}{value:>10.3f}{ratio:>22}")
    if baseline is None:
        print("rendercv is not installed or fails: ratios skipped (see this script's docstring).")
        return 0
    missed = [name for name in TARGETED if medians[name] > baseline]
    print("target (<= 1.0x rendercv --help):", "met" if not missed else f"MISSED by {missed}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
