"""Password guessing against real server processes: `careerset serve --server --workers 2` on
PostgreSQL, thirty parallel sign-ins over HTTP on 127.0.0.1, and the audit log as the witness of
how many passwords were checked."""

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from careerset.store.repository import Store
from careerset.web.live import free_port
from postgres_server import postgres_database

PASSWORD = "correct horse battery"
ATTEMPTS = 30
ALLOWED = 5


@pytest.fixture
def server(postgres_url: str, home: Path) -> Iterator[tuple[str, str]]:
    """(base URL, database URL) of a two-worker server over a fresh PostgreSQL database."""
    with postgres_database(postgres_url) as db:
        store = Store.open(db)
        with store.transaction() as session:
            session.create_user("owner@example.org", PASSWORD, "client")
        store.close()
        home.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = {**os.environ, "CAREERSET_HOME": str(home)}
        env.pop("CAREERSET_SECRET", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "careerset", "serve", "--server", "--db", db]
            + ["--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if httpx.get(f"{base}/login", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                assert time.monotonic() < deadline, "serve --server did not start"
                time.sleep(0.25)
            yield base, db
        finally:
            process.terminate()
            process.wait(timeout=30)


def _login_form(base: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=base, timeout=60)
    found = re.search(r'name="csrf-token" content="([0-9a-f]+)"', client.get("/login").text)
    assert found
    return client, found.group(1)


def _parallel_sign_ins(base: str, email: str) -> list[int]:
    """ATTEMPTS wrong passwords at once, each from its own browser; their statuses."""
    forms = [_login_form(base) for _ in range(ATTEMPTS)]
    start = threading.Barrier(ATTEMPTS)
    statuses: list[int] = []

    def guess(number: int) -> None:
        client, token = forms[number]
        start.wait()
        data = {"csrf_token": token, "email": email, "password": f"guess number {number}"}
        statuses.append(client.post("/login", data=data).status_code)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for client, _ in forms:
        client.close()
    return statuses


def _checked(db: str) -> int:
    """Attempts whose password was checked (and found wrong), as the audit log records them."""
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return int(
                connection.scalar(
                    text(
                        "SELECT count(*) FROM audit_log WHERE action = 'login-failed' "
                        "AND detail IN ('wrong password', 'unknown account')"
                    )
                )
                or 0
            )
    finally:
        engine.dispose()


def test_thirty_parallel_guesses_check_at_most_five_passwords(server: tuple[str, str]) -> None:
    base, db = server
    statuses = _parallel_sign_ins(base, "owner@example.org")
    assert len(statuses) == ATTEMPTS
    checked = _checked(db)
    assert checked <= ALLOWED, f"{checked} passwords checked of {ATTEMPTS} parallel guesses"
    assert sorted(statuses) == [400] * checked + [429] * (ATTEMPTS - checked)
    # The right password, now, is refused too: the lock holds for this address.
    client, token = _login_form(base)
    right = client.post(
        "/login", data={"csrf_token": token, "email": "owner@example.org", "password": PASSWORD}
    )
    assert right.status_code == 429 and "careerset_session" not in client.cookies
    client.close()
