"""`careerset cv`: the career as a tailored CV in PDF, HTML, Markdown or DOCX, optionally watched."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Hashable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from careerset.cli.main import app
from careerset.cli.output import console, err_console
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.model.career import Career

WATCH_INTERVAL = 1.0  # seconds between polls of the store


class CvFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    MD = "md"
    DOCX = "docx"


class Design(StrEnum):
    CLASSIC = "classic"
    MODERN = "modern"


def store_fingerprint() -> Hashable:
    """What changes whenever the profile's record does: entry count, newest update, person."""
    with transaction() as (session, profile):
        career = session.load_career(profile)
    stamps = [e.updated for e in career.entries if e.updated is not None]
    return (len(career.entries), max(stamps, default=None), career.person.model_dump_json())


def watch_store(
    render_once: Callable[[], None],
    fingerprint: Callable[[], Hashable],
    interval: float = WATCH_INTERVAL,
    duration: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Render, then re-render whenever `fingerprint` changes; returns how many renders ran.

    Stops after `duration` seconds when given, and quietly on Ctrl-C.
    """
    renders, last = 0, fingerprint()
    render_once()
    renders += 1
    started = time.monotonic()
    try:
        while duration is None or time.monotonic() - started < duration:
            sleep(interval)
            current = fingerprint()
            if current != last:
                last = current
                render_once()
                renders += 1
    except KeyboardInterrupt:
        err_console.print("Stopped watching.", highlight=False)
    return renders


def write_output(
    data: bytes, output: Path | None, default_name: str, binary: bool, what: str
) -> None:
    """Text goes to stdout without -o; binary formats go to a default file, and say so."""
    if output is None and not binary:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    target = output or Path(default_name)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise UserError(
            f"cannot write {target}: {error.strerror}; choose another path with -o."
        ) from None
    note = "" if output is not None else " (no -o given)"
    console.print(f"Wrote the {what} to {target}{note}.", highlight=False)


def _load() -> Career:
    with transaction() as (session, profile):
        return session.load_career(profile)


@app.command("cv")
def cv_command(
    cv_format: Annotated[
        CvFormat, typer.Option("--format", "-f", help="pdf, html, md (Markdown) or docx.")
    ] = CvFormat.PDF,
    design: Annotated[
        Design, typer.Option("--design", help="classic (one column) or modern (two columns).")
    ] = Design.CLASSIC,
    tags: Annotated[
        str | None,
        typer.Option("--tags", help="Only entries tagged with any of these (comma-separated)."),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option(
            "--since", min=1000, max=2999, help="Leave out entries that ended before YEAR."
        ),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages", min=1, max=50, help="Trim the oldest, least relevant entries to fit."
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target", help="Order highlights and skills by relevance to this O*NET-SOC code."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (pdf/docx default: cv.pdf / cv.docx)."
        ),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", help="Keep running and re-render whenever the record changes (Ctrl-C stops)."
        ),
    ] = False,
    watch_for: Annotated[
        float | None, typer.Option("--watch-for", hidden=True, help="Stop watching after SECONDS.")
    ] = None,
) -> None:
    """Render your career as a CV, tailored by tags, year, target occupation and page budget.

    Example: careerset cv --format pdf --tags data --max-pages 1 -o cv.pdf
    """
    from careerset.actions.cv import cv_options
    from careerset.render.cv_output import BINARY_FORMATS, SUFFIXES, render_cv

    options = cv_options(design.value, tags, since, target, max_pages)
    binary = cv_format.value in BINARY_FORMATS
    if watch and output is None:
        output = Path("cv" + SUFFIXES[cv_format.value])

    def render_once() -> None:
        career = _load()
        reference = None
        if target:
            from careerset.reference.query import shared_reference

            reference = shared_reference()
        data = render_cv(career, cv_format.value, options, date.today(), reference)
        write_output(data, output, "cv" + SUFFIXES[cv_format.value], binary, "CV")

    if not watch:
        render_once()
        return
    err_console.print(f"Watching the record; {output} is re-rendered on change (Ctrl-C stops).")
    watch_store(render_once, store_fingerprint, duration=watch_for)
