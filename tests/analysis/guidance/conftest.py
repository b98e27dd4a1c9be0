"""The real reference pack, opened once, for the guidance tests (skips without shared data)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from careerset.reference.query import ReferencePack, open_reference


@pytest.fixture(scope="session")
def pack(reference_pack: Path) -> Iterator[ReferencePack]:
    reference = open_reference(reference_pack)
    yield reference
    reference.close()
