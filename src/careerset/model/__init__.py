"""Pure domain types of the career record: entries, partial dates, the Career set. No I/O."""

from careerset.model.career import Career, EmployerGroup, entry_span, is_current
from careerset.model.dates import PRESENT, EndDate, PartialDate
from careerset.model.entries import (
    ENTRY_TYPES,
    Accomplishment,
    Activity,
    AnyEntry,
    Certification,
    Contact,
    Education,
    Entry,
    Goal,
    InterestProfile,
    Job,
    Project,
    Publication,
    Skill,
    entry_to_dict,
)
from careerset.model.person import Person

__all__ = [
    "ENTRY_TYPES",
    "PRESENT",
    "Accomplishment",
    "Activity",
    "AnyEntry",
    "Career",
    "Certification",
    "Contact",
    "Education",
    "EmployerGroup",
    "EndDate",
    "Entry",
    "Goal",
    "InterestProfile",
    "Job",
    "PartialDate",
    "Person",
    "Project",
    "Publication",
    "Skill",
    "entry_span",
    "entry_to_dict",
    "is_current",
]
