"""The Jinja2 environment for HTML output: packaged templates, autoescaping always on."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2

    # Autoescape every template whatever its name: all our templates produce HTML.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("careerset.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def stylesheet(name: str) -> str:
    """A packaged stylesheet, inlined so the page needs nothing from elsewhere."""
    from markupsafe import Markup

    css = (files("careerset.render") / "templates" / name).read_text(encoding="utf-8")
    # Our own file, never user data; it must not close the <style> element early.
    assert "</" not in css
    return Markup(css)
