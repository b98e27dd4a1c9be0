"""Reading the files of a LinkedIn "Download your data" archive, a zip or the folder it unpacks to.

The zip is untrusted: bombs, path tricks and absurd sizes are refused before they cost anything.
"""

import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from careerset.errors import UserError
from careerset.interchange.files import read_file_bytes


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an archive may hold and cost; far above a real export, far below harm."""

    max_members: int = 5_000
    # A real export's largest members (messages, media lists) stay well under this.
    max_declared_member: int = 1024 * 1024 * 1024
    max_declared_total: int = 4 * 1024 * 1024 * 1024
    max_file: int = 20 * 1024 * 1024
    max_total: int = 64 * 1024 * 1024
    # Text compresses about 5-10x; a ratio this high, over real output, is a bomb.
    max_ratio: int = 100
    ratio_floor: int = 1024 * 1024
    max_zip_file: int = 4 * 1024 * 1024 * 1024


LIMITS = ArchiveLimits()
_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


def _member_problem(name: str) -> str | None:
    """Why a member name is unsafe to honour, or None."""
    if "\0" in name:
        return "has a NUL character in its name"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return "has an absolute path"
    if ".." in PurePosixPath(posix).parts:
        return "points outside the archive (..)"
    return None


def _pick(names: Iterable[str], wanted: frozenset[str]) -> dict[str, str]:
    """Wanted file name (lower case) -> member path; the shallowest copy wins, then the first."""
    chosen: dict[str, str] = {}
    for name in names:
        posix = name.replace("\\", "/")
        base = posix.rsplit("/", 1)[-1].casefold()
        if base not in wanted or posix.endswith("/"):
            continue
        if base not in chosen or posix.count("/") < chosen[base].replace("\\", "/").count("/"):
            chosen[base] = name
    return chosen


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits, budget: int
) -> bytes:
    """One member's bytes, counting what is actually inflated (declared sizes can lie)."""
    cap = min(limits.max_file, budget)
    parts: list[bytes] = []
    count = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            count += len(chunk)
            if count > cap:
                which = "the file" if cap == limits.max_file else "the archive's files together"
                raise UserError(
                    f"{info.filename[:80]} in the archive inflates to more than {cap // (1024 * 1024)}"
                    f" MB, the most careerset reads for {which}; is it a LinkedIn export?"
                )
            if count > limits.ratio_floor and count > limits.max_ratio * max(info.compress_size, 1):
                raise UserError(
                    f"{info.filename[:80]} in the archive expands more than {limits.max_ratio}"
                    " times; careerset refuses archives that look like zip bombs."
                )
            parts.append(chunk)
    return b"".join(parts)


def _check_members(infos: list[zipfile.ZipInfo], path: Path, limits: ArchiveLimits) -> None:
    if len(infos) > limits.max_members:
        raise UserError(
            f"{path} holds {len(infos)} files, more than the {limits.max_members} careerset"
            " accepts; is it a LinkedIn export?"
        )
    total = 0
    for info in infos:
        problem = _member_problem(info.filename)
        if problem:
            raise UserError(
                f"{path} has a member that {problem} ({info.filename[:60]!r}); careerset"
                " refuses such archives."
            )
        if info.file_size > limits.max_declared_member:
            raise UserError(
                f"{path} has a member declaring {info.file_size / 1024**3:.1f} GB"
                f" ({info.filename[:60]!r}); careerset refuses such archives."
            )
        total += info.file_size
    if total > limits.max_declared_total:
        raise UserError(
            f"{path} declares {total / 1024**3:.1f} GB of content; careerset refuses such archives."
        )


def read_zip(
    path: Path, wanted: frozenset[str], limits: ArchiveLimits = LIMITS
) -> dict[str, bytes]:
    """The wanted files (by lower-case name) found anywhere in the zip at `path`."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UserError(f"{path} cannot be opened: {error.strerror or error}.") from None
    if size > limits.max_zip_file:
        raise UserError(f"{path} is larger than 4 GB; is it a LinkedIn export?")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_members(infos, path, limits)
            by_name = {info.filename: info for info in infos}
            found: dict[str, bytes] = {}
            budget = limits.max_total
            for base, name in sorted(_pick(by_name, wanted).items()):
                info = by_name[name]
                if info.flag_bits & 0x1:
                    raise UserError(
                        f"{name[:80]} in {path} is encrypted; export it again unlocked."
                    )
                data = _read_member(archive, info, limits, budget)
                budget -= len(data)
                found[base] = data
            return found
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as error:
        raise UserError(f"{path} is not a readable zip archive ({str(error)[:80]}).") from None
    except NotImplementedError as error:
        raise UserError(f"{path} uses a zip feature careerset cannot read ({error}).") from None
    except (RuntimeError, ValueError, OSError) as error:
        raise UserError(f"{path} cannot be read as a zip archive ({str(error)[:80]}).") from None


def read_folder(
    path: Path, wanted: frozenset[str], limits: ArchiveLimits = LIMITS
) -> dict[str, bytes]:
    """The wanted files in an unpacked export: in the folder itself or one folder down."""
    candidates: list[str] = []
    seen = 0
    for folder, depth in _folders(path, limits):
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    seen += 1
                    if seen > limits.max_members:
                        raise UserError(
                            f"{path} holds more than {limits.max_members} files; is it a"
                            " LinkedIn export?"
                        )
                    if depth == 0 and item.is_dir(follow_symlinks=False):
                        continue
                    candidates.append(os.path.relpath(item.path, path).replace(os.sep, "/"))
        except OSError as error:
            raise UserError(f"{folder} cannot be listed: {error.strerror or error}.") from None
    found: dict[str, bytes] = {}
    budget = limits.max_total
    for base, name in sorted(_pick(candidates, wanted).items()):
        member = path / name
        if stat.S_ISLNK(member.lstat().st_mode):
            raise UserError(f"{member} is a symbolic link; copy the real file into the folder.")
        data = read_file_bytes(member, min(limits.max_file, budget))
        budget -= len(data)
        found[base] = data
    return found


def _folders(path: Path, limits: ArchiveLimits) -> list[tuple[Path, int]]:
    folders = [(path, 0)]
    try:
        with os.scandir(path) as listing:
            for index, item in enumerate(listing):
                if index >= limits.max_members:
                    break
                if item.is_dir(follow_symlinks=False):
                    folders.append((Path(item.path), 1))
    except OSError as error:
        raise UserError(f"{path} cannot be listed: {error.strerror or error}.") from None
    return folders


def read_export_files(
    path: Path, wanted: frozenset[str], limits: ArchiveLimits = LIMITS
) -> dict[str, bytes]:
    """The wanted files of an export given as a zip, a folder, or one of its CSV files."""
    if path.is_dir():
        return read_folder(path, wanted, limits)
    if not path.exists():
        raise UserError(f"There is no file or folder at {path}; check the path.")
    if not path.is_file():
        raise UserError(f"{path} is not a regular file; save the export to a file first.")
    if path.name.casefold() in wanted:
        return {path.name.casefold(): read_file_bytes(path, limits.max_file)}
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"{path} is not a zip archive; give the LinkedIn export zip or the folder it unpacks to."
        )
    return read_zip(path, wanted, limits)
