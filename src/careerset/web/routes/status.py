"""The data status page: which store and profile are open, and which reference data is in use."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerset.web.context import WebContext, get_context
from careerset.web.pages import render

router = APIRouter()
Context = Annotated[WebContext, Depends(get_context)]


def data_status(context: WebContext) -> dict[str, Any]:
    """Store, profile, entry counts and the reference's origin, sources and features."""
    with context.transaction() as session:
        profiles = session.profile_names()
        entries = session.list_entries(context.profile)
    counts: dict[str, int] = {}
    for entry in entries:
        counts[str(entry.kind)] = counts.get(str(entry.kind), 0) + 1
    reference = context.reference().status()
    url = context.store.engine.url.render_as_string(hide_password=True)
    path = reference.path
    if context.server:
        # Clients of a server learn nothing of its file system.
        url = f"{context.store.engine.url.get_backend_name()} server store"
        path = None
    return {
        "store": url,
        "profile": context.profile,
        "profiles": profiles,
        "entries": dict(sorted(counts.items())),
        "reference": {
            "kind": reference.kind,
            "path": path,
            "build_id": reference.build_id,
            "built_at": reference.built_at,
            "sources": [
                {"name": s.name, "release": s.release, "rows": s.rows} for s in reference.sources
            ],
            "features": reference.features,
            "attribution": reference.attribution,
        },
    }


@router.get("/status", response_class=HTMLResponse)
def status_page(request: Request, context: Context) -> HTMLResponse:
    return render(request, "status.html", status=data_status(context))
