"""The dashboard: the career set at a glance, verdict counts, streaks and next actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.actions.report import career_report as build_career_report
from careerset.analysis.report import CareerReport
from careerset.model.career import Career
from careerset.web.context import WebContext, get_context
from careerset.web.forms import KIND_NAMES
from careerset.web.pages import render
from careerset.web.routes.comments import career_and_comments

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def career_report(context: WebContext, career: Career | None = None) -> CareerReport:
    """The report every overview shows, computed from the store and the reference in use."""
    reference = context.reference()
    if career is None:
        career = context.career()
    return build_career_report(career, reference, context.today())


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, context: Context) -> HTMLResponse:
    career, comments = career_and_comments(context)
    report = career_report(context, career)
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
