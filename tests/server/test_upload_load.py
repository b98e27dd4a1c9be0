"""Big uploads do not freeze server mode: a real `careerset serve --server --workers 2` on a real
PostgreSQL, two clients each importing an 8,000-entry file while a third keeps working.

Before, the event loop ran each merge and a third client waited about 21 s. Here the third
client must be answered throughout: every request 200 and a p99 under 1 s (uploads parse in
separate, lower-priority processes, so it is tens of milliseconds when the machine is quiet).
Both uploads must complete; their times are printed (`-rP`) beside the p99, and the 5 s
target for them is a timing figure for a quiet machine, so only a liveness bound is asserted.
"""

import asyncio
import importlib.util
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from postgres_server import postgres_database

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
ENTRIES = 8_000
MAX_P99_SECONDS = 1.0
# A liveness bound, far above the few seconds an upload takes, robust to a busy machine.
MAX_UPLOAD_SECONDS = 60.0
TOKEN = re.compile(r'<meta name="csrf-token" content="([0-9a-f]+)">')


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"careerset_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


load = _load("server_load")
bulk = _load("bulk_import")


@pytest.fixture
def served(postgres_url: str, tmp_path: Path) -> Iterator[Any]:
    with postgres_database(postgres_url) as url:
        load.seed(url, 3, 5, progress=lambda _: None)
        server = load.Server(url, 2, tmp_path)
        try:
            server.wait_ready(timeout=90)
            yield server
        finally:
            server.stop()


def _client(base: str, number: int) -> httpx.Client:
    cookies = asyncio.run(load._probe_login(base, load.email_of(number)))
    client = httpx.Client(base_url=base, timeout=60, follow_redirects=False)
    client.cookies.update(cookies)
    return client


def test_two_big_uploads_leave_a_third_client_answered_quickly(served: Any) -> None:
    document = bulk.career_yaml(ENTRIES).encode("utf-8")
    uploaders = [_client(served.base, 0), _client(served.base, 1)]
    watcher = _client(served.base, 2)
    assert watcher.get("/api/entries").status_code == 200
    tokens = [TOKEN.search(client.get("/exchange").text) for client in uploaders]
    assert all(tokens)
    outcome: dict[int, tuple[int, float, str]] = {}

    def upload(index: int) -> None:
        token = tokens[index]
        assert token is not None
        began = time.monotonic()
        answer = uploaders[index].post(
            "/exchange/import",
            files={"file": ("career.yaml", document, "application/yaml")},
            data={"csrf_token": token.group(1), "file_format": "auto"},
        )
        outcome[index] = (answer.status_code, time.monotonic() - began, answer.text)

    threads = [threading.Thread(target=upload, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    latencies: list[float] = []
    while any(thread.is_alive() for thread in threads) or len(latencies) < 20:
        began = time.monotonic()
        answer = watcher.get("/api/entries", timeout=30)
        latencies.append(time.monotonic() - began)
        assert answer.status_code == 200
        time.sleep(0.02)
    for thread in threads:
        thread.join(120)

    p99 = load.percentile(latencies, 0.99)
    took = [outcome[index][1] for index in range(2)]
    print(f"p99 {p99:.3f} s over {len(latencies)} requests; uploads took {took}")
    assert p99 < MAX_P99_SECONDS, (
        f"third client's p99 was {p99:.2f} s over {len(latencies)} requests"
    )
    for index in range(2):
        status, seconds, text = outcome[index]
        assert status == 200, text[-500:]
        assert f"{ENTRIES:,} added" in text or f"{ENTRIES} added" in text, text[-800:]
        assert seconds < MAX_UPLOAD_SECONDS, f"upload {index} took {seconds:.1f} s"
    for client in [*uploaders, watcher]:
        client.close()
