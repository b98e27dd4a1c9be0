"""The interest profiler page: 60 items answered one at a time, saved after each, resumable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from careerset.actions.profiler import (
    ProfilerRun,
    current_run,
    go_back,
    in_progress,
    save_run,
)
from careerset.actions.profiler import answer as answer_item
from careerset.analysis.interests import (
    ANSWER_LABELS,
    LETTERS,
    TYPE_NAMES,
    RiasecScores,
    profiler_items,
)
from careerset.analysis.verdict import usable_profile
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


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
    items = profiler_items()
    finished = usable_profile(career)
    question = None
    if in_progress(career) is not None:
        run = current_run(career)
        index = run.next_index
        if index is not None:
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
    """Begin a new run (an earlier unfinished one is replaced by this)."""
    with context.transaction() as session:
        career = session.load_career(context.profile)
        run = current_run(career)
        run.answers = [None] * len(run.answers)
        save_run(session, context.profile, run, context.today())
    return RedirectResponse("/profiler", 303)


def _change(context: WebContext, change: Callable[[ProfilerRun], bool]) -> None:
    """Apply `change` to the run in progress and save it; 409 when no run is in progress."""
    with context.transaction() as session:
        career = session.load_career(context.profile)
        if in_progress(career) is None:
            raise HTTPException(409, "No profiler run is in progress; start one first.")
        run = current_run(career)
        if change(run):
            save_run(session, context.profile, run, context.today())


@router.post("/profiler/answer")
def answer(
    context: Context,
    index: Annotated[int, Form(ge=0, le=59)],
    value: Annotated[int, Form(ge=0, le=4)],
) -> RedirectResponse:
    _change(context, lambda run: answer_item(run, index, value))
    return RedirectResponse("/profiler", 303)


@router.post("/profiler/back")
def back(context: Context) -> RedirectResponse:
    _change(context, go_back)
    return RedirectResponse("/profiler", 303)
