"""The assessment: one verdict per job, for `assess` (the whole report is `actions.report`)."""

from __future__ import annotations

from datetime import date

from careerset.analysis.verdict import Assessment, assess_career
from careerset.facts.protocol import Reference
from careerset.model.career import Career


def assess(career: Career, reference: Reference | None, today: date) -> Assessment:
    """One verdict per job, with components and reasons; no gaps or paths are computed."""
    return assess_career(career, today, reference)
