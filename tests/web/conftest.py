"""Web fixtures: an app over a real store per test (SQLite, or PostgreSQL with `--store
postgresql`), a TestClient, and the CSRF token."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from careerset.web.app import create_app

from .web_helpers import BASE_URL, Token, page_token  # type: ignore[import-not-found]


@pytest.fixture
def db_file(sqlite_file: Path) -> Path:
    """The test's SQLite store file (tests asking for it skip with `--store postgresql`)."""
    return sqlite_file


@pytest.fixture
def app(store_target: str) -> Iterator[FastAPI]:
    web_app = create_app(store_target, "default")
    yield web_app
    web_app.state.context.store.close()


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=BASE_URL)


@pytest.fixture
def token(client: TestClient) -> Token:
    """The CSRF token of the client's session (visiting a page first sets its cookie)."""

    def get() -> str:
        return str(page_token(client.get("/").text))

    return get
