"""Benchmark `assess` + `report` on a generated 40-job, 200-entry career: in-process and whole CLI.

Run: .venv/bin/python benchmarks/analysis.py [--data ../shared/data] [--pack FILE] [--runs 20]
Builds a throwaway reference pack from the shared data unless --pack names one; without
either, the embedded default is used.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from careerset.analysis.report import build_report
from careerset.analysis.verdict import assess_career
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import (
    Accomplishment,
    Activity,
    Certification,
    Contact,
    Education,
    Entry,
    Goal,
    InterestProfile,
    Job,
    Project,
    Skill,
)
from careerset.reference.query import ReferencePack, open_reference
from careerset.render.report_text import render_text
from careerset.store.repository import Store

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 200.0
TODAY = date(2025, 6, 1)
SKILLS = [
    "SQL",
    "Python",
    "Excel",
    "Customer service",
    "Scheduling",
    "Budgeting",
    "Tableau",
    "Negotiation",
    "Writing",
    "Statistics",
    "Leadership",
    "Forecasting",
]


def generated_career(codes: list[str], seed: int = 7) -> Career:
    """40 jobs over 1985-2025 plus 160 other entries: 200 in all, fixed by `seed`."""
    rng = random.Random(seed)
    entries: list[Entry] = []
    for n in range(40):
        year = 1985 + n
        entries.append(
            Job(
                id=f"job{n}",
                title=f"Role {n}",
                organization=f"Org {n % 9}",
                start=f"{year}-{rng.randint(1, 6):02d}",
                end="present" if n == 39 else f"{year + 1}-01",
                occupation_code=rng.choice(codes),
                employment_type=rng.choice(["permanent", "temporary", "freelance", "fixed-term"]),
                pay_amount=rng.choice([15.0, 22.5, 900.0, 52000.0]),
                pay_currency="USD",
                pay_basis=rng.choice(["hourly", "weekly", "salary"]),
                hours_per_week=40,
                skills=rng.sample(SKILLS, 3),
            )
        )
    for n in range(40):
        day = PartialDate.from_date(date(2024, 6, 3) + timedelta(weeks=n))
        entries.append(
            Activity(
                id=f"act{n}",
                date=day,
                activity_kind="course",
                hours=2,
                skills=rng.sample(SKILLS, 1),
            )
        )
    entries += [Skill(id=f"skill{n}", name=f"Skill {n}", evidence=[f"job{n}"]) for n in range(30)]
    entries += [Contact(id=f"contact{n}", name=f"Person {n}", met=f"{1990 + n}") for n in range(30)]
    entries += [
        Certification(id=f"cert{n}", name=f"Cert {n}", date=f"{1986 + 2 * n}") for n in range(20)
    ]
    entries += [
        Education(
            id=f"edu{n}", institution=f"School {n}", start=f"{1984 + 4 * n}", end=f"{1985 + 4 * n}"
        )
        for n in range(10)
    ]
    entries += [Project(id=f"proj{n}", name=f"Project {n}", start=f"{2000 + n}") for n in range(15)]
    entries += [
        Accomplishment(id=f"acc{n}", title=f"Award {n}", date=f"{2001 + n}") for n in range(10)
    ]
    entries += [
        Goal(id=f"goal{n}", statement=f"Goal {n}", target_codes=[rng.choice(codes)])
        for n in range(4)
    ]
    entries.append(
        InterestProfile(
            id="interests",
            realistic=10,
            investigative=32,
            artistic=12,
            social=20,
            enterprising=18,
            conventional=28,
        )
    )
    assert len(entries) == 200 and sum(isinstance(e, Job) for e in entries) == 40
    return Career.of(entries)


def in_process(career: Career, reference: ReferencePack, runs: int) -> tuple[float, float]:
    """(first run, median of later runs) in ms for assess + report text, sharing one reference."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        assess_career(career, TODAY, reference)
        render_text(build_report(career, TODAY, reference, reference_kind=reference.kind))
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:])


def whole_process(career: Career, folder: Path, pack: Path | None, runs: int) -> dict[str, float]:
    """Median wall time (ms) of `careerset assess --json` and `careerset report` as processes."""
    db = folder / "bench.sqlite"
    store = Store.open(str(db))
    with store.transaction() as session:
        session.replace_career("default", career)
    store.close()
    env = dict(os.environ, CAREERSET_HOME=str(folder / "home"))
    if pack is not None:
        env["CAREERSET_REFERENCE_DIR"] = str(pack.parent)
    exe = str(Path(sys.executable).with_name("careerset"))
    results = {}
    for command in (["assess", "--json"], ["report"]):
        times = []
        for _ in range(max(3, runs // 4)):
            started = time.perf_counter()
            subprocess.run(
                [exe, "--db", str(db), *command], env=env, check=True, stdout=subprocess.DEVNULL
            )
            times.append((time.perf_counter() - started) * 1000)
        results[" ".join(command)] = statistics.median(times)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--pack", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="careerset-bench-") as name:
        folder = Path(name)
        pack: Path | None = args.pack
        if pack is None and (args.data / "onet").is_dir():
            from careerset.reference.builder import build_pack
            from careerset.reference.sources import resolve_inputs

            pack = folder / "reference.sqlite"
            build_pack(resolve_inputs(args.data), pack)
        if pack is None:
            os.environ["CAREERSET_REFERENCE_DIR"] = str(folder / "no-pack")
        reference = open_reference(pack)
        codes = [o.code for o in reference.occupations()][::7]
        career = generated_career(codes)
        first, median = in_process(career, reference, args.runs)
        processes = whole_process(career, folder, pack, args.runs)
    verdict = "ok" if median < BUDGET_MS else "OVER BUDGET"
    print(f"analysis benchmark: 40 jobs, 200 entries, reference = {reference.kind}")
    print(f"{'measure':<42}{'ms':>10}")
    print(f"{'in-process assess + report, first run':<42}{first:>10.1f}")
    print(
        f"{'in-process assess + report, median':<42}{median:>10.1f}  ({verdict}: < {BUDGET_MS:g})"
    )
    for command, value in processes.items():
        print(f"{'process: careerset ' + command:<42}{value:>10.1f}")


if __name__ == "__main__":
    main()
