"""The dashboard: the career set at a glance, verdict counts, streaks and next actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.actions.report import career_report
from careerset.web.context import WebContext, get_context
from careerset.web.forms import KIND_NAMES
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, context: Context) -> HTMLResponse:
    career, comments = context.career_and_comments()
    report = career_report(career, context.reference(), context.today())
    return render(
        request,
        "dashboard.html",
        report=report,
        summary=report.summary,
        metrics=report.metrics,
        counts=report.verdict_counts(),
        kind_names=KIND_NAMES,
        empty=not report.summary.counts,
        comments=comments,
    )
