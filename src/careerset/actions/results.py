"""One JSON shape per next-steps result, shared by `--json` and `/api/` (no front end builds its own)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerset.actions.next_steps import PlanResult
    from careerset.analysis.explore import ExploreReport
    from careerset.analysis.gaps import GapReport
    from careerset.analysis.paths import PathReport


def gaps_to_dict(report: GapReport) -> dict[str, Any]:
    """Every gap with importance, level and its evidence ids; `ranked` in display order."""
    from careerset.analysis.gaps import LARGE_GAP

    data = asdict(report)
    data["ranked"] = [asdict(gap) for gap in report.ranked()]
    data["large_gaps"] = len(report.large())
    data["large_gap_threshold"] = LARGE_GAP
    return data


def paths_to_dict(report: PathReport) -> dict[str, Any]:
    from careerset.analysis.paths import MAX_STEPS

    data = asdict(report)
    for path, raw in zip(report.paths, data["paths"], strict=True):
        raw["codes"] = list(path.codes)
        for step, raw_step in zip(path.steps, raw["steps"], strict=True):
            raw_step["wage_change"] = step.wage_change
    data["max_steps"] = MAX_STEPS
    return data


def plan_result_to_dict(result: PlanResult) -> dict[str, Any]:
    from careerset.analysis.plan import plan_to_dict

    return {
        "plan": plan_to_dict(result.plan),
        "progress": asdict(result.progress),
        "goal_id": result.goal_id,
    }


def explore_to_dict(report: ExploreReport) -> dict[str, Any]:
    return asdict(report)
