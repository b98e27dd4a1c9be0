"""`careerset serve`: loopback only, and a real server that answers."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from careerset.cli.main import cli
from careerset.cli.serve import is_loopback
from careerset.web.live import free_port


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.com", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


@pytest.mark.parametrize("host", ["0.0.0.0", "10.1.2.3", "myhost.example"])
def test_non_loopback_host_needs_server_mode(home: Path, host: str) -> None:
    result = CliRunner().invoke(cli(), ["serve", "--host", host])
    assert result.exit_code == 2
    assert "server mode" in result.stderr
    assert result.stderr.count("\n") == 1


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli(), ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example: careerset serve" in result.stdout


def test_serve_answers_on_loopback(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [sys.executable, "-m", "careerset", "--db", str(home / "s.sqlite"), "serve"]
    env = {**os.environ, "CAREERSET_HOME": str(home)}
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/status", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert "Data status" in response.text
        refused = httpx.get(
            f"http://127.0.0.1:{port}/", headers={"host": "rebound.example"}, timeout=5
        )
        assert refused.status_code == 403
    finally:
        server.terminate()
        server.wait(timeout=10)
