"""What `gaps`, `paths`, `plan` and `explore` compute and print; imported only when one runs.

Kept apart from the command definitions so numpy and the analyses load only when needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from rich.table import Table

from careerset.actions import next_steps as steps
from careerset.actions.results import (
    explore_to_dict,
    gaps_to_dict,
    paths_to_dict,
    plan_result_to_dict,
)
from careerset.analysis.explore import ExploreReport
from careerset.analysis.gaps import GapReport
from careerset.analysis.interests import RiasecScores, interest_sentences
from careerset.analysis.paths import PathReport
from careerset.analysis.plan import Plan, PlanItem, PlanProgress
from careerset.cli.next_actions import command_for
from careerset.cli.output import console, print_json
from careerset.model.career import Career
from careerset.model.enums import InterestScale
from careerset.next_action import NextAction
from careerset.reference.query import ReferencePack, shared_reference
from careerset.store.repository import StoreSession


def _say(text: str) -> None:
    console.print(text, markup=False, highlight=False)


def _money(value: float | None) -> str:
    return "-" if value is None else f"${value:,.0f}"


@contextmanager
def _reference() -> Iterator[ReferencePack]:
    # The process's shared reference: never closed here, and what the analysis derives from it
    # (the occupation space, path graphs) is reused by the next command in the same process.
    yield shared_reference()


# -- gaps ------------------------------------------------------------------------------------


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


def _print_paths(report: PathReport) -> None:
    _say(f"From {report.start_title} to {report.target_title}:")
    for line in report.sentences():
        _say(f"- {line}")
    for note in report.missing:
        _say(f"note: {note}")


# -- plan ------------------------------------------------------------------------------------


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
        log = command_for(NextAction("add_activity", {"skill": "NAME"}))
        _say(f"Saved in goal {goal_id}; log work with `{log}`.")


# -- explore ---------------------------------------------------------------------------------


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


def run_gaps(career: Career, target: str | None, limit: int, as_json: bool) -> None:
    code = steps.resolve_target(career, target)
    with _reference() as reference:
        report = steps.compute_gaps_for(career, reference, code, date.today())
    print_json(gaps_to_dict(report)) if as_json else _print_gaps(report, limit)


def run_paths(career: Career, target: str | None, start: str | None, as_json: bool) -> None:
    code = steps.resolve_target(career, target)
    with _reference() as reference:
        report = steps.find_paths_for(career, reference, code, date.today(), start)
    print_json(paths_to_dict(report)) if as_json else _print_paths(report)


def run_plan(
    session: StoreSession,
    profile: str,
    target: str | None,
    months: int | None,
    rebuild: bool,
    save: bool,
    as_json: bool,
) -> None:
    """Show the saved plan for the target, or build (and save) a new one; then its progress."""
    career = session.load_career(profile)
    code = steps.resolve_target(career, target)
    with _reference() as reference:
        result = steps.plan_for(
            session,
            profile,
            career,
            reference,
            code,
            date.today(),
            months=months,
            rebuild=rebuild,
            save=save,
        )
    if as_json:
        print_json(plan_result_to_dict(result))
    else:
        _print_plan(result.plan, result.progress, result.goal_id)


def run_explore(career: Career, limit: int, as_json: bool) -> None:
    with _reference() as reference:
        report = steps.explore_for(career, reference, date.today(), limit)
    print_json(explore_to_dict(report)) if as_json else _print_explore(report)
