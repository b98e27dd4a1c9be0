"""What `gaps`, `paths`, `plan` and `explore` compute and print; imported only when one runs.

Kept apart from the command definitions so numpy and the analyses load only when needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from rich.markup import escape
from rich.table import Table

from careerset.actions import next_steps as steps
from careerset.actions.results import (
    explore_to_dict,
    gaps_to_dict,
    paths_to_dict,
    plan_result_to_dict,
)
from careerset.analysis.explore import ExploreReport
from careerset.analysis.gaps import LARGE_GAP, Gap, GapReport
from careerset.analysis.paths import PathReport
from careerset.analysis.plan import Plan, PlanProgress
from careerset.cli.next_actions import command_for
from careerset.cli.output import console, print_json
from careerset.model.career import Career
from careerset.next_action import NextAction
from careerset.reference.query import ReferencePack, open_reference
from careerset.store.repository import StoreSession


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


# -- gaps ------------------------------------------------------------------------------------


def _evidence_text(gap: Gap, limit: int = 2) -> str:
    parts = [
        f"{link.label} {link.level:g} [{','.join(link.entry_ids)}]" for link in gap.evidence[:limit]
    ]
    return escape("; ".join(parts)) or "none yet"


def _print_gaps(report: GapReport, limit: int) -> None:
    _say(f"Gaps to {report.target.code} {report.target.title}")
    ranked = report.ranked()
    table = Table("#", "gap", "imp.", "needs", "shown", "score", "partial evidence [entry ids]")
    for rank, gap in enumerate(ranked[:limit], start=1):
        table.add_row(
            str(rank),
            gap.name if gap.domain == "skills" else f"{gap.name} ({gap.domain})",
            f"{gap.importance:.2f}",
            f"{gap.level:.2f}",
            f"{gap.evidenced_level:.2f}",
            f"{gap.score:.1f}",
            _evidence_text(gap),
        )
    console.print(table)
    _say(f"{len(report.large())} large gaps (score {LARGE_GAP:g} or more) of {len(ranked)}.")
    if report.technology:
        tools = [f"{g.name}{' (hot)' if g.hot else ''}" for g in report.technology[:8]]
        _say(f"Technology to learn: {'; '.join(tools)}")
    if report.esco:
        open_skills = [g.name for g in report.esco if g.shortfall > 0][:8]
        _say(f"ESCO essential skills not yet shown: {'; '.join(open_skills)}")
    if report.strengths:
        strengths = Table("strength (transfers)", "needs", "shown", "from", title="Strengths")
        for gap in report.strengths[:limit]:
            strengths.add_row(
                gap.name, f"{gap.level:.2f}", f"{gap.evidenced_level:.2f}", _evidence_text(gap, 1)
            )
        console.print(strengths)
    for note in report.missing:
        _say(f"note: {note}")


# -- paths -----------------------------------------------------------------------------------


def _print_paths(report: PathReport) -> None:
    _say(
        f"From {report.start_code} {report.start_title} to {report.target_code} "
        f"{report.target_title} (direct skill similarity {report.similarity:.2f}; every step "
        f"needs {report.threshold:g} or more)"
    )
    for number, path in enumerate(report.paths, start=1):
        table = Table(
            "#",
            "step to",
            "sim.",
            "zone",
            "median wage",
            "learn",
            title=f"Path {number} (cost {path.cost:.2f})",
        )
        for index, step in enumerate(path.steps, start=1):
            change = step.wage_change
            wage = _money(step.to_wage) + (f" ({change:+,.0f})" if change is not None else "")
            related = escape(f" [related: {step.related_tier}]") if step.related_tier else ""
            table.add_row(
                str(index),
                f"{step.to_code} {step.to_title}{related}",
                f"{step.similarity:.2f}",
                f"{step.from_zone or '-'}->{step.to_zone or '-'}",
                wage,
                ", ".join(g.name for g in step.gaps) or "-",
            )
        console.print(table)
    for note in report.missing:
        _say(f"note: {note}")


# -- plan ------------------------------------------------------------------------------------


def _print_plan(plan: Plan, progress: PlanProgress, goal_id: str | None) -> None:
    _say(
        f"Plan to {plan.target_code} {plan.target_title}: {plan.months} months from "
        f"{plan.created}, about {plan.hours_per_month:g} hours a month"
    )
    if len(plan.path) > 2:
        _say(f"Via: {' -> '.join(plan.path)}")
    table = Table("#", "build", "level", "hours", "log as", "months", "why")
    for item in plan.items:
        name = item.name if item.domain == "skills" else f"{item.name} ({item.domain})"
        table.add_row(
            str(item.order),
            name,
            f"{item.current_level:.2f}->{item.target_level:.2f}",
            f"{item.hours:g}",
            item.activity,
            f"{item.start_month}-{item.end_month}",
            item.reason,
        )
    console.print(table)
    checkpoints = Table("month", "starts", "hours by then", "finish", "milestone")
    for point in plan.checkpoints:
        checkpoints.add_row(
            str(point.month),
            point.month_start,
            f"{point.cumulative_hours:g}",
            ", ".join(point.finish) or "-",
            point.milestone or "",
        )
    console.print(checkpoints)
    for line in plan.suggestions:
        _say(f"- {line}")
    status = "on track" if progress.on_track else "behind"
    _say(
        f"Progress: month {progress.months_elapsed} of {plan.months}, "
        f"{progress.logged_hours:g} of {progress.planned_hours:g} planned hours logged ({status})."
    )
    if goal_id:
        log = command_for(NextAction("add_activity", {"skill": "NAME"}))
        _say(f"Saved in goal {goal_id}; log work with `{log}`.")


# -- explore ---------------------------------------------------------------------------------


def _print_explore(report: ExploreReport) -> None:
    table = Table(
        "#", "occupation", "score", "passion", "readiness", "zone", "median wage", "uses your"
    )
    for rank, item in enumerate(report.suggestions, start=1):
        table.add_row(
            str(rank),
            f"{item.code} {item.title}",
            f"{item.score:.2f}",
            "-" if item.passion is None else f"{item.passion:.2f}",
            f"{item.readiness:.2f}",
            str(item.job_zone or "-"),
            _money(item.annual_median),
            ", ".join(item.matched) or "-",
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
