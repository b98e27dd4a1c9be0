"""The app factory: `create_app(db, profile)` builds the whole web app, ready for uvicorn.

Local mode serves one profile on loopback; `server=True` serves many accounts (see `server.py`).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from careerset.errors import UserError
from careerset.store.faults import StoreFault, StoreUnavailable, UnstorableValue, fault_message
from careerset.web.accounts import login_url, require_sign_in
from careerset.web.context import NoCareerOpen, SignInRequired, WebContext
from careerset.web.pages import NAVIGATION, STATIC, render
from careerset.web.security import LOOPBACK_HOSTS, CsrfSigner, Guard, check_csrf

if TYPE_CHECKING:
    from careerset.store.repository import Store

SECRET_KEY = "web_secret"
MENU_PATHS = frozenset(path for path, _ in NAVIGATION)
_TITLES = {
    400: "That did not work",
    403: "Refused",
    404: "Not found",
    413: "Too large",
    503: "Try again shortly",
}


_FAULT_TITLE = "The store cannot be used"


def capitalized(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str, title: str | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    title = title or _TITLES.get(status, "Error")
    return render(request, "error.html", status_code=status, title=title, message=message)


def _install_handlers(app: FastAPI) -> None:
    async def user_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, UserError)
        return _error(request, 400, error.message)

    async def http_error(request: Request, error: Exception) -> Response:
        # Starlette's own (form parsing: too many fields, files or bytes) come here too, so a
        # page's form gets a page back, not JSON.
        assert isinstance(error, StarletteHTTPException)
        message = str(error.detail)
        if error.status_code == 400 and not isinstance(error, HTTPException):
            message = "The form could not be read: it has too many or too large fields."
        return _error(request, error.status_code, message)

    async def invalid_request(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if _is_api(request):
            return JSONResponse({"detail": jsonable(error.errors())}, status_code=422)
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(request, 400, f"{where}: {first.get('msg', 'invalid request')}.")

    async def unstorable(request: Request, error: Exception) -> Response:
        # PostgreSQL refuses some text SQLite takes (NUL characters); the transaction rolled back.
        return _error(
            request, 400, "That value cannot be stored; remove control characters such as NUL."
        )

    async def unavailable(request: Request, error: Exception) -> Response:
        # The database restarts or is unreachable: nothing was committed; the client may retry.
        response = _error(request, 503, "The database is not answering; try again in a moment.")
        response.headers["retry-after"] = "2"
        return response

    async def store_fault(request: Request, error: Exception) -> Response:
        # A read-only file or a full disk will not pass by itself: say so, not "try again".
        # The store's location is left out: a server's paths are not for its clients.
        assert isinstance(error, StoreFault)
        response = _error(
            request, error.status, capitalized(fault_message(error.fault)), _FAULT_TITLE
        )
        if error.retry:
            response.headers["retry-after"] = "2"
        return response

    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(StoreFault, store_fault)
    app.add_exception_handler(StoreUnavailable, unavailable)
    app.add_exception_handler(UnstorableValue, unstorable)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)


def jsonable(value: Any) -> Any:
    """Validation error details as plain JSON (they may hold exceptions and bytes)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _install_server_handlers(app: FastAPI) -> None:
    """Server mode: strangers go to the login page, refused careers look like missing ones."""
    from careerset.store.rights import AccessDenied, ReadOnlyAccess

    async def sign_in(request: Request, error: Exception) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"detail": "Sign in first."},
                status_code=401,
                headers={"www-authenticate": 'Cookie realm="careerset"'},
            )
        return RedirectResponse(login_url(request), 303)

    async def no_career(request: Request, error: Exception) -> Response:
        # A coach's menu pages lead to their client list; deeper links are simply not there.
        assert isinstance(error, NoCareerOpen)
        if request.method == "GET" and request.url.path in MENU_PATHS:
            return RedirectResponse("/clients", 303)
        return _error(request, 404, error.message)

    async def denied(request: Request, error: Exception) -> Response:
        # Same answer whether the career exists or not: nothing to learn by probing.
        assert isinstance(error, AccessDenied)
        return _error(request, 404, error.message)

    async def read_only(request: Request, error: Exception) -> Response:
        # Only someone allowed to read the career gets here, so 403 reveals nothing new.
        assert isinstance(error, ReadOnlyAccess)
        return _error(request, 403, error.message)

    app.add_exception_handler(SignInRequired, sign_in)
    app.add_exception_handler(NoCareerOpen, no_career)
    app.add_exception_handler(AccessDenied, denied)
    app.add_exception_handler(ReadOnlyAccess, read_only)


def stored_secret(store: Store) -> bytes:
    """The store's shared web secret, made by the first process that asks (all then agree)."""
    with store.transaction() as session:
        value = session.ensure_meta(SECRET_KEY, secrets.token_hex(32))
    return bytes.fromhex(value)


def create_app(
    db: str | None,
    profile: str | None,
    token: str | None = None,
    allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS,
    *,
    server: bool = False,
    secret: bytes | None = None,
    secure_cookies: bool = False,
) -> FastAPI:
    """The web app over the store at `db` (path or URL).

    Local mode (the default) serves the one `profile` to whoever reaches the loopback address:
    `token`, when given, must arrive once as `?token=` (then a cookie carries it);
    `allowed_hosts` are the Host names accepted, loopback names by default.

    Server mode (`server=True`) serves many people: every route needs a signed-in session and
    the store checks each request's rights; `profile` is ignored. `secret` (shared by all worker
    processes) keys the CSRF tokens; None reads or makes the store's own. `allowed_hosts=None`
    accepts any Host name; `secure_cookies` marks cookies Secure even over plain HTTP (behind a
    TLS proxy).
    """
    from careerset.store.repository import Store
    from careerset.web.routes import (
        api,
        api_analysis,
        assessment,
        auth,
        codes,
        comments,
        cv,
        dashboard,
        entries,
        exchange,
        explorer,
        next_steps,
        person,
        profiler,
        report,
        sharing,
        status,
    )

    store = Store.open(db)
    dependencies = (
        [Depends(require_sign_in), Depends(check_csrf)] if server else [Depends(check_csrf)]
    )
    app = FastAPI(
        title="careerset",
        summary="Your career record and its analyses, as JSON; every page's data.",
        version="1",
        dependencies=dependencies,
        docs_url=None,
        redoc_url=None,
        openapi_url=None if server else "/openapi.json",
    )
    app.state.server = server
    app.state.secure_cookies = secure_cookies
    if server:
        if secret is None:
            secret = stored_secret(store)
        app.state.context = WebContext(store, None, server=True)
        app.state.csrf = CsrfSigner.shared(secret)
    else:
        app.state.context = WebContext(store, profile or "default")
        app.state.csrf = CsrfSigner()
    _install_handlers(app)
    modules = [
        dashboard,
        entries,
        person,
        codes,
        profiler,
        assessment,
        explorer,
        next_steps,
        report,
        cv,
        exchange,
        status,
        api,
        api_analysis,
    ]
    if server:
        _install_server_handlers(app)
        modules += [auth, sharing, comments]
    for module in modules:
        app.include_router(module.router)
    if server:

        @app.get("/openapi.json", include_in_schema=False)
        def openapi_schema() -> dict[str, Any]:
            """The schema, like every other route here, for signed-in people only."""
            return app.openapi()

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(
        Guard, allowed_hosts=allowed_hosts, token=token, secure_cookies=secure_cookies
    )
    return app
