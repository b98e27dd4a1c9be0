"""`careerset serve --server`: real worker processes on a real port, answering real HTTP."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from careerset.cli.main import cli
from careerset.errors import UserError
from careerset.store.repository import Store
from careerset.web.live import free_port

# Not marked `sql`: these tests start servers on stores of their own choosing, not on the
# `--store` one, so the PostgreSQL pass of `make test` would only repeat them.

PASSWORD = "correct horse battery"


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the direct child processes of `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found.append((int(entry.name), command))
    return found


def _workers(pid: int) -> list[int]:
    """The uvicorn worker processes of the server: spawned multiprocessing children."""
    return [child for child, command in _children(pid) if "spawn_main" in command]


def _wait_for(url: str, server: subprocess.Popen[bytes], timeout: float = 60) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if server.poll() is not None:
                output = server.stdout.read().decode() if server.stdout else ""
                raise AssertionError(f"serve exited with {server.returncode}: {output}") from None
            assert time.monotonic() < deadline, "serve --server did not start"
            time.sleep(0.25)


def _sign_in(base: str) -> httpx.Client:
    """A fresh HTTP client (new connections) signed in through the login form."""
    client = httpx.Client(base_url=base, timeout=10)
    page = client.get("/login")
    token = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', page.text)
    assert token, page.text
    response = client.post(
        "/login",
        data={"csrf_token": token.group(1), "email": "web@example.org", "password": PASSWORD},
    )
    assert response.status_code == 303, response.text
    return client


def test_serve_server_runs_two_worker_processes(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    db = home / "server.sqlite"
    store = Store.open(str(db))
    with store.transaction() as session:
        session.create_user("web@example.org", PASSWORD, "client")
    store.close()
    port = free_port()
    env = {**os.environ, "CAREERSET_HOME": str(home)}
    env.pop("CAREERSET_SECRET", None)
    command = [sys.executable, "-m", "careerset", "serve", "--server", "--db", str(db)]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        login = _wait_for(f"{base}/login", server)
        assert login.status_code == 200 and 'name="password"' in login.text
        deadline = time.monotonic() + 30
        while len(_workers(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _workers(server.pid)
        assert len(workers) == 2, _children(server.pid)
        # Any worker answers any request: forms and sessions are shared through the store.
        for _ in range(6):
            client = _sign_in(base)
            try:
                page = client.get("/")
                assert page.status_code == 200 and "web@example.org" in page.text
                assert client.get("/api/entries").json() == []
            finally:
                client.close()
        # Strangers are refused, on any Host name (no --allowed-host given).
        anonymous = httpx.get(f"{base}/api/entries", headers={"host": "careers.example.org"})
        assert anonymous.status_code == 401
        assert set(_workers(server.pid)) == set(workers)  # no worker died on the way
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert all(not Path(f"/proc/{pid}").exists() for pid in workers)


def test_workers_need_server_mode(home: Path) -> None:
    result = CliRunner().invoke(cli(), ["serve", "--workers", "2"])
    assert result.exit_code == 2
    assert "--server" in result.stderr


def test_server_mode_refuses_a_short_secret(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("CAREERSET_SECRET", "short")
    result = CliRunner().invoke(
        cli(), ["serve", "--server", "--db", str(home / "s.sqlite"), "--port", str(free_port())]
    )
    assert result.exit_code == 2
    assert "CAREERSET_SECRET" in result.stderr


def test_help_shows_server_mode_with_an_example() -> None:
    result = CliRunner().invoke(cli(), ["serve", "--help"])
    assert result.exit_code == 0
    assert "--server" in result.stdout and "--workers" in result.stdout
    assert "Example: careerset serve --server" in result.stdout


def test_make_app_reads_its_configuration_from_the_environment(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from careerset.web.server import make_app, server_environment

    home.mkdir(parents=True, exist_ok=True)
    config = server_environment(
        str(home / "env.sqlite"), frozenset({"careers.example.org"}), True, True
    )
    for name, value in config.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("CAREERSET_SECRET", "a long shared secret for every worker")
    first, second = make_app(), make_app()
    try:
        assert first.state.secure_cookies and first.state.context.store.relaxed_read_audit
        assert first.state.csrf.secret == second.state.csrf.secret
        assert (
            TestClient(first, base_url="http://careers.example.org").get("/login").status_code
            == 200
        )
        assert TestClient(first, base_url="http://other.example").get("/login").status_code == 403
    finally:
        first.state.context.store.close()
        second.state.context.store.close()
    monkeypatch.delenv("CAREERSET_SERVER_DB")
    with pytest.raises(UserError):
        make_app()
