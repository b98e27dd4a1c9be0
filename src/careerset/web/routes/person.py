"""About you: the person's name, headline, contact details and location (the CV's header)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerset.errors import UserError
from careerset.model.person_details import DETAIL_FIELDS, detail_values, with_details
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
# Longer than any field accepts: the model names the field that is too long.
MAX_FIELD = 25_000


def _page(
    request: Request, values: dict[str, str], error: str | None, saved: bool, status: int = 200
) -> HTMLResponse:
    return render(
        request,
        "person.html",
        status_code=status,
        fields=DETAIL_FIELDS,
        values=values,
        error=error,
        saved=saved,
    )


@router.get("/person", response_class=HTMLResponse)
def person_page(request: Request, context: Context, saved: bool = False) -> HTMLResponse:
    return _page(request, detail_values(context.career().person), None, saved)


@router.post("/person", response_class=HTMLResponse)
async def save_person(request: Request, context: Context) -> Response:
    form = await request.form()
    values = {
        name: str(form.get(name) or "")[:MAX_FIELD] for name in DETAIL_FIELDS
    }
    try:
        with context.transaction() as session:
            person = with_details(session.load_career(context.profile).person, dict(values))
            session.set_person(context.profile, person)
    except UserError as error:
        if type(error) is not UserError:
            raise  # refused access keeps its own status (403/404)
        return _page(request, values, error.message, False, 400)
    return RedirectResponse("/person?saved=true", 303)
