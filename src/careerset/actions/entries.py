"""Adding and changing entries from the web form and the JSON API: codes checked, jobs coded.

Every occupation code a person gives (a job's, a goal's targets) must exist in the reference
data; a job saved without one gets the coder's confident guess, as `careerset add job` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerset.coding.validation import check_entry_codes
from careerset.model.entries import Entry, Goal, Job

if TYPE_CHECKING:
    from careerset.coding.service import Coder
    from careerset.store.repository import StoreSession


def _given_codes(entry: Entry) -> set[str]:
    if isinstance(entry, Job):
        return {entry.occupation_code} if entry.occupation_code else set()
    if isinstance(entry, Goal):
        return set(entry.target_codes)
    return set()


def add_entry(session: StoreSession, profile: str, entry: Entry, coder: Coder) -> Entry:
    """Check the entry's codes, code an uncoded job, and store it; returns what was stored."""
    from careerset.coding.autocode import code_job

    check_entry_codes([entry])
    if isinstance(entry, Job):
        entry = code_job(entry, coder, session.confirmed_codes())
    return session.add_entry(profile, entry)


def change_entry(session: StoreSession, profile: str, entry: Entry, before: Entry) -> Entry:
    """Store the changed entry; only codes that are new in it are checked, so an entry stored
    earlier with a code the reference no longer has can still be edited."""
    if _given_codes(entry) - _given_codes(before):
        check_entry_codes([entry])
    return session.update_entry(profile, entry)
