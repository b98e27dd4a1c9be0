"""Gaps, paths and plan: what stands between the career and a target occupation, and how to close it.

Each analysis may lack the reference data it needs; the page then says so in one line
instead of failing, so the others still show. The work is the next-steps use case's.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from careerset.actions.next_steps import NextSteps, next_steps, plan_for
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def compute_next_steps(context: WebContext, target: str | None) -> NextSteps:
    """Gaps, paths, plan and nearby occupations for `target` (or the goal's), as far as data allows."""
    return next_steps(context.career(), context.reference(), target, context.today())


@router.get("/next-steps", response_class=HTMLResponse)
def next_steps_page(
    request: Request,
    context: Context,
    target: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    steps = compute_next_steps(context, target)
    return render(request, "next_steps.html", steps=steps)


@router.post("/next-steps/plan")
def save_plan(context: Context, target: Annotated[str, Form(max_length=40)]) -> RedirectResponse:
    """Keep the plan for `target` in its goal (made if needed), as `careerset plan` does."""
    with context.transaction() as session:
        career = session.load_career(context.profile)
        plan_for(session, context.profile, career, context.reference(), target, context.today())
    return RedirectResponse(f"/next-steps?target={quote(target, safe='')}", 303)
