"""The assessment page: a timeline coloured by verdict, career patterns, and each job's reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.analysis.components import LABELS
from careerset.analysis.verdict import JobVerdict
from careerset.model.career import entry_span
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render
from careerset.web.routes.comments import career_and_comments
from careerset.web.routes.dashboard import career_report

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]

SCALE = 1000  # timeline bars are drawn in a 0-1000 SVG coordinate space


@dataclass(frozen=True)
class TimelineBar:
    """Where one job sits on the timeline, in SVG units of `SCALE`."""

    verdict: JobVerdict
    x: int
    width: int
    period: str


def timeline(verdicts: list[JobVerdict], today: date) -> tuple[list[TimelineBar], str, str]:
    """Bars for the dated jobs, and the first and last year shown."""
    spans = [(v, entry_span(v.job, today)) for v in verdicts]
    dated = [(v, s) for v, s in spans if s is not None]
    if not dated:
        return [], "", ""
    first = min(s[0] for _, s in dated)
    last = max(s[1] for _, s in dated)
    total = max((last - first).days, 1)
    bars = []
    for verdict, (start, end) in dated:
        x = round(SCALE * (start - first).days / total)
        width = max(round(SCALE * (end - start).days / total), 4)
        job = verdict.job
        bars.append(
            TimelineBar(verdict, x, min(width, SCALE - x), f"{job.start} – {job.end or '?'}")
        )
    return bars, str(first.year), str(last.year)


@router.get("/assessment", response_class=HTMLResponse)
def assessment_page(request: Request, context: Context) -> HTMLResponse:
    career, comments = career_and_comments(context)
    report = career_report(context, career)
    bars, first_year, last_year = timeline(report.assessment.verdicts, report.today)
    return render(
        request,
        "assessment.html",
        report=report,
        assessment=report.assessment,
        metrics=report.metrics,
        bars=bars,
        first_year=first_year,
        last_year=last_year,
        labels=LABELS,
        scale=SCALE,
        comments=comments,
    )
