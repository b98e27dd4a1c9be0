"""Download official releases named in a manifest: progress, HTTP Range resume, sha256 checks.

The manifest (JSON) lists one entry per role (onet, oews, esco_classification, esco_relations)
with a URL, a file name and the expected sha256; relative URLs resolve against the manifest's
own URL, so a mirror is just a folder with a manifest in it.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from careerset.errors import UserError
from careerset.next_action import NextAction

MANIFEST_ENV = "CAREERSET_DOWNLOAD_MANIFEST"
ROLES = ("onet", "oews", "esco_classification", "esco_relations")
CHUNK = 64 * 1024
ATTEMPTS = 4
TIMEOUT_SECONDS = 30.0

# Told (file name, bytes so far, total bytes or None) as a download advances.
ByteCallback = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class ManifestEntry:
    """One file to fetch; `url` is None when the publisher offers no direct link."""

    role: str
    url: str | None
    filename: str
    sha256: str | None
    note: str | None = None


def _read_location(location: str) -> bytes:
    parsed = urllib.parse.urlparse(location)
    if parsed.scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(location, timeout=TIMEOUT_SECONDS) as response:
                data: bytes = response.read()
                return data
        except (urllib.error.URLError, OSError) as error:
            raise UserError(
                f"Could not fetch the download manifest {location} ({error}); check the URL "
                "or install offline from a folder of the official files.",
                NextAction("install_data_offline"),
            ) from None
    path = Path(parsed.path if parsed.scheme == "file" else location)
    if not path.is_file():
        raise UserError(f"The download manifest {location} does not exist; pass a file or URL.")
    return path.read_bytes()


def load_manifest(location: str | None = None) -> tuple[str, list[ManifestEntry]]:
    """The manifest at `location`, `$CAREERSET_DOWNLOAD_MANIFEST`, or the packaged default."""
    location = location or os.environ.get(MANIFEST_ENV)
    if location is None:
        packaged = resources.files("careerset.reference") / "downloads.json"
        location = Path(str(packaged)).resolve().as_uri()
        data = Path(str(packaged)).read_bytes()
    else:
        data = _read_location(location)
        if "://" not in location:
            location = Path(location).resolve().as_uri()
    try:
        entries = json.loads(data)["files"]
        parsed = [
            ManifestEntry(
                role=str(item["role"]),
                url=urllib.parse.urljoin(location, item["url"]) if item.get("url") else None,
                filename=str(item["filename"]),
                sha256=(item.get("sha256") or None),
                note=item.get("note"),
            )
            for item in entries
        ]
    except (ValueError, KeyError, TypeError) as error:
        raise UserError(
            f"The download manifest {location} is malformed ({error}); it needs a 'files' list "
            "of {role, url, filename, sha256}."
        ) from None
    if not any(entry.role == "onet" and entry.url for entry in parsed):
        raise UserError(f"The download manifest {location} names no O*NET release to download.")
    return location, parsed


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch_once(url: str, partial: Path, name: str, on_bytes: ByteCallback) -> bool:
    """One HTTP attempt, appending to `partial` from where it stopped; True when complete."""
    offset = partial.stat().st_size if partial.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "careerset"})
    if offset:
        request.add_header("Range", f"bytes={offset}-")
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as error:
        if error.code == 416 and offset:
            return True  # nothing left to send: the partial file is whole
        raise UserError(
            f"Downloading {url} failed with HTTP {error.code}; try again later."
        ) from None
    with response:
        if offset and response.status != 206:
            offset = 0  # the server ignored Range and sends the whole file again
        length = response.headers.get("Content-Length")
        total = offset + int(length) if length is not None else None
        received = offset
        with partial.open("ab" if offset else "wb") as handle:
            on_bytes(name, received, total)
            while block := response.read(CHUNK):
                handle.write(block)
                received += len(block)
                on_bytes(name, received, total)
    return total is None or received >= total


def download(entry: ManifestEntry, folder: Path, on_bytes: ByteCallback) -> Path:
    """Fetch one entry into `folder`, resuming a partial file, and verify its checksum."""
    if entry.url is None:
        raise UserError(f"No download URL for {entry.role}; {entry.note or 'use --from PATH'}.")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / entry.filename
    if target.exists() and entry.sha256 and sha256_of(target) == entry.sha256:
        return target  # cached from an earlier install
    partial = target.with_name(target.name + ".part")
    complete = False
    failure: Exception | None = None
    for _ in range(ATTEMPTS):
        try:
            complete = _fetch_once(entry.url, partial, entry.filename, on_bytes)
        except (http.client.HTTPException, urllib.error.URLError, OSError) as error:
            complete, failure = False, error  # connection dropped: resume from what is on disk
        if complete:
            break
    if not complete:
        size = partial.stat().st_size if partial.exists() else 0
        if size == 0:
            raise UserError(
                f"Could not download {entry.url} ({failure or 'empty response'}); check the "
                "connection, or install offline from a folder of the official files.",
                NextAction("install_data_offline"),
            )
        raise UserError(
            f"The download of {entry.filename} was cut off after {size} bytes; "
            "install again to resume it.",
            NextAction("install_data"),
        )
    if entry.sha256 is not None and sha256_of(partial) != entry.sha256.lower():
        partial.unlink()
        raise UserError(
            f"{entry.filename} failed its sha256 check (corrupt or altered download); "
            "install again, or check the manifest's checksum.",
            NextAction("install_data"),
        )
    os.replace(partial, target)
    return target


def download_all(
    entries: list[ManifestEntry], folder: Path, on_bytes: ByteCallback
) -> tuple[dict[str, Path], list[str]]:
    """Download every entry with a URL; returns paths by role and notes on skipped entries."""
    paths: dict[str, Path] = {}
    notes: list[str] = []
    for entry in entries:
        if entry.role not in ROLES:
            continue
        if entry.url is None:
            notes.append(f"{entry.role}: not downloaded ({entry.note or 'no direct URL'}).")
            continue
        if entry.sha256 is None:
            notes.append(f"{entry.role}: no checksum in the manifest; recorded but not verified.")
        paths[entry.role] = download(entry, folder, on_bytes)
    return paths, notes
