"""Reading import files (size cap, UTF-8, clear refusals) and detecting their format."""

import os
import time
from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.interchange.files import detect_format, read_text_file


def test_reads_utf8_and_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "résumé.json"
    path.write_bytes('\ufeff{"name": "Zoë"}'.encode())
    assert read_text_file(path) == '{"name": "Zoë"}'


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:  # sparse: 50 MB long without writing 50 MB
        stream.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(UserError, match="larger than 20.0 MB"):
        read_text_file(path)
    assert time.monotonic() - started < 1


def test_the_limit_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "ten.txt"
    path.write_text("0123456789")
    assert read_text_file(path, max_bytes=10) == "0123456789"
    with pytest.raises(UserError, match="larger than 9 bytes"):
        read_text_file(path, max_bytes=9)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("missing.json", lambda p: None, "There is no file at"),
        ("folder", lambda p: p.mkdir(), "is a folder"),
        ("latin1.json", lambda p: p.write_bytes('{"n": "Zo\xeb"}'.encode("latin-1")), "not UTF-8"),
        ("utf16.json", lambda p: p.write_text("{}", encoding="utf-16"), "not UTF-8"),
    ],
)
def test_unreadable_files_are_one_user_error(tmp_path: Path, name: str, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    make(path)
    with pytest.raises(UserError, match=message):
        read_text_file(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(UserError, match="not a regular file"):
        read_text_file(path)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("resume.json", '{"basics": {}}', "jsonresume"),
        ("resume.JSON", "{}", "jsonresume"),
        ("career.yaml", "format: careerset\n", "yaml"),
        ("career.yml", "format: careerset\n", "yaml"),
        ("career.json", '{"format": "careerset", "version": 1}', "yaml"),
        ("backup.json", '\ufeff{ "format": "careerset-backup"}', "yaml"),
        ("download", '  {"work": []}', "jsonresume"),
        ("download", "format: careerset\n", "yaml"),
        ("notes.txt", "person:\n  name: Ada\n", "yaml"),
        ("John_Doe_CV.yaml", "cv:\n  name: John Doe\n", "rendercv"),
        ("cv.yml", "# made by hand\ndesign:\n  theme: classic\ncv: # me\n  name: J\n", "rendercv"),
        ("career.yaml", "format: careerset\nperson:\n  cv: 1\n", "yaml"),
    ],
)
def test_detect_format(name: str, text: str, expected: str) -> None:
    assert detect_format(Path(name), text) == expected


def test_an_empty_file_has_no_format() -> None:
    with pytest.raises(UserError, match="is empty"):
        detect_format(Path("empty.json"), " \n")
