"""`import`, `export`, `backup` and `restore`: the career in and out of files."""

import json
import os
import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from careerset.cli.main import app
from careerset.cli.output import console, err_console
from careerset.cli.store_access import transaction
from careerset.errors import UserError
from careerset.interchange import json_resume, yaml_backup
from careerset.interchange.files import detect_format, read_text_file
from careerset.model.career import Career


class ImportFormat(StrEnum):
    JSONRESUME = "jsonresume"
    YAML = "yaml"


class ExportFormat(StrEnum):
    JSONRESUME = "jsonresume"
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


def read_career(file: Path, file_format: ImportFormat | None) -> Career:
    text = read_text_file(file)
    chosen = file_format.value if file_format else detect_format(file, text)
    if chosen == ImportFormat.JSONRESUME.value:
        return json_resume.load_json_resume_text(text)
    return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text))


@app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="A JSON Resume (.json) or careerset YAML (.yaml) file."),
    file_format: ImportFormat | None = typer.Option(
        None, "--format", help="Override format detection."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Make the profile hold exactly this file."
    ),
) -> None:
    """Import a career file into the profile; entries with the same id are updated.

    Example: careerset import resume.json
    """
    career = read_career(file, file_format)
    with transaction() as (session, profile):
        if replace:
            session.replace_career(profile, career)
        else:
            session.merge_career(profile, career)
    err_console.print(f"Imported {len(career)} entries into profile '{profile}'.", highlight=False)


@app.command("export")
def export_command(
    file_format: ExportFormat = typer.Option(ExportFormat.YAML, "--format", help="Output format."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File to write (default: stdout)."
    ),
) -> None:
    """Export the profile's career; YAML keeps everything, JSON Resume validates against its schema.

    Example: careerset export --format jsonresume -o resume.json
    """
    with transaction() as (session, profile):
        career = session.load_career(profile)
    if file_format == ExportFormat.JSONRESUME:
        document = json_resume.career_to_json_resume(career)
        json_resume.validate_json_resume(document)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
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
