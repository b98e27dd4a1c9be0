"""The app factory: `create_app(db, profile)` builds the whole local web app, ready for uvicorn."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from careerset.errors import UserError
from careerset.web.context import WebContext
from careerset.web.pages import STATIC, render
from careerset.web.security import LOOPBACK_HOSTS, CsrfSigner, Guard, check_csrf

_TITLES = {400: "That did not work", 403: "Refused", 404: "Not found", 413: "Too large"}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    title = _TITLES.get(status, "Error")
    return render(request, "error.html", status_code=status, title=title, message=message)


def _install_handlers(app: FastAPI) -> None:
    async def user_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, UserError)
        return _error(request, 400, error.message)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        return _error(request, error.status_code, str(error.detail))

    async def invalid_request(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if _is_api(request):
            return JSONResponse({"detail": jsonable(error.errors())}, status_code=422)
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(request, 400, f"{where}: {first.get('msg', 'invalid request')}.")

    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(HTTPException, http_error)
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


def create_app(
    db: str | None,
    profile: str,
    token: str | None = None,
    allowed_hosts: frozenset[str] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The web app over the store at `db` (path or URL) for one profile.

    `token`, when given, must arrive once as `?token=` (then a cookie carries it);
    `allowed_hosts` are the Host names accepted, loopback names by default.
    """
    from careerset.store.repository import Store
    from careerset.web.routes import (
        api,
        api_analysis,
        assessment,
        cv,
        dashboard,
        entries,
        exchange,
        explorer,
        next_steps,
        profiler,
        status,
    )

    store = Store.open(db)
    app = FastAPI(
        title="careerset",
        summary="Your career record and its analyses, as JSON; every page's data.",
        version="1",
        dependencies=[Depends(check_csrf)],
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = WebContext(store=store, profile=profile)
    app.state.csrf = CsrfSigner()
    _install_handlers(app)
    for module in (
        dashboard,
        entries,
        profiler,
        assessment,
        explorer,
        next_steps,
        cv,
        exchange,
        status,
        api,
        api_analysis,
    ):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, token=token)
    return app
