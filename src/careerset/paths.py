"""Where careerset keeps its files: the user store and the installed reference pack.

`CAREERSET_HOME` moves everything (tests and throwaway demos use it); otherwise the
platform's user data directory is used.
"""

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir


def data_dir() -> Path:
    """The folder that holds the default store and the reference pack."""
    home = os.environ.get("CAREERSET_HOME")
    return Path(home) if home else Path(user_data_dir("careerset", appauthor=False))


def default_store_path() -> Path:
    """The SQLite file used when neither `--db` nor `CAREERSET_DB` is given."""
    return data_dir() / "careerset.sqlite"


def reference_dir() -> Path:
    """The folder holding installed reference packs and download caches."""
    override = os.environ.get("CAREERSET_REFERENCE_DIR")
    return Path(override) if override else data_dir() / "reference"


def cache_dir() -> Path:
    """Files careerset can rebuild at will, such as the unpacked embedded reference data.

    `CAREERSET_CACHE_DIR` moves only the cache (the test suite shares one across homes).
    """
    override = os.environ.get("CAREERSET_CACHE_DIR")
    if override:
        return Path(override)
    home = os.environ.get("CAREERSET_HOME")
    return Path(home) / "cache" if home else Path(user_cache_dir("careerset", appauthor=False))
