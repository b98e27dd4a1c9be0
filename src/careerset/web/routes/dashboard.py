"""The dashboard: the career set at a glance, verdict counts, streaks and next actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.analysis.report import CareerReport, build_report
from careerset.web.context import WebContext, get_context
from careerset.web.forms import KIND_NAMES
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def career_report(context: WebContext) -> CareerReport:
    """The report every overview shows, computed from the store and the reference in use."""
    reference = context.reference()
    return build_report(context.career(), context.today(), reference, reference_kind=reference.kind)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, context: Context) -> HTMLResponse:
    report = career_report(context)
    return render(
        request,
        "dashboard.html",
        report=report,
        summary=report.summary,
        metrics=report.metrics,
        counts=report.verdict_counts(),
        kind_names=KIND_NAMES,
        empty=not report.summary.counts,
    )
