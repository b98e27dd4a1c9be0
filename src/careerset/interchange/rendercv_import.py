"""Import from RenderCV's YAML input: each section's entry type and title say what it holds.

Sections careerset has no kind for are kept with the person and written back by the export.
"""

import re
from typing import Any

from pydantic import ValidationError

from careerset.errors import UserError
from careerset.interchange import yaml_backup
from careerset.interchange.merge import key_id, match_key
from careerset.interchange.plain_data import (
    check_plain,
    expect_list,
    expect_object,
    expect_text,
    expect_texts,
    join_path,
)
from careerset.interchange.rendercv import KEPT_SECTIONS, NETWORKS
from careerset.model.career import Career
from careerset.model.dates import PRESENT, EndDate, PartialDate
from careerset.model.entries import ENTRY_TYPES, Entry
from careerset.model.enums import EmploymentType
from careerset.model.person import Person
from careerset.model.validation import describe

ID_PREFIX = "rc"
# Keys that tell RenderCV's entry types apart (as RenderCV itself does).
_TYPE_KEYS = (
    ("one_line", ("label", "details")),
    ("normal", ("name",)),
    ("experience", ("company", "position")),
    ("education", ("institution", "area", "degree", "grade")),
    ("publication", ("title", "authors", "doi", "journal")),
    ("bullet", ("bullet",)),
    ("numbered", ("number",)),
    ("numbered", ("reversed_number",)),
)
_SUMMARY_TITLES = re.compile(r"summary|about|profile|objective|introduction")
_MEANINGS = (
    ("certification", re.compile(r"certif|licen[cs]e")),
    ("award", re.compile(r"award|honou?r|achievement|prize|recognition")),
    ("publication", re.compile(r"publication|paper|article")),
    ("volunteer", re.compile(r"volunt")),
    ("language", re.compile(r"language")),
    ("interest", re.compile(r"interest|hobb")),
    ("skill", re.compile(r"skill|technolog|tools|competenc")),
    ("experience", re.compile(r"experience|employment|work|career")),
)


def _meaning(title: str) -> str:
    folded = title.casefold()
    return next((name for name, pattern in _MEANINGS if pattern.search(folded)), "")


def _entry_type(item: Any) -> str:
    if isinstance(item, str):
        return "text"
    if not isinstance(item, dict):
        return "other"
    return next((name for name, keys in _TYPE_KEYS if any(k in item for k in keys)), "other")


def _date(raw: Any, where: str, allow_present: bool = False) -> EndDate | None:
    """A RenderCV date: a year number, YYYY-MM(-DD) text or "present"; free text is None."""
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise UserError(f"{where} must be a date such as 2019-03, not {type(raw).__name__}.")
    text = str(raw).strip()
    if allow_present and text.casefold() == PRESENT:
        return PRESENT
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None  # RenderCV allows "Fall 2023" in `date`; it stays in `extra`


def _texts(item: dict[str, Any], key: str, where: str) -> list[str]:
    value = item.get(key)
    if value is None:
        return []
    return [text for text in expect_texts(value, join_path(where, key)) if text.strip()]


def _text(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return expect_text(value, join_path(where, key)).strip() or None


def _period(item: dict[str, Any], where: str) -> dict[str, Any]:
    start = _date(item.get("start_date"), join_path(where, "start_date"))
    end = _date(item.get("end_date"), join_path(where, "end_date"), allow_present=True)
    if start is None and end is None:
        start = _date(item.get("date"), join_path(where, "date"))
    elif start is not None and end is None and item.get("end_date") is None:
        end = PRESENT  # RenderCV reads a start without an end as ongoing
    if end == PRESENT and start is None:
        end = None
    return {"start": start, "end": end}


def _build(
    kind: str, fields: dict[str, Any], item: dict[str, Any], used: set[str], where: str
) -> Entry:
    """An entry from one item; keys careerset has no field for, and free-text dates, stay in extra."""
    unread = {
        key
        for key in (*_PERIOD_KEYS, "expiry")
        if item.get(key) is not None and _date(item[key], key, allow_present=True) is None
    }
    fields["extra"] = {key: value for key, value in item.items() if key not in used - unread}
    try:
        entry = ENTRY_TYPES[kind].model_validate(fields)
    except ValidationError as error:
        raise UserError(describe(error, f"{where}: ")) from None
    return entry.model_copy(update={"id": key_id(ID_PREFIX, match_key(entry))})


_PERIOD_KEYS = {"start_date", "end_date", "date"}


def _job(item: dict[str, Any], where: str, volunteer: bool, title_key: str) -> Entry:
    fields = {
        "organization": _text(item, "company", where),
        "title": _text(item, title_key, where) or "(untitled)",
        "location": _text(item, "location", where),
        "summary": _text(item, "summary", where),
        "highlights": _texts(item, "highlights", where),
        "url": _text(item, "url", where),
        **_period(item, where),
    }
    if volunteer:
        fields["employment_type"] = EmploymentType.VOLUNTEER
    used = {"company", title_key, "location", "summary", "highlights", "url", *_PERIOD_KEYS}
    return _build("job", fields, item, used, where)


def _education(item: dict[str, Any], where: str) -> Entry:
    fields = {
        "institution": _text(item, "institution", where) or "(unnamed)",
        "area": _text(item, "area", where),
        "study_type": _text(item, "degree", where),
        "score": _text(item, "grade", where),
        "url": _text(item, "url", where),
        "courses": _texts(item, "courses", where),
        "highlights": _texts(item, "highlights", where),
        **_period(item, where),
    }
    used = {"institution", "area", "degree", "grade", "url", "courses", "highlights"}
    used |= _PERIOD_KEYS
    return _build("education", fields, item, used, where)


def _publication(item: dict[str, Any], where: str, name_key: str) -> Entry:
    doi = _text(item, "doi", where)
    fields = {
        "name": _text(item, name_key, where) or "(unnamed)",
        "publisher": _text(item, "journal", where),
        "url": f"https://doi.org/{doi}" if doi else _text(item, "url", where),
        "summary": _text(item, "summary", where),
        "date": _date(item.get("date"), join_path(where, "date")),
    }
    used = {name_key, "journal", "doi", "url", "summary"}
    if fields["date"] is not None:
        used.add("date")
    return _build("publication", fields, item, used, where)


def _certification(item: dict[str, Any], where: str) -> Entry:
    issuer = _text(item, "issuer", where)
    summary = _text(item, "summary", where)
    fields = {
        "name": _text(item, "name", where) or "(unnamed)",
        "issuer": issuer or (summary.removeprefix("Issued by ").strip() if summary else None),
        "date": _date(item.get("date"), join_path(where, "date")),
        "expiry": _date(item.get("expiry"), join_path(where, "expiry")),
        "credential_id": _text(item, "credential_id", where),
        "url": _text(item, "url", where),
    }
    used = {"name", "issuer", "summary", "expiry", "credential_id", "url", "date"}
    return _build("certification", fields, item, used, where)


def _award(item: dict[str, Any], where: str) -> Entry:
    fields = {
        "title": _text(item, "name", where) or "(untitled)",
        "awarder": _text(item, "awarder", where),
        "summary": _text(item, "summary", where),
        "date": _date(item.get("date"), join_path(where, "date")),
    }
    return _build("accomplishment", fields, item, {"name", "awarder", "summary", "date"}, where)


def _project(item: dict[str, Any], where: str) -> Entry:
    fields = {
        "name": _text(item, "name", where) or "(unnamed)",
        "summary": _text(item, "summary", where),
        "highlights": _texts(item, "highlights", where),
        "url": _text(item, "url", where),
        "roles": _texts(item, "roles", where),
        "keywords": _texts(item, "keywords", where),
        **_period(item, where),
    }
    used = {"name", "summary", "highlights", "url", "roles", "keywords", *_PERIOD_KEYS}
    return _build("project", fields, item, used, where)


def _skill(item: dict[str, Any], where: str) -> Entry:
    details = _text(item, "details", where) or ""
    keywords = _texts(item, "keywords", where)
    level = _text(item, "level", where)
    if "keywords" not in item and "level" not in item:
        keywords = [part.strip() for part in details.split(",") if part.strip()]
    fields = {
        "name": _text(item, "label", where) or "(unnamed)",
        "level": level,
        "keywords": keywords,
    }
    return _build("skill", fields, item, {"label", "details", "level", "keywords"}, where)


class _Reader:
    """Collects entries and person parts while walking the sections."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.seen: set[str] = set()
        self.summary: list[str] = []
        # Plain data until the Person is validated, so a bad value becomes one UserError there.
        self.languages: list[dict[str, Any]] = []
        self.hobbies: list[dict[str, Any]] = []
        self.kept: dict[str, list[Any]] = {}

    def add(self, entry: Entry) -> None:
        # Twin items (same match key) both stay: a CV may repeat a line on purpose.
        wanted, number = entry.id, 1
        while entry.id in self.seen:
            number += 1
            entry = entry.model_copy(update={"id": f"{wanted}-{number}"})
        self.seen.add(entry.id)
        self.entries.append(entry)

    def section(self, title: str, items: list[Any], where: str) -> None:
        meaning = _meaning(title)
        for index, raw in enumerate(items):
            here = join_path(where, index)
            kind = _entry_type(raw)
            if kind == "text" and _SUMMARY_TITLES.search(title.casefold()):
                self.summary.append(raw)
            elif kind in ("text", "bullet", "numbered", "other"):
                if kind == "other":
                    expect_object(raw, here)
                self.kept.setdefault(title, []).append(raw)
            elif kind == "one_line":
                self.one_line(raw, meaning, here)
            else:
                self.add(self.entry(kind, raw, meaning, here))

    def one_line(self, item: dict[str, Any], meaning: str, where: str) -> None:
        label = _text(item, "label", where)
        details = _text(item, "details", where)
        if meaning == "language":
            self.languages.append({"language": label, "fluency": details})
        elif meaning == "interest":
            words = _texts(item, "keywords", where) if "keywords" in item else []
            if "keywords" not in item:
                words = [w.strip() for w in (details or "").split(",") if w.strip()]
            self.hobbies.append({"name": label, "keywords": words})
        else:
            self.add(_skill(item, where))

    def entry(self, kind: str, item: dict[str, Any], meaning: str, where: str) -> Entry:
        if kind == "experience":
            return _job(item, where, meaning == "volunteer", "position")
        if kind == "education":
            return _education(item, where)
        if kind == "publication":
            return _publication(item, where, "title")
        if meaning == "certification":
            return _certification(item, where)
        if meaning == "award":
            return _award(item, where)
        if meaning == "publication":
            return _publication(item, where, "name")
        if meaning in ("experience", "volunteer"):
            return _job(item, where, meaning == "volunteer", "name")
        return _project(item, where)


def _location(text: str) -> dict[str, str]:
    """The inverse of the export's "city, region, country code"."""
    parts = [part.strip() for part in text.split(",")]
    if ", ".join(parts) != text or not all(parts):
        return {"city": text}  # not "a, b, c": kept whole, so it is written back the same
    if len(parts) >= 3 and re.fullmatch(r"[A-Za-z]{2,3}", parts[-1]):
        return {"city": parts[0], "region": ", ".join(parts[1:-1]), "country_code": parts[-1]}
    if len(parts) >= 2:
        return {"city": parts[0], "region": ", ".join(parts[1:])}
    return {"city": parts[0]}


def _person(cv: dict[str, Any], reader: _Reader) -> Person:
    fields: dict[str, Any] = {
        "name": _text(cv, "name", "cv"),
        "label": _text(cv, "label", "cv"),
        "email": _text(cv, "email", "cv"),
        # YAML reads an unquoted +905419999999 as a number; RenderCV phones carry a country code.
        "phone": f"+{phone}"
        if isinstance(phone := cv.get("phone"), int)
        else _text(cv, "phone", "cv"),
        "url": _text(cv, "website", "cv"),
        "image": _text(cv, "photo", "cv"),
    }
    place = _text(cv, "location", "cv")
    if place:
        fields["location"] = _location(place)
    profiles: list[dict[str, Any]] = []
    raw_networks = cv.get("social_networks")
    for index, raw in enumerate(expect_list(raw_networks or [], "cv.social_networks")):
        where = join_path("cv.social_networks", index)
        network = expect_object(raw, where)
        name = _text(network, "network", where)
        profiles.append(
            {
                "network": NETWORKS.get((name or "").casefold(), name),
                "username": _text(network, "username", where),
            }
        )
    fields.update(profiles=profiles, languages=reader.languages, hobbies=reader.hobbies)
    if reader.summary:
        fields["summary"] = "\n\n".join(reader.summary)
    if reader.kept:
        fields["extra"] = {KEPT_SECTIONS: reader.kept}
    fields = {key: value for key, value in fields.items() if value not in (None, [])}
    try:
        return Person.model_validate(fields)
    except ValidationError as error:
        raise UserError(describe(error, "cv: ")) from None


def rendercv_to_career(data: Any) -> Career:
    """Read a RenderCV input document (already parsed); `design` and settings are ignored."""
    check_plain(data, "")
    document = expect_object(data, "The RenderCV file")
    if "cv" not in document:
        raise UserError("The RenderCV file has no 'cv' key; is it a RenderCV input file?")
    cv = expect_object(document["cv"], "cv")
    reader = _Reader()
    sections = expect_object(cv.get("sections") or {}, "cv.sections")
    for title, items in sections.items():
        where = join_path("cv.sections", title)
        reader.section(title, expect_list(items, where), where)
    return Career.of(reader.entries, _person(cv, reader))


def load_rendercv_text(text: str) -> Career:
    """Parse RenderCV YAML text and read it."""
    return rendercv_to_career(yaml_backup.load_yaml_text(text))
