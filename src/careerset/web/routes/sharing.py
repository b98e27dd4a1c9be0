"""Server mode: a client shares their career with coaches; a coach opens a client's career."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerset.errors import UserError
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

if TYPE_CHECKING:
    from careerset.store.rights import Actor

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
AUDIT_SHOWN = 100
NOT_HERE = "There is no such page for your account."


def _client(context: WebContext) -> Actor:
    actor = context.actor
    if actor is None or actor.role != "client":
        raise HTTPException(404, NOT_HERE)
    return actor


def _coach(context: WebContext) -> Actor:
    actor = context.actor
    if actor is None or actor.role == "client":
        raise HTTPException(404, NOT_HERE)
    return actor


def _sharing_page(
    request: Request,
    context: WebContext,
    status_code: int = 200,
    message: str | None = None,
    error: str | None = None,
) -> HTMLResponse:
    actor = _client(context)
    with context.transaction() as session:
        coaches = session.coaches_of(actor)
        audit = session.audit_entries(actor, context.profile, limit=AUDIT_SHOWN)
    return render(
        request,
        "sharing.html",
        status_code,
        coaches=coaches,
        audit=audit,
        message=message,
        error=error,
    )


@router.get("/sharing", response_class=HTMLResponse)
def sharing_page(request: Request, context: Context) -> HTMLResponse:
    return _sharing_page(request, context)


@router.post("/sharing/grant", response_class=HTMLResponse)
def grant(
    request: Request,
    context: Context,
    email: Annotated[str, Form(max_length=254)],
    level: Annotated[str, Form(pattern="^(read|edit)$")] = "read",
) -> HTMLResponse:
    actor = _client(context)
    try:
        with context.transaction() as session:
            session.grant(actor, email, "edit" if level == "edit" else "read")
    except UserError as error:
        return _sharing_page(request, context, 400, error=error.message)
    shown = email.strip().lower()
    message = f"{shown} can now {'read and change' if level == 'edit' else 'read'} your career."
    return _sharing_page(request, context, message=message)


@router.post("/sharing/revoke", response_class=HTMLResponse)
def revoke(
    request: Request, context: Context, email: Annotated[str, Form(max_length=254)]
) -> HTMLResponse:
    actor = _client(context)
    try:
        with context.transaction() as session:
            session.revoke(actor, email)
    except UserError as error:
        return _sharing_page(request, context, 400, error=error.message)
    message = f"{email.strip().lower()} can no longer see your career."
    return _sharing_page(request, context, message=message)


@router.get("/clients", response_class=HTMLResponse)
def clients_page(request: Request, context: Context) -> HTMLResponse:
    actor = _coach(context)
    with context.transaction() as session:
        clients = session.clients_of(actor)
    return render(request, "clients.html", clients=clients, viewing=context.viewing)


@router.post("/clients/{profile_id}/open")
def open_client(profile_id: int, context: Context) -> Response:
    _coach(context)
    token = context.session_token
    assert token is not None  # a server-mode request context always carries its session
    with context.transaction() as session:
        session.set_viewing(token, profile_id)
    return RedirectResponse("/", 303)
