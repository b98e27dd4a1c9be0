"""Compile the packaged Typst templates with data passed as JSON, never as Typst source.

The user's text reaches Typst only through `sys.inputs`, decoded by the template with
`json(...)`, so it is always a string value and never markup: no escaping to get wrong.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typst

PAPERS = ("a4", "us-letter")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@lru_cache(maxsize=1)
def fonts() -> typst.Fonts:
    """Typst's embedded fonts plus the DejaVu family that ships inside matplotlib.

    System fonts are ignored so a CV looks the same on every machine; DejaVu covers
    Arabic, Hebrew, Cyrillic and Greek, which Typst's embedded fonts do not.
    """
    import matplotlib
    import typst

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(folder)]
    )


@lru_cache(maxsize=4)
def template(name: str) -> bytes:
    return (files("careerset.render") / "templates" / name).read_bytes()


def compile_document(
    name: str,
    data: dict[str, Any],
    paper: str = "a4",
    output_format: str = "pdf",
    extra: dict[str, str] | None = None,
) -> bytes | list[bytes]:
    """Compile template `name` with `data`; PDF bytes, or PNG bytes per page."""
    import typst

    inputs = {"data": json.dumps(data, ensure_ascii=False), "paper": paper, **(extra or {})}
    if output_format == "png":
        return typst.compile(
            template(name), font_paths=fonts(), sys_inputs=inputs, format="png", ppi=72
        )
    result = typst.compile(template(name), font_paths=fonts(), sys_inputs=inputs, format="pdf")
    assert isinstance(result, bytes)
    return result


def compile_pdf(name: str, data: dict[str, Any], paper: str = "a4") -> bytes:
    result = compile_document(name, data, paper)
    assert isinstance(result, bytes)
    return result


def page_count(pdf: bytes) -> int:
    """Pages in a PDF Typst wrote (page objects are not compressed in its output)."""
    return len(_PAGE_OBJECT.findall(pdf))
