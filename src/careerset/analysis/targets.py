"""Where the person is and where they are heading: the one rule for each, used everywhere.

The report, `gaps`/`paths`/`plan` and the web app all take the current occupation and the
default target from here, so they can never start from different places.
"""

from __future__ import annotations

from datetime import date

from careerset.analysis.evidence import collect_evidence
from careerset.model.career import Career
from careerset.model.entries import Goal
from careerset.model.enums import GoalStatus


def active_goals(career: Career) -> list[Goal]:
    """Goals still being pursued that name at least one target occupation, in record order."""
    return [g for g in career.goals if g.status == GoalStatus.ACTIVE and g.target_codes]


def default_target(career: Career) -> str | None:
    """The first target code of the first active goal, or None."""
    goals = active_goals(career)
    return goals[0].target_codes[0] if goals else None


def goal_for(career: Career, code: str) -> Goal | None:
    """The active goal that names `code` as a target, if any."""
    return next((g for g in active_goals(career) if code in g.target_codes), None)


def current_occupation(career: Career, today: date) -> str | None:
    """The occupation the person works in now: the most recently held coded occupation,
    current jobs first and, among those, the one held longest (a side job does not win)."""
    return collect_evidence(career, today).current_code
