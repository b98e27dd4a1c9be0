"""The entries page: every kind listed, with create, edit and delete forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerset.actions.entries import add_entry, change_entry
from careerset.errors import UserError
from careerset.model.entries import ENTRY_TYPES, Entry
from careerset.web.context import WebContext, get_context
from careerset.web.forms import KIND_NAMES, form_values, read_form, split_fields, validate_entry
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def entry_when(entry: Entry) -> str:
    """The dates of an entry as one short text, for lists."""
    start, end, when = (getattr(entry, name, None) for name in ("start", "end", "date"))
    if start or end:
        return f"{start or '?'} – {end or '?'}"
    return str(when) if when else ""


def _kind(kind: str) -> str:
    if kind not in ENTRY_TYPES:
        raise HTTPException(404, f"There is no entry kind '{kind[:40]}'.")
    return kind


def _entry(context: WebContext, entry_id: str) -> Entry:
    try:
        with context.transaction() as session:
            return session.get_entry(context.profile, entry_id)
    except UserError as error:
        raise HTTPException(404, error.message) from None


@router.get("/entries", response_class=HTMLResponse)
def list_entries(request: Request, context: Context, kind: str | None = None) -> HTMLResponse:
    if kind is not None:
        _kind(kind)
    with context.transaction() as session:
        entries = session.list_entries(context.profile, kind)
    groups: dict[str, list[Entry]] = {name: [] for name in ENTRY_TYPES}
    for entry in entries:
        groups[str(entry.kind)].append(entry)
    return render(
        request,
        "entries.html",
        groups={k: v for k, v in groups.items() if kind is None or k == kind},
        kind_names=KIND_NAMES,
        selected=kind,
        when=entry_when,
        changed=request.query_params.get("changed"),
    )


def _form_page(
    request: Request,
    kind: str,
    entry: Entry | None,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    shown, folded = split_fields(kind)
    return render(
        request,
        "entry_form.html",
        status_code=status_code,
        kind=kind,
        kind_name=KIND_NAMES[kind],
        entry=entry,
        fields=shown,
        more_fields=folded,
        open_more=any(f.name in errors or values.get(f.name) for f in folded),
        labels={f.name: f.label for f in (*shown, *folded)},
        values=values,
        errors=errors,
    )


@router.get("/entries/new/{kind}", response_class=HTMLResponse)
def new_entry_form(request: Request, kind: str) -> HTMLResponse:
    return _form_page(request, _kind(kind), None, {}, {})


@router.post("/entries/new/{kind}", response_class=HTMLResponse)
async def create_entry(request: Request, kind: str, context: Context) -> Response:
    kind = _kind(kind)
    fields = read_form(kind, await request.form())
    entry, errors = validate_entry(kind, fields)
    if entry is None:
        return _form_page(request, kind, None, form_values(None, fields), errors, 400)
    with context.transaction() as session:
        stored = add_entry(session, context.profile, entry, context.coder())
    return RedirectResponse(f"/entries?kind={kind}&changed={stored.id}#entry-{stored.id}", 303)


@router.get("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry_form(request: Request, entry_id: str, context: Context) -> HTMLResponse:
    entry = _entry(context, entry_id)
    return _form_page(request, str(entry.kind), entry, form_values(entry), {})


@router.post("/entries/{entry_id}/edit", response_class=HTMLResponse)
async def update_entry(request: Request, entry_id: str, context: Context) -> Response:
    current = _entry(context, entry_id)
    kind = str(current.kind)
    fields = read_form(kind, await request.form())
    entry, errors = validate_entry(kind, fields, base=current)
    if entry is None:
        return _form_page(request, kind, current, form_values(None, fields), errors, 400)
    with context.transaction() as session:
        change_entry(session, context.profile, entry, current)
    return RedirectResponse(f"/entries?kind={kind}&changed={entry.id}#entry-{entry.id}", 303)


@router.get("/entries/{entry_id}/delete", response_class=HTMLResponse)
def confirm_delete(request: Request, entry_id: str, context: Context) -> HTMLResponse:
    entry = _entry(context, entry_id)
    return render(request, "entry_delete.html", entry=entry, kind_name=KIND_NAMES[str(entry.kind)])


@router.post("/entries/{entry_id}/delete")
def delete_entry(entry_id: str, context: Context) -> RedirectResponse:
    entry = _entry(context, entry_id)
    with context.transaction() as session:
        session.remove_entry(context.profile, entry.id)
    return RedirectResponse(f"/entries?kind={entry.kind}", 303)
