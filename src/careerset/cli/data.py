"""`careerset data install|status`: install the reference pack and show what it holds."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, NamedTuple

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from careerset.cli.main import app
from careerset.cli.output import console, err_console, print_json
from careerset.reference.builder import BUILD_STEPS, BuildResult
from careerset.reference.query import open_reference
from careerset.reference.status import status_as_dict

data_app = typer.Typer(
    help=(
        "Install and inspect the reference data (O*NET, BLS OEWS wages, ESCO).\n\n"
        "Example: careerset data install --from ~/Downloads/db_30_0_text.zip"
    ),
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")


class _BuildProgress:
    """A Rich bar on stderr: one tick per build step, one byte bar per download."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._build: TaskID | None = None
        self._downloads: dict[str, TaskID] = {}
        # Piped or logged output gets plain lines instead (a bar there would print nothing).
        self._lines = not err_console.is_terminal
        self._steps = 0
        self._reported: dict[str, int] = {}

    def step(self, description: str) -> None:
        if self._lines:
            self._steps += 1
            _line(f"Building pack ({self._steps}/{BUILD_STEPS}): {description}")
            return
        if self._build is None:
            self._build = self._progress.add_task("Building pack", total=BUILD_STEPS, detail="")
        else:
            self._progress.advance(self._build)
        done = int(self._progress.tasks[self._build].completed)
        self._progress.update(
            self._build, description=f"Building pack: {description}", detail=f"{done}/{BUILD_STEPS}"
        )

    def bytes(self, name: str, done: int, total: int | None) -> None:
        if self._lines:
            # A line per tenth of the file (or per 10 MB when its size is unknown).
            unit = max(total // 10, 1) if total else 10_000_000
            if done // unit > self._reported.get(name, -1) or (total and done >= total):
                self._reported[name] = done // unit
                size = f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
                _line(f"Downloading {name}: {size}")
            return
        task = self._downloads.get(name)
        if task is None:
            task = self._progress.add_task(f"Downloading {name}", total=total, detail="")
            self._downloads[name] = task
        size = f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
        self._progress.update(task, completed=done, total=total, detail=size)

    def finish(self) -> None:
        if self._build is not None:
            self._progress.update(self._build, completed=BUILD_STEPS)


def _line(text: str) -> None:
    err_console.print(text, markup=False, highlight=False, soft_wrap=True)


def _progress() -> Progress:
    # One `detail` text column serves both kinds of task: steps (3/19) and bytes (MB).
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _report(
    result: BuildResult,
    seconds: float,
    notes: list[str],
    as_json: bool,
    indexed: _IndexReport | None = None,
) -> None:
    reference = open_reference(result.path)
    try:
        info = reference.status()
    finally:
        reference.close()
    if as_json:
        print_json(
            {
                **status_as_dict(info),
                "build_seconds": round(seconds, 2),
                "title_index": indexed._asdict() if indexed else None,
                "notes": notes,
            }
        )
        return
    for note in notes:
        err_console.print(f"note: {note}", markup=False, highlight=False)
    disabled = ", ".join(sorted(n for n, on in info.features.items() if not on)) or "none"
    console.print(
        f"Installed the reference pack at {result.path} (build {result.build_id}) "
        f"in {seconds:.1f} s. Disabled features: {disabled}.",
        markup=False,
        highlight=False,
    )
    if indexed and indexed.schemes:
        console.print(
            f"Built the job title index ({', '.join(indexed.schemes)}) in {indexed.seconds:.1f} s.",
            markup=False,
            highlight=False,
        )


@data_app.command("install")
def install(
    from_path: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Build offline from a data folder (with onet/, esco/), an O*NET folder or zip.",
        ),
    ] = None,
    source: str | None = typer.Option(
        None,
        "--source",
        envvar="CAREERSET_DOWNLOAD_MANIFEST",
        help="URL or path of a download manifest JSON (default: the official releases).",
    ),
    index: bool = typer.Option(
        True,
        "--index/--no-index",
        help="Also build the job title coder's index now (about a minute on the full data);"
        " without it, the index is built the first time a title is coded.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the installed pack's status as JSON."
    ),
) -> None:
    """Download the official releases (or use --from) and build the reference pack, then the
    job title coder's index for it.

    The new pack is built beside the installed one and swapped in only when complete.

    Example: careerset data install --from ~/Downloads/db_30_0_text.zip
    """
    from careerset.reference.install import install_from_manifest, install_from_path

    started = time.perf_counter()
    notes: list[str] = []
    with _progress() as bar:
        tracker = _BuildProgress(bar)
        if from_path is not None:
            result = install_from_path(from_path, tracker.step)
        else:
            result, notes = install_from_manifest(source, tracker.bytes, tracker.step)
        tracker.finish()
    seconds = time.perf_counter() - started
    indexed: _IndexReport | None = None
    if index:
        with _progress() as bar:
            indexed = _build_title_index(result.path, bar, notes)
    _report(result, seconds, notes, as_json, indexed)


class _IndexReport(NamedTuple):
    schemes: list[str]  # the schemes whose index was built
    seconds: float


def _build_title_index(pack: Path, bar: Progress, notes: list[str]) -> _IndexReport:
    """Build the coder's indexes for the new pack. A failure is a note, never a failed install:
    the index is built again the first time a title is coded."""
    from careerset.coding.service import SCHEMES, build_index_for_pack

    started = time.perf_counter()
    task = bar.add_task("Building the job title index", total=len(SCHEMES), detail="")
    built: list[str] = []
    for scheme in SCHEMES:
        bar.update(task, description=f"Building the job title index: {scheme}")
        if not err_console.is_terminal:
            _line(f"Building the job title index: {scheme}")
        try:
            if build_index_for_pack(pack, schemes=(scheme,)):
                built.append(scheme)
        except Exception as error:  # any failure: the index is rebuilt lazily, the pack stays
            reason = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
            notes.append(
                f"the {scheme} title index was not built ({type(error).__name__}"
                f"{': ' + reason if reason else ''}); it will be built when first needed."
            )
        bar.advance(task)
    return _IndexReport(built, round(time.perf_counter() - started, 2))


@data_app.command("status")
def status(
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
) -> None:
    """Show which reference data is in use, its sources and which features are disabled.

    Example: careerset data status --json
    """
    reference = open_reference()
    try:
        info = reference.status()
    finally:
        reference.close()
    if as_json:
        print_json(status_as_dict(info))
        return
    where = info.path or "embedded default (run `careerset data install` for the full data)"
    console.print(f"Reference: {info.kind} — {where}", markup=False, highlight=False)
    console.print(
        f"Schema {info.schema_version}, build {info.build_id}, built {info.built_at or '-'}",
        markup=False,
        highlight=False,
    )
    sources = Table("source", "release", "rows", "sha256")
    for item in info.sources:
        sources.add_row(item.name, item.release or "-", str(item.rows), item.sha256[:16])
    console.print(sources)
    present = sorted(name for name, on in info.features.items() if on)
    disabled = sorted(name for name, on in info.features.items() if not on)
    console.print(f"Present: {', '.join(present)}", markup=False, highlight=False)
    console.print(f"Disabled: {', '.join(disabled) or 'none'}", markup=False, highlight=False)
    console.print(info.attribution, markup=False, highlight=False)
