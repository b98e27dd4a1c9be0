"""The embedded default: a compact O*NET core plus OEWS wages, shipped xz-compressed inside
the package and unpacked once into the user cache, where it is opened read-only like a pack.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import lzma
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from careerset.errors import UserError
from careerset.paths import cache_dir
from careerset.reference.connection import connect_read_only
from careerset.reference.sources import embedded_file

CORE_NAME = "onet_core.sqlite.xz"
MANIFEST_NAME = "onet_core.json"
REINSTALL = "reinstall careerset (`pip install --force-reinstall careerset`)"


def core_manifest() -> dict[str, Any]:
    """What `scripts/build_embedded_core.py` recorded about the shipped core."""
    try:
        manifest: dict[str, Any] = json.loads(embedded_file(MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        raise UserError(
            f"The embedded reference data is missing or damaged; {REINSTALL}."
        ) from None
    return manifest


def _unpacked(manifest: dict[str, Any]) -> bytes:
    try:
        data = lzma.decompress(embedded_file(CORE_NAME).read_bytes())
    except (OSError, lzma.LZMAError):
        data = b""
    if hashlib.sha256(data).hexdigest() != manifest["sqlite_sha256"]:
        raise UserError(f"The embedded reference data is missing or damaged; {REINSTALL}.")
    return data


def unpacked_path(manifest: dict[str, Any]) -> Path:
    """Where the unpacked core lives: the user cache, keyed by its content hash."""
    return cache_dir() / "reference" / f"embedded-{manifest['sqlite_sha256'][:16]}.sqlite"


def _unpack(target: Path, data: bytes) -> None:
    # Written beside the target and renamed, so a concurrent or interrupted run never
    # leaves a half-written file where another process would open it.
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(partial, 0o444)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    # Cores of other careerset versions are only rebuilt on their next use.
    for stale in target.parent.glob("embedded-*.sqlite"):
        if stale != target:
            with contextlib.suppress(OSError):
                stale.unlink()


def _in_memory(data: bytes) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.deserialize(data)
    return db


def embedded_connection() -> sqlite3.Connection:
    """A read-only connection to the embedded core, unpacking it on first use (~0.3 s).

    When the cache folder cannot be written, the core is opened in memory instead.
    """
    manifest = core_manifest()
    target = unpacked_path(manifest)
    if not (target.is_file() and target.stat().st_size == manifest["sqlite_bytes"]):
        data = _unpacked(manifest)
        try:
            _unpack(target, data)
        except OSError:
            return _in_memory(data)
    return connect_read_only(target, immutable=True)
