"""Benchmark the reference layer: pack build time, warm `occupation show`, whole-process CLI.

Run: .venv/bin/python benchmarks/reference.py [--data ../shared/data] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from careerset.cli.main import cli
from careerset.reference.builder import build_pack
from careerset.reference.query import open_reference
from careerset.reference.sources import resolve_inputs

CODE = "15-1252.00"


def _ms(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
        "runs": len(ordered),
    }


def bench_build(data: Path, folder: Path, runs: int) -> tuple[Path, dict[str, float]]:
    target = folder / "reference.sqlite"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        build_pack(resolve_inputs(data), target)
        times.append(time.perf_counter() - started)
    return target, {
        "best_s": round(min(times), 2),
        "median_s": round(statistics.median(times), 2),
        "runs": runs,
        "pack_mb": round(target.stat().st_size / 1e6, 1),
    }


def bench_api(pack: Path, runs: int) -> dict[str, float]:
    reference = open_reference(pack)
    reference.profile(CODE)  # warm the page cache and statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        reference.profile(CODE)
        times.append(time.perf_counter() - started)
    return _ms(times)


def bench_cli_in_process(pack: Path, runs: int) -> dict[str, float]:
    os.environ["CAREERSET_REFERENCE_DIR"] = str(pack.parent)
    runner, command = CliRunner(), cli()
    runner.invoke(command, ["occupation", "show", CODE, "--json"])
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = runner.invoke(command, ["occupation", "show", CODE, "--json"])
        times.append(time.perf_counter() - started)
        assert result.exit_code == 0, result.output
    return _ms(times)


def bench_cli_process(pack: Path, runs: int) -> dict[str, float]:
    env = {**os.environ, "CAREERSET_REFERENCE_DIR": str(pack.parent)}
    command = [sys.executable, "-c", "from careerset.cli.main import main; main()"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [*command, "occupation", "show", CODE], env=env, check=True, capture_output=True
        )
        times.append(time.perf_counter() - started)
    return _ms(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared" / "data")
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pack, build = bench_build(args.data, Path(folder), args.build_runs)
        results = {
            "cpus": os.cpu_count(),
            "build": build,
            "profile_api_warm": bench_api(pack, 200),
            "occupation_show_in_process_warm": bench_cli_in_process(pack, 50),
            "occupation_show_whole_process": bench_cli_process(pack, 5),
        }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, values in results.items():
        print(f"{name:34} {values}")


if __name__ == "__main__":
    main()
