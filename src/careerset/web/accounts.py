"""Server mode sessions: the session cookie, who a request is from, and where to send strangers.

A session is a random token in an HttpOnly cookie; the store keeps only its hash, the user it
belongs to and the career being viewed. Every worker process reads the same table, so any worker
can answer any request.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

from fastapi import Request, Response

from careerset.web.context import SignInRequired, WebContext
from careerset.web.security import SESSION_COOKIE

SESSION_TTL = timedelta(hours=12)
MAX_TOKEN_LENGTH = 200
# Reachable without signing in (the static files are a mount, outside the routes).
PUBLIC_PATHS = frozenset({"/login"})


def now() -> datetime:
    return datetime.now(UTC)


def session_token(request: Request) -> str | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return token


def signed_in(request: Request) -> WebContext | None:
    """This request's context when it carries a live session, else None (never raises for it)."""
    cached: WebContext | None = getattr(request.state, "context", None)
    if cached is not None:
        return cached
    token = session_token(request)
    if token is None:
        return None
    app_context: WebContext = request.app.state.context
    with app_context.store.transaction() as session:
        found = session.actor_for_session(token, now())
    if found is None:
        return None
    actor, viewing = found
    context = app_context.for_request(actor, viewing, token)
    request.state.context = context
    return context


def request_context(request: Request) -> WebContext:
    """This request's context; SignInRequired when it has no live session."""
    context = signed_in(request)
    if context is None:
        raise SignInRequired()
    return context


def require_sign_in(request: Request) -> None:
    """App-wide dependency in server mode: every route but the public ones needs a session."""
    if request.url.path in PUBLIC_PATHS:
        return
    request_context(request)


def safe_next(target: str | None) -> str:
    """A local path to return to after signing in; anything else (other sites) becomes `/`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target[:500]


def login_url(request: Request) -> str:
    """Where an unsigned request is sent: the login page, returning here afterwards."""
    if request.method != "GET" or request.url.path in ("/", "/login"):
        return "/login"
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(safe_next(here), safe='')}"


def secure_cookie(request: Request) -> bool:
    return bool(request.app.state.secure_cookies) or request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_TTL.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_cookie(request),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=secure_cookie(request)
    )
