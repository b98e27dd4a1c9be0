"""Where to go next, in brief: the top gaps to the goal and the best stepping-stone path.

The report and the demo show this; it summarises what the next-steps use case computed,
so the report never starts from another occupation or plans differently than `gaps`/`paths`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerset.next_action import Advice

if TYPE_CHECKING:
    from careerset.analysis.gaps import Gap, GapReport
    from careerset.analysis.paths import PathReport
    from careerset.analysis.plan import Plan

TOP_GAPS = 5


@dataclass(frozen=True)
class GapLine:
    """One thing that stands between the person and the goal, in the order to tackle it."""

    name: str
    domain: str  # "requirement", "skills", "knowledge" or "technology"
    score: float  # the ranking score, for --json only
    evidence_ids: tuple[str, ...]
    sentence: str = ""


@dataclass(frozen=True)
class Outlook:
    """The goal's target, its largest gaps and one path there; `notes` say what could not be shown.

    `gap_report` and `plan` are the full results the summary came from, for the report's charts.
    """

    target: str | None
    target_title: str | None = None
    gaps: tuple[GapLine, ...] = ()
    path: tuple[str, ...] = ()
    notes: tuple[Advice, ...] = field(default=())
    gap_report: GapReport | None = field(default=None, compare=False, repr=False)
    plan: Plan | None = field(default=None, compare=False, repr=False)

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
                    "sentence": g.sentence,
                }
                for g in self.gaps
            ],
            "path": list(self.path),
            "notes": [note.to_dict() for note in self.notes],
        }


def _tools_first(technology: tuple[Gap, ...]) -> list[Gap]:
    """Technology gaps, Hot and In-Demand first: what to show when O*NET rates no skills."""
    return sorted(technology, key=lambda g: (not (g.hot or g.in_demand), -g.score, g.name))


def summarize_outlook(
    target: str | None,
    title: str | None,
    gaps: GapReport | None,
    paths: PathReport | None,
    plan: Plan | None,
    notes: tuple[Advice, ...] = (),
) -> Outlook:
    """The brief: top gaps with their evidence ids, and the cheapest path's titles."""
    lines: tuple[GapLine, ...] = ()
    if gaps is not None:
        # Unmet entry requirements (a degree, a licence) come before any skill.
        needs = tuple(
            GapLine(r.need, "requirement", 0.0, r.evidence, r.sentence) for r in gaps.unmet()
        )
        lines = needs + tuple(
            GapLine(
                g.name,
                g.domain,
                round(g.score, 2),
                tuple(dict.fromkeys(i for link in g.evidence for i in link.entry_ids)),
                g.sentence(),
            )
            for g in (gaps.ranked() or _tools_first(gaps.technology))[: TOP_GAPS - len(needs)]
        )
        title = title or gaps.target.title
    path: tuple[str, ...] = ()
    if paths is not None and paths.paths:
        best = paths.paths[0]
        path = (paths.start_title, *(step.to_title for step in best.steps))
        title = title or paths.target_title
    return Outlook(target, title, lines, path, notes, gaps, plan)
