"""What `gaps`, `paths`, `plan` and `explore` compute and print; imported only when one runs.

Kept apart from the command definitions so numpy and the analyses load only when needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from typing import Any

from rich.markup import escape
from rich.table import Table

from careerset.analysis.evidence import collect_evidence, held_years
from careerset.analysis.explore import ExploreReport, explore_occupations
from careerset.analysis.gaps import LARGE_GAP, Gap, GapReport, check_target, compute_gaps
from careerset.analysis.interests import RiasecScores, interest_sentences
from careerset.analysis.paths import MAX_STEPS, PathReport, find_paths
from careerset.analysis.plan import (
    Plan,
    PlanItem,
    PlanProgress,
    build_plan,
    plan_from_dict,
    plan_to_dict,
    track_progress,
)
from careerset.cli.next_steps import PlanOptions, active_goals
from careerset.cli.output import console, print_json
from careerset.errors import UserError
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Goal
from careerset.model.enums import InterestScale
from careerset.reference.profile import EscoOccupation
from careerset.reference.query import ReferencePack, open_reference
from careerset.store.repository import StoreSession

DEFAULT_MONTHS = 12


def _say(text: str) -> None:
    console.print(text, markup=False, highlight=False)


def _money(value: float | None) -> str:
    return "-" if value is None else f"${value:,.0f}"


@contextmanager
def _reference() -> Iterator[ReferencePack]:
    reference = open_reference()
    try:
        yield reference
    finally:
        reference.close()


def _esco_for(reference: ReferencePack, title: str) -> EscoOccupation | None:
    """The ESCO occupation whose preferred label is the O*NET title in the singular, if any."""
    if not reference.has("esco"):
        return None
    words = title.lower().split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    wanted = " ".join(words)
    for uri, label in reference.esco_occupation_search(wanted, 5):
        if label.lower() == wanted:
            return reference.esco_occupation(uri)
    return None


# -- gaps ------------------------------------------------------------------------------------


def _gap_json(gap: Gap) -> dict[str, Any]:
    return asdict(gap)


def gaps_json(report: GapReport) -> dict[str, Any]:
    """The `gaps --json` shape: every gap with importance, level and its evidence ids."""
    data = asdict(report)
    data["ranked"] = [_gap_json(g) for g in report.ranked()]
    data["large_gaps"] = len(report.large())
    data["large_gap_threshold"] = LARGE_GAP
    return data


def _evidence_text(gap: Gap, limit: int = 2) -> str:
    parts = [
        f"{link.label} {link.level:g} [{','.join(link.entry_ids)}]" for link in gap.evidence[:limit]
    ]
    return escape("; ".join(parts)) or "none yet"


def _print_gaps(report: GapReport, limit: int) -> None:
    _say(f"What stands between you and {report.target.title} ({report.target.code}):")
    for line in report.sentences(limit):
        _say(f"- {line}")
    if report.esco:
        open_skills = [g.name for g in report.esco if g.shortfall > 0][:8]
        _say(f"- ESCO essential skills your record does not show yet: {'; '.join(open_skills)}.")
    for note in report.missing:
        _say(f"note: {note}")


# -- paths -----------------------------------------------------------------------------------


def _start_code(career: Career, start: str | None) -> str:
    if start:
        return start
    code = collect_evidence(career, date.today()).current_code
    if code is None:
        raise UserError(
            "Your career has no job with an occupation code to start from; pass --from CODE "
            "or code a job with `careerset code` and `careerset edit ID`."
        )
    return code


def paths_json(report: PathReport) -> dict[str, Any]:
    data = report.to_dict()
    data["max_steps"] = MAX_STEPS
    return data


def _print_paths(report: PathReport) -> None:
    _say(f"From {report.start_title} to {report.target_title}:")
    for line in report.sentences():
        _say(f"- {line}")
    for note in report.missing:
        _say(f"note: {note}")


# -- plan ------------------------------------------------------------------------------------


def _months(goal: Goal | None, months: int | None, today: date) -> int:
    if months is not None:
        return months
    if goal is not None and goal.horizon is not None:
        horizon = goal.horizon
        left = (horizon.year - today.year) * 12 + (horizon.month or 12) - today.month
        if left > 0:
            return left
    return DEFAULT_MONTHS


def _goal_for(career: Career, code: str) -> Goal | None:
    return next((g for g in active_goals(career) if code in g.target_codes), None)


def _new_plan(career: Career, reference: ReferencePack, code: str, months: int) -> Plan:
    today = date.today()
    summary = check_target(reference, code)
    report = compute_gaps(career, reference, code, today, _esco_for(reference, summary.title))
    start = collect_evidence(career, today).current_code
    path = None
    if start is not None and start != summary.code:
        try:
            found = find_paths(reference, start, summary.code, held_years=held_years(career, today))
        except UserError:  # the start has no skill ratings: plan for the target alone
            found = None
        path = found.paths[0] if found and found.paths else None
    return build_plan(report, path, months, today)


def _months_text(item: PlanItem) -> str:
    if item.start_month == item.end_month:
        return f"month {item.start_month}"
    return f"months {item.start_month} to {item.end_month}"


def _print_plan(plan: Plan, progress: PlanProgress, goal_id: str | None) -> None:
    _say(
        f"Plan to become {plan.target_title} ({plan.target_code}): {plan.months} months from "
        f"{plan.created}, about {plan.hours_per_month:g} hours a month."
    )
    if len(plan.path) > 2:
        _say(f"Via: {' -> '.join(plan.path)}")
    for number, item in enumerate(plan.items, start=1):
        _say(
            f"{number}. {item.sentence or item.name} ({_months_text(item)}; log as {item.activity})"
        )
    _say(f"{len(plan.items) + 1}. {plan.sentences()[-1]} (month {plan.months})")
    for line in plan.suggestions:
        _say(f"- {line}")
    status = "on track" if progress.on_track else "behind"
    _say(
        f"Progress: month {progress.months_elapsed} of {plan.months}; you have logged "
        f"{progress.logged_hours:g} of the {progress.planned_hours:g} hours planned so far "
        f"({status})."
    )
    if goal_id:
        _say(f"Saved in goal {goal_id}; log work with `careerset add activity --skill NAME`.")


def _save_plan(goal: Goal | None, plan: Plan) -> Goal:
    if goal is None:
        last = date.fromisoformat(plan.checkpoints[-1].month_start + "-01")
        goal = Goal(
            statement=f"Become {plan.target_title}",
            target_codes=[plan.target_code],
            horizon=PartialDate(last.year, last.month),
        )
    goal.extra = {**goal.extra, "plan": plan_to_dict(plan)}
    return goal


# -- explore ---------------------------------------------------------------------------------


def explore_json(report: ExploreReport) -> dict[str, Any]:
    return asdict(report)


def _print_explore(report: ExploreReport) -> None:
    if report.person_scores is not None:
        scores = RiasecScores.from_values(list(report.person_scores.values()), InterestScale.ONET)
        for line in interest_sentences(scores):
            _say(line)
        _say("")
    wage = "median wage (US, BLS OEWS)" if report.outside_us else "median wage"
    table = Table("#", "occupation", "match", "education", wage, "in short")
    for rank, item in enumerate(report.suggestions, start=1):
        education = "-"
        if item.education_needed:
            education = ("met: " if item.education_met else "not met: ") + item.education_needed
        table.add_row(
            str(rank),
            f"{item.code} {item.title}",
            f"{item.score:.0%}",
            education,
            _money(item.annual_median),
            item.sentence(report.outside_us).split(": ", 1)[-1],
        )
    console.print(table)
    for note in report.missing:
        _say(f"note: {note}")


# -- entry points for the commands ------------------------------------------------------------


def run_gaps(career: Career, code: str, limit: int, as_json: bool) -> None:
    with _reference() as reference:
        summary = check_target(reference, code)
        esco = _esco_for(reference, summary.title)
        report = compute_gaps(career, reference, code, date.today(), esco)
    print_json(gaps_json(report)) if as_json else _print_gaps(report, limit)


def run_paths(career: Career, code: str, start: str | None, as_json: bool) -> None:
    with _reference() as reference:
        check_target(reference, code)
        first = _start_code(career, start)
        check_target(reference, first)
        report = find_paths(reference, first, code, held_years=held_years(career, date.today()))
    print_json(paths_json(report)) if as_json else _print_paths(report)


def run_plan(
    session: StoreSession,
    profile: str,
    career: Career,
    code: str,
    options: PlanOptions,
) -> None:
    """Show the saved plan for the target, or build (and save) a new one; then its progress."""
    today = date.today()
    with _reference() as reference:
        code = check_target(reference, code).code
        goal = _goal_for(career, code)
        saved = goal.extra.get("plan") if goal is not None else None
        fresh = options.rebuild or options.months is not None
        if saved and saved.get("target_code") == code and not fresh:
            plan = plan_from_dict(saved)
        else:
            plan = _new_plan(career, reference, code, _months(goal, options.months, today))
            if options.save:
                goal = _save_plan(goal, plan)
                session.put_entry(profile, goal)
    progress = track_progress(plan, career, today)
    goal_id = goal.id if goal is not None and options.save else None
    if options.as_json:
        print_json({"plan": plan_to_dict(plan), "progress": asdict(progress), "goal_id": goal_id})
    else:
        _print_plan(plan, progress, goal_id)


def run_explore(career: Career, limit: int, as_json: bool) -> None:
    with _reference() as reference:
        report = explore_occupations(career, reference, date.today(), limit)
    print_json(explore_json(report)) if as_json else _print_explore(report)
