"""`init` and `demo`: create a store, or show careerset working on a bundled sample career."""

import tempfile
from dataclasses import asdict
from datetime import date
from importlib.resources import files
from pathlib import Path

import typer
from rich.panel import Panel
from rich.table import Table

from careerset.analysis.summary import CareerSummary, summarize
from careerset.cli.main import app
from careerset.cli.output import console, print_json
from careerset.cli.state import current_state
from careerset.cli.store_access import opened_store
from careerset.errors import UserError
from careerset.interchange import yaml_backup
from careerset.model.career import Career
from careerset.wording import count_of

DEMO_PROFILE = "demo"


def load_demo_career() -> Career:
    """The bundled sample career (Maya Okafor, fictional)."""
    text = (files("careerset.samples") / "demo_career.yaml").read_text(encoding="utf-8")
    return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text))


@app.command("init")
def init_command() -> None:
    """Create the store (or bring an old one up to date) and the current profile.

    Example: careerset --db ~/career.sqlite init
    """
    state = current_state()
    with opened_store(state.db) as store, store.transaction() as session:
        session.ensure_profile(state.profile)
        where = store.engine.url.render_as_string(hide_password=True)
    console.print(f"Store ready at {where} with profile '{state.profile}'.", highlight=False)


def render_summary(summary: CareerSummary) -> None:
    """Print the set at a glance for people."""
    title = f"The career of {summary.name}" if summary.name else "The career"
    counts = ", ".join(count_of(n, k) for k, n in summary.counts.items())
    console.print(Panel(f"{counts}\n{count_of(summary.years_worked, 'year')} of work", title=title))
    table = Table("employer", "roles", "from", "to", title="Jobs, grouped by employer")
    for line in summary.employers:
        table.add_row(line.organization, "\n".join(line.roles), line.start, line.end)
    console.print(table)
    if summary.employment_types:
        types = ", ".join(f"{k} {v}" for k, v in summary.employment_types.items())
        console.print(f"Employment types: {types}", highlight=False)
    if summary.skills:
        top = ", ".join(f"{name} ({n})" for name, n in summary.skills[:10])
        console.print(f"Skills evidenced (entries showing each): {top}", highlight=False)
    for goal in summary.goals:
        console.print(f"Goal: {goal}", highlight=False)


@app.command("demo")
def demo_command(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    keep: bool = typer.Option(
        False,
        "--keep",
        help="Load the sample into the chosen store's 'demo' profile, not a temporary one.",
    ),
    out: Path | None = typer.Option(
        None, "--out", help="Folder for the sample's CV and report (default: <data dir>/demo)."
    ),
) -> None:
    """Load a bundled sample career into a throwaway profile and show what careerset makes of it.

    Works offline on a fresh install. Also writes the sample's CV (PDF, HTML) and career
    report (HTML, PDF) and prints where.

    Example: careerset demo --out ./demo
    """
    career = load_demo_career()
    with tempfile.TemporaryDirectory(prefix="careerset-demo-") as folder:
        target = current_state().db if keep else str(Path(folder) / "demo.sqlite")
        with opened_store(target) as store:
            with store.transaction() as session:
                session.replace_career(DEMO_PROFILE, career)
            with store.transaction() as session:
                stored = session.load_career(DEMO_PROFILE)
    today = date.today()
    summary = summarize(stored, today)
    # Imported here: the assessment pulls in the reference layer, which `init` does not need.
    from careerset.analysis.report import build_report
    from careerset.cli.assess import render_assessment
    from careerset.paths import data_dir
    from careerset.reference.query import open_reference
    from careerset.render.showcase import write_showcase

    reference = open_reference()
    report = build_report(stored, today, reference, reference_kind=reference.kind)
    try:
        written = write_showcase(stored, report, reference, out or data_dir() / "demo")
    except OSError as error:
        raise UserError(
            f"cannot write the demo files: {error}; choose a folder with --out."
        ) from None
    assessment = report.assessment
    if as_json:
        verdicts = assessment.to_list()
        files_written = {name: str(path) for name, path in written.items()}
        print_json(
            {
                "profile": DEMO_PROFILE,
                "summary": asdict(summary),
                "assessment": verdicts,
                "outlook": report.outlook.to_dict(),
                "next_steps": report.next_steps,
                "files": files_written,
            }
        )
        return
    render_summary(summary)
    render_assessment(assessment)
    from careerset.render.report_text import outlook_lines

    console.print("\n".join(outlook_lines(report.outlook)), highlight=False, markup=False)
    console.print("What to do next:", highlight=False)
    for number, step in enumerate(report.next_steps, start=1):
        console.print(f"  {number}. {step}", highlight=False, markup=False)
    for name, path in written.items():
        console.print(f"Wrote the sample's {name}: {path}", highlight=False, soft_wrap=True)
    console.print(how_to_run(), highlight=False, markup=False, soft_wrap=True)


def how_to_run() -> str:
    """The demo's last line: how to run `careerset` yourself from this install."""
    import shutil
    import sys

    start = "Start your own career set with `careerset init` (then see `careerset --help`)"
    if sys.prefix != sys.base_prefix and shutil.which("careerset") is None:
        activate = Path(sys.prefix) / "bin" / "activate"
        return f"{start}; first put careerset on your PATH with `. {activate}`."
    return f"{start}."
