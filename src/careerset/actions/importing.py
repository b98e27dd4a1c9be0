"""Import a career file into a profile: read any supported format, then merge with one rule.

The CLI (`careerset import`) and the web app's upload both come here, so the same two files
give the same result in both: entries matching by id, or by organization, title and start,
are updated with what changed; the rest are added.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from careerset.errors import UserError
from careerset.interchange import json_resume, linkedin, rendercv_import, yaml_backup
from careerset.interchange.files import check_entry_count, detect_format, read_text_file
from careerset.interchange.merge import MergePlan, plan_merge
from careerset.model.career import Career
from careerset.model.entries import Entry

if TYPE_CHECKING:
    from careerset.store.repository import StoreSession

MAX_UPLOAD = 8 * 1024 * 1024

# Codes the jobs of `entries` that have none, knowing the store's confirmed (title, code) pairs.
JobCoding = Callable[[list[Entry], list[tuple[str, str]]], list[Entry]]


class ImportFormat(StrEnum):
    JSONRESUME = "jsonresume"
    LINKEDIN = "linkedin"
    RENDERCV = "rendercv"
    YAML = "yaml"


def _parse_text(text: str, found: ImportFormat) -> Career:
    if found == ImportFormat.JSONRESUME:
        return json_resume.load_json_resume_text(text)
    if found == ImportFormat.RENDERCV:
        return rendercv_import.load_rendercv_text(text)
    return yaml_backup.document_to_career(yaml_backup.load_yaml_text(text))


def read_career_file(
    file: Path, file_format: ImportFormat | None = None, connections: bool = False
) -> tuple[Career, ImportFormat]:
    """The career in `file` and the format it was read as (detected when not given)."""
    chosen = file_format
    # LinkedIn's export is the only format that comes as a zip, a folder or CSV files.
    if chosen is None and (file.is_dir() or file.suffix.lower() in (".zip", ".csv")):
        chosen = ImportFormat.LINKEDIN
    if chosen == ImportFormat.LINKEDIN:
        career = linkedin.load_linkedin_export(file, connections)
    else:
        if connections:
            raise UserError("--connections applies to LinkedIn exports only; leave it out.")
        text = read_text_file(file)
        chosen = chosen or ImportFormat(detect_format(file, text))
        career = _parse_text(text, chosen)
    # One cap for every format and both front ends (see `check_entry_count`).
    check_entry_count(len(career.entries))
    return career, chosen


def read_career_upload(
    name: str, data: bytes, file_format: ImportFormat | None = None
) -> tuple[Career, ImportFormat]:
    """The career in an uploaded file (the web app), read exactly as `read_career_file` reads it."""
    if not data:
        raise UserError(f"{name} is empty; choose the file again.")
    if len(data) > MAX_UPLOAD:
        raise UserError(
            f"{name} is larger than {MAX_UPLOAD // (1024 * 1024)} MB; is it the right file?"
        )
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".yaml", ".yml", ".zip", ".csv", ".txt", ""):
        suffix = ""
    with tempfile.TemporaryDirectory(prefix="careerset-upload-") as folder:
        # The file keeps only its suffix: the uploaded name never becomes a path.
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            return read_career_file(path, file_format)
        except UserError as error:
            # Messages name the temporary file; the person knows it by its own name.
            raise UserError(error.message.replace(str(path), name), error.action) from None


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    profile: str
    file_format: ImportFormat
    plan: MergePlan | None  # None when the profile was replaced whole
    replaced: int | None  # entries stored by a replacement
    dry_run: bool
    coding_problem: str | None  # why jobs were not coded, if coding failed

    def counts(self) -> dict[str, int]:
        if self.plan is None:
            return {"added": self.replaced or 0, "changed": 0, "unchanged": 0}
        return self.plan.counts()


def _coded(
    entries: list[Entry], session: StoreSession, coding: JobCoding | None
) -> tuple[list[Entry], str | None]:
    """Coding is a help: its failure never stops an import, it is reported instead."""
    if coding is None:  # decided before importing the coder, which loads numpy and scipy
        return entries, None
    from careerset.coding.autocode import needs_code

    if not any(needs_code(entry) for entry in entries):
        return entries, None
    try:
        return coding(entries, session.confirmed_codes()), None
    except UserError as error:
        return entries, error.message


def import_career(
    session: StoreSession,
    profile: str,
    career: Career,
    file_format: ImportFormat,
    *,
    replace: bool = False,
    dry_run: bool = False,
    coding: JobCoding | None = None,
) -> ImportResult:
    """Merge `career` into the profile (or replace it whole), coding uncoded jobs on the way.

    careerset YAML is lossless: its entries are stored as they are, codes or no codes, and
    a matched entry is replaced by the file's version.
    """
    if replace and dry_run:
        raise UserError("A dry run shows a merge; leave out replacing to see one.")
    if file_format == ImportFormat.YAML:
        coding = None  # careerset YAML is restored as it is: its codes were checked when made
    else:
        from careerset.coding.validation import check_entry_codes

        # An unknown code is the file's mistake and stops the import; failing to code only warns.
        check_entry_codes(list(career.entries))
    if replace:
        entries, problem = _coded(list(career.entries), session, coding)
        career = Career.of(entries, career.person)
        session.replace_career(profile, career)
        return ImportResult(profile, file_format, None, len(career), False, problem)
    plan = plan_merge(
        session.load_career(profile), career, replace_matched=file_format == ImportFormat.YAML
    )
    problem = None
    if not dry_run:
        entries, problem = _coded(plan.entries_to_write(), session, coding)
        if plan.person is not None:
            session.set_person(profile, plan.person)
        session.put_entries(profile, entries)
    return ImportResult(profile, file_format, plan, None, dry_run, problem)
