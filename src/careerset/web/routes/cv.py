"""The CV page: choose a design, tags, a start year, a target and a page budget; preview the
CV and download it in every format that works here."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from careerset.actions.cv import DESIGNS, MAX_PAGES, cv_options
from careerset.render.cv_tailor import CvOptions
from careerset.web.context import WebContext, get_context
from careerset.web.cv_formats import BY_KEY, FORMATS, availability, render_cv
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]

# The rendered CV carries its own inline CSS; it may be framed by our page but runs nothing.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
)


class CvQuery:
    """The CV options as query parameters (every field optional), shared by the three routes."""

    def __init__(
        self,
        design: Annotated[str, Query(max_length=20)] = "classic",
        tags: Annotated[str, Query(max_length=400)] = "",
        since: Annotated[int | None, Query(ge=1000, le=2999)] = None,
        target: Annotated[str, Query(max_length=40)] = "",
        max_pages: Annotated[int | None, Query(ge=1, le=MAX_PAGES)] = None,
    ) -> None:
        self.values = {
            "design": design,
            "tags": tags,
            "since": since,
            "target": target,
            "max_pages": max_pages,
        }
        self.options: CvOptions = cv_options(design, tags, since, target or None, max_pages)

    def query(self) -> str:
        """The chosen options as a query string ("" for the defaults)."""
        chosen = {k: v for k, v in self.values.items() if v not in (None, "", "classic")}
        return f"?{urlencode(chosen)}" if chosen else ""


Options = Annotated[CvQuery, Depends()]


@router.get("/cv", response_class=HTMLResponse)
def cv_page(request: Request, chosen: Options) -> HTMLResponse:
    reasons = availability()
    return render(
        request,
        "cv.html",
        formats=FORMATS,
        reasons=reasons,
        preview=reasons["html"] is None,
        designs=DESIGNS,
        values=chosen.values,
        query=chosen.query(),
        max_pages=MAX_PAGES,
    )


@router.get("/cv/preview", response_class=HTMLResponse)
def cv_preview(context: Context, chosen: Options) -> Response:
    try:
        body = render_cv(
            "html",
            context.career(),
            context.today(),
            context.reference() if chosen.options.target else None,
            chosen.options,
        )
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": PREVIEW_POLICY, "x-frame-options": "SAMEORIGIN"},
    )


@router.get("/cv/download/{key}")
def cv_download(key: str, context: Context, chosen: Options) -> Response:
    cv_format = BY_KEY.get(key)
    if cv_format is None:
        raise HTTPException(404, f"There is no CV format '{key[:20]}'.")
    try:
        body = render_cv(
            key, context.career(), context.today(), context.reference(), chosen.options
        )
    except LookupError as error:
        raise HTTPException(404, str(error)) from None
    filename = f"cv-{context.profile}.{cv_format.suffix}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in filename)
    return Response(
        body,
        media_type=cv_format.media_type,
        headers={"content-disposition": f'attachment; filename="{safe}"'},
    )
