"""A render-ready view of a career for CVs: plain strings, grouped and ordered, no markup.

Every CV renderer (HTML, Typst/PDF, Markdown, DOCX) formats a `CvDocument`; none reads the model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from datetime import date
from typing import Any, TypeVar

from careerset.model.career import Career
from careerset.model.dates import PRESENT, EndDate, PartialDate
from careerset.model.entries import (
    Accomplishment,
    Certification,
    Education,
    Job,
    Project,
    Publication,
    Skill,
)
from careerset.model.person import Person

DESIGNS = ("classic", "modern")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
T = TypeVar("T")
# Control characters (but tab and newlines) and Unicode noncharacters: invalid in HTML and XML
# (DOCX), and never meant to be seen, so every renderer gets text without them.
_NONCHARACTERS = "".join(
    f"{chr(p * 0x10000 + 0xFFFE)}-{chr(p * 0x10000 + 0xFFFF)}" for p in range(17)
)
_INVISIBLE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")
# Only links with these schemes become clickable; anything else (javascript:, data:) stays text.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@dataclass(frozen=True)
class Contact:
    """One line of contact details; `href` only when it is a safe link."""

    kind: str
    text: str
    href: str | None = None


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    period: str
    location: str | None
    summary: str | None
    highlights: list[str]
    skills: list[str]
    recency: int  # sort key: days since the role ended (0 = current); larger is older
    relevance: float = 0.0


@dataclass(frozen=True)
class Employer:
    """Several roles at one organization, newest role first."""

    organization: str | None
    period: str
    roles: list[Role]
    # What the organization is, one short line under its name.
    organization_summary: str | None = None


@dataclass(frozen=True)
class Item:
    """An entry of a plain section (education, certifications, projects, ...)."""

    id: str
    heading: str
    subheading: str | None
    period: str | None
    details: list[str]
    url: str | None
    recency: int
    relevance: float = 0.0


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: list[Item]


@dataclass(frozen=True)
class SkillLine:
    name: str
    level: int | None  # proficiency 1-5 when the person gave one
    detail: str | None
    relevance: float = 0.0


@dataclass(frozen=True)
class CvDocument:
    name: str
    label: str | None
    summary: str | None
    contacts: list[Contact]
    employers: list[Employer]
    sections: list[Section]
    skills: list[SkillLine]
    languages: list[str]
    design: str = "classic"
    notes: list[str] = field(default_factory=list)  # what tailoring left out, for the caller

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, the only thing the Typst template ever sees."""
        return asdict(self)


def clean_strings(value: T) -> T:
    """The same value with every string in it (dataclasses, lists, tuples) cleaned."""
    if isinstance(value, str):
        return _INVISIBLE.sub("", value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [clean_strings(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(clean_strings(item) for item in value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: clean_strings(item) for key, item in value.items()}  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean_strings(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **changes)
    return value


def format_date(value: PartialDate | None) -> str:
    if value is None:
        return ""
    if value.month is None:
        return str(value.year)
    return f"{_MONTHS[value.month - 1]} {value.year}"


def format_period(start: PartialDate | None, end: EndDate | None) -> str:
    """`Jun 2014 – present`; one side alone when the other is unknown."""
    last = (
        "present" if end == PRESENT else format_date(end if isinstance(end, PartialDate) else None)
    )
    first = format_date(start)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last


def days_ago(end: EndDate | None, start: PartialDate | None, today: date) -> int:
    """How long ago an entry ended; current entries are 0 and undated ones the oldest."""
    if end == PRESENT:
        return 0
    when = end if isinstance(end, PartialDate) else start
    if when is None:
        return 10**6
    return max(0, (today - when.last_day()).days)


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic, Hebrew)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def safe_href(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(SAFE_SCHEMES):
        return url.strip()
    return None


def _contacts(person: Person) -> list[Contact]:
    found: list[Contact] = []
    if person.email:
        found.append(Contact("email", person.email, safe_href(f"mailto:{person.email}")))
    if person.phone:
        found.append(Contact("phone", person.phone))
    location = person.location
    if location is not None:
        place = ", ".join(x for x in (location.city, location.region, location.country_code) if x)
        if place:
            found.append(Contact("location", place))
    if person.url:
        found.append(Contact("url", person.url, safe_href(person.url)))
    for profile in person.profiles:
        text = profile.username or profile.url
        if text:
            label = f"{profile.network}: {text}" if profile.network else text
            found.append(Contact("profile", label, safe_href(profile.url)))
    return found


def _role(job: Job, today: date) -> Role:
    return Role(
        id=job.id,
        title=job.title,
        period=format_period(job.start, job.end),
        location=job.location,
        summary=job.summary,
        highlights=list(job.highlights),
        skills=list(job.skills),
        recency=days_ago(job.end, job.start, today),
    )


def _has_text(value: str | None) -> bool:
    return bool(value and value.strip())


def _employers(career: Career, today: date) -> list[Employer]:
    employers = []
    for group in career.employer_groups():
        jobs = sorted(group.jobs, key=lambda j: days_ago(j.end, j.start, today))
        starts = [j.start for j in group.jobs if j.start is not None]
        ends = [j.end for j in group.jobs if j.end is not None]
        end: EndDate | None = None
        if PRESENT in ends:
            end = PRESENT
        elif ends:
            end = max(e for e in ends if isinstance(e, PartialDate))
        period = format_period(min(starts) if starts else None, end)
        roles = [_role(j, today) for j in jobs]
        # The newest role's description wins: it is the one the person last wrote.
        about = next(
            (j.organization_summary for j in jobs if _has_text(j.organization_summary)), None
        )
        line = " ".join(about.split()) if about else None
        employers.append(Employer(group.organization, period, roles, line))
    return sorted(employers, key=lambda e: min(r.recency for r in e.roles))


def _education(entry: Education, today: date) -> Item:
    heading = " in ".join(x for x in (entry.study_type, entry.area) if x) or entry.institution
    subheading = entry.institution if heading != entry.institution else None
    details = [f"Score: {entry.score}"] if entry.score else []
    if entry.courses:
        details.append("Courses: " + ", ".join(entry.courses))
    details += [h for h in entry.highlights if h.strip()]
    return Item(
        entry.id,
        heading,
        subheading,
        format_period(entry.start, entry.end) or None,
        details,
        safe_href(entry.url),
        days_ago(entry.end, entry.start, today),
    )


def _certification(entry: Certification, today: date) -> Item:
    details = [f"Credential {entry.credential_id}"] if entry.credential_id else []
    if entry.expiry is not None and entry.expiry.last_day() < today:
        details.append(f"Expired {format_date(entry.expiry)}")
    elif entry.expiry is not None:
        details.append(f"Valid until {format_date(entry.expiry)}")
    period = format_date(entry.date) or None
    recency = days_ago(None, entry.date, today)
    return Item(entry.id, entry.name, entry.issuer, period, details, safe_href(entry.url), recency)


def _project(entry: Project, today: date) -> Item:
    subheading = ", ".join(x for x in (", ".join(entry.roles), entry.entity) if x) or None
    details = ([entry.summary] if entry.summary else []) + list(entry.highlights)
    return Item(
        entry.id,
        entry.name,
        subheading,
        format_period(entry.start, entry.end) or None,
        details,
        safe_href(entry.url),
        days_ago(entry.end, entry.start, today),
    )


def _publication(entry: Publication, today: date) -> Item:
    details = [entry.summary] if entry.summary else []
    period = format_date(entry.date) or None
    recency = days_ago(None, entry.date, today)
    url = safe_href(entry.url)
    return Item(entry.id, entry.name, entry.publisher, period, details, url, recency)


def _award(entry: Accomplishment, today: date) -> Item:
    details = [entry.summary] if entry.summary else []
    period = format_date(entry.date) or None
    recency = days_ago(None, entry.date, today)
    return Item(entry.id, entry.title, entry.awarder, period, details, None, recency)


def _by_recency(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: item.recency)


def _sections(career: Career, today: date) -> list[Section]:
    sections = [
        Section("education", "Education", [_education(e, today) for e in career.education]),
        Section(
            "certifications",
            "Certifications",
            [_certification(c, today) for c in career.certifications],
        ),
        Section("projects", "Projects", [_project(p, today) for p in career.of_type(Project)]),
        Section(
            "publications",
            "Publications",
            [_publication(p, today) for p in career.of_type(Publication)],
        ),
        Section("awards", "Awards", [_award(a, today) for a in career.of_type(Accomplishment)]),
    ]
    ordered = [Section(s.key, s.title, _by_recency(s.items)) for s in sections if s.items]
    return ordered + _person_sections(career.person)


def _person_sections(person: Person) -> list[Section]:
    """Interests (JSON Resume `interests`) and references, in the person's own order."""
    interests = [
        Item(
            f"interest-{n}",
            h.name or "",
            None,
            None,
            [", ".join(h.keywords)] if h.keywords else [],
            None,
            0,
        )
        for n, h in enumerate(person.hobbies)
        if h.name or h.keywords
    ]
    references = [
        Item(
            f"reference-{n}",
            r.name or "",
            None,
            None,
            [r.reference] if r.reference else [],
            None,
            0,
        )
        for n, r in enumerate(person.references)
        if r.name or r.reference
    ]
    found = [("interests", "Interests", interests), ("references", "References", references)]
    return [Section(key, title, items) for key, title, items in found if items]


def _skills(career: Career) -> list[SkillLine]:
    """Stated skills first (with proficiency), then skills only named on jobs, most evidenced first."""
    lines: list[SkillLine] = []
    seen: set[str] = set()
    for skill in career.of_type(Skill):
        key = skill.name.strip().casefold()
        if key in seen:
            continue
        seen.add(key)
        detail = ", ".join(skill.keywords) or skill.level
        lines.append(SkillLine(skill.name, skill.proficiency, detail or None))
    named: dict[str, tuple[str, int]] = {}
    for job in career.jobs:
        for name in job.skills:
            key = name.strip().casefold()
            if key not in seen:
                shown, count = named.get(key, (name.strip(), 0))
                named[key] = (shown, count + 1)
    for shown, _ in sorted(named.values(), key=lambda item: (-item[1], item[0].casefold())):
        lines.append(SkillLine(shown, None, None))
    return lines


def _languages(person: Person) -> list[str]:
    return [
        f"{lang.language} ({lang.fluency})" if lang.fluency else str(lang.language)
        for lang in person.languages
        if lang.language
    ]


def build_cv(career: Career, today: date, design: str = "classic") -> CvDocument:
    """The whole career as a CV view, newest first; tailoring happens in `cv_tailor`."""
    person = career.person
    document = CvDocument(
        name=person.name or "Curriculum vitae",
        label=person.label,
        summary=person.summary,
        contacts=_contacts(person),
        employers=_employers(career, today),
        sections=_sections(career, today),
        skills=_skills(career),
        languages=_languages(person),
        design=design if design in DESIGNS else DESIGNS[0],
    )
    return clean_strings(document)
