"""Data status: which store and profile are open, what they hold, and which reference is in use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerset.facts.profile import ReferenceStatus
    from careerset.store.repository import StoreSession


def data_status(
    session: StoreSession,
    profile: str,
    store_label: str,
    reference: ReferenceStatus,
    private: bool,
) -> dict[str, Any]:
    """Store, profile, entry counts and the reference's origin, sources and features.

    `private` (a server's clients): no file path of the server is shown."""
    profiles = session.profile_names()
    counts: dict[str, int] = {}
    for entry in session.list_entries(profile):
        counts[str(entry.kind)] = counts.get(str(entry.kind), 0) + 1
    return {
        "store": store_label,
        "profile": profile,
        "profiles": profiles,
        "entries": dict(sorted(counts.items())),
        "reference": {
            "kind": reference.kind,
            "path": None if private else reference.path,
            "build_id": reference.build_id,
            "built_at": reference.built_at,
            "sources": [
                {"name": s.name, "release": s.release, "rows": s.rows} for s in reference.sources
            ],
            "features": reference.features,
            "attribution": reference.attribution,
        },
    }
