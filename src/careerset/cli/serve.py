"""`careerset serve`: the local web app on a loopback address, served by uvicorn."""

from __future__ import annotations

import ipaddress
import threading
import webbrowser

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
    host: str = typer.Option("127.0.0.1", "--host", help="Loopback address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in a web browser."),
) -> None:
    """Open your career in the browser: a local web app on this computer only.

    Example: careerset serve --open
    """
    if not is_loopback(host):
        raise UserError(
            f"--host {host} is not a loopback address; serving to other computers needs "
            "server mode, which is not available yet, so use 127.0.0.1."
        )
    import uvicorn

    from careerset.web.app import create_app
    from careerset.web.security import LOOPBACK_HOSTS

    state = current_state()
    allowed = LOOPBACK_HOSTS | {host}
    web_app = create_app(state.db, state.profile, allowed_hosts=frozenset(allowed))
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    console.print(f"careerset is serving profile '{state.profile}' at {address} (Ctrl+C stops).")
    threading.Thread(target=_warm_coder, daemon=True).start()
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
