"""`careerset code`: free-text job titles to ranked occupation codes, one JSON line each."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import typer

from careerset.cli.main import app
from careerset.cli.output import err_console
from careerset.errors import UserError

if TYPE_CHECKING:
    from careerset.coding.matcher import Match
    from careerset.coding.service import Coder

# Titles coded per call when reading stdin: large enough for vectorised speed and for the
# coder to share each call among the cores, small enough that output starts flowing and the
# progress bar moves.
CHUNK = 8192
PROGRESS_FROM = 2 * CHUNK


def _lines(titles: Sequence[str], coded: Sequence[Sequence[Match]]) -> Iterator[str]:
    """Each title's JSON line, as `json.dumps` writes `{"title": ..., "matches": [...]}`.

    An occupation's text up to its score is encoded once, not once per line: encoding the
    dictionaries line by line took a tenth of the time of coding 5,000 titles.
    """
    openings: dict[tuple[str, str], str] = {}
    for title, matches in zip(titles, coded, strict=True):
        parts: list[str] = []
        for code, name, score in matches:
            opening = openings.get((code, name))
            if opening is None:
                opening = openings[code, name] = (
                    f'{{"code": {json.dumps(code, ensure_ascii=False)}, '
                    f'"title": {json.dumps(name, ensure_ascii=False)}, "score": '
                )
            # json.dumps writes a float as its repr.
            parts.append(f"{opening}{round(score, 4)!r}}}")
        yield f'{{"title": {json.dumps(title, ensure_ascii=False)}, "matches": [{", ".join(parts)}]}}'


def _code_stream(coder: Coder, titles: list[str], top: int, description: str | None) -> None:
    descriptions = None if description is None else [description] * len(titles)
    show_progress = err_console.is_terminal and len(titles) >= PROGRESS_FROM
    if not show_progress:
        for start in range(0, len(titles), CHUNK):
            chunk = titles[start : start + CHUNK]
            extra = None if descriptions is None else descriptions[start : start + CHUNK]
            sys.stdout.write("\n".join(_lines(chunk, coder.code_many(chunk, extra, top))) + "\n")
        return
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("coding titles", total=len(titles))
        for start in range(0, len(titles), CHUNK):
            chunk = titles[start : start + CHUNK]
            extra = None if descriptions is None else descriptions[start : start + CHUNK]
            sys.stdout.write("\n".join(_lines(chunk, coder.code_many(chunk, extra, top))) + "\n")
            progress.advance(task, len(chunk))


@app.command("code")
def code(
    titles: list[str] | None = typer.Argument(
        None, help="Job titles to code; with none, one title per line is read from stdin."
    ),
    top: int = typer.Option(5, "--top", "-k", min=1, max=50, help="Matches per title."),
    scheme: str = typer.Option(
        "onet", "--scheme", help="Classification to code to: onet (O*NET-SOC) or esco."
    ),
    description: str | None = typer.Option(
        None, "--description", "-d", help="Duties or a job summary, used as extra evidence."
    ),
) -> None:
    """Code free-text job titles to occupations: one JSON line per title, best match first.

    The first match's score is the probability that it is the right occupation (at the 6-digit
    SOC level); the others are scaled alike. A title with nothing recognisable gets no matches.

    Example: careerset code "Sr. software engineer" "RN - ICU nights"

    Example: careerset code --top 3 --scheme esco "warehouse picker"

    Example: careerset code < titles.txt > codes.jsonl
    """
    from careerset.coding.service import SCHEMES, load_coder

    if scheme not in SCHEMES:
        raise UserError(f"Unknown scheme {scheme!r}; use --scheme onet or --scheme esco.")
    if titles:
        given = list(titles)
    else:
        if sys.stdin.isatty():
            raise UserError(
                "Give job titles as arguments, or pipe one title per line on stdin; "
                'e.g. careerset code "data analyst".'
            )
        given = [line.rstrip("\r\n") for line in sys.stdin]
    if not given:
        return
    from careerset.cli.job_coding import build_notice, store_confirmed_codes

    # Codes confirmed in the store (when there is one) teach the coder its person's titles.
    confirmed = store_confirmed_codes() if scheme == "onet" else []
    coder = load_coder(scheme, confirmed, on_build=build_notice)
    _code_stream(coder, given, top, description)
    sys.stdout.flush()
