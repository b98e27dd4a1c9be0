"""The JSON API for analyses: summary, assessment, occupations, next steps and data status."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from careerset.actions.next_steps import next_steps as compute_next_steps
from careerset.actions.occupations import MAX_COMPARE, compare_occupations
from careerset.actions.report import assess, career_report
from careerset.web.context import WebContext, get_context
from careerset.web.statuses import documented

router = APIRouter(prefix="/api", tags=["analysis"])
Context = Annotated[WebContext, Depends(get_context)]


def _plain(value: Any) -> Any:
    """Dataclass output made JSON-safe: dict keys as text (years are ints in the metrics)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


@router.get("/report", summary="The career report: summary, verdicts, metrics, next steps")
def report(context: Context) -> dict[str, Any]:
    report = career_report(context.career(), context.reference(), context.today())
    return dict(_plain(report.to_dict()))


@router.get("/assessment", summary="The verdict for every job, with components and reasons")
def assessment(context: Context) -> dict[str, Any]:
    # The verdicts alone: no gaps, paths or report are computed for this.
    result = assess(context.career(), context.reference(), context.today())
    return dict(
        _plain(
            {
                "verdicts": result.to_list(),
                "targets": result.targets,
                "missing_inputs": result.missing_inputs,
                "missing_features": result.missing_features,
                "hints": [hint.to_dict() for hint in result.hints()],
            }
        )
    )


@router.get("/occupations", summary="Search occupations by title or description")
def search(
    context: Context,
    q: Annotated[str, Query(max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[dict[str, Any]]:
    if not q.strip():
        return []
    return [asdict(hit) for hit in context.reference().search(q, limit)]


@router.get("/occupations/compare", summary="Profiles of up to four occupations")
def compare(
    context: Context,
    codes: Annotated[list[str], Query(max_length=MAX_COMPARE)],
) -> list[dict[str, Any]]:
    profiles = compare_occupations(context.reference(), codes)
    return [dict(_plain(asdict(profile))) for profile in profiles]


@router.get("/occupations/{code}", summary="Everything known about one occupation")
def occupation(code: str, context: Context) -> dict[str, Any]:
    return dict(_plain(asdict(context.reference().profile(code))))


@router.get("/next-steps", summary="Gaps, paths, plan and nearby occupations for a target")
def next_steps(
    context: Context, target: Annotated[str, Query(max_length=40)] = ""
) -> dict[str, Any]:
    steps = compute_next_steps(context.career(), context.reference(), target, context.today())
    return dict(_plain(steps.to_dict()))


@router.get(
    "/status",
    summary="The store, the profile and the reference data in use",
    responses=documented(401, 404),
)
def status(context: Context) -> dict[str, Any]:
    return dict(_plain(context.data_status()))
