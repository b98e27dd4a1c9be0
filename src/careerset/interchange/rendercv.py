"""Export to RenderCV's YAML input (`cv:` with `sections:` of typed entries), for typesetting.

Only what a CV shows goes out, and only values RenderCV accepts, so `rendercv render` never fails.
"""

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from careerset.interchange import yaml_backup
from careerset.model.career import Career
from careerset.model.dates import PRESENT, EndDate, PartialDate
from careerset.model.entries import (
    Accomplishment,
    Certification,
    Education,
    Entry,
    Job,
    Project,
    Publication,
    Skill,
)
from careerset.model.enums import EmploymentType
from careerset.model.person import Person

E = TypeVar("E", bound=Entry)
# Section titles careerset writes; the importer reads them back to the same kinds.
SUMMARY = "Summary"
EXPERIENCE = "Experience"
VOLUNTEERING = "Volunteering"
EDUCATION = "Education"
PROJECTS = "Projects"
PUBLICATIONS = "Publications"
CERTIFICATIONS = "Certifications"
AWARDS = "Awards"
SKILLS = "Skills"
LANGUAGES = "Languages"
INTERESTS = "Interests"
# Sections of an imported RenderCV file careerset has no kind for, kept to be written back.
KEPT_SECTIONS = "rendercv-sections"

NETWORKS = {
    name.casefold(): name
    for name in (
        "LinkedIn",
        "GitHub",
        "GitLab",
        "IMDB",
        "Instagram",
        "ORCID",
        "Mastodon",
        "StackOverflow",
        "ResearchGate",
        "YouTube",
        "Google Scholar",
        "Telegram",
        "Leetcode",
        "X",
    )
} | {"twitter": "X", "stack overflow": "StackOverflow", "googlescholar": "Google Scholar"}
# RenderCV checks these usernames' shapes; others are free text.
_USERNAME_SHAPES = {
    "Mastodon": re.compile(r"@[^@]+@[^@]+"),
    "StackOverflow": re.compile(r"\d+/[^/]+"),
    "ORCID": re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"),
    "IMDB": re.compile(r"nm\d{7}"),
}
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")
_HTTP = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#]\S*)?$")
_DOI = re.compile(r"^10\.\S+$")


def _date(value: PartialDate) -> int | str:
    """RenderCV takes a bare year as a number and a month or day as YYYY-MM(-DD) text."""
    return value.year if value.month is None else str(value)


def _period(start: PartialDate | None, end: EndDate | None) -> dict[str, Any]:
    """RenderCV's dates for a period; it compares first days, so a coarser end is widened."""
    if start is None:
        return {"date": _date(end)} if isinstance(end, PartialDate) else {}
    if end is None:
        # A start alone means "to present" to RenderCV; an unknown end is shown as one date.
        return {"date": _date(start)}
    out: dict[str, Any] = {"start_date": _date(start)}
    if end == PRESENT:
        out["end_date"] = PRESENT
    elif isinstance(end, PartialDate):
        if end.first_day() < start.first_day():
            # careerset reads "2019-03 to 2019" as ending within 2019; RenderCV would refuse it.
            out["start_date"] = start.year
        out["end_date"] = _date(end)
    return out


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def http_url(value: str | None) -> str | None:
    """The URL when RenderCV would accept it as a link, else None."""
    return value.strip() if value and _HTTP.match(value.strip()) else None


def _job(job: Job) -> dict[str, Any]:
    # RenderCV requires a company; work without one still needs the key.
    return {
        "company": job.organization or "",
        "position": job.title,
        **_compact(
            {
                "location": job.location,
                **_period(job.start, job.end),
                "summary": _text(job.summary),
                "highlights": [h for h in job.highlights if h.strip()],
                "url": job.url,
            }
        ),
    }


def _education(education: Education) -> dict[str, Any]:
    # RenderCV requires an area; with none known it stays empty rather than repeat the degree.
    return {
        "institution": education.institution,
        "area": education.area or "",
        **_compact(
            {
                "degree": education.study_type,
                "grade": education.score,
                **_period(education.start, education.end),
                "url": education.url,
                "courses": list(education.courses),
                "highlights": [h for h in education.highlights if h.strip()],
            }
        ),
    }


def _project(project: Project) -> dict[str, Any]:
    return _compact(
        {
            "name": project.name,
            **_period(project.start, project.end),
            "summary": _text(project.summary),
            "highlights": [h for h in project.highlights if h.strip()],
            "url": project.url,
            "roles": list(project.roles),
            "keywords": list(project.keywords),
        }
    )


def _publication(publication: Publication) -> dict[str, Any]:
    url = publication.url or ""
    doi = url.removeprefix("https://doi.org/") if url.startswith("https://doi.org/") else None
    return {
        "title": publication.name,
        "authors": [],
        **_compact(
            {
                "doi": doi if doi and _DOI.match(doi) else None,
                "url": None if doi else http_url(url),
                "journal": publication.publisher,
                "date": _date(publication.date) if publication.date else None,
                "summary": _text(publication.summary),
            }
        ),
    }


def _certification(certification: Certification) -> dict[str, Any]:
    return _compact(
        {
            "name": certification.name,
            "date": _date(certification.date) if certification.date else None,
            "summary": f"Issued by {certification.issuer}" if certification.issuer else None,
            "issuer": certification.issuer,
            "expiry": str(certification.expiry) if certification.expiry else None,
            "credential_id": certification.credential_id,
            "url": certification.url,
        }
    )


def _award(award: Accomplishment) -> dict[str, Any]:
    return _compact(
        {
            "name": award.title,
            "date": _date(award.date) if award.date else None,
            "summary": _text(award.summary),
            "awarder": award.awarder,
        }
    )


def _skill(skill: Skill) -> dict[str, Any]:
    details = ", ".join(skill.keywords) or skill.level or ""
    return {"label": skill.name, "details": details} | _compact(
        {"level": skill.level, "keywords": list(skill.keywords)}
    )


def _location(person: Person) -> str | None:
    place = person.location
    if place is None:
        return None
    parts = [place.city, place.region, place.country_code]
    return ", ".join(p for p in parts if p) or _text(place.address)


def _social_networks(person: Person) -> list[dict[str, str]]:
    networks = []
    for profile in person.profiles:
        network = NETWORKS.get((profile.network or "").strip().casefold())
        username = (profile.username or "").strip()
        if network is None or not username:
            continue
        shape = _USERNAME_SHAPES.get(network)
        if (shape and not shape.fullmatch(username)) or (
            network == "YouTube" and username.startswith("@")
        ):
            continue
        networks.append({"network": network, "username": username})
    return networks


def _header(person: Person) -> dict[str, Any]:
    phone = re.sub(r"[\s().-]", "", person.phone or "")
    email = (person.email or "").strip()
    return _compact(
        {
            "name": person.name,
            "label": person.label,
            "location": _location(person),
            "email": email if _EMAIL.match(email) else None,
            "phone": phone if _PHONE.match(phone) else None,
            "website": http_url(person.url),
            "social_networks": _social_networks(person),
        }
    )


def _entries(
    career: Career, kind: type[E], write: Callable[[E], dict[str, Any]]
) -> list[dict[str, Any]]:
    return [write(entry) for entry in _newest_first(career.of_type(kind))]


def _newest_first(entries: Iterable[E]) -> list[E]:
    """CVs list the most recent first; undated entries keep their order, after dated ones."""

    def key(entry: E) -> tuple[int, int, int]:
        end = getattr(entry, "end", None)
        when = getattr(entry, "start", None) or getattr(entry, "date", None) or end
        return when.sort_key() if isinstance(when, PartialDate) else (0, 0, 0)

    return sorted(entries, key=key, reverse=True)


def career_to_rendercv(career: Career) -> dict[str, Any]:
    """The career as a RenderCV input document (plain data): `cv` with its `sections`.

    A CV shows part of a career: goals, contacts, activities and pay stay out. Values RenderCV
    would refuse (a phone without a country code, a site that is not an http URL) are left out.
    """
    person = career.person
    jobs = career.of_type(Job)
    volunteering = [job for job in jobs if job.employment_type == EmploymentType.VOLUNTEER]
    work = [job for job in jobs if job.employment_type != EmploymentType.VOLUNTEER]
    sections: dict[str, list[Any]] = {}
    if _text(person.summary):
        sections[SUMMARY] = [person.summary.strip() if person.summary else ""]
    sections[EXPERIENCE] = [_job(job) for job in _newest_first(work)]
    sections[VOLUNTEERING] = [_job(job) for job in _newest_first(volunteering)]
    sections[EDUCATION] = _entries(career, Education, _education)
    sections[PROJECTS] = _entries(career, Project, _project)
    sections[PUBLICATIONS] = _entries(career, Publication, _publication)
    sections[CERTIFICATIONS] = _entries(career, Certification, _certification)
    sections[AWARDS] = _entries(career, Accomplishment, _award)
    sections[SKILLS] = [_skill(skill) for skill in career.of_type(Skill)]
    sections[LANGUAGES] = [
        {"label": language.language, "details": language.fluency or ""}
        for language in person.languages
        if language.language
    ]
    sections[INTERESTS] = [
        {"label": hobby.name, "details": ", ".join(hobby.keywords)}
        | _compact({"keywords": list(hobby.keywords)})
        for hobby in person.hobbies
        if hobby.name
    ]
    kept = person.extra.get(KEPT_SECTIONS)
    if isinstance(kept, dict):
        sections.update((title, items) for title, items in kept.items() if title not in sections)
    cv = _header(person)
    filled = {title: items for title, items in sections.items() if items}
    if filled:
        cv["sections"] = filled
    return {"cv": cv}


def dump_rendercv(career: Career) -> str:
    """The RenderCV document as YAML text, ready for `rendercv render`."""
    return yaml_backup.dump_yaml(career_to_rendercv(career))
