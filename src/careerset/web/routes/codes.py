"""Review of occupation codes: confirm or correct the codes the coder chose (as `careerset codes
review` does); the logic lives in careerset.actions.code_review."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerset.actions.code_review import confirm_code, review_codes
from careerset.coding.validation import known_occupation_codes
from careerset.errors import UserError
from careerset.model.entries import Job
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def _page(request: Request, context: Context, error: str | None, saved: str | None) -> HTMLResponse:
    with context.transaction() as session:
        jobs = [e for e in session.list_entries(context.profile, "job") if isinstance(e, Job)]
    review = review_codes(jobs, context.coder(), known_occupation_codes())
    return render(
        request,
        "codes.html",
        status_code=400 if error else 200,
        review=review,
        error=error,
        saved=saved,
    )


@router.get("/codes", response_class=HTMLResponse)
def codes_page(request: Request, context: Context, saved: str | None = None) -> HTMLResponse:
    return _page(request, context, None, saved)


@router.post("/codes/{entry_id}", response_class=HTMLResponse)
async def confirm(request: Request, entry_id: str, context: Context) -> Response:
    form = await request.form()
    code = str(form.get("other") or form.get("code") or "").strip()[:20]
    try:
        with context.transaction() as session:
            session.get_entry(context.profile, entry_id)
    except UserError as error:
        if type(error) is not UserError:
            raise
        raise HTTPException(404, error.message) from None
    if code.casefold() in ("", "skip"):
        return RedirectResponse("/codes", 303)
    try:
        with context.transaction() as session:
            confirm_code(session, context.profile, entry_id, code)
    except UserError as error:
        if type(error) is not UserError:
            raise  # refused access keeps its own status (403/404)
        return _page(request, context, error.message, None)
    return RedirectResponse(f"/codes?saved={entry_id}", 303)
