"""Locate the release files a pack is built from: a data folder, an O*NET folder or zip.

`--from` may name a folder like `shared/data` (with onet/, esco/, embedded/ inside), a bare
O*NET text folder, or the official O*NET zip; this module turns any of them into inputs.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from careerset.errors import UserError
from careerset.reference.tables import InputFile

OCCUPATION_DATA = "Occupation Data.txt"


@dataclass(frozen=True)
class OnetRelease:
    """The O*NET text files found, keyed by lower-case file name, and the release number."""

    files: dict[str, InputFile]
    release: str | None
    origin: str

    def get(self, name: str) -> InputFile | None:
        return self.files.get(name.lower())


@dataclass(frozen=True)
class PackInputs:
    """Everything a build reads; only O*NET is required."""

    onet: OnetRelease
    oews: InputFile | None
    esco_classification: Path | None
    esco_relations: Path | None


def _release_from_name(name: str) -> str | None:
    # Official zips and folders are named like db_30_1_text.
    match = re.search(r"db_(\d+)_(\d+)", name)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _release_from_readme(files: dict[str, InputFile]) -> str | None:
    # Official releases ship "Read Me.txt" starting "O*NET 30.1 Database".
    readme = files.get("read me.txt")
    if readme is None:
        return None
    match = re.search(r"O\*NET (\d+\.\d+) Database", readme.read_bytes()[:500].decode("latin-1"))
    return match.group(1) if match else None


def _onet_from_dir(folder: Path) -> OnetRelease:
    files = {
        path.name.lower(): InputFile(label=path.name, path=path)
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix.lower() == ".txt"
    }
    release = _release_from_name(folder.name) or _release_from_readme(files)
    return OnetRelease(files=files, release=release, origin=str(folder))


def _onet_from_zip(archive_path: Path) -> OnetRelease:
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile as error:
        raise UserError(
            f"{archive_path} is not a valid zip file ({error}); download it again."
        ) from None
    files: dict[str, InputFile] = {}
    release = _release_from_name(archive_path.name)
    for member in names:
        base = member.rsplit("/", 1)[-1]
        if base.lower().endswith(".txt") and not base.startswith("."):
            files[base.lower()] = InputFile(label=base, path=archive_path, member=member)
            release = release or _release_from_name(member)
    release = release or _release_from_readme(files)
    return OnetRelease(files=files, release=release, origin=str(archive_path))


def onet_release(path: Path) -> OnetRelease:
    """Open an O*NET text release (folder or zip), insisting it has the occupation list."""
    release = _onet_from_zip(path) if path.is_file() else _onet_from_dir(path)
    if release.get(OCCUPATION_DATA) is None:
        raise UserError(
            f"{path} is not an O*NET text database (no '{OCCUPATION_DATA}' inside); "
            "pass the official O*NET text zip or its unzipped folder."
        )
    return release


def embedded_file(name: str) -> Path:
    """Path of a file shipped in reference/embedded/."""
    return Path(str(resources.files("careerset.reference") / "embedded" / name))


def embedded_oews() -> InputFile:
    return InputFile(
        label="oews_may2025_national.csv", path=embedded_file("oews_may2025_national.csv")
    )


def _first(folder: Path, pattern: str) -> Path | None:
    matches = sorted(folder.glob(pattern)) if folder.is_dir() else []
    return matches[0] if matches else None


def _oews_in(folder: Path) -> InputFile | None:
    for candidate_dir in (folder / "oews", folder / "embedded", folder):
        found = _first(candidate_dir, "oews*.csv") or _first(candidate_dir, "*national*.csv")
        if found is not None:
            return InputFile(label=found.name, path=found)
    return None


def resolve_inputs(path: Path) -> PackInputs:
    """Interpret a `--from` path; O*NET is required, OEWS falls back to the embedded file."""
    if not path.exists():
        raise UserError(f"{path} does not exist; pass a data folder, an O*NET folder or zip.")
    if path.is_dir() and (path / "onet").is_dir():
        onet = onet_release(path / "onet")
        esco_dir = path / "esco"
        return PackInputs(
            onet=onet,
            oews=_oews_in(path) or embedded_oews(),
            esco_classification=_first(esco_dir, "*classification*.zip"),
            esco_relations=_first(esco_dir, "*relations*.zip"),
        )
    if path.is_file() and not zipfile.is_zipfile(path):
        raise UserError(f"{path} is not a zip file; pass the official O*NET text zip or a folder.")
    return PackInputs(
        onet=onet_release(path), oews=embedded_oews(), esco_classification=None, esco_relations=None
    )
