"""Import and export: upload a JSON Resume, careerset YAML or LinkedIn export; download backups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from careerset.actions.importing import (
    MAX_UPLOAD,
    ImportFormat,
    ImportResult,
    import_career,
    read_career_upload,
)
from careerset.coding.autocode import code_with
from careerset.errors import UserError
from careerset.interchange import yaml_backup
from careerset.model.career import Career
from careerset.model.entries import Entry
from careerset.web.context import WebContext, get_context
from careerset.web.cv_formats import export_json_resume, export_yaml
from careerset.web.heavy_work import run_heavy, run_isolated
from careerset.web.pages import render
from careerset.web.statuses import documented
from careerset.wording import count_of

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


@router.get("/exchange", response_class=HTMLResponse)
def exchange_page(request: Request, context: Context) -> HTMLResponse:
    context.profile  # noqa: B018 - server mode: a coach picks a client first
    return render(request, "exchange.html", message=None, error=None)


def _import_message(name: str, result: ImportResult) -> str:
    counts = result.counts()
    if result.plan is None:
        return (
            f"Imported {name} into profile {result.profile}, replacing what was there: "
            f"{count_of(counts['added'], 'entry')}."
        )
    return (
        f"Imported {name} into profile {result.profile}: {counts['added']} added, "
        f"{counts['changed']} changed, {counts['unchanged']} unchanged."
    )


@router.post("/exchange/import", response_class=HTMLResponse, responses=documented(400, 403, 413))
async def import_file(
    request: Request,
    context: Context,
    file: UploadFile,
    file_format: Annotated[
        str, Form(pattern="^(auto|jsonresume|yaml|rendercv|linkedin)$")
    ] = "auto",
    replace: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    name = (file.filename or "upload")[:200]
    data = await file.read(MAX_UPLOAD + 1)
    chosen = None if file_format == "auto" else ImportFormat(file_format)
    # Parsing, coding and writing take seconds for a big file: never on the event loop.
    try:
        career, found = await run_isolated(read_career_upload, name, data, chosen)
    except UserError as error:
        return render(request, "exchange.html", status_code=400, message=None, error=error.message)
    result = await run_heavy(_store_import, context, career, found, replace)
    message = _import_message(name, result)
    return render(request, "exchange.html", message=message, error=None)


def _store_import(
    context: WebContext, career: Career, found: ImportFormat, replace: bool
) -> ImportResult:
    def coding(entries: list[Entry], confirmed: list[tuple[str, str]]) -> list[Entry]:
        return code_with(entries, context.coder(), confirmed)

    with context.transaction() as session:
        return import_career(
            session, context.profile, career, found, replace=replace, coding=coding
        )


def _download(text: str, filename: str, media_type: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/exchange/export/{export_format}")
def export(export_format: str, context: Context) -> Response:
    career = context.career()
    if export_format == "jsonresume":
        return _download(export_json_resume(career), "resume.json", "application/json")
    if export_format == "yaml":
        return _download(export_yaml(career), "career.yaml", "application/yaml")
    raise UserError(f"There is no export format '{export_format[:20]}'; use jsonresume or yaml.")


@router.get("/exchange/backup")
def backup(context: Context) -> Response:
    with context.transaction() as session:
        # Server mode backs up only the career being viewed; local mode every profile.
        names = [context.profile] if context.server else session.profile_names()
        careers = {name: session.load_career(name) for name in names}
    text = yaml_backup.dump_yaml(yaml_backup.backup_document(careers))
    return _download(text, "careerset-backup.yaml", "application/yaml")
