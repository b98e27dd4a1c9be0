"""A tailored CV: the options a person chose, checked once for the CLI and the web app."""

from __future__ import annotations

from careerset.errors import UserError
from careerset.render.cv_tailor import CvOptions

DESIGNS = ("classic", "modern")
MAX_PAGES = 50


def split_tags(text: str | None) -> tuple[str, ...]:
    """`clinical, leadership` -> ("clinical", "leadership")."""
    return tuple(t.strip() for t in (text or "").split(",") if t.strip())


def cv_options(
    design: str = "classic",
    tags: str | None = None,
    since: int | None = None,
    target: str | None = None,
    max_pages: int | None = None,
) -> CvOptions:
    """The CV options, or a user error naming the one that is wrong."""
    if design not in DESIGNS:
        raise UserError(f"There is no CV design '{design[:20]}'; use classic or modern.")
    if since is not None and not 1000 <= since <= 2999:
        raise UserError(f"{since} is not a year; give one like 2018.")
    if max_pages is not None and not 1 <= max_pages <= MAX_PAGES:
        raise UserError(f"Give a page budget from 1 to {MAX_PAGES}, not {max_pages}.")
    code = (target or "").strip() or None
    return CvOptions(design, split_tags(tags), since, code, max_pages)
