"""`Career`: the set of everything a person builds through work, with its set views."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from careerset.model.dates import PRESENT, EndDate, PartialDate, end_day
from careerset.model.entries import (
    Activity,
    Certification,
    Contact,
    Education,
    Entry,
    Goal,
    InterestProfile,
    Job,
    Skill,
)
from careerset.model.person import Person

E = TypeVar("E", bound=Entry)


@dataclass(frozen=True)
class EmployerGroup:
    """Several roles at one organization, shown together by views."""

    organization: str | None
    jobs: tuple[Job, ...]


@dataclass(frozen=True)
class Career:
    """A value object over all of one person's entries; every view is computed, nothing stored twice."""

    entries: tuple[Entry, ...] = ()
    person: Person = field(default_factory=Person)

    @classmethod
    def of(cls, entries: Iterable[Entry], person: Person | None = None) -> "Career":
        return cls(tuple(entries), person or Person())

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def of_type(self, kind: type[E]) -> list[E]:
        return [entry for entry in self.entries if isinstance(entry, kind)]

    def get(self, entry_id: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    @property
    def jobs(self) -> list[Job]:
        """Jobs in time order; undated jobs last, so views stay stable."""
        return sorted(self.of_type(Job), key=_start_key)

    @property
    def goals(self) -> list[Goal]:
        return self.of_type(Goal)

    @property
    def certifications(self) -> list[Certification]:
        return self.of_type(Certification)

    @property
    def education(self) -> list[Education]:
        return self.of_type(Education)

    @property
    def activities(self) -> list[Activity]:
        return sorted(self.of_type(Activity), key=lambda a: a.date.sort_key())

    @property
    def contacts(self) -> list[Contact]:
        return self.of_type(Contact)

    @property
    def interest_profile(self) -> InterestProfile | None:
        """The most recent interest profile, if any."""
        profiles = self.of_type(InterestProfile)
        if not profiles:
            return None
        return max(profiles, key=lambda p: p.date.sort_key() if p.date else (0, 0, 0))

    def skills_evidenced(self) -> dict[str, list[str]]:
        """The union of skills named anywhere: lower-cased name -> ids of the entries that show it."""
        found: dict[str, list[str]] = {}

        def add(name: str, entry_id: str) -> None:
            ids = found.setdefault(name.strip().lower(), [])
            if entry_id not in ids:
                ids.append(entry_id)

        for entry in self.entries:
            if isinstance(entry, Skill):
                add(entry.name, entry.id)
                for evidence_id in entry.evidence:
                    add(entry.name, evidence_id)
            elif isinstance(entry, (Job, Activity)):
                for name in entry.skills:
                    add(name, entry.id)
        return found

    def in_period(self, start: date, end: date, today: date) -> list[Entry]:
        """Entries whose own dates touch [start, end]; undated entries are left out."""
        return [e for e in self.entries if _touches(e, start, end, today)]

    def employer_groups(self) -> list[EmployerGroup]:
        """Jobs grouped by organization (case-insensitive), groups ordered by their first role."""
        groups: dict[str, list[Job]] = {}
        for job in self.jobs:
            key = (job.organization or "").strip().casefold() or f"\0{job.id}"
            groups.setdefault(key, []).append(job)
        return [EmployerGroup(jobs[0].organization, tuple(jobs)) for jobs in groups.values()]

    def tagged(self, tags: Iterable[str]) -> "Career":
        """The subset carrying any of `tags` (plus everything untagged-but-essential stays out)."""
        wanted = {t.casefold() for t in tags}
        kept = [e for e in self.entries if wanted & {t.casefold() for t in e.tags}]
        return Career(tuple(kept), self.person)


def _start_key(job: Job) -> tuple[int, tuple[int, int, int], str]:
    if job.start is None:
        return (1, (0, 0, 0), job.id)
    return (0, job.start.sort_key(), job.id)


def entry_span(entry: Entry, today: date) -> tuple[date, date] | None:
    """The days an entry covers: a period for dated ranges, one day for dated events."""
    start: PartialDate | None = getattr(entry, "start", None)
    end: EndDate | None = getattr(entry, "end", None)
    if start is not None:
        last = end_day(end, today) if end is not None else start.last_day()
        return (start.first_day(), max(last or start.last_day(), start.first_day()))
    when: PartialDate | None = getattr(entry, "date", None)
    if isinstance(when, PartialDate):
        return (when.first_day(), when.last_day())
    return None


def _touches(entry: Entry, start: date, end: date, today: date) -> bool:
    span = entry_span(entry, today)
    return span is not None and span[0] <= end and span[1] >= start


def is_current(entry: Entry) -> bool:
    return getattr(entry, "end", None) == PRESENT
