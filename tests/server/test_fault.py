"""Fault test of server mode: a worker SIGKILLed mid-request and PostgreSQL restarted under writes.

Uses the machinery of `benchmarks/server_load.py` (loaded by path): its own PostgreSQL server
(never the session's shared one, since this test restarts it), a real
`careerset serve --server --workers 2` subprocess, and the asyncio load driver in a thread.
"""

import asyncio
import importlib.util
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from postgres_server import find_bin

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "server_load.py"
USERS = 12
SECONDS = 9.0


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("careerset_server_load", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


load = _load_benchmark()


@pytest.fixture
def postgres() -> Iterator[Any]:
    if find_bin() is None:
        pytest.skip("PostgreSQL is not installed here")
    server = load.Postgres(fsync=False, max_connections=100)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def served(postgres: Any, tmp_path: Path) -> Iterator[Any]:
    load.seed(postgres.url, USERS + 1, 5, progress=lambda _: None)
    server = load.Server(postgres.url, 2, tmp_path)
    try:
        server.wait_ready(timeout=90)
        yield server
    finally:
        server.stop()


def _signed_in_probe(base: str, email: str) -> httpx.Client:
    cookies = asyncio.run(load._probe_login(base, email))
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
    client.cookies.update(cookies)
    return client


def test_kill_a_worker_and_restart_postgres_under_writes(postgres: Any, served: Any) -> None:
    emails = [load.email_of(n) for n in range(USERS)]
    probe = _signed_in_probe(served.base, load.email_of(USERS))
    started = threading.Event()
    outcome: dict[str, Any] = {}

    def run_load() -> None:
        try:
            outcome["result"] = asyncio.run(
                load.drive(
                    served.base,
                    emails,
                    SECONDS,
                    on_start=lambda _: started.set(),
                    writes_only=True,
                )
            )
        except BaseException as error:  # surfaced by the assertions below
            outcome["error"] = error
            started.set()

    driver = threading.Thread(target=run_load, daemon=True)
    driver.start()
    assert started.wait(120), "the users could not sign in"
    time.sleep(2.0)  # writes are flowing through both workers
    before = served.worker_pids()
    fault = load.inject_fault(served, postgres, probe)
    driver.join(SECONDS + 120)
    assert not driver.is_alive(), "the load driver did not finish"
    assert "error" not in outcome, outcome.get("error")
    result = outcome["result"]

    assert fault.killed_pid in before
    assert fault.recovered_at - fault.kill_at < 30, "signed-in requests did not come back"
    acknowledged = [w for w in result.writes if w.acknowledged]
    assert any(w for w in result.records if w.ok and w.began > fault.window_end), (
        "no write succeeded after the fault"
    )
    assert acknowledged

    check = load.reconcile(postgres.url, result.writes)
    assert check.lost == [], f"acknowledged writes missing: {check.lost[:5]}"
    assert check.wrong == [], f"acknowledged writes stored differently: {check.wrong[:5]}"
    assert check.invalid_entries == [], check.invalid_entries[:5]
    seeded = (USERS + 1) * 5
    assert check.stored_entries >= seeded + len(acknowledged)

    # Failures outside the fault window would be plain bugs, not the fault's doing.
    _figures, outside, inside = load.summarize(result, fault)
    assert outside == [], load.problems(outside)
    # The kill landed mid-request: requests in flight on that worker got no answer.
    assert any(r.status == 0 for r in inside), load.problems(inside)

    # The server answers again: the supervisor replaced the worker and sign-ins work.
    deadline = time.monotonic() + 60
    while len(served.worker_pids()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(served.worker_pids()) == 2
    assert fault.killed_pid not in served.worker_pids()
    for _ in range(6):  # both workers, most likely
        assert probe.get("/api/entries").status_code == 200
    fresh = _signed_in_probe(served.base, load.email_of(0))
    assert fresh.get("/").status_code == 200
    fresh.close()
    probe.close()
