"""Benchmark guidance against what a career coach expects, across common career moves.

Each scenario is written from public career information (the BLS Occupational Outlook
Handbook's "How to become one" sections and O*NET's My Next Move), not from careerset's own
output: what must be named first, what must not crowd the top five gaps, which stepping
stones are fine and which are not. Prints how many expectations hold; the target is 90%.

Run: .venv/bin/python -m benchmarks guidance [--data ../shared/data | --pack FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from careerset.analysis.evidence import held_years
from careerset.analysis.gaps import GapReport, compute_gaps
from careerset.analysis.paths import PathReport, find_paths
from careerset.analysis.plan import build_plan
from careerset.errors import UserError
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.model.entries import Certification, Education, Job

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 1)
TARGET_SHARE = 0.9
# Elements a coach would never put near the top for these moves.
NOISE = ("Geography", "Telecommunications", "Foreign Language", "Internet Explorer", "Access")


@dataclass(frozen=True)
class Scenario:
    """A person (jobs held, degree, certifications), a target and what a coach expects."""

    name: str
    held: tuple[tuple[str, str, str, str], ...]  # (title, code, start, end)
    target: str
    degree: str | None = None  # as the person writes it
    certifications: tuple[str, ...] = ()
    first: str | None = None  # the kind of the first unmet requirement
    first_level_at_least: int | None = None  # for an education first: the RL category
    must_name: tuple[str, ...] = ()  # requirement kinds that must be unmet
    must_meet: tuple[str, ...] = ()  # requirement kinds that must be met (or absent)
    not_top5: tuple[str, ...] = NOISE
    forbidden_steps: tuple[str, ...] = ()
    expect_path: bool = True  # False when the only way in is the requirement itself
    source: str = ""

    def career(self) -> Career:
        entries: list[object] = [
            Job(id=f"j{i}", title=title, occupation_code=code, start=start, end=end)
            for i, (title, code, start, end) in enumerate(self.held)
        ]
        if self.degree:
            entries.append(Education(id="edu", institution="College", study_type=self.degree))
        entries += [Certification(id=f"c{i}", name=n) for i, n in enumerate(self.certifications)]
        return Career.of(entries)  # type: ignore[arg-type]


SCENARIOS = (
    Scenario(
        "BSN nurse -> nurse practitioner",
        (("Staff Nurse", "29-1141.00", "2016-01", "present"),),
        "29-1171.00",
        degree="BSN",
        first="education",
        first_level_at_least=8,
        must_name=("certification",),
        forbidden_steps=("29-1071.00",),
        source="BLS OOH: NPs need a master's degree, an RN licence and national certification.",
    ),
    Scenario(
        "CNS with an MSc -> nurse practitioner",
        (
            ("Staff Nurse (ICU)", "29-1141.03", "2015-01", "2021-12"),
            ("Clinical Nurse Specialist", "29-1141.04", "2022-01", "present"),
        ),
        "29-1171.00",
        degree="MSc",
        certifications=("BLS", "ACLS"),
        first="certification",
        must_meet=("education",),
        forbidden_steps=("29-1071.00", "29-1141.03"),
        source="BLS OOH: advanced practice nurses hold a master's; NPs pass a national exam.",
    ),
    Scenario(
        "paralegal -> lawyer",
        (("Paralegal", "23-2011.00", "2018-01", "present"),),
        "23-1011.00",
        degree="B.A.",
        first="education",
        first_level_at_least=10,
        must_name=("certification",),
        source="BLS OOH: lawyers need a law degree (JD) and must pass a bar exam.",
    ),
    Scenario(
        "pharmacy technician -> pharmacist",
        (("Pharmacy Technician", "29-2052.00", "2019-01", "present"),),
        "29-1051.00",
        degree="Certificate",
        first="education",
        first_level_at_least=10,
        must_name=("certification",),
        expect_path=False,
        source="BLS OOH: pharmacists need a Doctor of Pharmacy (Pharm.D.) and a licence.",
    ),
    Scenario(
        "teaching assistant -> elementary teacher",
        (("Teaching Assistant", "25-9042.00", "2019-09", "present"),),
        "25-2021.00",
        degree="Associate",
        first="education",
        first_level_at_least=6,
        must_name=("certification",),
        source="BLS OOH: public school teachers need a bachelor's degree and a state licence.",
    ),
    Scenario(
        "electrician's helper -> electrician",
        (("Electrician's Helper", "47-3013.00", "2025-03", "present"),),
        "47-2111.00",
        degree="High school",
        first="education",
        must_name=("apprenticeship",),
        source="BLS OOH: electricians train in a technical school and a 4-5 year apprenticeship.",
    ),
    Scenario(
        "line cook -> chef",
        (("Line Cook", "35-2014.00", "2025-06", "present"),),
        "35-1011.00",
        degree="High school",
        must_name=("experience",),
        source="BLS OOH: chefs gain years of kitchen experience; some attend culinary school.",
    ),
    Scenario(
        "junior developer -> software development manager",
        (("Junior Developer", "15-1252.00", "2023-06", "present"),),
        "11-3021.00",
        degree="BSc (Hons)",
        first="experience",
        must_meet=("education",),
        source="BLS OOH: IT managers have a bachelor's degree and several years of IT work.",
    ),
    Scenario(
        "retail salesperson -> first-line supervisor",
        (("Sales Associate", "41-2031.00", "2025-01", "present"),),
        "41-1011.00",
        degree="High school",
        first="experience",
        must_meet=("education",),
        source="BLS OOH: retail supervisors usually rise from sales with work experience.",
    ),
    Scenario(
        "EMT -> paramedic",
        (("EMT", "29-2042.00", "2023-01", "present"),),
        "29-2043.00",
        degree="High school",
        certifications=("EMT-Basic",),
        first="education",
        source="BLS OOH: paramedics complete a postsecondary paramedic program and licensing.",
    ),
    Scenario(
        "medical assistant -> registered nurse",
        (("Medical Assistant", "31-9092.00", "2020-01", "present"),),
        "29-1141.00",
        degree="Certificate",
        first="education",
        first_level_at_least=5,
        must_name=("certification",),
        source="BLS OOH: RNs need an ADN or BSN and must pass the NCLEX-RN for a licence.",
    ),
    Scenario(
        "accountant -> financial manager",
        (("Accountant", "13-2011.00", "2023-09", "present"),),
        "11-3031.00",
        degree="Bachelor of Science - BS",
        first="experience",
        must_meet=("education",),
        source="BLS OOH: financial managers have a bachelor's and 5+ years of related work.",
    ),
    Scenario(
        "data analyst -> data scientist",
        (("Data Analyst", "15-2051.01", "2019-01", "present"),),
        "15-2051.00",
        degree="BSc",
        must_meet=("education",),
        not_top5=(*NOISE, "Microsoft Excel", "Microsoft Office"),
        source="BLS OOH: data scientists usually need at least a bachelor's in a related field.",
    ),
)


@dataclass
class Outcome:
    """The expectations one scenario checked, and which failed (with what was seen)."""

    name: str
    checked: int = 0
    failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # checks the data could not support

    def expect(self, holds: bool, what: str) -> None:
        self.checked += 1
        if not holds:
            self.failed.append(what)


def _first_checks(outcome: Outcome, scenario: Scenario, gaps: GapReport) -> None:
    unmet = gaps.unmet()
    first = unmet[0] if unmet else None
    if scenario.first is not None:
        outcome.expect(
            first is not None and first.kind == scenario.first,
            f"first unmet is {scenario.first}, saw {first.kind if first else 'none'}",
        )
    if scenario.first_level_at_least is not None:
        level = first.level if first is not None else None
        outcome.expect(
            level is not None and level >= scenario.first_level_at_least,
            f"first education level >= {scenario.first_level_at_least}, saw {level}",
        )
    kinds_unmet = {r.kind for r in unmet}
    for kind in scenario.must_name:
        outcome.expect(kind in kinds_unmet, f"{kind} named as unmet, saw {sorted(kinds_unmet)}")
    for kind in scenario.must_meet:
        outcome.expect(kind not in kinds_unmet, f"{kind} met, but it is listed as unmet")


def _gap_checks(outcome: Outcome, scenario: Scenario, gaps: GapReport) -> None:
    top = gaps.top(5)
    for name in scenario.not_top5:
        outcome.expect(not any(name in shown for shown in top), f"{name} not in top 5: {top}")
    gap_names = {(g.domain, g.name) for g in (*gaps.ranked(), *gaps.technology)}
    strengths = {(g.domain, g.name) for g in gaps.strengths}
    outcome.expect(not gap_names & strengths, f"no gap is a strength: {gap_names & strengths}")
    plan = build_plan(gaps, None, 12, TODAY).sentences()
    apply_at = next(i for i, line in enumerate(plan) if line.startswith("Apply"))
    outcome.expect(apply_at == len(plan) - 1, "applying is the plan's last step")
    if gaps.unmet():
        outcome.expect(
            plan[0] == gaps.unmet()[0].sentence or plan[0].startswith(gaps.unmet()[0].sentence),
            "the plan starts with the first unmet requirement",
        )


def _path_checks(outcome: Outcome, scenario: Scenario, paths: PathReport) -> None:
    held = {code for _, code, _, _ in scenario.held}
    for path in paths.paths:
        between = set(path.codes[1:-1])
        for code in scenario.forbidden_steps:
            outcome.expect(code not in between, f"no step through {code}: {path.codes}")
        outcome.expect(not between & held, f"no step back to held work: {path.codes}")
    if scenario.expect_path:
        outcome.expect(bool(paths.paths) or paths.direct, "a path exists")
    else:  # no chain of similar jobs: the answer must say the way in is the requirement
        outcome.expect(any("requirements" in line for line in paths.sentences()), "says the way in")


def run_scenario(reference: Reference, scenario: Scenario) -> Outcome:
    outcome = Outcome(scenario.name)
    career = scenario.career()
    gaps = compute_gaps(career, reference, scenario.target, TODAY)
    _first_checks(outcome, scenario, gaps)
    _gap_checks(outcome, scenario, gaps)
    start = scenario.held[-1][1]
    try:
        paths = find_paths(reference, start, scenario.target, held_years=held_years(career, TODAY))
    except UserError as error:  # the release has no skill ratings for the start
        outcome.notes.append(error.message)
        return outcome
    _path_checks(outcome, scenario, paths)
    return outcome


def run_all(reference: Reference) -> list[Outcome]:
    return [run_scenario(reference, scenario) for scenario in SCENARIOS]


def _open(args: argparse.Namespace, folder: Path) -> Reference:
    from careerset.reference.builder import build_pack
    from careerset.reference.query import open_reference
    from careerset.reference.sources import resolve_inputs

    if args.pack:
        return open_reference(Path(args.pack))
    target = folder / "reference.sqlite"
    build_pack(resolve_inputs(Path(args.data)), target)
    return open_reference(target)


def main(argv: list[str] | None = None, say: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--pack", help="an existing reference pack to use instead")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        outcomes = run_all(_open(args, Path(folder)))
    checked = sum(o.checked for o in outcomes)
    held = checked - sum(len(o.failed) for o in outcomes)
    share = held / checked if checked else 0.0
    if args.json:
        say(
            json.dumps(
                {
                    "scenarios": len(outcomes),
                    "checked": checked,
                    "held": held,
                    "share": round(share, 3),
                    "failed": {o.name: o.failed for o in outcomes if o.failed},
                },
                indent=2,
            )
        )
    else:
        for outcome in outcomes:
            mark = "ok " if not outcome.failed else "MISS"
            say(f"{mark} {outcome.name}: {outcome.checked - len(outcome.failed)}/{outcome.checked}")
            for failure in outcome.failed:
                say(f"       - {failure}")
            for note in outcome.notes:
                say(f"       (not checked: {note})")
        say(
            f"{held} of {checked} expectations hold ({share:.0%}) across {len(outcomes)} "
            f"scenarios; target {TARGET_SHARE:.0%}."
        )
    return 0 if share >= TARGET_SHARE else 1


if __name__ == "__main__":
    sys.exit(main())
