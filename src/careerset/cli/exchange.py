"""`import`, `export`, `backup` and `restore`: the career in and out of files."""

import json
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from careerset.actions.importing import ImportFormat, import_career, read_career_file
from careerset.cli.job_coding import build_notice
from careerset.cli.main import app
from careerset.cli.output import console, err_console, print_json
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.interchange import json_resume, rendercv, yaml_backup
from careerset.interchange.files import read_text_file
from careerset.interchange.merge import describe_plan, plan_to_data
from careerset.model.entries import Entry
from careerset.wording import count_of

if TYPE_CHECKING:
    from careerset.coding.autocode import JobCoder


class ExportFormat(StrEnum):
    JSONRESUME = "jsonresume"
    RENDERCV = "rendercv"
    YAML = "yaml"


def write_output(text: str, output: Path | None) -> None:
    """Write to a file atomically (never a half-written file), or to stdout."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return
    target = output.expanduser()
    if target.is_dir():
        raise UserError(f"{output} is a folder; give a file name.")
    if not target.parent.exists():
        raise UserError(f"the folder {target.parent} does not exist.")
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temp, target)


def title_coder(confirmed: list[tuple[str, str]]) -> "JobCoder":
    """The occupation coder of the reference in use, aware of the store's confirmed codes."""
    from careerset.coding.autocode import load_job_coder

    return load_job_coder(confirmed, on_build=build_notice)


def _cli_coding(entries: list[Entry], confirmed: list[tuple[str, str]]) -> list[Entry]:
    """Jobs coded by the reference's coder, taught the store's confirmed codes."""
    from careerset.coding.autocode import code_jobs

    return code_jobs(entries, title_coder(confirmed))


@app.command("import")
def import_command(
    file: Path = typer.Argument(
        ...,
        help="A JSON Resume (.json), careerset or RenderCV YAML file, or a LinkedIn export"
        " (zip or folder).",
    ),
    file_format: ImportFormat | None = typer.Option(
        None, "--format", help="Override format detection."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Make the profile hold exactly this file."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would be added and changed; change nothing."
    ),
    connections: bool = typer.Option(
        False, "--connections", help="Also import LinkedIn connections as contacts."
    ),
    no_code: bool = typer.Option(
        False, "--no-code", help="Do not code jobs without an occupation code to occupations."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the changes as JSON."),
) -> None:
    """Import a career file, merging it: entries matching by id, or by organization, title and
    start, are updated with what changed; the rest are added. Jobs without an occupation code
    are coded to one when the coder is confident (not for careerset YAML, which is restored as
    it is). One import takes at most 200,000 entries, all in one transaction.

    Example: careerset import resume.json

    Example: careerset import Basic_LinkedInDataExport.zip --dry-run

    Example: careerset import cv.yaml --format rendercv
    """
    if replace and dry_run:
        raise UserError("--dry-run shows a merge; leave out --replace to see one.")
    career, chosen = read_career_file(file, file_format, connections)
    with transaction() as (session, profile):
        result = import_career(
            session,
            profile,
            career,
            chosen,
            replace=replace,
            dry_run=dry_run,
            coding=None if no_code else _cli_coding,
        )
    if result.coding_problem:
        err_console.print(
            f"Jobs were not coded to occupations: {result.coding_problem}", highlight=False
        )
    plan = result.plan
    if plan is None:
        err_console.print(
            f"Imported {count_of(result.replaced or 0, 'entry')} into profile '{profile}'.",
            highlight=False,
        )
        return
    if as_json:
        print_json({"dry_run": dry_run, "profile": profile, **plan_to_data(plan)})
    elif dry_run:
        # Plain print: the diff must not be re-wrapped or styled by the terminal width.
        print("\n".join(describe_plan(plan)))
        err_console.print("Dry run: nothing was changed.", highlight=False)
    else:
        counts = plan.counts()
        err_console.print(
            f"Imported into profile '{profile}': {counts['added']} added,"
            f" {counts['changed']} changed, {counts['unchanged']} unchanged.",
            highlight=False,
        )


@app.command("export")
def export_command(
    file_format: ExportFormat = typer.Option(ExportFormat.YAML, "--format", help="Output format."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File to write (default: stdout)."
    ),
) -> None:
    """Export the profile's career; YAML keeps everything, JSON Resume validates against its schema,
    RenderCV writes the CV part for `rendercv render`.

    Example: careerset export --format jsonresume -o resume.json

    Example: careerset export --format rendercv -o cv.yaml
    """
    with transaction() as (session, profile):
        career = session.load_career(profile)
    if file_format == ExportFormat.JSONRESUME:
        document = json_resume.career_to_json_resume(career)
        json_resume.validate_json_resume(document)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif file_format == ExportFormat.RENDERCV:
        text = rendercv.dump_rendercv(career)
    else:
        text = yaml_backup.dump_yaml(yaml_backup.career_to_document(career))
    write_output(text, output)


@app.command("backup")
def backup_command(
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File to write (default: stdout)."
    ),
) -> None:
    """Back up every profile of the store to one YAML file.

    Example: careerset backup -o careerset-backup.yaml
    """
    with transaction() as (session, _profile):
        careers = {name: session.load_career(name) for name in session.profile_names()}
    write_output(yaml_backup.dump_yaml(yaml_backup.backup_document(careers)), output)
    if output:
        console.print(
            f"Backed up {count_of(len(careers), 'profile')} to {output}.", highlight=False
        )


@app.command("restore")
def restore_command(
    file: Path = typer.Argument(..., help="A file written by `careerset backup`."),
) -> None:
    """Restore profiles from a backup; each profile in the file is replaced whole, in one transaction.

    Example: careerset restore careerset-backup.yaml
    """
    careers = yaml_backup.restore_document(yaml_backup.load_yaml_text(read_text_file(file)))
    with transaction() as (session, _profile):
        for name, career in careers.items():
            session.replace_career(name, career)
    console.print(f"Restored {count_of(len(careers), 'profile')}.", highlight=False)
