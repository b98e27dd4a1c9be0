"""A plan to a target: milestones in dependency order, then skills, then applying.

Unmet requirements come first (a degree with its typical length, an apprenticeship, a
certification or licence, supervised experience), then the significant skill gaps; applying
is last and never comes while a requirement is still open. Plans are plain data
(`plan_to_dict` / `plan_from_dict`) kept in a Goal's `extra["plan"]`; progress is read from
the activity log against the plan's own start, so a plan made today is on track.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from careerset.analysis.gaps import Gap, GapReport
from careerset.analysis.paths import OccupationPath
from careerset.analysis.requirements import RequirementCheck
from careerset.analysis.term_match import TECHNOLOGY, TermMatcher
from careerset.model.career import Career
from careerset.model.entries import Activity

HOURS_PER_LEVEL = 40.0  # study/practice hours to close one O*NET level point (rule of thumb)
HOURS_PER_TECHNOLOGY = 30.0  # hours to reach working use of a tool from nothing
SKILL_ITEMS = 6  # the largest skill/knowledge gaps that make it into the plan
TECHNOLOGY_ITEMS = 3  # Hot / In Demand technologies to learn
ON_TRACK_SHARE = 0.8  # logged hours at 80% of plan count as on track
ACTIVITY_FOR = {
    "skills": "practice",
    "knowledge": "course",
    TECHNOLOGY: "course",
    "education": "course",
    "certification": "certification-prep",
    "apprenticeship": "practice",
    "experience": "practice",
}
# Study hours a month while meeting a requirement (part-time degree study, exam preparation).
REQUIREMENT_HOURS_PER_MONTH = {"education": 60.0, "certification": 30.0, "apprenticeship": 0.0}
MIN_SKILL_MONTHS = 3  # months left for the skill items after the requirements


@dataclass(frozen=True)
class PlanItem:
    order: int
    domain: str
    element_id: str
    name: str
    current_level: float
    target_level: float
    hours: float
    activity: str  # the activity kind to log for it
    start_month: int
    end_month: int
    reason: str
    kind: str = "gap"  # "requirement" or "gap"
    sentence: str = ""


@dataclass(frozen=True)
class Checkpoint:
    month: int
    month_start: str  # YYYY-MM
    cumulative_hours: float
    finish: tuple[str, ...]  # items whose work ends this month
    milestone: str | None


@dataclass(frozen=True)
class Plan:
    target_code: str
    target_title: str
    created: str  # ISO date
    months: int
    path: tuple[str, ...]  # codes from the start occupation to the target
    items: tuple[PlanItem, ...]
    checkpoints: tuple[Checkpoint, ...]
    suggestions: tuple[str, ...]
    hours_per_month: float

    def sentences(self) -> list[str]:
        """The milestones in order, in plain words; applying is always the last."""
        lines = [item.sentence or f"Build {item.name}." for item in self.items]
        lines.append(f"Apply for {self.target_title} positions.")
        return lines


@dataclass(frozen=True)
class MonthProgress:
    """One plan month: hours planned and logged that month, and both running totals."""

    month: int
    month_start: str
    planned_hours: float
    logged_hours: float
    cumulative_planned: float
    cumulative_logged: float
    activity_ids: tuple[str, ...]


@dataclass(frozen=True)
class PlanProgress:
    months_elapsed: int
    planned_hours: float
    logged_hours: float
    on_track: bool
    by_month: tuple[MonthProgress, ...]
    by_item: dict[str, float] = field(default_factory=dict)


def _month_start(start: date, offset: int) -> date:
    index = start.year * 12 + start.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def _hours(gap: Gap) -> float:
    if gap.domain in (TECHNOLOGY, "esco"):
        return round(HOURS_PER_TECHNOLOGY * gap.shortfall, 1)
    return round(HOURS_PER_LEVEL * gap.shortfall, 1)


def _ordered_gaps(gaps: GapReport, first_step: set[str]) -> list[tuple[Gap, str]]:
    """Gaps the first stepping stone needs come first: they pay off soonest."""
    skills = gaps.ranked()[:SKILL_ITEMS]
    skills.sort(key=lambda g: (g.name not in first_step, -g.score))
    chosen = [(g, "first step" if g.name in first_step else "target") for g in skills]
    # In Demand (employers ask for it in postings) beats merely Hot (often named in postings).
    flagged = [g for g in gaps.technology if g.hot or g.in_demand]
    tools = sorted(flagged, key=lambda g: (not g.in_demand, -g.score, g.name))[:TECHNOLOGY_ITEMS]
    # Interleave a tool after the first two skills so practice has something concrete.
    for position, tool in enumerate(tools):
        chosen.insert(
            min(len(chosen), 2 + 2 * position),
            (tool, "in-demand tool" if tool.in_demand else "hot tool"),
        )
    return chosen


def _requirement_item(order: int, check: RequirementCheck, first: int) -> PlanItem:
    months = max(1, check.months)
    hours = round(months * REQUIREMENT_HOURS_PER_MONTH.get(check.kind, 0.0), 1)
    return PlanItem(
        order,
        check.kind,
        check.kind,
        check.need,
        0.0,
        1.0,
        hours,
        ACTIVITY_FOR.get(check.kind, "practice"),
        first,
        first + months - 1,
        "requirement",
        kind="requirement",
        sentence=check.sentence
        if not check.length or check.length in check.sentence
        else f"{check.sentence} Typical time: {check.length}.",
    )


def _gap_sentence(gap: Gap, hours: float) -> str:
    return f"{gap.sentence()[:-1]}: about {hours:g} hours."


def build_plan(gaps: GapReport, path: OccupationPath | None, months: int, start: date) -> Plan:
    """Requirements in order, then the gaps with hours by their size, then applying."""
    first_step = {g.name for g in path.steps[0].gaps} if path and len(path.steps) > 1 else set()
    items: list[PlanItem] = []
    month = 1
    for check in gaps.unmet():
        items.append(_requirement_item(len(items) + 1, check, month))
        month = items[-1].end_month + 1
    months = max(1, months, month - 1 + (MIN_SKILL_MONTHS if items else 0))
    skill_months = max(1, months - month + 1)
    ordered = _ordered_gaps(gaps, first_step)
    total = sum(_hours(gap) for gap, _ in ordered)
    per_month = round(total / skill_months, 1) if total else 0.0
    done = 0.0
    for gap, reason in ordered:
        hours = _hours(gap)
        first = int(done // per_month) if per_month else 0
        done += hours
        last = max(first + 1, min(skill_months, int(-(-done // per_month)) if per_month else 1))
        items.append(
            PlanItem(
                len(items) + 1,
                gap.domain,
                gap.element_id,
                gap.name,
                gap.evidenced_level,
                gap.level,
                hours,
                ACTIVITY_FOR.get(gap.domain, "practice"),
                month + min(first, skill_months - 1),
                month - 1 + last,
                reason,
                sentence=_gap_sentence(gap, hours),
            )
        )
    checkpoints = _checkpoints(items, gaps, months, start)
    plan_hours = checkpoints[-1].cumulative_hours if checkpoints else 0.0
    return Plan(
        target_code=gaps.target.code,
        target_title=gaps.target.title,
        created=start.isoformat(),
        months=months,
        path=path.codes if path else (),
        items=tuple(items),
        checkpoints=tuple(checkpoints),
        suggestions=tuple(_suggestions(items, gaps, path)),
        hours_per_month=round(plan_hours / months, 1),
    )


def _checkpoints(
    items: list[PlanItem], gaps: GapReport, months: int, start: date
) -> list[Checkpoint]:
    """Monthly: hours planned by then, items finishing, and milestones (applying last)."""
    checkpoints = []
    for month in range(1, months + 1):
        finishing = tuple(i.name for i in items if i.end_month == month)
        cumulative = 0.0
        for item in items:
            span = item.end_month - item.start_month + 1
            covered = min(max(0, month - item.start_month + 1), span)
            cumulative += item.hours * covered / span
        milestone = next(
            (f"{i.name}: done" for i in items if i.end_month == month and i.kind == "requirement"),
            None,
        )
        if month == months:
            milestone = f"apply for {gaps.target.title} ({gaps.target.code})"
        checkpoints.append(
            Checkpoint(
                month,
                _month_start(start, month - 1).strftime("%Y-%m"),
                round(cumulative, 1),
                finishing,
                milestone,
            )
        )
    return checkpoints


def _suggestions(items: list[PlanItem], gaps: GapReport, path: OccupationPath | None) -> list[str]:
    """What to log: the activity kinds and certifications that evidence the plan's items."""
    lines = []
    tools = [i.name for i in items if i.domain == TECHNOLOGY]
    if tools:
        lines.append(
            f"certification: a recognised certificate in {tools[0]}; log prep hours as "
            "certification-prep activities"
        )
    for item in items:
        if item.domain != TECHNOLOGY:
            lines.append(f"{item.activity}: log hours with skill '{item.name}'")
    if path and len(path.steps) > 1:
        lines.append(f"networking: talk to people working as {path.steps[0].to_title}")
    lines.append(f"mentoring: find a mentor working as {gaps.target.title}")
    return lines


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return asdict(plan)


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Rebuild a saved plan; the inverse of `plan_to_dict`."""
    return Plan(
        target_code=data["target_code"],
        target_title=data["target_title"],
        created=data["created"],
        months=int(data["months"]),
        path=tuple(data.get("path", ())),
        items=tuple(PlanItem(**item) for item in data["items"]),
        checkpoints=tuple(
            Checkpoint(**{**c, "finish": tuple(c.get("finish", ()))}) for c in data["checkpoints"]
        ),
        suggestions=tuple(data.get("suggestions", ())),
        hours_per_month=float(data["hours_per_month"]),
    )


def track_progress(plan: Plan, career: Career, today: date) -> PlanProgress:
    """Hours logged on the plan's items per month, against the plan's cumulative hours."""
    created = date.fromisoformat(plan.created)
    current = (today.year - created.year) * 12 + today.month - created.month + 1
    elapsed = max(0, min(plan.months, current))
    matcher = TermMatcher({"plan": [item.name for item in plan.items]})
    by_item: dict[str, float] = {}
    by_month: dict[int, tuple[float, list[str]]] = {}
    for activity in career.of_type(Activity):
        month = (
            (activity.date.year - created.year) * 12
            + (activity.date.month or 1)
            - created.month
            + 1
        )
        if not 1 <= month <= plan.months or activity.date.first_day() < created.replace(day=1):
            continue
        names = {
            m.name for text in (*activity.skills, activity.title or "") for m in matcher.match(text)
        }
        if not names:
            continue
        hours = activity.hours or 0.0
        for name in names:
            by_item[name] = round(by_item.get(name, 0.0) + hours / len(names), 2)
        logged, ids = by_month.get(month, (0.0, []))
        by_month[month] = (logged + hours, [*ids, activity.id])
    rows: list[MonthProgress] = []
    for month in range(1, elapsed + 1):
        logged, ids = by_month.get(month, (0.0, []))
        cumulative = plan.checkpoints[month - 1].cumulative_hours
        before = rows[-1] if rows else None
        rows.append(
            MonthProgress(
                month,
                _month_start(created, month - 1).strftime("%Y-%m"),
                round(cumulative - (before.cumulative_planned if before else 0.0), 1),
                round(logged, 2),
                cumulative,
                round(logged + (before.cumulative_logged if before else 0.0), 2),
                tuple(ids),
            )
        )
    planned = rows[-1].cumulative_planned if rows else 0.0
    if rows and current <= plan.months:
        # The current month is under way: expect only the share of its hours due by today,
        # counted from the plan's own start (so a plan made today expects nothing yet).
        month_start = max(created, _month_start(created, current - 1))
        month_end = _month_start(created, current)
        share = (today - month_start).days / max(1, (month_end - month_start).days)
        planned = round(planned - rows[-1].planned_hours * (1.0 - min(1.0, share)), 1)
    logged_total = rows[-1].cumulative_logged if rows else 0.0
    return PlanProgress(
        elapsed,
        planned,
        logged_total,
        logged_total >= ON_TRACK_SHARE * planned,
        tuple(rows),
        by_item,
    )
