"""Render Jinja2 pages with what every page needs: navigation, the CSRF token, the profile."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from careerset.web.context import WebContext
from careerset.web.next_actions import href_for
from careerset.web.security import CSRF_FIELD, csrf_token

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# (path, label) in menu order; every page of the app is reachable from here.
NAVIGATION = (
    ("/", "Dashboard"),
    ("/entries", "Entries"),
    ("/person", "About you"),
    ("/profiler", "Interests"),
    ("/assessment", "Assessment"),
    ("/occupations", "Occupations"),
    ("/next-steps", "Next steps"),
    ("/report", "Report"),
    ("/codes", "Codes"),
    ("/cv", "CV"),
    ("/exchange", "Import / export"),
    ("/status", "Data status"),
)


def account_navigation(role: str) -> tuple[tuple[str, str], ...]:
    """Server mode: the account pages for a role, after the career pages."""
    if role == "client":
        return (("/sharing", "Sharing"), ("/account", "Account"))
    return (("/clients", "Clients"), ("/account", "Account"))


_CODE = re.compile(r"\b\d\d-\d{4}(?:\.\d\d)?\b")


def keep_codes_whole(text: object) -> Markup:
    """Escape `text` and wrap each O*NET-SOC code in it so a line never breaks inside the code."""
    escaped = str(escape(text))
    return Markup(_CODE.sub(lambda m: f'<span class="code">{m.group(0)}</span>', escaped))


def _environment() -> Environment:
    # Autoescape everything: every value a person typed is shown somewhere.
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["navigation"] = NAVIGATION
    environment.globals["account_navigation"] = account_navigation
    environment.globals["csrf_field"] = CSRF_FIELD
    environment.filters["label"] = lambda name: str(name).replace("_", " ")
    environment.filters["codes"] = keep_codes_whole
    environment.globals["href_for"] = href_for
    return environment


ENVIRONMENT = _environment()


def page_context(request: Request) -> WebContext:
    """The request's own context (server mode, once signed in) or the app's."""
    context: WebContext | None = getattr(request.state, "context", None)
    if context is None:
        context = request.app.state.context
    assert context is not None
    return context


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A full page; `values` become template variables next to the shared ones."""
    context = page_context(request)
    page = ENVIRONMENT.get_template(template)
    html = page.render(
        request_path=request.url.path,
        csrf_token=csrf_token(request),
        profile=context.profile_or_none(),
        server=context.server,
        user=context.actor,
        can_edit=context.can_edit,
        **values,
    )
    return HTMLResponse(html, status_code=status_code)
