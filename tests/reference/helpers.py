"""Test helpers for the reference layer: fixture zips and a local HTTP release server.

The server listens on 127.0.0.1 only; it can drop a connection mid-body or send a truncated
body, and it records every request's Range header so resume is observable.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
ONET_FIXTURE = FIXTURES / "onet_30_3"


def zip_folder(folder: Path, target: Path, prefix: str = "db_30_3_text/") -> Path:
    """Zip every file of `folder` under `prefix`, as the official O*NET zip is laid out."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return target


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class ServerState:
    """Files served by name, failure modes, and a log of (path, Range header) requests."""

    files: dict[str, bytes] = field(default_factory=dict)
    drop_first: set[str] = field(default_factory=set)  # drop mid-body on the first GET
    always_truncate: set[str] = field(default_factory=set)
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(state: ServerState) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

        def do_GET(self) -> None:
            name = self.path.lstrip("/")
            range_header = self.headers.get("Range")
            with state.lock:
                first = all(path != name for path, _ in state.requests)
                state.requests.append((name, range_header))
            body = state.files.get(name)
            if body is None:
                self.send_error(404)
                return
            start = 0
            if range_header and range_header.startswith("bytes="):
                start = int(range_header[6:].split("-")[0])
                if start >= len(body):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(body)}")
                    self.end_headers()
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            else:
                self.send_response(200)
            payload = body[start:]
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            cut = name in state.always_truncate or (name in state.drop_first and first)
            if cut:
                # Send part of the body, then close: the client sees a short read.
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(payload)

    return Handler


@contextmanager
def release_server(state: ServerState) -> Iterator[str]:
    """Serve `state.files` on 127.0.0.1 (random port) in a thread; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def manifest(entries: list[dict[str, str | None]]) -> bytes:
    return json.dumps({"name": "test mirror", "files": entries}).encode()
