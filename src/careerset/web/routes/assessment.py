"""The assessment page: a timeline coloured by verdict, career patterns, and each job's reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.actions.report import assessment_report
from careerset.analysis.components import LABELS
from careerset.analysis.verdict import JobVerdict
from careerset.model.career import entry_span
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

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


@dataclass(frozen=True)
class YearTick:
    """A 1 January on the timeline's axis, in SVG units of `SCALE`."""

    year: int
    x: int

    @property
    def percent(self) -> float:
        return round(100 * self.x / SCALE, 2)


# Year steps for the axis: the smallest that keeps it to about eight labels.
TICK_STEPS = (1, 2, 5, 10, 20, 50)
MAX_TICKS = 8


def year_ticks(first: date, last: date) -> list[YearTick]:
    """1 January of every year (or every 2, 5, 10...) strictly inside the span."""
    total = max((last - first).days, 1)
    years = range(first.year + 1, last.year + 1)
    step = next((s for s in TICK_STEPS if len(years) / s <= MAX_TICKS), TICK_STEPS[-1])
    return [
        YearTick(year, round(SCALE * (date(year, 1, 1) - first).days / total))
        for year in years
        if year % step == 0
    ]


def timeline(
    verdicts: list[JobVerdict], today: date
) -> tuple[list[TimelineBar], str, str, list[YearTick]]:
    """Bars for the dated jobs, the first and last year shown, and the year ticks."""
    spans = [(v, entry_span(v.job, today)) for v in verdicts]
    dated = [(v, s) for v, s in spans if s is not None]
    if not dated:
        return [], "", "", []
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
    return bars, str(first.year), str(last.year), year_ticks(first, last)


@router.get("/assessment", response_class=HTMLResponse)
def assessment_page(request: Request, context: Context) -> HTMLResponse:
    career, comments = context.career_and_comments()
    report = assessment_report(career, context.reference(), context.today())
    bars, first_year, last_year, ticks = timeline(report.assessment.verdicts, report.today)
    return render(
        request,
        "assessment.html",
        report=report,
        assessment=report.assessment,
        metrics=report.metrics,
        bars=bars,
        first_year=first_year,
        last_year=last_year,
        ticks=ticks,
        labels=LABELS,
        scale=SCALE,
        comments=comments,
    )
