"""The data status page: which store and profile are open, and which reference data is in use."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


@router.get("/status", response_class=HTMLResponse)
def status_page(request: Request, context: Context) -> HTMLResponse:
    return render(request, "status.html", status=context.data_status())
