"""The web app over a store it cannot write: a clear page and status, never "try again"."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from careerset.model.validation import build_entry
from careerset.store.repository import Store
from careerset.web.app import create_app

from .web_helpers import BASE_URL, page_token  # type: ignore[import-not-found]


@pytest.fixture
def read_only_store(db_file: Path) -> Iterator[Path]:
    store = Store.open(str(db_file))
    with store.transaction() as session:
        session.add_entry("default", build_entry("skill", {"id": "s1", "name": "Triage"}))
    store.close()
    if os.geteuid() != 0:
        db_file.chmod(0o444)
        yield db_file
        db_file.chmod(0o644)
        return
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    if subprocess.run(["chattr", "+i", str(db_file)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable flag")
    try:
        yield db_file
    finally:
        subprocess.run(["chattr", "-i", str(db_file)], check=True)


def test_a_read_only_store_answers_a_clear_page(read_only_store: Path) -> None:
    app = create_app(str(read_only_store), "default")
    try:
        client = TestClient(app, base_url=BASE_URL)
        home = client.get("/")
        assert home.status_code == 200  # reading still works
        token = page_token(home.text)
        page = client.post(
            "/entries/new/skill",
            data={"csrf_token": token, "name": "Suturing"},
            follow_redirects=False,
        )
        assert page.status_code == 503
        assert "read-only" in page.text
        assert "try again" not in page.text.lower()
        assert "retry-after" not in page.headers
        assert str(read_only_store) not in page.text

        api = client.post(
            "/api/entries",
            json={"kind": "skill", "name": "Suturing"},
            headers={"x-csrf-token": token},
        )
        assert api.status_code == 503
        assert "read-only" in api.json()["detail"]
    finally:
        app.state.context.store.close()
