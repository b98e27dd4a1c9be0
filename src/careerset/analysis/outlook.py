"""Where to go next, in brief: the top skill gaps to the goal and the best stepping-stone path.

The report and the demo show this; `careerset gaps`/`paths` give the full, traceable detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from careerset.errors import UserError
from careerset.model.career import Career
from careerset.reference.protocol import Reference

if TYPE_CHECKING:
    from careerset.analysis.gaps import Gap

TOP_GAPS = 5


@dataclass(frozen=True)
class GapLine:
    name: str
    domain: str
    score: float
    evidence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Outlook:
    """The goal's target, its largest gaps and one path there; `note` says what could not be shown."""

    target: str | None
    target_title: str | None = None
    gaps: tuple[GapLine, ...] = ()
    path: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "target": self.target,
            "target_title": self.target_title,
            "gaps": [
                {
                    "name": g.name,
                    "domain": g.domain,
                    "score": g.score,
                    "evidence_ids": list(g.evidence_ids),
                }
                for g in self.gaps
            ],
            "path": list(self.path),
            "notes": list(self.notes),
        }


def _target(career: Career) -> str | None:
    for goal in career.goals:
        if goal.status.value == "active" and goal.target_codes:
            return goal.target_codes[0]
    return None


def _current_code(career: Career) -> str | None:
    coded = [job for job in career.jobs if job.occupation_code]
    return coded[-1].occupation_code if coded else None


def _tools_first(technology: tuple[Gap, ...]) -> list[Gap]:
    """Technology gaps, Hot and In-Demand first: what to show when O*NET rates no skills."""
    return sorted(technology, key=lambda g: (not (g.hot or g.in_demand), -g.score, g.name))


def build_outlook(career: Career, reference: Reference | None, today: date) -> Outlook:
    """Top gaps and the cheapest path to the active goal's first target, as far as the data allows."""
    target = _target(career)
    if target is None:
        return Outlook(
            None,
            notes=("no goal with a target occupation yet (`careerset add goal --target CODE`)",),
        )
    title: str | None = None
    if reference is not None:
        try:
            title = reference.occupation(target).title
        except UserError as error:
            return Outlook(target, notes=(error.message,))
    if reference is None or not reference.has("skills"):
        note = "skill gaps and paths need the reference pack (`careerset data install`)"
        return Outlook(target, title, notes=(note,))
    # Imported here: the gap and path modules build numpy matrices the rest of the report never needs.
    from careerset.analysis.evidence import held_years
    from careerset.analysis.gaps import compute_gaps
    from careerset.analysis.paths import find_paths

    notes: list[str] = []
    try:
        report = compute_gaps(career, reference, target, today)
    except UserError as error:
        return Outlook(target, notes=(error.message,))
    needs = tuple(GapLine(r.need, "requirement", 0.0, r.evidence) for r in report.unmet())
    gaps = needs + tuple(
        GapLine(
            g.name,
            g.domain,
            round(g.score, 2),
            tuple(dict.fromkeys(i for link in g.evidence for i in link.entry_ids)),
        )
        for g in (report.ranked() or _tools_first(report.technology))[: TOP_GAPS - len(needs)]
    )
    path: tuple[str, ...] = ()
    start = _current_code(career)
    if start is None:
        notes.append("no job has an occupation code, so no path can start from your current work")
    elif start != target:
        try:
            found = find_paths(reference, start, target, k=1, held_years=held_years(career, today))
        except UserError as error:
            notes.append(error.message)
        else:
            if found.paths:
                best = found.paths[0]
                path = (found.start_title, *(step.to_title for step in best.steps))
            else:
                notes.append(f"no path of a few similar steps leads from {start} to {target}")
    return Outlook(target, title or report.target.title, gaps, path, tuple(notes))
