"""The interest profiler page: 60 items answered one at a time, saved after each, resumable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from careerset.analysis.interests import (
    ANSWER_LABELS,
    FIELDS,
    LETTERS,
    TYPE_NAMES,
    RiasecScores,
    profiler_items,
    score_answers,
)
from careerset.analysis.verdict import usable_profile
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import InterestProfile, new_id
from careerset.model.enums import InterestScale, InterestSource
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def in_progress(career: Career) -> InterestProfile | None:
    """The latest profiler run that still has unanswered items."""
    runs = [
        p
        for p in career.of_type(InterestProfile)
        if p.source == InterestSource.PROFILER and None in p.answers
    ]
    return max(runs, key=lambda p: (str(p.updated or p.created or ""), p.id)) if runs else None


def _save(context: WebContext, entry_id: str, answers: list[int | None]) -> None:
    """Store the answers so far, with their running scores, in one InterestProfile entry."""
    result = score_answers(answers)
    entry = InterestProfile(
        id=entry_id,
        scale=InterestScale.RAW,
        source=InterestSource.PROFILER,
        answers=answers,
        date=PartialDate.from_date(context.today()) if result.complete else None,
        **dict(zip(FIELDS, result.scores.values(), strict=True)),
    )
    with context.transaction() as session:
        session.put_entry(context.profile, entry)


def score_rows(scores: RiasecScores) -> list[dict[str, object]]:
    """One row per RIASEC type: name, letter, raw value and O*NET-scale value (for bars)."""
    onet = scores.to_onet().values()
    return [
        {"name": name, "letter": letter, "value": value, "onet": converted}
        for name, letter, value, converted in zip(
            TYPE_NAMES, LETTERS, scores.values(), onet, strict=True
        )
    ]


@router.get("/profiler", response_class=HTMLResponse)
def profiler_page(request: Request, context: Context) -> HTMLResponse:
    career = context.career()
    current = in_progress(career)
    items = profiler_items()
    finished = usable_profile(career)
    question = None
    if current is not None:
        answers = list(current.answers) + [None] * (len(items) - len(current.answers))
        index = answers.index(None)
        question = {"index": index, "item": items[index], "answered": index}
    return render(
        request,
        "profiler.html",
        question=question,
        total=len(items),
        labels=ANSWER_LABELS,
        finished=finished,
        scores=None if finished is None else RiasecScores.of_profile(finished),
        score_rows=score_rows,
    )


@router.post("/profiler/start")
def start(context: Context) -> RedirectResponse:
    """Begin a new run (an earlier unfinished one is left to be replaced by this)."""
    career = context.career()
    current = in_progress(career)
    entry_id = current.id if current is not None else f"interests-{new_id()}"
    _save(context, entry_id, [None] * len(profiler_items()))
    return RedirectResponse("/profiler", 303)


def _current(context: WebContext) -> tuple[str, list[int | None]]:
    current = in_progress(context.career())
    if current is None:
        raise HTTPException(409, "No profiler run is in progress; start one first.")
    total = len(profiler_items())
    return current.id, list(current.answers) + [None] * (total - len(current.answers))


@router.post("/profiler/answer")
def answer(
    context: Context,
    index: Annotated[int, Form(ge=0, le=59)],
    value: Annotated[int, Form(ge=0, le=4)],
) -> RedirectResponse:
    entry_id, answers = _current(context)
    # Only the question on screen may be answered, so a resubmitted old page changes nothing.
    if answers.index(None) == index:
        answers[index] = value
        _save(context, entry_id, answers)
    return RedirectResponse("/profiler", 303)


@router.post("/profiler/back")
def back(context: Context) -> RedirectResponse:
    entry_id, answers = _current(context)
    position = answers.index(None)
    if position > 0:
        answers[position - 1] = None
        _save(context, entry_id, answers)
    return RedirectResponse("/profiler", 303)
