"""The interest profiler: the run in progress, saving answers after each one, and the result.

The terminal (`careerset interests take`) and the web page both work through these, so a run
started in one can be finished in the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careerset.analysis.interests import FIELDS, RiasecScores, profiler_items, score_answers
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import InterestProfile, new_id
from careerset.model.enums import InterestScale, InterestSource

if TYPE_CHECKING:
    from careerset.store.repository import StoreSession


@dataclass
class ProfilerRun:
    """One run of the profiler: its entry id and the answers so far (None: not yet answered)."""

    entry_id: str
    answers: list[int | None]

    @property
    def answered(self) -> int:
        return sum(answer is not None for answer in self.answers)

    @property
    def next_index(self) -> int | None:
        """The first unanswered item, or None when every item is answered."""
        return next((i for i, a in enumerate(self.answers) if a is None), None)

    @property
    def complete(self) -> bool:
        return self.next_index is None


def in_progress(career: Career) -> InterestProfile | None:
    """The latest profiler run that still has unanswered items."""
    runs = [
        p
        for p in career.of_type(InterestProfile)
        if p.source == InterestSource.PROFILER and None in p.answers
    ]
    return max(runs, key=lambda p: (str(p.updated or p.created or ""), p.id)) if runs else None


def current_run(career: Career, restart: bool = False) -> ProfilerRun:
    """The run to go on with (the one in progress unless `restart`), or a new one."""
    total = len(profiler_items())
    current = None if restart else in_progress(career)
    if current is None:
        return ProfilerRun(f"interests-{new_id()}", [None] * total)
    answers = list(current.answers) + [None] * (total - len(current.answers))
    return ProfilerRun(current.id, answers[:total])


def save_run(session: StoreSession, profile: str, run: ProfilerRun, today: date) -> RiasecScores:
    """Store the answers so far, with their running scores, in the run's one InterestProfile."""
    result = score_answers(run.answers)
    entry = InterestProfile(
        id=run.entry_id,
        scale=InterestScale.RAW,
        source=InterestSource.PROFILER,
        answers=run.answers,
        date=PartialDate.from_date(today) if result.complete else None,
        **dict(zip(FIELDS, result.scores.values(), strict=True)),
    )
    session.put_entry(profile, entry)
    return result.scores


def answer(run: ProfilerRun, index: int, value: int) -> bool:
    """Answer item `index` if it is the one being asked (a resubmitted old page changes nothing)."""
    if run.next_index != index:
        return False
    run.answers[index] = value
    return True


def go_back(run: ProfilerRun) -> bool:
    """Clear the last answer, so its item is asked again; False at the first item."""
    position = run.next_index if run.next_index is not None else len(run.answers)
    if position == 0:
        return False
    run.answers[position - 1] = None
    return True
