"""Next steps toward a target: gaps, paths, plan and explore, computed once for every front end.

The CLI commands, the web page and API, and the report's "where to go next" all come here,
so they share one default target, one current occupation and one plan (saved in the goal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from careerset.analysis.targets import current_occupation, default_target, goal_for
from careerset.errors import UserError
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Goal
from careerset.next_action import NextAction

if TYPE_CHECKING:
    from careerset.analysis.explore import ExploreReport
    from careerset.analysis.gaps import GapReport
    from careerset.analysis.paths import OccupationPath, PathReport
    from careerset.analysis.plan import Plan, PlanProgress
    from careerset.facts.profile import EscoOccupation
    from careerset.store.repository import StoreSession

T = TypeVar("T")
DEFAULT_MONTHS = 12
EXPLORE_LIMIT = 8


def resolve_target(career: Career, target: str | None) -> str:
    """The target asked for, else the active goal's first target; neither is a user error."""
    if target and target.strip():
        return target.strip()
    found = default_target(career)
    if found is None:
        raise UserError(
            "Name a target occupation, or set a goal with a target occupation first.",
            NextAction("add_goal"),
        )
    return found


def start_occupation(career: Career, today: date, start: str | None = None) -> str:
    """Where paths start: the code asked for, else the current occupation (one rule)."""
    if start and start.strip():
        return start.strip()
    code = current_occupation(career, today)
    if code is None:
        raise UserError(
            "No job has an occupation code to start a path from; give your current job one.",
            NextAction("code_jobs"),
        )
    return code


def _esco_for(reference: Reference, title: str) -> EscoOccupation | None:
    """The ESCO occupation whose preferred label is the O*NET title in the singular, if any."""
    if not reference.has("esco"):
        return None
    search = getattr(reference, "esco_occupation_search", None)
    if search is None:
        return None
    words = title.lower().split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    wanted = " ".join(words)
    for uri, label in search(wanted, 5):
        if label.lower() == wanted:
            found: EscoOccupation = reference.esco_occupation(uri)
            return found
    return None


def compute_gaps_for(career: Career, reference: Reference, target: str, today: date) -> GapReport:
    """What stands between the career and the target, with ESCO's essential skills when present."""
    from careerset.analysis.gaps import check_target, compute_gaps

    summary = check_target(reference, target)
    esco = _esco_for(reference, summary.title)
    return compute_gaps(career, reference, summary.code, today, esco)


def find_paths_for(
    career: Career, reference: Reference, target: str, today: date, start: str | None = None
) -> PathReport:
    """Stepping-stone paths from the current occupation (or `start`) to the target."""
    from careerset.analysis.evidence import held_years
    from careerset.analysis.gaps import check_target
    from careerset.analysis.paths import find_paths

    code = check_target(reference, target).code
    first = check_target(reference, start_occupation(career, today, start)).code
    # Paths never lead back to work held for a year or more.
    return find_paths(reference, first, code, held_years=held_years(career, today))


def _best_path(
    career: Career, reference: Reference, target: str, today: date
) -> OccupationPath | None:
    start = current_occupation(career, today)
    if start is None or start == target:
        return None
    try:
        found = find_paths_for(career, reference, target, today, start)
    except UserError:  # the start has no skill ratings: plan for the target alone
        return None
    return found.paths[0] if found.paths else None


@dataclass(frozen=True)
class PlanResult:
    """A plan, its progress from the activity log, and the goal it is kept in (if saved)."""

    plan: Plan
    progress: PlanProgress
    goal_id: str | None
    reused: bool


def _months(goal: Goal | None, months: int | None, today: date) -> int:
    if months is not None:
        return months
    if goal is not None and goal.horizon is not None:
        horizon = goal.horizon
        left = (horizon.year - today.year) * 12 + (horizon.month or 12) - today.month
        if left > 0:
            return left
    return DEFAULT_MONTHS


def _goal_with_plan(goal: Goal | None, plan: Plan) -> Goal:
    from careerset.analysis.plan import plan_to_dict

    if goal is None:
        last = date.fromisoformat(plan.checkpoints[-1].month_start + "-01")
        goal = Goal(
            statement=f"Become {plan.target_title}",
            target_codes=[plan.target_code],
            horizon=PartialDate(last.year, last.month),
        )
    goal.extra = {**goal.extra, "plan": plan_to_dict(plan)}
    return goal


def make_plan(
    career: Career,
    reference: Reference,
    target: str,
    today: date,
    *,
    months: int | None = None,
    rebuild: bool = False,
    known: tuple[GapReport, PathReport | None] | None = None,
) -> tuple[Plan, Goal | None, bool]:
    """The plan saved in the target's goal, or a new one; (plan, goal, reused).

    `known` passes gaps and paths already computed for this target, so they are not redone."""
    from careerset.analysis.gaps import check_target
    from careerset.analysis.plan import build_plan, plan_from_dict

    code = check_target(reference, target).code
    goal = goal_for(career, code)
    saved = goal.extra.get("plan") if goal is not None else None
    if isinstance(saved, dict) and saved.get("target_code") == code and not rebuild and not months:
        return plan_from_dict(saved), goal, True
    if known is not None:
        gaps, paths = known
        path = paths.paths[0] if paths is not None and paths.paths else None
    else:
        gaps = compute_gaps_for(career, reference, code, today)
        path = _best_path(career, reference, code, today)
    return build_plan(gaps, path, _months(goal, months, today), today), goal, False


def plan_for(
    session: StoreSession | None,
    profile: str,
    career: Career,
    reference: Reference,
    target: str,
    today: date,
    *,
    months: int | None = None,
    rebuild: bool = False,
    save: bool = True,
    known: tuple[GapReport, PathReport | None] | None = None,
) -> PlanResult:
    """Show the saved plan for the target, or build one and (with a session) keep it in the goal."""
    from careerset.analysis.plan import track_progress

    plan, goal, reused = make_plan(
        career, reference, target, today, months=months, rebuild=rebuild, known=known
    )
    goal_id = goal.id if goal is not None and reused else None
    if not reused and save and session is not None:
        goal = _goal_with_plan(goal, plan)
        session.put_entry(profile, goal)
        goal_id = goal.id
    return PlanResult(plan, track_progress(plan, career, today), goal_id, reused)


def explore_for(career: Career, reference: Reference, today: date, limit: int) -> ExploreReport:
    from careerset.analysis.explore import explore_occupations

    return explore_occupations(career, reference, today, limit)


@dataclass
class NextSteps:
    """Whatever could be computed for one target; `problems` says why the rest is absent."""

    target: str | None
    gaps: GapReport | None = None
    paths: PathReport | None = None
    plan: PlanResult | None = None
    explore: ExploreReport | None = None
    problems: dict[str, UserError] = field(default_factory=dict)

    def problem_lines(self) -> list[tuple[str, UserError]]:
        """(which analyses, why) with analyses failing for the same reason named together."""
        grouped: dict[str, list[str]] = {}
        errors: dict[str, UserError] = {}
        for name, error in self.problems.items():
            grouped.setdefault(error.message, []).append(name)
            errors.setdefault(error.message, error)
        return [(", ".join(names).capitalize(), errors[m]) for m, names in grouped.items()]

    def to_dict(self) -> dict[str, Any]:
        from careerset.actions.results import (
            explore_to_dict,
            gaps_to_dict,
            paths_to_dict,
            plan_result_to_dict,
        )

        return {
            "target": self.target,
            "gaps": None if self.gaps is None else gaps_to_dict(self.gaps),
            "paths": None if self.paths is None else paths_to_dict(self.paths),
            "plan": None if self.plan is None else plan_result_to_dict(self.plan),
            "explore": None if self.explore is None else explore_to_dict(self.explore),
            "problems": {
                name: {
                    "message": error.message,
                    "action": None if error.action is None else error.action.to_dict(),
                }
                for name, error in self.problems.items()
            },
        }


def _attempt(steps: NextSteps, name: str, work: Callable[[], T]) -> T | None:
    try:
        return work()
    except UserError as error:
        steps.problems[name] = error
        return None


def next_steps(
    career: Career,
    reference: Reference,
    target: str | None,
    today: date,
    *,
    explore_limit: int = EXPLORE_LIMIT,
) -> NextSteps:
    """Gaps, paths, the plan (the saved one if any; nothing is written) and nearby occupations."""
    wanted = (target or "").strip() or default_target(career)
    steps = NextSteps(target=wanted)
    if explore_limit > 0:
        steps.explore = _attempt(
            steps, "explore", lambda: explore_for(career, reference, today, explore_limit)
        )
    if wanted is None:
        steps.problems["target"] = UserError(
            "Choose a target occupation, or add a goal with one.", NextAction("add_goal")
        )
        return steps
    code = wanted
    steps.gaps = _attempt(steps, "gaps", lambda: compute_gaps_for(career, reference, code, today))
    steps.paths = _attempt(steps, "paths", lambda: find_paths_for(career, reference, code, today))
    if steps.gaps is not None:
        known = (steps.gaps, steps.paths)
        steps.plan = _attempt(
            steps,
            "plan",
            lambda: plan_for(None, "", career, reference, code, today, save=False, known=known),
        )
    return steps
