"""JSON Resume (schema 1.3.1) import and export, lossless in both directions.

What JSON Resume cannot hold travels in `x-careerset` keys; what careerset cannot hold stays
in each `extra`.
"""

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft7Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from pydantic import ValidationError

from careerset.errors import UserError
from careerset.interchange.json_resume_fields import (
    STAND_INS,
    STASH,
    explain,
    extra_for_export,
    leftovers,
    read_fields,
    stash_of,
    with_stash,
    write_fields,
)
from careerset.interchange.json_resume_person import read_person, write_basics, write_person_lists
from careerset.interchange.json_resume_sections import SECTIONS, WORK, Section, section_of
from careerset.interchange.plain_data import (
    check_plain,
    expect_entry_data,
    expect_list,
    expect_object,
    join_path,
)
from careerset.model.career import Career
from careerset.model.dates import PRESENT
from careerset.model.entries import ENTRY_TYPES, Entry, entry_to_dict
from careerset.model.validation import parse_entry

SCHEMA_FILE = "jsonresume-schema-1.3.1.json"
EXTENSION_VERSION = 1
LEGACY_DESCRIPTION = "description"
# Top-level keys in the order the schema lists them; the rest of a document is kept as it came.
TOP_ORDER = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)


def _item_id(section: Section, item: dict[str, Any], taken: set[str]) -> str:
    """An id from the item's content: importing the same file twice updates, not duplicates."""
    text = json.dumps([section.key, item], sort_keys=True, ensure_ascii=False)
    base = "jr" + hashlib.sha256(text.encode()).hexdigest()[:10]
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _read_extension(raw: Any, section: Section, where: str) -> dict[str, Any]:
    if raw is None:
        return {}
    extension = expect_object(raw, where)
    for key in extension:
        if key not in section.extension_fields:
            known = ", ".join(sorted(section.extension_fields))
            raise UserError(f"{where} has the unknown key '{key[:40]}'; careerset uses: {known}.")
    end = extension.get("end", PRESENT)
    if end not in (PRESENT, None):
        where = join_path(where, "end")
        raise UserError(f'{where} must be "present" or null; put a date in endDate instead.')
    return dict(extension)


def _read_item(section: Section, raw: Any, where: str, taken: set[str]) -> Entry:
    item = expect_object(raw, where)
    values, stand_ins = read_fields(item, section.maps, where)
    extension = _read_extension(item.get(STASH), section, join_path(where, STASH))
    if section.has_dates and values["end"] is None:
        if "end" in extension:
            values["end"] = extension["end"]
        elif values["start"] is not None:
            # JSON Resume leaves endDate out for what is still going on: themes print "Present".
            values["end"] = PRESENT
    extension.pop("end", None)
    fields = {key: value for key, value in values.items() if value is not None}
    extra = with_stash(leftovers(item, (m.key for m in section.maps)), **{STAND_INS: stand_ins})
    fields.update(section.fixed, **extension, extra=extra)
    fields.setdefault("id", _item_id(section, item, taken))
    try:
        entry = ENTRY_TYPES[section.kind].model_validate(fields)
    except ValidationError as error:
        raise explain(error, where, section.maps, elsewhere=f"{STASH}.") from None
    if entry.id in taken:
        raise UserError(f"{where} repeats the id '{entry.id}'; ids must be unique.")
    taken.add(entry.id)
    return entry


def _write_item(section: Section, entry: Entry) -> dict[str, Any]:
    out = write_fields(entry.model_dump(mode="json"), section.maps, entry.extra)
    out.update(extra_for_export(entry.extra, section.maps))
    legacy = entry.extra.get(LEGACY_DESCRIPTION)
    if section is WORK and LEGACY_DESCRIPTION not in out and isinstance(legacy, str):
        # Jobs imported before `description` had a field keep it in `extra`; export must not
        # lose it, so it is written until the file is imported again.
        out[LEGACY_DESCRIPTION] = legacy
    unmapped = section.extension_fields - {"end"}
    extension = {k: v for k, v in entry_to_dict(entry).items() if k in unmapped}
    if section.has_dates:
        start, end = (getattr(entry, name) for name in ("start", "end"))
        # Only when the reader's rule (a start and no end means "present") would get it wrong.
        if end == PRESENT and start is None:
            extension["end"] = PRESENT
        elif end is None and start is not None:
            extension["end"] = None
    out[STASH] = extension
    return out


def _read_document_extension(raw: Any, taken: set[str]) -> list[Entry]:
    extension = expect_object(raw, STASH)
    unknown = set(extension) - {"version", "entries"}
    if unknown:
        first = sorted(unknown)[0][:40]
        raise UserError(f"{STASH} has the unknown key '{first}'; it holds version and entries.")
    version = extension.get("version")
    if version != EXTENSION_VERSION or isinstance(version, bool):
        shown = str(version)[:20]
        raise UserError(f"{STASH}.version is {shown}; this careerset reads version 1 only.")
    entries = []
    for index, item in enumerate(expect_list(extension.get("entries", []), f"{STASH}.entries")):
        expect_entry_data(item, f"{STASH}.entries[{index}]")
        entry = parse_entry(item, where=f"{STASH}.entries[{index}]: ")
        if entry.id in taken:
            where = f"{STASH}.entries[{index}]"
            raise UserError(f"{where} repeats the id '{entry.id}'; ids must be unique.")
        taken.add(entry.id)
        entries.append(entry)
    return entries


def json_resume_to_career(data: Any) -> Career:
    """Read a JSON Resume document (already parsed) into a Career.

    A work, volunteer, education or project item with a startDate and no endDate (or an empty
    one) is read as current (`end = present`), because that is what resumes mean and how themes
    print it. careerset's own exports write `x-careerset.end: null` for a truly unknown end, so
    both meanings survive a round trip. Keys careerset has no field for stay in each `extra`;
    unknown top-level keys, such as `meta`, stay with the person.
    """
    check_plain(data, "")
    document = expect_object(data, "the JSON Resume")
    taken: set[str] = set()
    entries: list[Entry] = []
    for section in SECTIONS:
        if document.get(section.key) is None:
            continue
        for index, item in enumerate(expect_list(document[section.key], section.key)):
            entries.append(_read_item(section, item, join_path(section.key, index), taken))
    if document.get(STASH) is not None:
        entries.extend(_read_document_extension(document[STASH], taken))
    person = read_person(document)
    empty = [key for key in TOP_ORDER if document.get(key) == []]
    if document.get("basics") is not None and not write_basics(person):
        empty.insert(0, "basics")
    kept = {key: value for key, value in document.items() if key not in (*TOP_ORDER, STASH)}
    stash = {**stash_of(person.extra), "document": kept, "emptySections": empty}
    person = person.model_copy(update={"extra": with_stash(person.extra, **stash)})
    return Career.of(entries, person)


def career_to_json_resume(career: Career) -> dict[str, Any]:
    """Write a Career as a JSON Resume document that validates against the official schema."""
    stash = stash_of(career.person.extra)
    stashed_document, stashed_empty = stash.get("document"), stash.get("emptySections")
    kept: dict[str, Any] = stashed_document if isinstance(stashed_document, dict) else {}
    empty: list[Any] = stashed_empty if isinstance(stashed_empty, list) else []
    sections: dict[str, Any] = {"basics": write_basics(career.person)}
    sections.update(write_person_lists(career.person))
    leftover: list[dict[str, Any]] = []
    for entry in career.entries:
        section = section_of(entry)
        if section is None:
            leftover.append(entry_to_dict(entry))
        else:
            sections.setdefault(section.key, []).append(_write_item(section, entry))
    document: dict[str, Any] = {}
    if "$schema" in kept:
        document["$schema"] = kept["$schema"]
    for key in TOP_ORDER:
        if sections.get(key):
            document[key] = sections[key]
        elif key in empty:
            document[key] = {} if key == "basics" else []
    document.update((k, v) for k, v in kept.items() if k not in (*TOP_ORDER, STASH))
    extension: dict[str, Any] = {"version": EXTENSION_VERSION}
    if leftover:
        extension["entries"] = leftover
    document[STASH] = extension
    return document


@cache
def _validator() -> Draft7Validator:
    schema = resources.files("careerset.interchange").joinpath("schemas", SCHEMA_FILE)
    text = schema.read_text("utf-8")
    return Draft7Validator(json.loads(text))


def validate_json_resume(data: Any) -> None:
    """Check a document against the vendored JSON Resume schema (formats such as email unchecked).

    Format checks depend on optional packages; leaving them out gives one answer everywhere.
    """
    error = best_match(_validator().iter_errors(data))
    if error is None:
        return
    path = ""
    for part in error.absolute_path:
        path = join_path(path, part)
    message = error.message if len(error.message) <= 120 else error.message[:117] + "..."
    where = path or "the top level"
    raise UserError(f"The JSON Resume does not match its schema at {where}: {message}.")


def _refuse_constant(name: str) -> Any:
    raise UserError(f"the file contains {name}, which is not valid JSON; use a number or null.")


def load_json_resume_text(text: str) -> Career:
    """Parse JSON Resume text and read it; malformed JSON names its line and column."""
    try:
        data = json.loads(text.removeprefix("\ufeff"), parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise UserError(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise UserError("The file is nested too deeply to be a JSON Resume.") from None
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise UserError(f"The file is not usable JSON: {str(error)[:120]}.") from None
    return json_resume_to_career(data)
