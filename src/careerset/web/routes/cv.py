"""The CV page: a preview of the rendered CV and a download in every format that works here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from careerset.web.context import WebContext, get_context
from careerset.web.cv_formats import BY_KEY, FORMATS, availability, render_cv
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]

# The rendered CV carries its own inline CSS; it may be framed by our page but runs nothing.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
)


@router.get("/cv", response_class=HTMLResponse)
def cv_page(request: Request) -> HTMLResponse:
    reasons = availability()
    return render(
        request, "cv.html", formats=FORMATS, reasons=reasons, preview=reasons["html"] is None
    )


@router.get("/cv/preview", response_class=HTMLResponse)
def cv_preview(context: Context) -> Response:
    try:
        body = render_cv("html", context.career(), context.today())
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": PREVIEW_POLICY, "x-frame-options": "SAMEORIGIN"},
    )


@router.get("/cv/download/{key}")
def cv_download(key: str, context: Context) -> Response:
    cv_format = BY_KEY.get(key)
    if cv_format is None:
        raise HTTPException(404, f"There is no CV format '{key[:20]}'.")
    try:
        body = render_cv(key, context.career(), context.today(), context.reference())
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    filename = f"cv-{context.profile}.{cv_format.suffix}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in filename)
    return Response(
        body,
        media_type=cv_format.media_type,
        headers={"content-disposition": f'attachment; filename="{safe}"'},
    )
