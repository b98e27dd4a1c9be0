"""Every CV download the app offers: the renderers in `careerset.render` plus the two exports.

A third-party renderer (Typst, python-docx) that is missing on this machine removes one format
from the page with its reason instead of breaking the app.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from datetime import date

from careerset.facts.protocol import Reference
from careerset.interchange import json_resume, yaml_backup
from careerset.model.career import Career
from careerset.render.cv_tailor import CvOptions


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


def _missing(cv_format: CvFormat) -> str | None:
    """Why this format cannot be made here (a third-party renderer is not installed), or None."""
    for name in cv_format.needs:
        if importlib.util.find_spec(name) is None:
            return f"is not available here ({name} is missing)"
    return None


def availability() -> dict[str, str | None]:
    """Format key -> None when it can be downloaded, else the reason it cannot."""
    result: dict[str, str | None] = {}
    for cv_format in FORMATS:
        if cv_format.render_as is None:
            result[cv_format.key] = None
            continue
        result[cv_format.key] = _missing(cv_format)
    return result


def export_json_resume(career: Career) -> str:
    document = json_resume.career_to_json_resume(career)
    json_resume.validate_json_resume(document)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_yaml(career: Career) -> str:
    return yaml_backup.dump_yaml(yaml_backup.career_to_document(career))


def render_cv(
    key: str,
    career: Career,
    today: date,
    reference: Reference | None = None,
    options: CvOptions | None = None,
) -> bytes:
    """The CV (or export) in one format; an unavailable renderer raises LookupError."""
    cv_format = BY_KEY[key]
    if cv_format.render_as is None:
        text = export_json_resume(career) if key == "jsonresume" else export_yaml(career)
        return text.encode("utf-8")
    missing = _missing(cv_format)
    if missing is not None:
        raise LookupError(f"{cv_format.label} {missing}.")
    from careerset.render.cv_output import render_cv as render_document

    return render_document(career, cv_format.render_as, options, today, reference)
