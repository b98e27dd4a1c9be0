"""Helpers for the server-mode web tests: a server app over a real store, accounts, signed-in clients."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from careerset.model.validation import build_entry
from careerset.store.passwords import token_id
from careerset.store.repository import Store
from careerset.store.rights import Actor
from careerset.web.app import create_app
from postgres_server import postgres_database  # noqa: F401 - re-exported for the tests

from .web_helpers import BASE_URL, page_token  # type: ignore[import-not-found]

PASSWORD = "correct horse battery"
SECRET = b"s" * 32
SESSION_COOKIE = "careerset_session"


def sqlite_url(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "server.sqlite")


def server_app(db: str, secret: bytes = SECRET) -> FastAPI:
    """Server mode over `db`, answering any Host (as `serve --server` without --allowed-host)."""
    return create_app(db, None, allowed_hosts=None, server=True, secret=secret)


def store_of(app: FastAPI) -> Store:
    store: Store = app.state.context.store
    return store


def add_user(app: FastAPI, email: str, role: str, profile_name: str | None = None) -> Actor:
    with store_of(app).transaction() as session:
        return session.create_user(email, PASSWORD, role, profile_name)


def add_job(app: FastAPI, profile: str, title: str, **fields: str) -> str:
    """An entry written by the operator (no actor); returns its id."""
    entry = build_entry("job", {"title": title, "start": "2019-03", "end": "present", **fields})
    with store_of(app).transaction() as session:
        return session.add_entry(profile, entry).id


def sign_in(app: FastAPI, email: str, password: str = PASSWORD) -> TestClient:
    """A browser-like client signed in as `email` through the login form."""
    client = TestClient(app, base_url=BASE_URL)
    response = client.post(
        "/login",
        data={"csrf_token": login_token(client), "email": email, "password": password},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert SESSION_COOKIE in client.cookies
    return client


def login_token(client: TestClient) -> str:
    return str(page_token(client.get("/login").text))


def token_of(client: TestClient) -> str:
    """The CSRF token of a signed-in client's pages."""
    return str(page_token(client.get("/account").text))


def force_viewing(app: FastAPI, client: TestClient, profile_id: int | None) -> None:
    """Write the session's viewed profile straight into the database, past every web check."""
    session_id = token_id(client.cookies[SESSION_COOKIE])
    with store_of(app).engine.begin() as connection:
        changed = connection.execute(
            text("UPDATE web_sessions SET viewing_profile_id = :p WHERE id = :s"),
            {"p": profile_id, "s": session_id},
        )
        assert changed.rowcount == 1
