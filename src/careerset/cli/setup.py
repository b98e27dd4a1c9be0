"""`init` and `demo`: create a store, or show careerset working on a bundled sample career."""

import tempfile
from dataclasses import asdict
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from careerset.analysis.report import CareerReport

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


def try_next(report: "CareerReport") -> list[str]:
    """Commands to try after the demo, in order; each works as printed on a fresh install."""
    demo = f"careerset --profile {DEMO_PROFILE}"
    steps = [
        f"Keep the sample in your store, as profile '{DEMO_PROFILE}': `careerset demo --keep`."
    ]
    target = report.outlook.target
    if target:
        title = report.outlook.target_title or target
        steps.append(f"Its skill gaps to {title}: `{demo} gaps --target {target}`.")
        steps.append(f"A year's plan toward it: `{demo} plan --target {target} --months 12`.")
        if report.outlook.path:
            steps.append(f"Stepping stones toward it: `{demo} paths --target {target}`.")
    steps.append(f"Occupations close to its interests and skills: `{demo} explore`.")
    steps.append("Start your own record: `careerset init`, then `careerset add job --help`.")
    return steps


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
    from careerset.actions.report import career_report
    from careerset.cli.assess import render_assessment
    from careerset.cli.next_actions import cli_words
    from careerset.next_action import plain_words
    from careerset.paths import data_dir
    from careerset.reference.query import shared_reference
    from careerset.render.showcase import write_showcase

    reference = shared_reference()
    report = career_report(stored, reference, today)
    try:
        written = write_showcase(stored, report, reference, out or data_dir() / "demo", cli_words)
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
                "next_steps": [step.to_dict() for step in report.next_steps],
                "try_next": try_next(report),
                "files": files_written,
            }
        )
        return
    render_summary(summary)
    render_assessment(assessment)
    from careerset.render.report_text import outlook_lines

    # The sample lives in a throwaway store, so its advice is shown without commands (they
    # would run on the reader's own store); `try_next` offers commands that work as printed.
    console.print(
        "\n".join(outlook_lines(report.outlook, plain_words)), highlight=False, markup=False
    )
    name = summary.name or "the sample"
    console.print(f"What {name} could do next:", highlight=False, markup=False)
    for number, advice in enumerate(report.next_steps, start=1):
        console.print(f"  {number}. {plain_words(advice)}", highlight=False, markup=False)
    console.print("Try careerset on the sample:", highlight=False)
    for number, command in enumerate(try_next(report), start=1):
        console.print(f"  {number}. {command}", highlight=False, markup=False)
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
