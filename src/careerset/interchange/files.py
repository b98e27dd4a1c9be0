"""Reading import files safely (size cap, UTF-8 only) and telling their format apart."""

import re
import stat
from pathlib import Path
from typing import Literal

from careerset.errors import UserError

MAX_BYTES = 20 * 1024 * 1024
# The most entries one import (or restore) takes, in every format: enough for any real career
# many times over, and it bounds the memory and time of one transaction.
MAX_ENTRIES = 200_000
# careerset's own documents start with their format key, whether written as YAML or JSON.
_CAREERSET_HEAD = re.compile(r"""^\{?\s*["']?format["']?\s*:\s*["']?careerset""")
# A RenderCV input file is YAML whose top level has a `cv:` key (anywhere among the keys).
_RENDERCV_HEAD = re.compile(r"^cv:[ \t]*(#.*)?$", re.MULTILINE)


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def check_entry_count(count: int) -> None:
    """Refuse an import of more than MAX_ENTRIES entries, before anything is written."""
    if count > MAX_ENTRIES:
        raise UserError(
            f"The file holds {count:,} entries, more than the {MAX_ENTRIES:,} careerset imports"
            " at once; split it into smaller files."
        )


def read_file_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file; refuses big files (and pipes, folders) before reading them."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(f"There is no file at {path}; check the path.") from None
    except OSError as error:
        raise UserError(f"{path} cannot be opened: {error.strerror or error}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path} is a folder; give the path of a file.")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{path} is not a regular file; save the data to a file first.")
    limit = _size(max_bytes)
    too_big = f"{path} is larger than {limit}, the most careerset reads; is it the right file?"
    if info.st_size > max_bytes:
        raise UserError(too_big)
    try:
        with path.open("rb") as stream:
            # One byte more than allowed tells a file that grew since stat() from one that fits.
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise UserError(f"{path} cannot be read: {error.strerror or error}.") from None
    if len(data) > max_bytes:
        raise UserError(too_big)
    return data


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of a UTF-8 file (a BOM is allowed); refuses big files before reading them."""
    data = read_file_bytes(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            f"{path} is not UTF-8 text (byte {error.start} is invalid); save it as UTF-8."
        ) from None


def detect_format(path: Path, text: str) -> Literal["jsonresume", "yaml", "rendercv"]:
    """Which importer reads the file; careerset's own format, known by content, beats the suffix."""
    head = text.lstrip("\ufeff \t\r\n")
    if not head:
        raise UserError(f"{path} is empty.")
    if _CAREERSET_HEAD.match(head):
        return "yaml"
    suffix = path.suffix.lower()
    if _RENDERCV_HEAD.search(head):
        return "rendercv"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json" or head.startswith("{"):
        return "jsonresume"
    return "yaml"
