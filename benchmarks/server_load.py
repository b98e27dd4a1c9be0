"""Server mode under load: 10,000 clients on PostgreSQL, 50 signed-in users, every write reconciled.

Run: .venv/bin/python benchmarks/server_load.py [--seconds 60] [--users 50] [--workers 2]
        [--clients 10000] [--entries 20] [--think 1.0] [--fault] [--json]
(`python -m benchmarks server_load` runs it with the defaults; the default `make bench` skips it.)

1. Starts its own PostgreSQL (from /usr/lib/postgresql/15/bin; as the `postgres` user when run as
   root) on a free loopback port, and seeds `--clients` client accounts with `--entries` entries
   each through the store (one argon2 hash shared by every seeded account, entries bulk-inserted
   in the store's own JSON form, 500 accounts per transaction).
2. Starts `careerset serve --server --workers N` as a real subprocess on a free loopback port.
3. In a separate load-driver process (asyncio + httpx), signs in `--users` distinct clients through
   `/login`, then for `--seconds` drives mixed traffic, each user in a closed loop with a pause of
   `--think` seconds on average between requests (default 1 s, like a person clicking through;
   `--think 0` sends back-to-back and measures saturation, where latency is simply
   users / throughput): 80% reads (dashboard `/` 40%, `/assessment` 20%, `/api/assessment` 20%)
   and 20% writes (half JSON `POST /api/entries` with the `X-CSRF-Token` header, half the
   `/entries/new/skill` form). Every acknowledged write is kept.
4. Reconciles through the store: every acknowledged write is stored with the value sent, and every
   stored entry of every profile parses and validates (no partial entries).

`--fault` also, a third of the way into the load, SIGKILLs one uvicorn worker (a child of the
supervisor) while requests are in flight, then restarts PostgreSQL (`pg_ctl restart -m fast`);
errors of requests overlapping the fault window (the kill until the server answers signed-in
requests again, plus one second) are reported apart from the others.

Targets (issue 9): zero errors, zero lost acknowledged writes, p99 under 500 ms. Exit code 0 when
met. The machine's other work shows in the numbers: run it on a quiet machine to compare runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

PASSWORD = "load-test-password"
P99_TARGET_MS = 500.0
SEED_BATCH = 500
BIN_DIRS = [Path("/usr/lib/postgresql/15/bin"), Path("/usr/lib/postgresql/16/bin")]
TOKEN = re.compile(r'<meta name="csrf-token" content="([0-9a-f]+)">')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CHANGED = re.compile(r"changed=([A-Za-z0-9_.:-]+)")
# (operation, share of requests); reads are 80%, writes 20%.
MIX = [("dashboard", 0.4), ("assessment", 0.2), ("api-assessment", 0.2), ("api-write", 0.1)]
MIX_REST = "form-write"


def email_of(number: int) -> str:
    return f"client{number:05d}@load.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- PostgreSQL ----------------------------------------------------------------------------------


class Postgres:
    """A throwaway PostgreSQL server in a temporary folder that can be restarted mid-run."""

    def __init__(self, fsync: bool = True, max_connections: int = 200) -> None:
        found = shutil.which("initdb")
        bin_dir = (
            Path(found).parent
            if found
            else next((d for d in BIN_DIRS if (d / "initdb").exists()), None)
        )
        if bin_dir is None:
            raise RuntimeError("PostgreSQL binaries not found (looked in /usr/lib/postgresql)")
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="careerset-load-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        # PostgreSQL refuses to run as root; run it as the postgres user then.
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.folder.chmod(0o755)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
            f" -c max_connections={max_connections}" + ("" if fsync else " -c fsync=off")
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://careerset@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        command = [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), *args]
        subprocess.run(command, check=True, capture_output=True)

    def start(self) -> str:
        initdb = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "careerset"]
        subprocess.run(
            [*self.as_user, *initdb, "-A", "trust", "--no-sync", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
        self._ctl("-o", self.options, "-w", "-l", str(self.folder / "log"), "start")
        return self.url

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: open connections are cut, transactions in flight roll back."""
        self._ctl("-o", self.options, "-w", "-m", "fast", "-l", str(self.folder / "log"), "restart")

    def stop(self) -> None:
        command = [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data)]
        subprocess.run([*command, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


# -- seeding -------------------------------------------------------------------------------------


def entry_rows(count: int) -> list[dict[str, Any]]:
    """`count` entries of a realistic career (the demo's, topped up with skills) as store rows."""
    from careerset.cli.setup import load_demo_career
    from careerset.model.entries import Entry, Skill, entry_to_dict

    entries: list[Entry] = [e for e in load_demo_career().entries if e.kind != "activity"]
    entries = entries[:count]
    while len(entries) < count:
        entries.append(Skill(id=f"seed-skill-{len(entries)}", name=f"Skill {len(entries)}"))
    now = datetime.now(UTC)
    rows = []
    for entry in entries:
        stamped = entry.model_copy(update={"created": now, "updated": now})
        rows.append(
            {
                "id": stamped.id,
                "kind": str(stamped.kind),
                "data": entry_to_dict(stamped),
                "created": now,
                "updated": now,
            }
        )
    return rows


def seed(
    url: str, clients: int, entries: int, progress: Callable[[str], None] = print
) -> dict[str, float]:
    """Create `clients` client accounts (+ careers) with `entries` entries each; returns timings
    (the total includes a final VACUUM ANALYZE and CHECKPOINT on PostgreSQL)."""
    from sqlalchemy import insert

    from careerset.store.passwords import hash_password
    from careerset.store.repository import Store
    from careerset.store.tables import entry_table

    began = time.perf_counter()
    store = Store.open(url)  # migrates
    migrated = time.perf_counter() - began
    try:
        hashed = hash_password(PASSWORD)  # once: argon2 is slow on purpose
        template = entry_rows(entries)
        for start in range(0, clients, SEED_BATCH):
            stop = min(clients, start + SEED_BATCH)
            with store.transaction() as session:
                rows: list[dict[str, Any]] = []
                for number in range(start, stop):
                    actor = session.create_user(
                        email_of(number), "", "client", password_hash=hashed
                    )
                    rows += [{"profile_id": actor.profile_id, **row} for row in template]
                if rows:
                    session.session.execute(insert(entry_table), rows)
            elapsed = time.perf_counter() - began
            progress(
                f"  seeded {stop:,}/{clients:,} clients ({stop * entries:,} entries), {elapsed:.1f} s"
            )
        settled = time.perf_counter()
        if store.engine.dialect.name == "postgresql":
            # A steady state to measure from: statistics for the planner and the bulk load's
            # dirty pages flushed, so neither autovacuum nor a checkpoint lands inside the load.
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as db:
                db.exec_driver_sql("VACUUM (ANALYZE)")
                db.exec_driver_sql("CHECKPOINT")
        vacuumed = time.perf_counter() - settled
    finally:
        store.close()
    return {
        "seconds": time.perf_counter() - began,
        "migrate_seconds": migrated,
        "vacuum_checkpoint_seconds": vacuumed,
    }


# -- the server ----------------------------------------------------------------------------------


class Server:
    """`careerset serve --server --workers N` on a free loopback port, logging to a file."""

    def __init__(self, db: str, workers: int, folder: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log_path = folder / "server.log"
        env = {**os.environ, "CAREERSET_HOME": str(folder / "home")}
        env.pop("CAREERSET_DB", None)
        command = [
            sys.executable,
            "-m",
            "careerset",
            "serve",
            "--server",
            "--db",
            db,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(workers),
        ]
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def worker_pids(self) -> list[int]:
        """The uvicorn worker processes: the supervisor's `multiprocessing.spawn` children."""
        found: list[int] = []
        for children in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            for text in children.read_text().split():
                try:
                    cmdline = Path(f"/proc/{text}/cmdline").read_bytes()
                except OSError:
                    continue
                if b"spawn_main" in cmdline:
                    found.append(int(text))
        return sorted(found)

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Until every worker is up and `/login` answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"careerset serve exited early:\n{self.log_tail()}")
            if len(self.worker_pids()) >= self.workers:
                try:
                    if httpx.get(self.base + "/login", timeout=5).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(f"careerset serve did not answer within {timeout:.0f} s")

    def connections(self, pid: int) -> int:
        """Established client connections the process `pid` holds on the server's port."""
        inodes: set[str] = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = Path(table).read_text().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                fields = line.split()
                local_port = int(fields[1].rsplit(":", 1)[1], 16)
                if local_port == self.port and fields[3] == "01":  # ESTABLISHED
                    inodes.add(fields[9])
        count = 0
        for fd in Path(f"/proc/{pid}/fd").glob("*"):
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                count += 1
        return count

    def kill_worker(self) -> int:
        """SIGKILL the worker holding the most client connections (so requests are in flight)."""
        pid = max(self.worker_pids(), key=self.connections)
        os.kill(pid, signal.SIGKILL)
        return pid

    def log_tail(self, lines: int = 40) -> str:
        self.log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def server_errors(self) -> int:
        """Tracebacks the workers logged (unhandled exceptions behind 500 answers)."""
        self.log.flush()
        return self.log_path.read_text(errors="replace").count("Traceback (most recent call last)")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


# -- the load driver -----------------------------------------------------------------------------


@dataclass
class Record:
    """One request: what, when it began (monotonic s), how long (ms), status (0: no answer)."""

    op: str
    began: float
    ms: float
    status: int
    ok: bool
    problem: str = ""


@dataclass
class Write:
    email: str
    entry_id: str  # empty when a form write was not acknowledged (its id is unknown)
    name: str
    acknowledged: bool


@dataclass
class LoadResult:
    records: list[Record] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    login_seconds: float = 0.0
    started: float = 0.0
    ended: float = 0.0

    def plain(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> LoadResult:
        return cls(
            records=[Record(**r) for r in data["records"]],
            writes=[Write(**w) for w in data["writes"]],
            login_seconds=data["login_seconds"],
            started=data["started"],
            ended=data["ended"],
        )


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the login form; returns the CSRF token for later unsafe requests."""
    page = await client.get("/login")
    page.raise_for_status()
    found = TOKEN.search(page.text)
    if found is None:
        raise RuntimeError("the login page carries no CSRF token")
    token = found.group(1)
    answer = await client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token}
    )
    if answer.status_code != 303 or "careerset_session" not in client.cookies:
        raise RuntimeError(f"signing in {email} failed: {answer.status_code} {answer.text[:200]}")
    # Form tokens are bound to the session: the one to use is the signed-in page's.
    home = await client.get("/")
    home.raise_for_status()
    signed_in = TOKEN.search(home.text)
    if signed_in is None:
        raise RuntimeError("the signed-in page carries no CSRF token")
    return signed_in.group(1)


def pick(rng: random.Random) -> str:
    roll = rng.random()
    for op, share in MIX:
        if roll < share:
            return op
        roll -= share
    return MIX_REST


async def one_request(
    client: httpx.AsyncClient,
    op: str,
    token: str,
    email: str,
    serial: str,
    result: LoadResult,
) -> None:
    """Send one request of kind `op`, record it, and record writes (acknowledged or not)."""
    began = time.monotonic()
    status, ok, problem = 0, False, ""
    write: Write | None = None
    try:
        if op == "dashboard":
            answer = await client.get("/")
            ok = answer.status_code == 200
        elif op == "assessment":
            answer = await client.get("/assessment")
            ok = answer.status_code == 200
        elif op == "api-assessment":
            answer = await client.get("/api/assessment")
            ok = answer.status_code == 200 and "verdicts" in answer.json()
        elif op == "api-write":
            name = f"Load skill {serial}"
            write = Write(email, f"load-{serial}", name, False)
            body = {"kind": "skill", "id": write.entry_id, "name": name, "proficiency": 3}
            answer = await client.post("/api/entries", json=body, headers={"x-csrf-token": token})
            ok = answer.status_code == 201 and answer.json().get("id") == write.entry_id
            write.acknowledged = ok
        else:
            name = f"Form skill {serial}"
            write = Write(email, "", name, False)
            form = {"csrf_token": token, "name": name, "proficiency": "2"}
            answer = await client.post("/entries/new/skill", data=form)
            found = CHANGED.search(answer.headers.get("location", ""))
            ok = answer.status_code == 303 and found is not None
            if ok and found is not None:
                write.entry_id, write.acknowledged = found.group(1), True
        status = answer.status_code
        if not ok:
            title = TITLE.search(answer.text)
            problem = " ".join((title.group(1) if title else answer.text[:400]).split())[:200]
    except httpx.HTTPError as error:
        problem = f"{type(error).__name__}: {error}"[:200]
    except ValueError as error:  # a body that is not the JSON promised
        problem = f"bad body: {error}"[:200]
    ms = (time.monotonic() - began) * 1000
    result.records.append(Record(op, began, ms, status, ok, problem))
    if write is not None:
        result.writes.append(write)


async def drive(
    base: str,
    emails: list[str],
    seconds: float,
    think: float = 0.0,
    seed_value: int = 9,
    on_start: Callable[[float], None] | None = None,
    writes_only: bool = False,
) -> LoadResult:
    """Sign in every user, then run the mix for `seconds`; each user has its own client."""
    result = LoadResult()
    clients = [httpx.AsyncClient(base_url=base, timeout=60, follow_redirects=False) for _ in emails]
    try:
        began = time.monotonic()
        gate = asyncio.Semaphore(4)  # argon2 makes each sign-in cost real CPU

        async def signed_in(client: httpx.AsyncClient, email: str) -> str:
            async with gate:
                return await login(client, email)

        tokens = await asyncio.gather(
            *(signed_in(c, e) for c, e in zip(clients, emails, strict=True))
        )
        result.login_seconds = time.monotonic() - began
        result.started = time.monotonic()
        if on_start is not None:
            on_start(result.started)
        deadline = result.started + seconds

        async def user(index: int) -> None:
            rng = random.Random(seed_value * 100_003 + index)
            count = 0
            if think > 0:  # people do not all click at the same instant
                await asyncio.sleep(rng.uniform(0, think))
            while time.monotonic() < deadline:
                op = "api-write" if writes_only else pick(rng)
                serial = f"{index:03d}-{count:06d}"
                await one_request(clients[index], op, tokens[index], emails[index], serial, result)
                count += 1
                if think > 0:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))

        await asyncio.gather(*(user(i) for i in range(len(emails))))
        result.ended = time.monotonic()
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    return result


def _driver_process(
    options: dict[str, Any], started: Any, results: Any
) -> None:  # pragma: no cover - runs in the driver process
    """Entry point of the load-driver process: results go back as plain data."""
    try:
        result = asyncio.run(drive(**options, on_start=started.put))
        results.send({"result": result.plain()})
    except Exception as error:  # noqa: BLE001 - reported by the parent
        started.put(-1.0)
        results.send({"error": f"{type(error).__name__}: {error}"})


# -- reconciliation ------------------------------------------------------------------------------


@dataclass
class Reconciliation:
    acknowledged: int
    lost: list[str]
    wrong: list[str]
    unacknowledged_stored: int
    stored_entries: int
    invalid_entries: list[str]
    seconds: float


def reconcile(url: str, writes: list[Write]) -> Reconciliation:
    """Every acknowledged write stored as sent; every stored entry (all profiles) valid."""
    from sqlalchemy import select

    from careerset.errors import UserError
    from careerset.model.validation import parse_entry
    from careerset.store.repository import Store
    from careerset.store.tables import entry_table

    began = time.perf_counter()
    store = Store.open(url)
    lost: list[str] = []
    wrong: list[str] = []
    unacknowledged_stored = 0
    invalid: list[str] = []
    stored = 0
    try:
        with store.transaction() as session:
            by_email: dict[str, list[Write]] = {}
            for write in writes:
                by_email.setdefault(write.email, []).append(write)
            for email, mine in by_email.items():
                entries = {e.id: e for e in session.list_entries(email)}  # parses every entry
                names = {getattr(e, "name", None) for e in entries.values()}
                for write in mine:
                    if write.acknowledged:
                        entry = entries.get(write.entry_id)
                        if entry is None:
                            lost.append(f"{email} {write.entry_id}")
                        elif getattr(entry, "name", None) != write.name:
                            wrong.append(f"{email} {write.entry_id}")
                    elif write.name in names:
                        unacknowledged_stored += 1
            query = select(entry_table.c.profile_id, entry_table.c.id, entry_table.c.data)
            for profile_id, entry_id, data in session.session.execute(
                query.execution_options(yield_per=5000)
            ):
                stored += 1
                try:
                    parse_entry(data, where=f"profile {profile_id} entry {entry_id}: ")
                except UserError as error:
                    invalid.append(error.message[:200])
    finally:
        store.close()
    return Reconciliation(
        acknowledged=sum(w.acknowledged for w in writes),
        lost=lost,
        wrong=wrong,
        unacknowledged_stored=unacknowledged_stored,
        stored_entries=stored,
        invalid_entries=invalid,
        seconds=time.perf_counter() - began,
    )


# -- the fault step ------------------------------------------------------------------------------


@dataclass
class Fault:
    killed_pid: int = 0
    kill_at: float = 0.0
    restart_seconds: float = 0.0
    recovered_at: float = 0.0
    window_end: float = 0.0
    workers_after: int = 0


def inject_fault(server: Server, postgres: Postgres, probe: httpx.Client) -> Fault:
    """SIGKILL a worker with requests in flight, restart PostgreSQL, wait for signed-in answers."""
    fault = Fault()
    fault.kill_at = time.monotonic()
    fault.killed_pid = server.kill_worker()
    time.sleep(1.0)
    began = time.monotonic()
    postgres.restart()
    fault.restart_seconds = time.monotonic() - began
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if probe.get("/api/entries?kind=goal", timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    fault.recovered_at = time.monotonic()
    fault.window_end = fault.recovered_at + 1.0
    fault.workers_after = len(server.worker_pids())
    return fault


# -- reporting -----------------------------------------------------------------------------------


def summarize(
    result: LoadResult, fault: Fault | None
) -> tuple[dict[str, Any], list[Record], list[Record]]:
    """Throughput and latency figures; the failed requests outside and inside the fault window."""
    elapsed = max(result.ended - result.started, 1e-9)
    times = [r.ms for r in result.records]
    failed = [r for r in result.records if not r.ok]
    in_window: list[Record] = []
    if fault is not None:
        start, end = fault.kill_at, fault.window_end
        in_window = [r for r in failed if r.began <= end and r.began + r.ms / 1000 >= start]
    inside = {id(r) for r in in_window}
    outside = [r for r in failed if id(r) not in inside]
    per_op: dict[str, dict[str, float]] = {}
    for op in [op for op, _ in MIX] + [MIX_REST]:
        mine = [r.ms for r in result.records if r.op == op]
        if mine:
            per_op[op] = {
                "requests": len(mine),
                "median_ms": round(statistics.median(mine), 1),
                "p99_ms": round(percentile(mine, 0.99), 1),
            }
    timeline = []  # 5-second buckets: a slow tail from other work on the machine shows here
    for start in range(0, int(elapsed) + 1, 5):
        bucket = [r.ms for r in result.records if start <= r.began - result.started < start + 5]
        if bucket:
            timeline.append(
                {
                    "from_s": start,
                    "requests": len(bucket),
                    "median_ms": round(statistics.median(bucket), 1),
                    "p99_ms": round(percentile(bucket, 0.99), 1),
                }
            )
    figures = {
        "requests": len(result.records),
        "seconds": round(elapsed, 2),
        "throughput_rps": round(len(result.records) / elapsed, 1),
        "median_ms": round(statistics.median(times), 1) if times else 0.0,
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "max_ms": round(max(times), 1) if times else 0.0,
        "per_op": per_op,
        "timeline": timeline,
    }
    return figures, outside, in_window


def problems(records: list[Record], limit: int = 5) -> list[str]:
    counted: dict[str, int] = {}
    for r in records:
        key = f"{r.op} -> {r.status or 'no answer'}: {r.problem[:120]}"
        counted[key] = counted.get(key, 0) + 1
    return [f"{n}x {key}" for key, n in sorted(counted.items(), key=lambda kv: -kv[1])[:limit]]


@contextmanager
def stage(name: str, log: Callable[[str], None]) -> Iterator[None]:
    began = time.perf_counter()
    log(f"{name} ...")
    yield
    log(f"{name}: {time.perf_counter() - began:.1f} s")


def run(options: argparse.Namespace) -> dict[str, Any]:
    """The whole benchmark; returns the report."""

    def log(text: str) -> None:
        print(text, file=sys.stderr if options.json else sys.stdout, flush=True)

    report: dict[str, Any] = {
        "settings": {
            "clients": options.clients,
            "entries_per_client": options.entries,
            "users": options.users,
            "seconds": options.seconds,
            "workers": options.workers,
            "think_seconds": options.think,
            "fault": options.fault,
            "cpus": os.cpu_count(),
            "load_average_before": os.getloadavg()[0],
        }
    }
    postgres = Postgres()
    folder = Path(tempfile.mkdtemp(prefix="careerset-load-"))
    server: Server | None = None
    driver: Any = None
    try:
        with stage("starting PostgreSQL", log):
            url = postgres.start()
        with stage(f"seeding {options.clients:,} clients x {options.entries} entries", log):
            report["seed"] = seed(url, options.clients, options.entries, log)
        with stage(f"starting careerset serve --server --workers {options.workers}", log):
            server = Server(url, options.workers, folder)
            server.wait_ready()
        emails = [email_of(n) for n in range(min(options.users, options.clients - 1))]
        probe_email = email_of(options.clients - 1)
        probe = httpx.Client(base_url=server.base, timeout=30, follow_redirects=False)
        probe_token = asyncio.run(_probe_login(server.base, probe_email))
        probe.cookies.update(probe_token)
        context = multiprocessing.get_context("spawn")
        started = context.Queue()
        receive, send = context.Pipe(duplex=False)
        driver = context.Process(
            target=_driver_process,
            args=(
                {
                    "base": server.base,
                    "emails": emails,
                    "seconds": options.seconds,
                    "think": options.think,
                    "seed_value": options.seed,
                },
                started,
                send,
            ),
        )
        log(f"load: {len(emails)} users sign in, then {options.seconds:.0f} s of mixed traffic ...")
        driver.start()
        load_start = float(started.get(timeout=600))
        if load_start < 0:
            raise RuntimeError(str(receive.recv().get("error")))
        fault: Fault | None = None
        if options.fault:
            time.sleep(max(0.0, load_start + options.seconds / 3 - time.monotonic()))
            log("fault: SIGKILL one worker, then pg_ctl restart -m fast ...")
            fault = inject_fault(server, postgres, probe)
            log(
                f"fault: killed worker {fault.killed_pid}; PostgreSQL restart took "
                f"{fault.restart_seconds:.1f} s; signed-in requests answered again "
                f"{fault.recovered_at - fault.kill_at:.1f} s after the kill"
            )
        message = receive.recv()
        driver.join()
        if "error" in message:
            raise RuntimeError(f"load driver failed: {message['error']}")
        result = LoadResult.from_plain(message["result"])
        workers_at_end = len(server.worker_pids())
        probe.close()
        with stage("reconciling every write against the store", log):
            check = reconcile(url, result.writes)
        figures, outside, in_window = summarize(result, fault)
        report["login_seconds"] = round(result.login_seconds, 2)
        report["load"] = figures
        report["errors"] = len(outside)
        report["error_kinds"] = problems(outside)
        report["server_tracebacks"] = server.server_errors()
        report["writes"] = {
            "attempted": len(result.writes),
            "acknowledged": check.acknowledged,
            "lost": len(check.lost),
            "lost_examples": check.lost[:5],
            "stored_differently": len(check.wrong),
            "unacknowledged_but_stored": check.unacknowledged_stored,
        }
        report["stored_entries"] = check.stored_entries
        report["invalid_entries"] = len(check.invalid_entries)
        report["invalid_examples"] = check.invalid_entries[:5]
        report["reconcile_seconds"] = round(check.seconds, 1)
        if fault is not None:
            report["fault"] = {
                "killed_worker": fault.killed_pid,
                "postgres_restart_seconds": round(fault.restart_seconds, 2),
                "recovery_seconds": round(fault.recovered_at - fault.kill_at, 2),
                "workers_at_recovery": fault.workers_after,
                "workers_at_end": workers_at_end,
                "errors_in_window": len(in_window),
                "error_kinds": problems(in_window),
            }
        report["load_average_after"] = os.getloadavg()[0]
        report["meets_target"] = (
            report["errors"] == 0
            and report["writes"]["lost"] == 0
            and report["writes"]["stored_differently"] == 0
            and report["invalid_entries"] == 0
            and figures["p99_ms"] < P99_TARGET_MS
        )
        if report["errors"] and server is not None:
            report["server_log_tail"] = server.log_tail(30)
        return report
    finally:
        if driver is not None and driver.is_alive():
            driver.terminate()
            driver.join(10)
        if server is not None:
            server.stop()
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


async def _probe_login(base: str, email: str) -> httpx.Cookies:
    """A separate signed-in client for the fault step, to see when the server is back."""
    async with httpx.AsyncClient(base_url=base, timeout=60, follow_redirects=False) as client:
        await login(client, email)
        return client.cookies


def print_report(report: dict[str, Any]) -> None:
    s, load, writes = report["settings"], report["load"], report["writes"]
    print()
    print(
        f"seeded {s['clients']:,} clients x {s['entries_per_client']} entries in "
        f"{report['seed']['seconds']:.1f} s; {s['users']} users signed in in "
        f"{report['login_seconds']:.1f} s"
    )
    print(
        f"load: {load['seconds']:.0f} s, {s['workers']} workers, {s['users']} users, "
        f"think {s['think_seconds']:g} s, {s['cpus']} CPUs (load average before "
        f"{s['load_average_before']:.1f}, after {report['load_average_after']:.1f})"
    )
    print(
        f"requests {load['requests']:,}: {load['throughput_rps']:.1f} req/s, median "
        f"{load['median_ms']:.0f} ms, p95 {load['p95_ms']:.0f} ms, p99 {load['p99_ms']:.0f} ms, "
        f"max {load['max_ms']:.0f} ms"
    )
    print(f"{'operation':<18}{'requests':>10}{'median ms':>11}{'p99 ms':>9}")
    for op, row in load["per_op"].items():
        print(f"{op:<18}{row['requests']:>10,}{row['median_ms']:>11.0f}{row['p99_ms']:>9.0f}")
    print(
        "timeline (5 s buckets): "
        + ", ".join(
            f"{b['from_s']}s {b['requests']} req p99 {b['p99_ms']:.0f}" for b in load["timeline"]
        )
    )
    print(f"errors: {report['errors']} (server tracebacks logged: {report['server_tracebacks']})")
    for line in report["error_kinds"]:
        print(f"  {line}")
    print(
        f"writes: {writes['acknowledged']:,} acknowledged of {writes['attempted']:,}; lost "
        f"{writes['lost']}; stored differently {writes['stored_differently']}; "
        f"unacknowledged but stored {writes['unacknowledged_but_stored']}"
    )
    print(
        f"stored entries: {report['stored_entries']:,}, invalid {report['invalid_entries']} "
        f"(checked in {report['reconcile_seconds']:.1f} s)"
    )
    if "fault" in report:
        fault = report["fault"]
        print(
            f"fault: worker {fault['killed_worker']} killed, PostgreSQL restarted in "
            f"{fault['postgres_restart_seconds']:.1f} s, signed-in answers again after "
            f"{fault['recovery_seconds']:.1f} s, workers at the end: {fault['workers_at_end']}; "
            f"{fault['errors_in_window']} errors in the fault window"
        )
        for line in fault["error_kinds"]:
            print(f"  {line}")
    if "server_log_tail" in report:
        print("server log (last lines):")
        print(report["server_log_tail"])
    verdict = "meets" if report["meets_target"] else "MISSES"
    print(
        f"{verdict} the target: zero errors, zero lost writes, p99 < {P99_TARGET_MS:.0f} ms "
        f"(p99 {load['p99_ms']:.0f} ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000, help="Client accounts to seed.")
    parser.add_argument("--entries", type=int, default=20, help="Entries per seeded client.")
    parser.add_argument("--users", type=int, default=50, help="Concurrent signed-in users.")
    parser.add_argument("--seconds", type=float, default=60.0, help="Length of the load.")
    parser.add_argument("--workers", type=int, default=2, help="careerset serve --workers.")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="Mean pause (s) of each user between requests (uniform, 0.5x-1.5x); "
        "0 = back-to-back, a saturation test.",
    )
    parser.add_argument("--seed", type=int, default=9, help="Seed of the request mix.")
    parser.add_argument(
        "--fault", action="store_true", help="Kill a worker and restart PostgreSQL mid-load."
    )
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    options = parser.parse_args()
    if options.clients < 2 or options.users < 1:
        parser.error("need at least 2 clients and 1 user")
    report = run(options)
    if options.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0 if report["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
