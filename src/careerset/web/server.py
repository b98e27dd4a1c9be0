"""Server mode for uvicorn workers: `make_app()` builds the app from environment variables.

`careerset serve --server` sets these, then asks uvicorn to import `careerset.web.server:make_app`
in each worker process, so every worker opens its own store connections and reference pack
while sharing the database, the sessions and the secret:

- `CAREERSET_SERVER_DB`: the store's path or URL (required);
- `CAREERSET_SERVER_ALLOWED_HOSTS`: comma-separated Host names, empty for any;
- `CAREERSET_SERVER_SECURE_COOKIES`: `1` to mark cookies Secure over plain HTTP (behind TLS);
- `CAREERSET_SERVER_RELAXED_READ_AUDIT`: `1` lets PostgreSQL commit read-only audit rows without
  waiting for the disk (faster reads; a database crash may lose the last moments of read records);
- `CAREERSET_SECRET`: the shared secret; when unset, the one kept in the store is used.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading

from fastapi import FastAPI

from careerset.errors import UserError
from careerset.web.heavy_work import warm_up

DB_VARIABLE = "CAREERSET_SERVER_DB"
HOSTS_VARIABLE = "CAREERSET_SERVER_ALLOWED_HOSTS"
SECURE_VARIABLE = "CAREERSET_SERVER_SECURE_COOKIES"
RELAXED_VARIABLE = "CAREERSET_SERVER_RELAXED_READ_AUDIT"
SECRET_VARIABLE = "CAREERSET_SECRET"
MIN_SECRET = 16
SWITCH_INTERVAL_S = 0.001


def secret_from_environment() -> bytes | None:
    """`CAREERSET_SECRET` as key material, or None when unset; too short is a UserError."""
    given = os.environ.get(SECRET_VARIABLE, "")
    if not given:
        return None
    if len(given) < MIN_SECRET:
        raise UserError(
            f"{SECRET_VARIABLE} is shorter than {MIN_SECRET} characters; use a long random "
            "value such as the output of `python -c 'import secrets; print(secrets.token_hex(32))'`."
        )
    return hashlib.sha256(given.encode()).digest()


def server_environment(
    db: str,
    allowed_hosts: frozenset[str] | None,
    secure_cookies: bool,
    relaxed_read_audit: bool = False,
) -> dict[str, str]:
    """The variables `make_app` reads, for `serve --server` to pass to its workers."""
    return {
        DB_VARIABLE: db,
        HOSTS_VARIABLE: ",".join(sorted(allowed_hosts or ())),
        SECURE_VARIABLE: "1" if secure_cookies else "",
        RELAXED_VARIABLE: "1" if relaxed_read_audit else "",
    }


def warm_coder() -> None:
    """Load the title coder in the background so a worker's first suggestion comes quickly."""
    try:
        from careerset.coding.service import load_coder_index

        load_coder_index()
    except Exception:  # noqa: BLE001 - a failed warm-up only makes the first lookup slower
        pass


def make_app() -> FastAPI:
    """The server-mode app as configured by the environment (uvicorn factory)."""
    from careerset.web.app import create_app

    db = os.environ.get(DB_VARIABLE)
    if not db:
        raise UserError(
            f"{DB_VARIABLE} is not set; start server mode with `careerset serve --server`."
        )
    threading.Thread(target=warm_coder, daemon=True).start()
    warm_up()  # the parsing processes start now, not during the first upload
    # A heavy-work thread (an import's merge and writes) hands the interpreter lock back to
    # the event loop every millisecond rather than every five, so other requests barely wait.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    hosts = frozenset(h.strip() for h in os.environ.get(HOSTS_VARIABLE, "").split(",") if h.strip())
    app = create_app(
        db,
        None,
        allowed_hosts=hosts or None,
        server=True,
        secret=secret_from_environment(),
        secure_cookies=os.environ.get(SECURE_VARIABLE) == "1",
    )
    app.state.context.store.relaxed_read_audit = os.environ.get(RELAXED_VARIABLE) == "1"
    return app
