"""`careerset serve`: the local web app on a loopback address, or server mode with workers.

Server mode runs uvicorn with an import-string factory (`careerset.web.server:make_app`), so
each of the `--workers` processes builds its own app from the environment set here.
"""

from __future__ import annotations

import html
import ipaddress
import os
import secrets
import tempfile
import threading
import webbrowser
from dataclasses import dataclass
from pathlib import Path

import typer

from careerset.cli.main import app
from careerset.cli.output import console
from careerset.cli.state import current_state
from careerset.errors import UserError

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback IP addresses (127.0.0.0/8, ::1)."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _warm_coder() -> None:
    """Load the title coder in the background so the first suggestion comes quickly."""
    try:
        from careerset.coding.service import load_coder_index

        load_coder_index()
    except Exception:  # noqa: BLE001 - a failed warm-up only makes the first lookup slower
        pass


@app.command("serve")
def serve_command(
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on: loopback only, unless --server (e.g. 0.0.0.0).",
    ),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in a web browser."),
    server: bool = typer.Option(
        False,
        "--server",
        help="Server mode: many accounts sign in, clients share with coaches; any address.",
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store path or URL (e.g. postgresql+psycopg://...); overrides the global --db.",
    ),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Worker processes (server mode only)."
    ),
    allowed_hosts: list[str] = typer.Option(
        [],
        "--allowed-host",
        help="Server mode: a Host name to answer to (repeatable); without it, any.",
    ),
    secure_cookies: bool = typer.Option(
        False,
        "--secure-cookies",
        help="Server mode behind a TLS proxy: mark cookies Secure even over plain HTTP.",
    ),
    relaxed_read_audit: bool = typer.Option(
        False,
        "--relaxed-read-audit",
        help="Server mode on PostgreSQL: commit read-only audit rows without waiting for the "
        "disk (faster; a database crash may lose the last moments of read records).",
    ),
) -> None:
    """Open your career in the browser: a local web app on this computer only, or with
    --server a multi-account app for a career service (sign-in, coaches, sharing).

    The local app answers only the address it prints, which carries a secret token, so other
    people's accounts on this computer cannot read your career.

    Example: careerset serve --open

    Example: careerset serve --server --db postgresql+psycopg://app@db/careers --host 0.0.0.0 --workers 4
    """
    state = current_state()
    target = db if db is not None else state.db
    if server:
        options = ServerOptions(workers, allowed_hosts, secure_cookies, relaxed_read_audit)
        _serve_server(target, host, port, options, open_browser)
        return
    if workers != 1 or allowed_hosts or secure_cookies or relaxed_read_audit:
        raise UserError(
            "--workers, --allowed-host, --secure-cookies and --relaxed-read-audit need "
            "server mode; add --server."
        )
    if not is_loopback(host):
        raise UserError(
            f"--host {host} is not a loopback address; serving to other computers needs "
            "server mode (add --server, with accounts made by `careerset user add`)."
        )
    import uvicorn

    from careerset.web.app import create_app
    from careerset.web.security import LOOPBACK_HOSTS

    allowed = LOOPBACK_HOSTS | {host}
    # Other accounts on this computer reach loopback too: only the address printed here, which
    # carries the token, lets a browser in (then a cookie does).
    token = secrets.token_urlsafe(32)
    web_app = create_app(target, state.profile, token=token, allowed_hosts=frozenset(allowed))
    address = f"{_address(host, port)}?token={token}"
    console.print(
        f"careerset is serving profile '{state.profile}' at {address} (Ctrl+C stops).",
        soft_wrap=True,
        markup=False,
        highlight=False,
    )
    threading.Thread(target=_warm_coder, daemon=True).start()
    if open_browser:
        threading.Timer(1.0, _open_privately, args=(address,)).start()
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _open_privately(address: str) -> None:
    """Open `address` through a page only this user can read: a browser's command line, which
    other accounts can list, then names a file instead of the token."""
    descriptor, name = tempfile.mkstemp(prefix="careerset-open-", suffix=".html")  # mode 0600
    page = f'<!doctype html><meta http-equiv="refresh" content="0; url={html.escape(address)}">'
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(page)
    webbrowser.open(Path(name).as_uri())
    threading.Timer(60.0, Path(name).unlink, kwargs={"missing_ok": True}).start()


def _address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@dataclass(frozen=True)
class ServerOptions:
    workers: int
    allowed_hosts: list[str]
    secure_cookies: bool
    relaxed_read_audit: bool


def _serve_server(
    target: str | None, host: str, port: int, options: ServerOptions, open_browser: bool
) -> None:
    """Prepare the store once (migrations, shared secret), then let uvicorn start the workers."""
    import uvicorn

    from careerset.store.engine import resolve_url
    from careerset.store.repository import Store
    from careerset.web.app import stored_secret
    from careerset.web.server import secret_from_environment, server_environment

    url = resolve_url(target)
    store = Store.open(url)  # migrates before any worker opens it
    try:
        if secret_from_environment() is None:
            stored_secret(store)  # made once here, so every worker reads the same
        with store.transaction() as session:
            users = len(session.list_users())
    finally:
        store.close()
    os.environ.update(
        server_environment(
            url,
            frozenset(options.allowed_hosts) or None,
            options.secure_cookies,
            options.relaxed_read_audit,
        )
    )
    workers = options.workers
    address = _address(host, port)
    plural = "s" if workers != 1 else ""
    console.print(
        f"careerset server mode at {address} with {workers} worker{plural} (Ctrl+C stops)."
    )
    if users == 0:
        console.print("No accounts yet: add one with `careerset user add EMAIL --role client`.")
    if open_browser:
        threading.Timer(1.5, webbrowser.open, args=(address,)).start()
    uvicorn.run(
        "careerset.web.server:make_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=True,
    )
