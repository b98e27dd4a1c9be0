"""The one check that an O*NET-SOC code a person gives (a job's occupation, a goal's target)
exists in the reference data in use; every front end calls `check_entry_codes`.

Codes from a newer O*NET-SOC taxonomy than the reference are refused unless the environment
variable CAREERSET_ACCEPT_NEW_CODES is set to 1. Codes stored earlier are never re-checked,
so old careers still open.
"""

import difflib
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache

from careerset.errors import UserError
from careerset.model.entries import Entry, Goal, Job

ACCEPT_NEW_CODES = "CAREERSET_ACCEPT_NEW_CODES"


@lru_cache(maxsize=4)
def _codes_of(pack_key: str) -> frozenset[str]:
    from careerset.reference.query import open_reference

    reference = open_reference()
    try:
        return frozenset(occupation.code for occupation in reference.occupations())
    finally:
        reference.close()


def known_occupation_codes() -> frozenset[str]:
    """The O*NET-SOC codes of the reference in use (the installed pack or the embedded list)."""
    from careerset.reference.connection import pack_path

    path = pack_path()
    key = f"{path}:{path.stat().st_mtime_ns}" if path.is_file() else "embedded"
    return _codes_of(key)


def closest_codes(code: str, known: Iterable[str], count: int = 3) -> list[str]:
    """Known codes that look most like `code`, those of its 6-digit SOC group first."""
    ordered = sorted(known)
    family = [candidate for candidate in ordered if candidate[:7] == code[:7]]
    group = [candidate for candidate in ordered if candidate[:2] == code[:2]]
    similar = difflib.get_close_matches(code, group or ordered, n=count, cutoff=0.0)
    return list(dict.fromkeys(family + similar))[:count]


def check_code(code: str, known: frozenset[str]) -> None:
    """Raise a UserError naming the closest valid codes when `code` is not in `known`."""
    if code in known or os.environ.get(ACCEPT_NEW_CODES) == "1":
        return
    suggestions = ", ".join(closest_codes(code, known))
    raise UserError(
        f"{code} is not an occupation in the reference data; the closest codes are "
        f"{suggestions} (set {ACCEPT_NEW_CODES}=1 to accept codes of a newer O*NET release)."
    )


def check_entry_codes(entries: Sequence[Entry], known: frozenset[str] | None = None) -> None:
    """Every job occupation code and goal target code in `entries` exists in the reference."""
    codes = [
        code
        for entry in entries
        for code in (
            [entry.occupation_code]
            if isinstance(entry, Job) and entry.occupation_code
            else entry.target_codes
            if isinstance(entry, Goal)
            else []
        )
    ]
    if not codes:
        return
    reference = known if known is not None else known_occupation_codes()
    for code in codes:
        check_code(code, reference)
