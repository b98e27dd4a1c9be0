"""Helpers shared by the web tests: the CSRF token of a page, adding an entry by its form."""

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

BASE_URL = "http://127.0.0.1:8000"
Token = Callable[[], str]


def page_token(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def add(client: TestClient, token: str, kind: str, **fields: str) -> str:
    """Add an entry through the form; returns its id."""
    response = client.post(
        f"/entries/new/{kind}", data={"csrf_token": token, **fields}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    found = re.search(r"changed=([A-Za-z0-9_.:-]+)", response.headers["location"])
    assert found
    return found.group(1)
