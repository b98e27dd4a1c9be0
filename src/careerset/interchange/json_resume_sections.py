"""The JSON Resume sections that hold careerset entries, and which keys map to which fields."""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from careerset.interchange.json_resume_fields import FieldMap
from careerset.model.entries import ENTRY_TYPES, Entry, Job
from careerset.model.enums import EmploymentType

UNTITLED = "(untitled)"
UNNAMED = "(unnamed)"


@dataclass(frozen=True)
class Section:
    """One list section: its key, the entry kind it holds and the key-to-field maps."""

    key: str
    kind: str
    maps: tuple[FieldMap, ...]
    fixed: dict[str, Any] = field(default_factory=dict)

    @property
    def has_dates(self) -> bool:
        return any(field_map.shape == "end" for field_map in self.maps)

    @cached_property
    def extension_fields(self) -> frozenset[str]:
        """careerset fields JSON Resume has no key for: they travel in the item's `x-careerset`.

        `end` is there too, for the two ends the start/no-end rule cannot express.
        """
        mapped = {field_map.field for field_map in self.maps}
        unmapped = set(ENTRY_TYPES[self.kind].model_fields) - mapped - {"kind", "extra"}
        own = unmapped - set(self.fixed)
        return frozenset(own | ({"end"} if self.has_dates else set()))


def _period() -> tuple[FieldMap, ...]:
    return (
        FieldMap("url", "url", "url"),
        FieldMap("startDate", "start", "date"),
        FieldMap("endDate", "end", "end"),
    )


WORK = Section(
    "work",
    "job",
    (
        FieldMap("name", "organization", "name"),
        FieldMap("position", "title", "name", placeholder=UNTITLED),
        FieldMap("location", "location", "name"),
        # JSON Resume's work `description` describes the organization, not the role.
        FieldMap("description", "organization_summary", "text"),
        *_period(),
        FieldMap("summary", "summary", "text"),
        FieldMap("highlights", "highlights", "texts"),
    ),
)
VOLUNTEER = Section(
    "volunteer",
    "job",
    (
        FieldMap("organization", "organization", "name"),
        FieldMap("position", "title", "name", placeholder=UNTITLED),
        *_period(),
        FieldMap("summary", "summary", "text"),
        FieldMap("highlights", "highlights", "texts"),
    ),
    fixed={"employment_type": EmploymentType.VOLUNTEER},
)
EDUCATION = Section(
    "education",
    "education",
    (
        FieldMap("institution", "institution", "name", placeholder=UNNAMED),
        FieldMap("area", "area", "name"),
        FieldMap("studyType", "study_type", "name"),
        *_period(),
        FieldMap("score", "score", "name"),
        FieldMap("courses", "courses", "names"),
    ),
)
AWARDS = Section(
    "awards",
    "accomplishment",
    (
        FieldMap("title", "title", "name", placeholder=UNTITLED),
        FieldMap("date", "date", "date"),
        FieldMap("awarder", "awarder", "name"),
        FieldMap("summary", "summary", "text"),
    ),
)
CERTIFICATES = Section(
    "certificates",
    "certification",
    (
        FieldMap("name", "name", "name", placeholder=UNNAMED),
        FieldMap("date", "date", "date"),
        FieldMap("url", "url", "url"),
        FieldMap("issuer", "issuer", "name"),
    ),
)
PUBLICATIONS = Section(
    "publications",
    "publication",
    (
        FieldMap("name", "name", "name", placeholder=UNNAMED),
        FieldMap("publisher", "publisher", "name"),
        FieldMap("releaseDate", "date", "date"),
        FieldMap("url", "url", "url"),
        FieldMap("summary", "summary", "text"),
    ),
)
SKILLS = Section(
    "skills",
    "skill",
    (
        FieldMap("name", "name", "name", placeholder=UNNAMED),
        FieldMap("level", "level", "name"),
        FieldMap("keywords", "keywords", "names"),
    ),
)
PROJECTS = Section(
    "projects",
    "project",
    (
        FieldMap("name", "name", "name", placeholder=UNNAMED),
        FieldMap("description", "summary", "text"),
        FieldMap("highlights", "highlights", "texts"),
        FieldMap("keywords", "keywords", "names"),
        *_period(),
        FieldMap("roles", "roles", "names"),
        FieldMap("entity", "entity", "name"),
        FieldMap("type", "project_type", "name"),
    ),
)

SECTIONS = (WORK, VOLUNTEER, EDUCATION, AWARDS, CERTIFICATES, PUBLICATIONS, SKILLS, PROJECTS)
_BY_TYPE = {ENTRY_TYPES[s.kind]: s for s in SECTIONS if s is not VOLUNTEER}


def section_of(entry: Entry) -> Section | None:
    """Where an entry goes in JSON Resume; None for kinds without a section (goals, contacts...)."""
    if isinstance(entry, Job) and entry.employment_type == EmploymentType.VOLUNTEER:
        return VOLUNTEER
    return _BY_TYPE.get(type(entry))
