"""`import`, `export`, `backup` and `restore`: the career in and out of files."""

import json
import os
import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from careerset.cli.main import app
from careerset.cli.output import console, err_console, print_json
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.interchange import json_resume, linkedin, rendercv, rendercv_import, yaml_backup
from careerset.interchange.files import detect_format, read_text_file
from careerset.interchange.merge import describe_plan, plan_merge, plan_to_data
from careerset.model.career import Career
from careerset.model.entries import Entry


class ImportFormat(StrEnum):
    JSONRESUME = "jsonresume"
    LINKEDIN = "linkedin"
    RENDERCV = "rendercv"
    YAML = "yaml"


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


def read_career(
    file: Path, file_format: ImportFormat | None, connections: bool = False
) -> tuple[Career, ImportFormat]:
    """The career in `file` and the format it was read as (detected when not given)."""
    chosen = file_format
    # LinkedIn's export is the only format that comes as a zip, a folder or CSV files.
    if chosen is None and (file.is_dir() or file.suffix.lower() in (".zip", ".csv")):
        chosen = ImportFormat.LINKEDIN
    if chosen == ImportFormat.LINKEDIN:
        return linkedin.load_linkedin_export(file, connections), chosen
    text = read_text_file(file)
    chosen = chosen or ImportFormat(detect_format(file, text))
    if connections:
        raise UserError("--connections applies to LinkedIn exports only; leave it out.")
    if chosen == ImportFormat.JSONRESUME:
        return json_resume.load_json_resume_text(text), chosen
    if chosen == ImportFormat.RENDERCV:
        return rendercv_import.load_rendercv_text(text), chosen
    return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text)), chosen


def title_coder() -> linkedin.TitleCoder | None:
    """The occupation coder when a reference pack is installed, else None (jobs stay uncoded)."""
    from careerset.reference.connection import pack_path

    if not pack_path().is_file():
        return None
    from careerset.coding.service import code_titles

    def code(titles: list[str]) -> list[tuple[str, float] | None]:
        found = code_titles(titles, top=1)
        return [(matches[0].code, matches[0].score) if matches else None for matches in found]

    return code


def _with_codes(entries: list[Entry]) -> list[Entry]:
    """Imported jobs without a code, coded; coding is a help, so its failure never stops an import."""
    try:
        coder = title_coder()
        return linkedin.code_jobs(entries, coder) if coder else entries
    except UserError as error:
        err_console.print(f"Jobs were not coded to occupations: {error.message}", highlight=False)
        return entries


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
    as_json: bool = typer.Option(False, "--json", help="Print the changes as JSON."),
) -> None:
    """Import a career file, merging it: entries matching by id, or by organization, title and
    start, are updated with what changed; the rest are added.

    Example: careerset import resume.json

    Example: careerset import Basic_LinkedInDataExport.zip --dry-run

    Example: careerset import cv.yaml --format rendercv
    """
    if replace and dry_run:
        raise UserError("--dry-run shows a merge; leave out --replace to see one.")
    career, chosen = read_career(file, file_format, connections)
    with transaction() as (session, profile):
        if replace:
            session.replace_career(profile, career)
            err_console.print(
                f"Imported {len(career)} entries into profile '{profile}'.", highlight=False
            )
            return
        plan = plan_merge(
            session.load_career(profile), career, replace_matched=chosen == ImportFormat.YAML
        )
        if not dry_run:
            entries = plan.entries_to_write()
            if chosen == ImportFormat.LINKEDIN:
                entries = _with_codes(entries)
            if plan.person is not None:
                session.set_person(profile, plan.person)
            for entry in entries:
                session.put_entry(profile, entry)
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
        console.print(f"Backed up {len(careers)} profiles to {output}.", highlight=False)


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
    console.print(f"Restored {len(careers)} profiles.", highlight=False)
