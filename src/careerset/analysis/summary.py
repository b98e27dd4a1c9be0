"""The career set at a glance: counts, employers, time worked, skills evidenced, goals."""

from dataclasses import dataclass, field
from datetime import date

from careerset.model.career import Career, entry_span
from careerset.model.dates import PRESENT


@dataclass(frozen=True)
class EmployerLine:
    organization: str
    roles: list[str]
    start: str
    end: str


@dataclass(frozen=True)
class CareerSummary:
    name: str | None
    counts: dict[str, int]
    years_worked: float
    employers: list[EmployerLine]
    current_roles: list[str]
    employment_types: dict[str, int]
    skills: list[tuple[str, int]]
    goals: list[str]
    certifications: list[str] = field(default_factory=list)


def _days_worked(career: Career, today: date) -> int:
    """Calendar days covered by at least one job, so overlapping jobs are not counted twice."""
    spans = sorted(s for s in (entry_span(j, today) for j in career.jobs) if s is not None)
    total, cursor = 0, date.min
    for start, end in spans:
        start = max(start, cursor)
        if end >= start:
            total += (end - start).days + 1
            cursor = date.fromordinal(end.toordinal() + 1)
    return total


def summarize(career: Career, today: date) -> CareerSummary:
    counts: dict[str, int] = {}
    for entry in career.entries:
        kind = str(entry.kind)
        counts[kind] = counts.get(kind, 0) + 1
    employers = []
    for group in career.employer_groups():
        starts = [str(j.start) for j in group.jobs if j.start]
        ends = [j.end for j in group.jobs if j.end]
        end = (
            PRESENT
            if PRESENT in ends
            else (str(max(e for e in ends if e != PRESENT)) if ends else "?")
        )
        employers.append(
            EmployerLine(
                organization=group.organization or "(no organization)",
                roles=[j.title for j in group.jobs],
                start=min(starts) if starts else "?",
                end=end,
            )
        )
    types: dict[str, int] = {}
    for job in career.jobs:
        key = job.employment_type.value if job.employment_type else "unspecified"
        types[key] = types.get(key, 0) + 1
    skills = sorted(
        ((name, len(ids)) for name, ids in career.skills_evidenced().items()),
        key=lambda item: (-item[1], item[0]),
    )
    return CareerSummary(
        name=career.person.name,
        counts=dict(sorted(counts.items())),
        years_worked=round(_days_worked(career, today) / 365.25, 1),
        employers=employers,
        current_roles=[j.label for j in career.jobs if j.end == PRESENT],
        employment_types=types,
        skills=skills,
        goals=[g.statement for g in career.goals],
        certifications=[c.name for c in career.certifications],
    )
