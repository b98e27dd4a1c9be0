"""Coding the jobs a person adds or imports: the coder's best occupation, kept when confident.

`add job`, every import that is not a lossless backup (JSON Resume, LinkedIn, RenderCV) and
the web job form share these rules, so they agree on the threshold and on what is stored:
the code, its confidence and the source "coded" — or "confirmed" (confidence 1.0) once the
person agreed to the code or gave another one.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from careerset.coding.validation import check_entry_codes
from careerset.model.entries import Entry, Job
from careerset.model.enums import CodeSource

if TYPE_CHECKING:
    from careerset.coding.service import Coder

# The confidence is the calibrated probability that the code is right (6-digit SOC): below one
# half the guess is more often wrong than right, so such jobs stay uncoded.
MIN_CONFIDENCE = 0.5
# Under this, a person at a terminal picks from the top three rather than confirming one.
ASK_BELOW = 0.7


class Suggestion(NamedTuple):
    """The coder's best occupation for one job."""

    code: str
    title: str
    confidence: float


JobCoder = Callable[[Sequence[Job]], list[Suggestion | None]]
"""The best occupation for each of many jobs at once (None: nothing recognisable)."""


def needs_code(entry: Entry) -> bool:
    """A job without an occupation code."""
    return isinstance(entry, Job) and not entry.occupation_code


def best_suggestions(coder: "Coder", jobs: Sequence[Job]) -> list[Suggestion | None]:
    """The coder's top match for each job's title, with its summary as extra evidence."""
    if not jobs:
        return []
    found = coder.code_many([job.title for job in jobs], [job.summary for job in jobs], top=1)
    return [
        Suggestion(matches[0].code, matches[0].title, min(max(matches[0].score, 0.0), 1.0))
        if matches
        else None
        for matches in found
    ]


def suggestions_for(coder: "Coder", job: Job, top: int = 3) -> list[Suggestion]:
    """The coder's `top` occupations for one job, best first."""
    [matches] = coder.code_many([job.title], [job.summary], top=top)
    return [
        Suggestion(match.code, match.title, min(max(match.score, 0.0), 1.0)) for match in matches
    ]


def job_coder(coder: "Coder") -> JobCoder:
    """A `JobCoder` over a loaded `Coder`."""

    def code(jobs: Sequence[Job]) -> list[Suggestion | None]:
        return best_suggestions(coder, jobs)

    return code


def load_job_coder(
    confirmed: Iterable[tuple[str, str]] = (),
    on_build: Callable[[str], None] | None = None,
) -> JobCoder:
    """The O*NET coder of the reference in use (a pack, or the embedded default), aware of a
    store's confirmed (title, code) pairs. `on_build` hears one sentence before the index is
    built (about 2 s for the embedded default, a minute for a full pack)."""
    from careerset.coding.service import load_coder

    return job_coder(load_coder("onet", confirmed, on_build))


def confident(suggestion: Suggestion | None, minimum: float = MIN_CONFIDENCE) -> Suggestion | None:
    """The suggestion when it is at least `minimum` confident, else None."""
    return suggestion if suggestion is not None and suggestion.confidence >= minimum else None


def with_code(
    job: Job, code: str, source: CodeSource, confidence: float | None = None
) -> Job | None:
    """The job with this occupation code; confirmed codes get confidence 1.0.

    None when the code does not fit the O*NET-SOC field (e.g. an ESCO URI).
    """
    if source == CodeSource.CONFIRMED:
        confidence = 1.0
    data = {
        **job.model_dump(),
        "occupation_code": code,
        "occupation_source": source,
        "occupation_confidence": None
        if confidence is None
        else round(min(max(confidence, 0.0), 1.0), 4),
    }
    try:
        return Job.model_validate(data)
    except ValidationError:
        return None


def code_jobs(
    entries: Sequence[Entry], coder: JobCoder, minimum: float = MIN_CONFIDENCE
) -> list[Entry]:
    """The entries with every job that has no occupation code coded by `coder`, when confident.

    Other entries, jobs that already have a code, and jobs the coder is unsure of are unchanged.
    """
    check_entry_codes(entries)
    uncoded = [position for position, entry in enumerate(entries) if needs_code(entry)]
    result = list(entries)
    if not uncoded:
        return result
    jobs = [entries[position] for position in uncoded]
    suggestions = coder([job for job in jobs if isinstance(job, Job)])
    for position, suggestion in zip(uncoded, suggestions, strict=True):
        found = confident(suggestion, minimum)
        job = result[position]
        if found is None or not isinstance(job, Job):
            continue
        coded = with_code(job, found.code, CodeSource.CODED, found.confidence)
        if coded is not None:
            result[position] = coded
    return result


def code_with(
    entries: Sequence[Entry],
    coder: "Coder",
    confirmed: Iterable[tuple[str, str]] = (),
    minimum: float = MIN_CONFIDENCE,
) -> list[Entry]:
    """`code_jobs` with an already loaded coder (the web app keeps one per process), taught
    the store's `confirmed` (title, code) pairs first."""
    if not any(needs_code(entry) for entry in entries):
        check_entry_codes(entries)
        return list(entries)
    pairs = list(confirmed)
    if pairs:
        from careerset.coding.service import Coder

        coder = Coder(coder.index, pairs, coder.weights)
    return code_jobs(entries, job_coder(coder), minimum)


def code_job(
    job: Job,
    coder: "Coder",
    confirmed: Iterable[tuple[str, str]] = (),
    minimum: float = MIN_CONFIDENCE,
) -> Job:
    """One job coded (source "coded") when it has no code and the coder is confident, else the
    job as it is (the web job form)."""
    [coded] = code_with([job], coder, confirmed, minimum)
    return coded if isinstance(coded, Job) else job


class Answer(NamedTuple):
    """What a person answered to "Code as ...? [Y/n/other code]"."""

    code: str | None  # the code to store as confirmed; None: leave the job uncoded
    problem: str | None = None  # set when the answer was not understood: ask again


def read_answer(text: str, suggestion: Suggestion, known: Iterable[str]) -> Answer:
    """Yes (or Enter) confirms the suggestion, no leaves the job uncoded, a code corrects it.

    A code may leave out ".00"; one the reference does not know is not accepted.
    """
    answer = text.strip()
    lowered = answer.casefold()
    if lowered in ("", "y", "yes"):
        return Answer(suggestion.code)
    if lowered in ("n", "no"):
        return Answer(None)
    codes = set(known)
    for candidate in (answer, f"{answer}.00"):
        if candidate in codes:
            return Answer(candidate)
    return Answer(
        None,
        f"'{answer[:30]}' is not an O*NET-SOC occupation code such as {suggestion.code}; "
        "answer y, n or a code.",
    )


def read_choice(
    text: str, options: Sequence[Suggestion], known: Iterable[str], skip_default: bool
) -> Answer:
    """A pick from a numbered list of suggestions: a number, a code, "skip" (or "n"), or Enter
    (the first option, or skip when `skip_default`)."""
    answer = text.strip()
    lowered = answer.casefold()
    if lowered == "":
        return Answer(None if skip_default else options[0].code)
    if lowered in ("s", "skip", "n", "no"):
        return Answer(None)
    if lowered.isdigit() and 1 <= int(lowered) <= len(options):
        return Answer(options[int(lowered) - 1].code)
    codes = set(known)
    for candidate in (answer, f"{answer}.00"):
        if candidate in codes:
            return Answer(candidate)
    return Answer(
        None,
        f"'{answer[:30]}' is not one of the numbers or an O*NET-SOC code such as "
        f"{options[0].code}; answer a number, a code or skip.",
    )
