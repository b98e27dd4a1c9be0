"""Fixtures shared by the whole suite: isolated careerset homes and the shared data folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh CAREERSET_HOME, so no test touches the user's real files."""
    monkeypatch.setenv("CAREERSET_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CAREERSET_DB", raising=False)
    monkeypatch.delenv("CAREERSET_REFERENCE_DIR", raising=False)
    yield tmp_path / "home"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`, or skip when it is absent (as on a user's machine)."""
    if not (SHARED_DATA / "onet").is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
