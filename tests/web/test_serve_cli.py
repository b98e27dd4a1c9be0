"""`careerset serve`: loopback only, and a real server that answers."""

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def serving(home: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A real `careerset serve` on a free loopback port; yields it and the address it printed."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [sys.executable, "-m", "careerset", "--db", str(home / "s.sqlite"), "serve"]
    env = {**os.environ, "CAREERSET_HOME": str(home), "COLUMNS": "60"}
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        assert server.stdout is not None
        printed = ""
        while "http" not in printed and len(printed) < 2000:  # the line may wrap
            line = server.stdout.readline().decode()
            assert line, printed
            printed += line
        found = re.search(r"(http://127\.0\.0\.1:\d+/(?:\?token=[\w-]+)?)", printed)
        assert found, printed
        address = found.group(1)
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        yield server, address
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_answers_the_printed_address_only(home: Path) -> None:
    with serving(home) as (server, address):
        base = address.split("?")[0]
        for path in ("", "status", "api/entries", "static/style.css", "openapi.json"):
            refused = httpx.get(base + path, timeout=5)
            assert refused.status_code == 403, path
            assert "Open the address careerset serve printed" in refused.text
        assert httpx.get(base + "?token=wrong-guess", timeout=5).status_code == 403
        with httpx.Client(timeout=5, follow_redirects=True) as browser:
            first = browser.get(address)
            assert first.status_code == 200 and "Your career at a glance" in first.text
            # The token left the address bar for a cookie that opens every page.
            assert str(first.url) == base and first.history[0].status_code == 303
            assert browser.get(base + "status").status_code == 200
            assert browser.get(base + "api/entries").json() == []
        rebound = httpx.get(base, headers={"host": "rebound.example"}, timeout=5)
        assert rebound.status_code == 403
        # Other accounts can list the process's command line: the token is not in it.
        token = address.split("token=")[1]
        assert token.encode() not in Path(f"/proc/{server.pid}/cmdline").read_bytes()


def _request_as(user: list[str], method: str, url: str) -> int:
    """The HTTP status `user` (a runuser prefix, or [] for this process) gets for a request."""
    script = (
        "import sys, urllib.request, urllib.error\n"
        "request = urllib.request.Request(sys.argv[2], method=sys.argv[1], data=sys.argv[3].encode()"
        " if sys.argv[1] == 'POST' else None, headers={'content-type': 'application/json'})\n"
        "try:\n    print(urllib.request.urlopen(request, timeout=5).status)\n"
        "except urllib.error.HTTPError as error:\n    print(error.code)\n"
    )
    body = '{"kind": "skill", "name": "Planted"}'
    done = subprocess.run(
        [*user, "/usr/bin/python3", "-c", script, method, url, body],
        capture_output=True,
        text=True,
        timeout=30,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


def test_another_os_user_gets_403(home: Path) -> None:
    """Another account on this computer reaches loopback but not the token: refused."""
    other: list[str] = []
    if os.geteuid() == 0 and Path("/usr/sbin/runuser").exists():
        other = ["/usr/sbin/runuser", "-u", "nobody", "--"]
    with serving(home) as (_server, address):
        base = address.split("?")[0]
        statuses = [
            _request_as(other, "GET", base),
            _request_as(other, "GET", base + "api/entries"),
            _request_as(other, "GET", base + "exchange/export/yaml"),
            _request_as(other, "POST", base + "api/entries"),
        ]
        assert statuses == [403] * 4
        with httpx.Client(timeout=5, follow_redirects=True) as owner:
            owner.get(address)
            assert owner.get(base + "api/entries").json() == []
