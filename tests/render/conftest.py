"""Shared fixtures for render tests; the careers and helpers live in `cases`."""

import pytest

from careerset.model.career import Career

from .cases import all_careers


@pytest.fixture(scope="session")
def careers() -> dict[str, Career]:
    return all_careers()
