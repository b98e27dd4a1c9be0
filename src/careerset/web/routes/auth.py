"""Server mode: sign in, sign out, and change one's password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerset.errors import UserError
from careerset.web.accounts import (
    clear_session_cookie,
    now,
    safe_next,
    session_token,
    set_session_cookie,
    signed_in,
)
from careerset.web.context import WebContext, get_context
from careerset.web.pages import render
from careerset.web.statuses import documented

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]
MAX_PASSWORD = 1000
WRONG = "That email and password do not match an account; check both and try again."


def _landing(context: WebContext, target: str) -> str:
    """After signing in: where they were going, else the dashboard (client) or client list."""
    if target != "/":
        return target
    actor = context.actor
    return "/" if actor is not None and actor.role == "client" else "/clients"


@router.get("/login", response_class=HTMLResponse, responses=documented(303, 400))
def login_page(
    request: Request, next_path: Annotated[str, Query(alias="next", max_length=500)] = "/"
) -> Response:
    target = safe_next(next_path)
    context = signed_in(request)
    if context is not None:
        return RedirectResponse(_landing(context, target), 303)
    return render(request, "login.html", error=None, email="", next_path=target)


@router.post("/login", response_class=HTMLResponse, responses=documented(303, 400, 403, 413, 429))
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    next_path: Annotated[str, Form(alias="next", max_length=500)] = "/",
) -> Response:
    from careerset.store.sign_in import sign_in

    target = safe_next(next_path)
    app_context: WebContext = request.app.state.context
    address = request.client.host if request.client is not None else None
    # The same answers for known and unknown emails, locked or not: nothing tells which exist.
    result = sign_in(app_context.store, email, password, address, now())
    actor, token = result.actor, result.token
    if result.retry_after is not None:
        error = (
            "Too many sign-in attempts from here, so signing in is locked; "
            f"try again in {result.retry_after} seconds."
        )
        refused = render(request, "login.html", 429, error=error, email=email, next_path=target)
        refused.headers["retry-after"] = str(result.retry_after)
        return refused
    if actor is None or token is None:
        return render(request, "login.html", 400, error=WRONG, email=email, next_path=target)
    context = app_context.for_request(actor, None, token)
    response = RedirectResponse(_landing(context, target), 303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout", status_code=303, responses=documented(403))
def logout(request: Request) -> RedirectResponse:
    token = session_token(request)
    if token is not None:
        app_context: WebContext = request.app.state.context
        with app_context.store.transaction() as session:
            session.end_session(token)
    response = RedirectResponse("/login", 303)
    clear_session_cookie(request, response)
    return response


@router.get("/account", response_class=HTMLResponse, responses=documented(303))
def account_page(request: Request, context: Context) -> HTMLResponse:
    return render(request, "account.html", message=None, error=None)


@router.post(
    "/account/password", response_class=HTMLResponse, responses=documented(303, 400, 403, 413)
)
def change_password(
    request: Request,
    context: Context,
    current: Annotated[str, Form(max_length=MAX_PASSWORD)],
    new: Annotated[str, Form(max_length=MAX_PASSWORD)],
    repeat: Annotated[str, Form(max_length=MAX_PASSWORD)],
) -> HTMLResponse:
    actor = context.actor
    assert actor is not None  # the sign-in dependency made this context
    if new != repeat:
        error = "The two new passwords differ; type the same one twice."
        return render(request, "account.html", 400, message=None, error=error)
    try:
        with context.transaction() as session:
            session.change_password(actor, current, new, keep_session=context.session_token)
    except UserError as error:
        return render(request, "account.html", 400, message=None, error=error.message)
    return render(request, "account.html", message="Your password is changed.", error=None)
