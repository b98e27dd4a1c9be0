"""LinkedIn's "Download your data" export (zip, folder or one CSV) read into a Career.

Missing files and unknown columns are fine; connections become contacts only when asked for.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careerset.errors import UserError
from careerset.interchange.linkedin_archive import read_export_files
from careerset.interchange.linkedin_csv import CsvRow, decode_csv, parse_date, read_rows
from careerset.interchange.merge import key_id, match_key
from careerset.model.career import Career
from careerset.model.dates import PRESENT
from careerset.model.entries import ENTRY_TYPES, Entry
from careerset.model.enums import EmploymentType
from careerset.model.person import Person
from careerset.model.validation import describe

EXTRA_KEY = "linkedin"
ID_PREFIX = "li"
# Columns LinkedIn documents for each file careerset reads (as compared: lower case).
COLUMNS: dict[str, frozenset[str]] = {
    "profile.csv": frozenset(
        {
            "first name",
            "last name",
            "maiden name",
            "address",
            "birth date",
            "headline",
            "summary",
            "industry",
            "zip code",
            "geo location",
            "twitter handles",
            "websites",
            "instant messengers",
        }
    ),
    "positions.csv": frozenset(
        {"company name", "title", "description", "location", "started on", "finished on"}
    ),
    "education.csv": frozenset(
        {
            "school name",
            "start date",
            "end date",
            "notes",
            "degree name",
            "activities",
            "field of study",
        }
    ),
    "skills.csv": frozenset({"name"}),
    "certifications.csv": frozenset(
        {"name", "url", "authority", "started on", "finished on", "license number"}
    ),
    "projects.csv": frozenset({"title", "description", "url", "started on", "finished on"}),
    "publications.csv": frozenset({"name", "published on", "description", "publisher", "url"}),
    "honors.csv": frozenset({"title", "description", "issued on", "issuer"}),
    "languages.csv": frozenset({"name", "proficiency"}),
    "courses.csv": frozenset({"name", "number"}),
    "volunteering.csv": frozenset(
        {"company name", "role", "cause", "started on", "finished on", "description"}
    ),
    "email addresses.csv": frozenset({"email address", "confirmed", "primary", "updated on"}),
    "phonenumbers.csv": frozenset({"extension", "number", "type"}),
    "connections.csv": frozenset(
        {"first name", "last name", "url", "email address", "company", "position", "connected on"}
    ),
}
FILES = frozenset(COLUMNS)
_BULLET = re.compile(r"^\s*(?:[-*•–·]|\d+[.)])\s+")
_BRACKETED = re.compile(r"\[([^\]]*)\]")
_NETWORK_HOSTS = {
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "x.com": "X",
    "twitter.com": "X",
    "instagram.com": "Instagram",
}
_NETWORK_URL = re.compile(
    r"^(?:https?://)?(?:www\.)?(github\.com|gitlab\.com|x\.com|twitter\.com|instagram\.com)"
    r"/([A-Za-z0-9_.-]+)/?$",
    re.IGNORECASE,
)


def _split_description(text: str) -> tuple[str | None, list[str]]:
    """LinkedIn descriptions mix prose and bullet lines: prose is the summary, bullets highlights."""
    prose: list[str] = []
    bullets: list[str] = []
    for line in text.splitlines():
        if _BULLET.match(line):
            bullets.append(_BULLET.sub("", line).strip())
        elif line.strip():
            prose.append(line.strip())
    return ("\n".join(prose) or None), [b for b in bullets if b]


def _build(kind: str, fields: dict[str, Any], row: CsvRow, kept: Sequence[str] = ()) -> Entry:
    """An entry from one row; the id comes from what the entry is, so re-imports match it.

    `kept` names known columns careerset has no field for; they join the unknown ones in `extra`.
    """
    columns = {name: row.get(name.casefold()) for name in kept if row.get(name.casefold())}
    columns.update(row.unknown)
    fields["extra"] = {EXTRA_KEY: columns} if columns else {}
    try:
        entry = ENTRY_TYPES[kind].model_validate(fields)
    except ValidationError as error:
        raise UserError(describe(error, f"{row.file} line {row.line}: ")) from None
    return entry.model_copy(update={"id": key_id(ID_PREFIX, match_key(entry))})


def _period(row: CsvRow, start: str, end: str, open_means_present: bool) -> dict[str, Any]:
    began = parse_date(row.get(start), row.where(start))
    ended = parse_date(row.get(end), row.where(end))
    if ended is None and began is not None and open_means_present:
        return {"start": began, "end": PRESENT}
    return {"start": began, "end": ended}


def _text(row: CsvRow, column: str) -> str | None:
    return row.get(column) or None


def _position(row: CsvRow) -> Entry:
    summary, highlights = _split_description(row.get("description"))
    fields = {
        "title": row.get("title") or "(untitled)",
        "organization": _text(row, "company name"),
        "location": _text(row, "location"),
        "summary": summary,
        "highlights": highlights,
        # LinkedIn leaves "Finished On" empty for the roles a member still holds.
        **_period(row, "started on", "finished on", open_means_present=True),
    }
    return _build("job", fields, row)


def _volunteering(row: CsvRow) -> Entry:
    summary, highlights = _split_description(row.get("description"))
    fields = {
        "title": row.get("role") or "(untitled)",
        "organization": _text(row, "company name"),
        "employment_type": EmploymentType.VOLUNTEER,
        "summary": summary,
        "highlights": highlights,
        **_period(row, "started on", "finished on", open_means_present=True),
    }
    return _build("job", fields, row, kept=("Cause",))


def _education(row: CsvRow) -> Entry:
    # "Notes" is the member's own description of the studies and "Activities" their
    # "Activities and societies": both are meant for the CV, so both become highlights.
    prose, bullets = _split_description(row.get("notes"))
    activities = row.get("activities")
    highlights = [
        *([prose] if prose else []),
        *bullets,
        *([f"Activities and societies: {activities}"] if activities else []),
    ]
    fields = {
        "institution": row.get("school name") or "(unnamed)",
        "study_type": _text(row, "degree name"),
        "area": _text(row, "field of study"),
        "highlights": highlights,
        **_period(row, "start date", "end date", open_means_present=False),
    }
    return _build("education", fields, row)


def _certification(row: CsvRow) -> Entry:
    fields = {
        "name": row.get("name") or "(unnamed)",
        "issuer": _text(row, "authority"),
        "url": _text(row, "url"),
        "credential_id": _text(row, "license number"),
        "date": parse_date(row.get("started on"), row.where("started on")),
        "expiry": parse_date(row.get("finished on"), row.where("finished on")),
    }
    return _build("certification", fields, row)


def _project(row: CsvRow) -> Entry:
    summary, highlights = _split_description(row.get("description"))
    fields = {
        "name": row.get("title") or "(unnamed)",
        "url": _text(row, "url"),
        "summary": summary,
        "highlights": highlights,
        **_period(row, "started on", "finished on", open_means_present=True),
    }
    return _build("project", fields, row)


def _publication(row: CsvRow) -> Entry:
    fields = {
        "name": row.get("name") or "(unnamed)",
        "publisher": _text(row, "publisher"),
        "url": _text(row, "url"),
        "summary": _text(row, "description"),
        "date": parse_date(row.get("published on"), row.where("published on")),
    }
    return _build("publication", fields, row)


def _honor(row: CsvRow) -> Entry:
    fields = {
        "title": row.get("title") or "(untitled)",
        "awarder": _text(row, "issuer"),
        "summary": _text(row, "description"),
        "date": parse_date(row.get("issued on"), row.where("issued on")),
    }
    return _build("accomplishment", fields, row)


def _skill(row: CsvRow) -> Entry | None:
    name = row.get("name")
    return _build("skill", {"name": name}, row) if name else None


def _connection(row: CsvRow) -> Entry | None:
    name = " ".join(part for part in (row.get("first name"), row.get("last name")) if part)
    if not name:
        return None  # LinkedIn blanks members who hide their details
    fields = {
        "name": name,
        "organization": _text(row, "company"),
        "met": parse_date(row.get("connected on"), row.where("connected on")),
    }
    return _build("contact", fields, row, kept=("URL", "Email Address", "Position"))


_READERS: Sequence[tuple[str, Callable[[CsvRow], Entry | None]]] = (
    ("positions.csv", _position),
    ("volunteering.csv", _volunteering),
    ("education.csv", _education),
    ("certifications.csv", _certification),
    ("projects.csv", _project),
    ("publications.csv", _publication),
    ("honors.csv", _honor),
    ("skills.csv", _skill),
)


def _rows(files: Mapping[str, bytes], name: str) -> list[CsvRow]:
    if name not in files:
        return []
    return read_rows(decode_csv(files[name], name), _display(name), COLUMNS[name])


def _display(name: str) -> str:
    """The file name as LinkedIn spells it, for messages."""
    return {
        "phonenumbers.csv": "PhoneNumbers.csv",
        "email addresses.csv": "Email Addresses.csv",
    }.get(name, name[:1].upper() + name[1:])


def _websites(text: str) -> list[str]:
    """LinkedIn writes websites as "[PORTFOLIO:https://a.example],[OTHER:b.example]"."""
    found = _BRACKETED.findall(text) or [part for part in text.split(",")]
    urls = []
    for item in found:
        label, _, rest = item.partition(":")
        url = rest if label.isupper() and rest and not rest.startswith("//") else item
        if url.strip():
            urls.append(url.strip())
    return urls


def _profile_of(url: str) -> dict[str, str] | None:
    """A website that is a profile on a known network, as (network, username, url)."""
    match = _NETWORK_URL.match(url.strip())
    if not match:
        return None
    host, username = match.groups()
    return {"network": _NETWORK_HOSTS[host.casefold()], "username": username, "url": url.strip()}


def _person(files: Mapping[str, bytes]) -> Person:
    fields: dict[str, Any] = {}
    profile_rows = _rows(files, "profile.csv")
    if profile_rows:
        row = profile_rows[0]
        name = " ".join(part for part in (row.get("first name"), row.get("last name")) if part)
        fields.update(
            name=name or None, label=_text(row, "headline"), summary=_text(row, "summary")
        )
        geo = row.get("geo location")
        if geo:
            parts = [part.strip() for part in geo.split(",") if part.strip()]
            region = ", ".join(parts[1:]) or None
            fields["location"] = {"city": parts[0] if parts else None, "region": region}
        websites = _websites(row.get("websites"))
        handles = [h.strip().lstrip("@") for h in _BRACKETED.findall(row.get("twitter handles"))]
        profiles = [{"network": "X", "username": h} for h in handles if h]
        personal = [url for url in websites if _profile_of(url) is None]
        if personal:
            fields["url"] = personal[0]
        profiles.extend(p for p in map(_profile_of, websites) if p is not None)
        fields["profiles"] = profiles
    emails = _rows(files, "email addresses.csv")
    primary = [r for r in emails if r.get("primary").casefold() == "yes"] or emails
    if primary and primary[0].get("email address"):
        fields["email"] = primary[0].get("email address")
    phones = [r.get("number") for r in _rows(files, "phonenumbers.csv") if r.get("number")]
    if phones:
        fields["phone"] = phones[0]
    languages = _rows(files, "languages.csv")
    if languages:
        fields["languages"] = [
            {"language": r.get("name"), "fluency": _text(r, "proficiency")}
            for r in languages
            if r.get("name")
        ]
    courses = [r.get("name") for r in _rows(files, "courses.csv") if r.get("name")]
    if courses:
        # The export does not say which school or job a course belongs to, so none is guessed.
        fields["extra"] = {EXTRA_KEY: {"Courses": courses}}
    fields = {key: value for key, value in fields.items() if value not in (None, [])}
    try:
        return Person.model_validate(fields)
    except ValidationError as error:
        raise UserError(describe(error, "The LinkedIn profile details: ")) from None


def linkedin_to_career(files: Mapping[str, bytes], connections: bool = False) -> Career:
    """Read the export's files (lower-case name -> bytes) into a Career.

    Several rows describing the same thing (same match key) become one entry: the first.
    """
    entries: list[Entry] = []
    seen: set[str] = set()
    readers = [*_READERS, *((("connections.csv", _connection),) if connections else ())]
    for name, reader in readers:
        for row in _rows(files, name):
            entry = reader(row)
            if entry is not None and entry.id not in seen:
                seen.add(entry.id)
                entries.append(entry)
    return Career.of(entries, _person(files))


def load_linkedin_export(path: Path, connections: bool = False) -> Career:
    """Read a LinkedIn export given as the zip, the folder it unpacks to, or one of its CSVs."""
    files = read_export_files(path, FILES)
    if not files:
        raise UserError(
            f"{path} has none of LinkedIn's files (Positions.csv, Profile.csv, ...); is it the"
            " export?"
        )
    return linkedin_to_career(files, connections)
