"""Reviewing the occupation codes the coder stored: the jobs coded but not yet confirmed, with
choices to pick from, and jobs stored with codes the reference does not know.

`careerset codes review` and the web page /codes both call these functions.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerset.model.entries import Entry, Job
from careerset.model.enums import CodeSource

if TYPE_CHECKING:
    from careerset.coding.autocode import Suggestion
    from careerset.coding.service import Coder
    from careerset.store.repository import StoreSession


@dataclass(frozen=True)
class ReviewItem:
    """One job whose code the coder chose: its code first among the choices."""

    job_id: str
    title: str
    code: str | None
    confidence: float | None
    choices: list["Suggestion"] = field(default_factory=list)


@dataclass(frozen=True)
class CodeReview:
    """What there is to review in one career."""

    to_confirm: list[ReviewItem]
    unknown: list[ReviewItem]  # jobs whose stored code the reference does not know


def review_codes(
    entries: Sequence[Entry], coder: "Coder", known: Iterable[str], choices: int = 3
) -> CodeReview:
    """The jobs coded but unconfirmed (least confident first) and the jobs with unknown codes."""
    from careerset.coding.autocode import Suggestion, suggestions_for

    codes = frozenset(known)
    jobs = [entry for entry in entries if isinstance(entry, Job) and entry.occupation_code]
    unknown = [
        ReviewItem(job.id, job.title, job.occupation_code, job.occupation_confidence)
        for job in jobs
        if job.occupation_code not in codes
    ]
    pending: list[ReviewItem] = []
    for job in jobs:
        if job.occupation_source != CodeSource.CODED or job.occupation_code not in codes:
            continue
        code = str(job.occupation_code)
        confidence = job.occupation_confidence or 0.0
        title = (
            coder.index.titles[coder.index.codes.index(code)] if code in coder.index.codes else ""
        )
        options = [Suggestion(code, title, confidence)]
        options += [s for s in suggestions_for(coder, job, choices + 1) if s.code != code]
        pending.append(ReviewItem(job.id, job.title, code, confidence, options[:choices]))
    pending.sort(key=lambda item: (item.confidence or 0.0, item.job_id))
    return CodeReview(pending, unknown)


def confirm_code(session: "StoreSession", profile: str, job_id: str, code: str | None) -> Job:
    """Store `code` for the job as confirmed (checked against the reference), or with None
    clear the job's code. Returns the stored job."""
    from careerset.coding.autocode import with_code
    from careerset.coding.validation import check_entry_codes
    from careerset.errors import UserError

    job = session.get_entry(profile, job_id)
    if not isinstance(job, Job):
        raise UserError(f"Entry {job_id} is not a job.")
    if code is None:
        cleared = Job.model_validate(
            {
                **job.model_dump(),
                "occupation_code": None,
                "occupation_source": None,
                "occupation_confidence": None,
            }
        )
        stored = session.update_entry(profile, cleared)
    else:
        updated = with_code(job, code, CodeSource.CONFIRMED)
        if updated is None:
            raise UserError(f"{code!r} is not an O*NET-SOC code such as 29-1141.00.")
        check_entry_codes([updated])
        stored = session.update_entry(profile, updated)
    assert isinstance(stored, Job)
    return stored
