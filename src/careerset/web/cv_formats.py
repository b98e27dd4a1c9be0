"""Every CV download the app offers: the renderers in `careerset.render` plus the two exports.

The render layer is looked up when first used, so a renderer that is missing on this
machine removes one format from the page with its reason instead of breaking the app.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from careerset.interchange import json_resume, yaml_backup
from careerset.model.career import Career


@dataclass(frozen=True)
class CvFormat:
    """One downloadable format: how it is named, typed and produced."""

    key: str
    label: str
    media_type: str
    suffix: str
    render_as: str | None  # the format name `careerset.render.cv_output` knows, or an export
    needs: tuple[str, ...] = ()  # modules the renderer imports only when used


FORMATS = (
    CvFormat("pdf", "PDF", "application/pdf", "pdf", "pdf", ("typst",)),
    CvFormat("html", "HTML", "text/html; charset=utf-8", "html", "html"),
    CvFormat("markdown", "Markdown", "text/markdown; charset=utf-8", "md", "md"),
    CvFormat(
        "docx",
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        "docx",
        ("docx",),
    ),
    CvFormat("jsonresume", "JSON Resume", "application/json", "json", None),
    CvFormat("yaml", "careerset YAML", "application/yaml", "yaml", None),
)
BY_KEY = {f.key: f for f in FORMATS}
RENDER_MODULE = "careerset.render.cv_output"


def _renderer(cv_format: CvFormat) -> Callable[..., bytes] | str:
    """`render_cv` of the render layer, or why this format cannot be made here."""
    try:
        module = importlib.import_module(RENDER_MODULE)
        for name in cv_format.needs:
            importlib.import_module(name)
    except ImportError as error:
        return f"is not available here ({error.name or 'a module'} is missing)"
    known: tuple[str, ...] = getattr(module, "CV_FORMATS", ())
    function = getattr(module, "render_cv", None)
    if function is None or cv_format.render_as not in known:
        return "is not available in this version"
    found: Callable[..., bytes] = function
    return found


def availability() -> dict[str, str | None]:
    """Format key -> None when it can be downloaded, else the reason it cannot."""
    result: dict[str, str | None] = {}
    for cv_format in FORMATS:
        if cv_format.render_as is None:
            result[cv_format.key] = None
            continue
        found = _renderer(cv_format)
        result[cv_format.key] = found if isinstance(found, str) else None
    return result


def export_json_resume(career: Career) -> str:
    document = json_resume.career_to_json_resume(career)
    json_resume.validate_json_resume(document)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_yaml(career: Career) -> str:
    return yaml_backup.dump_yaml(yaml_backup.career_to_document(career))


def render_cv(key: str, career: Career, today: date, reference: Any = None) -> bytes:
    """The CV (or export) in one format; an unavailable renderer raises LookupError."""
    cv_format = BY_KEY[key]
    if cv_format.render_as is None:
        text = export_json_resume(career) if key == "jsonresume" else export_yaml(career)
        return text.encode("utf-8")
    found = _renderer(cv_format)
    if isinstance(found, str):
        raise LookupError(f"{cv_format.label} {found}.")
    return found(career, cv_format.render_as, today=today, reference=reference)
