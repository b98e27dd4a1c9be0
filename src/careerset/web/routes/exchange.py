"""Import and export: upload a JSON Resume, careerset YAML or LinkedIn export; download backups."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from careerset.coding.autocode import code_with
from careerset.errors import UserError
from careerset.interchange import json_resume, yaml_backup
from careerset.interchange.files import check_entry_count, detect_format
from careerset.model.career import Career
from careerset.web.context import WebContext, get_context
from careerset.web.cv_formats import export_json_resume, export_yaml
from careerset.web.heavy_work import run_heavy
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
MAX_UPLOAD = 8 * 1024 * 1024


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{name} is not UTF-8 text (byte {error.start} is invalid); save it as UTF-8."
        ) from None


def _linkedin(data: bytes) -> Career:
    """A LinkedIn data export (.zip), read through the interchange layer when it has one."""
    try:
        module = importlib.import_module("careerset.interchange.linkedin")
    except ImportError:
        raise UserError("LinkedIn imports are not available in this version.") from None
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "linkedin-export.zip"
        archive.write_bytes(data)
        career: Career = module.load_linkedin_export(archive)
    return career


def read_upload(name: str, data: bytes, chosen: str) -> tuple[Career, str]:
    """The career in an uploaded file and its format; `chosen` is auto, jsonresume, yaml or
    linkedin."""
    career, found = _read_upload(name, data, chosen)
    check_entry_count(len(career.entries))
    return career, found


def _read_upload(name: str, data: bytes, chosen: str) -> tuple[Career, str]:
    if not data:
        raise UserError(f"{name} is empty; choose the file again.")
    if len(data) > MAX_UPLOAD:
        raise UserError(
            f"{name} is larger than {MAX_UPLOAD // (1024 * 1024)} MB; is it the right file?"
        )
    if chosen == "linkedin" or (chosen == "auto" and name.lower().endswith(".zip")):
        return _linkedin(data), "linkedin"
    text = _text(name, data)
    found = chosen if chosen != "auto" else detect_format(Path(name), text)
    if found == "jsonresume":
        return json_resume.load_json_resume_text(text), found
    if found == "yaml":
        return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text)), found
    raise UserError(f"{name} looks like a {found} file, which the web app cannot import yet.")


@router.get("/exchange", response_class=HTMLResponse)
def exchange_page(request: Request, context: Context) -> HTMLResponse:
    context.profile  # noqa: B018 - server mode: a coach picks a client first
    return render(request, "exchange.html", message=None, error=None)


@router.post("/exchange/import", response_class=HTMLResponse)
async def import_file(
    request: Request,
    context: Context,
    file: UploadFile,
    file_format: Annotated[str, Form(pattern="^(auto|jsonresume|yaml|linkedin)$")] = "auto",
    replace: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    name = (file.filename or "upload")[:200]
    data = await file.read(MAX_UPLOAD + 1)
    # Parsing, coding and writing take seconds for a big file: never on the event loop.
    try:
        career, found = await run_heavy(read_upload, name, data, file_format)
    except UserError as error:
        return render(request, "exchange.html", status_code=400, message=None, error=error.message)
    count = await run_heavy(_store_import, context, career, found, replace)
    message = f"Imported {count} entries from {name} into profile {context.profile}."
    return render(request, "exchange.html", message=message, error=None)


def _store_import(context: WebContext, career: Career, found: str, replace: bool) -> int:
    with context.transaction() as session:
        if found != "yaml":
            # Like `careerset import`: jobs without a code are coded; a backup is restored as is.
            entries = code_with(career.entries, context.coder(), session.confirmed_codes())
            career = Career.of(entries, career.person)
        if replace:
            session.replace_career(context.profile, career)
        else:
            session.merge_career(context.profile, career)
    return len(career)


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
