"""Gaps, paths and plan: what stands between the career and a target occupation, and how to close it.

Each analysis may lack the reference data it needs; the page then says so in one line
instead of failing, so the others still show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from careerset.errors import UserError
from careerset.model.career import Career
from careerset.model.enums import GoalStatus
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
T = TypeVar("T")
PLAN_MONTHS = 12


@dataclass
class NextSteps:
    """Whatever could be computed for one target; `problems` says why the rest is absent."""

    target: str | None
    gaps: Any = None
    paths: Any = None
    plan: Any = None
    explore: Any = None
    problems: dict[str, str] = field(default_factory=dict)

    def problem_lines(self) -> list[tuple[str, str]]:
        """(which analyses, why) with analyses failing for the same reason named together."""
        grouped: dict[str, list[str]] = {}
        for name, message in self.problems.items():
            grouped.setdefault(message, []).append(name)
        return [(", ".join(names).capitalize(), message) for message, names in grouped.items()]

    def to_dict(self) -> dict[str, Any]:
        parts = {"gaps": self.gaps, "paths": self.paths, "plan": self.plan}
        data: dict[str, Any] = {name: None if v is None else asdict(v) for name, v in parts.items()}
        data["explore"] = None if self.explore is None else asdict(self.explore)
        return {"target": self.target, **data, "problems": self.problems}


def default_target(career: Career) -> str | None:
    """The first target code of the first active goal."""
    for goal in career.goals:
        if goal.status == GoalStatus.ACTIVE and goal.target_codes:
            return goal.target_codes[0]
    return None


def _attempt(steps: NextSteps, name: str, work: Callable[[], T]) -> T | None:
    try:
        return work()
    except UserError as error:
        steps.problems[name] = error.message
        return None


def compute_next_steps(context: WebContext, target: str | None) -> NextSteps:
    """Gaps, paths, plan and nearby occupations for `target` (or the goal's), as far as data allows."""
    from careerset.analysis.evidence import collect_evidence, held_years
    from careerset.analysis.explore import explore_occupations
    from careerset.analysis.gaps import compute_gaps
    from careerset.analysis.paths import find_paths
    from careerset.analysis.plan import build_plan

    career = context.career()
    reference = context.reference()
    today = context.today()
    steps = NextSteps(target=(target or "").strip() or default_target(career))
    steps.explore = _attempt(
        steps, "explore", lambda: explore_occupations(career, reference, today, 8)
    )
    code = steps.target
    if code is None:
        steps.problems["target"] = "Choose a target occupation, or add a goal with one."
        return steps
    steps.gaps = _attempt(steps, "gaps", lambda: compute_gaps(career, reference, code, today))
    start = collect_evidence(career, today).current_code
    if start is None:
        steps.problems["paths"] = "Give a job an occupation code to find paths from it."
    else:
        held = held_years(career, today)
        steps.paths = _attempt(
            steps, "paths", lambda: find_paths(reference, start, code, held_years=held)
        )
    if steps.gaps is not None:
        first = steps.paths.paths[0] if steps.paths is not None and steps.paths.paths else None
        gaps = steps.gaps
        steps.plan = _attempt(steps, "plan", lambda: build_plan(gaps, first, PLAN_MONTHS, today))
    return steps


@router.get("/next-steps", response_class=HTMLResponse)
def next_steps_page(
    request: Request,
    context: Context,
    target: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    steps = compute_next_steps(context, target)
    return render(request, "next_steps.html", steps=steps, plan_months=PLAN_MONTHS)
