"""The JSON API for the career record: entries of every kind, title coding, profiler items.

Unsafe methods need the `X-CSRF-Token` header the pages carry in `<meta name="csrf-token">`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Response

from careerset.actions import entries as entry_actions
from careerset.analysis.interests import ANSWER_LABELS, profiler_items
from careerset.errors import UserError
from careerset.model.entries import ENTRY_TYPES, Entry
from careerset.model.validation import build_entry
from careerset.web.context import WebContext, get_context

router = APIRouter(prefix="/api", tags=["career record"])
Context = Annotated[WebContext, Depends(get_context)]
EntryBody = Annotated[
    dict[str, Any],
    Body(
        description="Entry fields, with `kind` naming one of the entry kinds.",
        max_length=200,
        examples=[
            {"kind": "job", "title": "Registered Nurse", "start": "2019-03", "end": "present"}
        ],
    ),
]


def entry_json(entry: Entry) -> dict[str, Any]:
    """Every field of an entry, `kind` first (the same shape as `careerset show --json`)."""
    data = entry.model_dump(mode="json")
    return {"kind": data.pop("kind"), **data}


def _found(context: WebContext, entry_id: str) -> Entry:
    try:
        with context.transaction() as session:
            return session.get_entry(context.profile, entry_id)
    except UserError as error:
        raise HTTPException(404, error.message) from None


@router.get("/entries", summary="List entries, optionally of one kind")
def list_entries(
    context: Context, kind: Annotated[str | None, Query(max_length=40)] = None
) -> list[dict[str, Any]]:
    if kind is not None and kind not in ENTRY_TYPES:
        raise HTTPException(400, f"unknown entry kind; use one of: {', '.join(ENTRY_TYPES)}.")
    with context.transaction() as session:
        return [entry_json(e) for e in session.list_entries(context.profile, kind)]


@router.get("/entries/{entry_id}", summary="One entry with every field")
def get_entry(entry_id: str, context: Context) -> dict[str, Any]:
    return entry_json(_found(context, entry_id))


@router.post("/entries", status_code=201, summary="Add an entry")
def add_entry(body: EntryBody, context: Context) -> dict[str, Any]:
    kind = str(body.get("kind", ""))
    fields = {k: v for k, v in body.items() if k not in ("kind", "created", "updated")}
    entry = build_entry(kind, fields)
    with context.transaction() as session:
        return entry_json(entry_actions.add_entry(session, context.profile, entry, context.coder()))


@router.put("/entries/{entry_id}", summary="Replace an entry's fields")
def replace_entry(entry_id: str, body: EntryBody, context: Context) -> dict[str, Any]:
    current = _found(context, entry_id)
    fields = {k: v for k, v in body.items() if k not in ("kind", "id", "created", "updated")}
    entry = build_entry(str(current.kind), {**fields, "id": current.id})
    with context.transaction() as session:
        return entry_json(entry_actions.change_entry(session, context.profile, entry, current))


@router.delete("/entries/{entry_id}", status_code=204, summary="Remove an entry")
def remove_entry(entry_id: str, context: Context) -> Response:
    _found(context, entry_id)
    with context.transaction() as session:
        session.remove_entry(context.profile, entry_id)
    return Response(status_code=204)


@router.get("/code", summary="Occupation codes for a free-text job title, best first")
def code_title(
    context: Context,
    title: Annotated[str, Query(max_length=300)],
    top: Annotated[int, Query(ge=1, le=20)] = 5,
) -> dict[str, Any]:
    matches = context.coder().code(title, top=top) if title.strip() else []
    return {"title": title, "matches": [m.as_dict() for m in matches]}


@router.get("/profiler/items", summary="The 60 interest profiler items and the answer scale")
def profiler() -> dict[str, Any]:
    return {
        "answers": list(ANSWER_LABELS),
        "items": [
            {"number": item.number, "letter": item.letter, "text": item.text}
            for item in profiler_items()
        ],
    }
