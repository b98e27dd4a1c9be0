"""The career report page: the report with its charts inside the app, and its downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from careerset.actions.report import career_report
from careerset.web.context import WebContext, get_context

if TYPE_CHECKING:
    from careerset.render.report_view import ReportView
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]

DOWNLOADS = {
    "pdf": ("application/pdf", "report.pdf"),
    "html": ("text/html; charset=utf-8", "report.html"),
}


def _view(context: WebContext) -> ReportView:
    from careerset.render.report_view import build_report_view

    career = context.career()
    reference = context.reference()
    report = career_report(career, reference, context.today())
    return build_report_view(career, report, reference)


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request, context: Context) -> HTMLResponse:
    from careerset.render.html_pages import render_report_body

    # The body comes from the render layer's autoescaping templates: every value is escaped.
    body = Markup(render_report_body(_view(context)))  # noqa: S704
    return render(request, "report.html", body=body)


@router.get("/report/download/{key}")
def report_download(key: str, context: Context) -> Response:
    if key not in DOWNLOADS:
        raise HTTPException(404, f"There is no report format '{key[:20]}'; use pdf or html.")
    media_type, filename = DOWNLOADS[key]
    view = _view(context)
    if key == "pdf":
        from careerset.render.typst_pdf import render_report_pdf

        data = render_report_pdf(view)
    else:
        from careerset.render.html_pages import render_report_html

        data = render_report_html(view).encode("utf-8")
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
