"""Page latency of the web app with a 50-entry career, measured over loopback against uvicorn.

Run: .venv/bin/python benchmarks/web.py [--requests 60] [--concurrency 4]
Starts `careerset serve` in a subprocess on a free 127.0.0.1 port (a CAREERSET_REFERENCE_DIR
in the environment is passed on), loads the demo career plus generated entries, then times
sequential GETs of every page and a concurrent burst with httpx. Target: median < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from careerset.cli.setup import load_demo_career
from careerset.model.career import Career
from careerset.model.dates import PartialDate
from careerset.model.entries import Activity, Contact, Entry, Skill
from careerset.model.enums import ActivityKind
from careerset.store.repository import Store
from careerset.web.live import free_port

PAGES = [
    "/",
    "/entries",
    "/entries/new/job",
    "/profiler",
    "/assessment",
    "/occupations?q=nurse",
    "/occupations/29-1141.00",
    "/next-steps",
    "/report",
    "/cv",
    "/exchange",
    "/status",
    "/api/entries",
    "/api/assessment",
    "/api/code?title=registered+nurse",
]
TARGET_MS = 100.0


def fifty_entries() -> Career:
    """The demo career topped up with dated activities, contacts and skills to 50 entries."""
    demo = load_demo_career()
    extra: list[Entry] = []
    start = date(2023, 1, 7)
    kinds = list(ActivityKind)
    index = 0
    while len(demo.entries) + len(extra) < 50:
        day = PartialDate.from_date(start + timedelta(weeks=index))
        if index % 3 == 0:
            extra.append(Contact(name=f"Colleague {index}", relation="peer", met=day))
        elif index % 3 == 1:
            extra.append(Skill(name=f"Skill {index}", proficiency=1 + index % 5))
        else:
            kind = kinds[index % len(kinds)]
            extra.append(Activity(date=day, activity_kind=kind, hours=2, skills=["sql"]))
        index += 1
    return Career.of([*demo.entries, *extra], demo.person)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _wait(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("careerset serve exited before answering")
        try:
            httpx.get(url + "static/style.css", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("careerset serve did not answer within 60 s")


def _time(client: httpx.Client, path: str) -> float:
    began = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - began) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60, help="Timed GETs per page.")
    parser.add_argument("--concurrency", type=int, default=4, help="Clients in the burst.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.sqlite"
        store = Store.open(str(db))
        with store.transaction() as session:
            session.replace_career("default", fifty_entries())
            count = len(session.list_entries("default"))
        store.close()
        port = free_port()
        env = {**os.environ, "CAREERSET_HOME": str(Path(folder) / "home")}
        command = [sys.executable, "-m", "careerset", "--db", str(db), "serve", "--port", str(port)]
        server = subprocess.Popen(command, env={**env, "COLUMNS": "60"}, stdout=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}/"
        try:
            assert server.stdout is not None
            # serve prints the address with its launch token; a first visit swaps it for a cookie.
            printed = server.stdout.readline().decode()
            address = printed.split(" at ", 1)[1].split(" ", 1)[0]
            _wait(base, server)
            cookies = httpx.get(address, timeout=10).cookies
            with httpx.Client(base_url=base, timeout=60, cookies=cookies) as client:
                for path in PAGES:  # warm caches: coder index, templates, reference
                    _time(client, path)
                print(f"{count} entries, {options.requests} GETs per page, one client:")
                print(f"{'page':<36}{'median ms':>10}{'p95 ms':>10}")
                every: list[float] = []
                for path in PAGES:
                    times = [_time(client, path) for _ in range(options.requests)]
                    every += times
                    median, p95 = statistics.median(times), _percentile(times, 0.95)
                    print(f"{path:<36}{median:>10.1f}{p95:>10.1f}")
                overall = statistics.median(every)
                print(f"{'all pages':<36}{overall:>10.1f}{_percentile(every, 0.95):>10.1f}")
            burst: list[float] = []

            def worker(_: int) -> list[float]:
                with httpx.Client(base_url=base, timeout=60, cookies=cookies) as own:
                    return [_time(own, path) for path in PAGES for _ in range(5)]

            with ThreadPoolExecutor(options.concurrency) as pool:
                for times in pool.map(worker, range(options.concurrency)):
                    burst += times
            print(
                f"{options.concurrency} concurrent clients: median {statistics.median(burst):.1f} ms,"
                f" p95 {_percentile(burst, 0.95):.1f} ms over {len(burst)} GETs"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    verdict = "meets" if overall < TARGET_MS else "MISSES"
    print(f"median {overall:.1f} ms {verdict} the {TARGET_MS:.0f} ms target")
    return 0 if overall < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
