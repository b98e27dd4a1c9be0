"""`careerset assess` and `careerset report`: the verdict for every job, and the career report."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from careerset.actions.assessment import assess
from careerset.analysis.verdict import CAREER_STEP, JOB, Assessment
from careerset.cli.main import app
from careerset.cli.next_actions import cli_words
from careerset.cli.output import console, print_json
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.model.career import Career
from careerset.next_action import Advice, NextAction
from careerset.reference.query import shared_reference

if TYPE_CHECKING:
    from careerset.analysis.report import CareerReport

_STYLES = {CAREER_STEP: "green", JOB: "red"}


def load_career() -> Career:
    with transaction() as (session, profile):
        return session.load_career(profile)


def render_assessment(assessment: Assessment) -> None:
    """A table for people: job, verdict and the strongest reason (the score is in --json)."""
    if not assessment.verdicts:
        text = cli_words(Advice("No jobs to assess yet; add one.", NextAction("add_job")))
        console.print(text, markup=False, highlight=False)
        return
    table = Table(title="Job or career?")
    table.add_column("job", ratio=2)
    table.add_column("when", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("strongest reason", ratio=3)
    for verdict in assessment.verdicts:
        job = verdict.job
        when = f"{job.start or '?'}–{job.end or '?'}"
        style = _STYLES.get(verdict.verdict, "yellow")
        table.add_row(
            job.label,
            when,
            f"[{style}]{verdict.verdict}[/{style}]",
            verdict.strongest_reason,
        )
    console.print(table)
    for hint in assessment.hints():
        text = cli_words(Advice(f"For sharper verdicts, {hint.text}.", hint.action))
        console.print(text, markup=False, highlight=False)


@app.command("assess")
def assess_command(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Judge every job: career step, stepping stone or job, with the reasons and data behind it.

    Example: careerset assess --json
    """
    career = load_career()
    reference = shared_reference()
    assessment = assess(career, reference, date.today())
    if as_json:
        print_json(assessment.to_list())
        return
    render_assessment(assessment)


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


# Each format is a function from the report data to text; html and pdf slot in here.
def render_json(report: CareerReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"


def render_cli_text(report: CareerReport) -> str:
    from careerset.render.report_text import render_text  # only `report` renders

    return render_text(report, cli_words)


RENDERERS: dict[ReportFormat, Callable[[CareerReport], str]] = {
    ReportFormat.TEXT: render_cli_text,
    ReportFormat.JSON: render_json,
}


@app.command("report")
def report_command(
    report_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format: text, json, html or pdf.")
    ] = ReportFormat.TEXT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file, not the terminal (pdf default: report.pdf)."
        ),
    ] = None,
) -> None:
    """The career report: the set at a glance, every verdict, the career metrics, what to do next.

    HTML and PDF add charts: a timeline by verdict, interests, pay, skills and gaps.

    Example: careerset report --format pdf -o report.pdf
    """
    from careerset.actions.report import career_report  # `assess` never builds the report

    career = load_career()
    reference = shared_reference()
    report = career_report(career, reference, date.today())
    if report_format in (ReportFormat.HTML, ReportFormat.PDF):
        # Imported here: charts need matplotlib, which the text report never pays for.
        from careerset.cli.render import write_output
        from careerset.render.report_view import build_report_view

        view = build_report_view(career, report, reference, word=cli_words)
        if report_format == ReportFormat.PDF:
            from careerset.render.typst_pdf import render_report_pdf

            write_output(render_report_pdf(view), output, "report.pdf", True, "report")
        else:
            from careerset.render.html_pages import render_report_html

            data = render_report_html(view).encode("utf-8")
            write_output(data, output, "report.html", False, "report")
        return
    text = RENDERERS[report_format](report)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror}; choose another path.") from None
    console.print(f"Wrote the report to {output}.", highlight=False)
