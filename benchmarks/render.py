"""Benchmark rendering: whole-process `careerset cv --format pdf` (target under 2 s) and the
in-process time of every CV format and of the HTML and PDF reports, on the demo career.

Run: .venv/bin/python benchmarks/render.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from careerset.analysis.report import build_report
from careerset.cli.setup import load_demo_career
from careerset.reference.query import open_reference
from careerset.render.cv_output import CV_FORMATS, render_cv
from careerset.render.cv_tailor import CvOptions
from careerset.render.html_pages import render_report_html
from careerset.render.report_view import build_report_view
from careerset.render.typst_pdf import render_report_pdf
from careerset.store.repository import Store

ROOT = Path(__file__).resolve().parents[1]
PROCESS_BUDGET_S = 2.0
TODAY = date(2026, 6, 1)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(first, median of the rest) in milliseconds: the first run pays for imports and caches."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    rest = times[1:] or times
    return times[0], statistics.median(rest)


def whole_process(runs: int) -> list[float]:
    """Seconds for `careerset --db FILE cv --format pdf -o FILE`, in a fresh process each time."""
    careerset = Path(sys.executable).with_name("careerset")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        store = Store.open(str(db))
        with store.transaction() as session:
            session.replace_career("default", load_demo_career())
        store.close()
        env = {**os.environ, "CAREERSET_HOME": folder}
        command = [
            str(careerset),
            "--db",
            str(db),
            "cv",
            "--format",
            "pdf",
            "-o",
            f"{folder}/cv.pdf",
        ]
        seconds = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)
            seconds.append(time.perf_counter() - started)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    career = load_demo_career()
    reference = open_reference()
    print(f"In-process, demo career ({len(career.jobs)} jobs), ms: first run / median of the rest")
    for cv_format in CV_FORMATS:
        first, median = timed(partial(render_cv, career, cv_format, today=TODAY), args.runs)
        print(f"  cv {cv_format:<5} {first:8.1f} / {median:8.1f}")
    first, median = timed(
        lambda: render_cv(career, "pdf", CvOptions(max_pages=1), TODAY), args.runs
    )
    print(f"  cv pdf --max-pages 1 {first:8.1f} / {median:8.1f}")

    def view() -> object:
        report = build_report(career, TODAY, reference, reference_kind=reference.kind)
        return build_report_view(career, report, reference)

    first, median = timed(view, args.runs)
    print(f"  report view + charts {first:8.1f} / {median:8.1f}")
    built = view()
    first, median = timed(lambda: render_report_html(built), args.runs)  # type: ignore[arg-type]
    print(f"  report html {first:8.1f} / {median:8.1f}")
    first, median = timed(lambda: render_report_pdf(built), args.runs)  # type: ignore[arg-type]
    print(f"  report pdf  {first:8.1f} / {median:8.1f}")
    seconds = whole_process(args.runs)
    worst = max(seconds)
    print(
        f"Whole process `careerset cv --format pdf`: median {statistics.median(seconds):.2f} s, "
        f"worst {worst:.2f} s (budget {PROCESS_BUDGET_S:.1f} s)"
    )
    # The median judges: a lone slow run on a shared machine says more about the machine.
    return 0 if statistics.median(seconds) < PROCESS_BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
