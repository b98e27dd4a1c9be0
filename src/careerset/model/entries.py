"""One pydantic model per entry kind of the career set, and the union that holds them all."""

import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from careerset.model.dates import EndDate, PartialDate, check_order
from careerset.model.enums import (
    ActivityKind,
    CodeSource,
    EmploymentType,
    GoalStatus,
    InterestScale,
    InterestSource,
    PayBasis,
    Schedule,
    WorkValue,
)

# Limits keep hostile or accidental huge input out of the store; they are far above real use.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000)]

OCCUPATION_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


def new_id() -> str:
    """A short random id: easy to type in `show ID`, unique enough within one store."""
    return uuid.uuid4().hex[:10]


class Entry(BaseModel):
    """Fields every entry has; `extra` keeps keys from imported files that careerset has no field for."""

    # `defer_build`: each kind's validator is built when first used, so a command that reads
    # only jobs never pays for building the other ten.
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, defer_build=True
    )

    # Each kind narrows this to its own literal; it is the discriminator of `AnyEntry`.
    kind: str
    id: str = Field(default_factory=new_id, pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    tags: list[Tag] = Field(default_factory=list, max_length=100)
    notes: Text | None = None
    created: datetime | None = None
    updated: datetime | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    @property
    def label(self) -> str:
        """A short human name for lists and messages."""
        return self.id


class Job(Entry):
    kind: Literal["job"] = "job"
    title: Name
    organization: Name | None = None
    # What the organization is ("A regional hospital network"), shown under its name on CVs.
    organization_summary: Text | None = None
    location: Name | None = None
    start: PartialDate | None = None
    end: EndDate | None = None
    employment_type: EmploymentType | None = None
    schedule: Schedule | None = None
    pay_amount: float | None = Field(default=None, ge=0, le=1e10)
    pay_currency: str | None = None
    pay_basis: PayBasis | None = None
    hours_per_week: float | None = Field(default=None, gt=0, le=168)
    occupation_code: str | None = None
    occupation_source: CodeSource | None = None
    occupation_confidence: float | None = Field(default=None, ge=0, le=1)
    url: Url | None = None
    summary: Text | None = None
    highlights: list[Text] = Field(default_factory=list, max_length=200)
    skills: list[Name] = Field(default_factory=list, max_length=200)
    reason_for_leaving: Text | None = None

    @field_validator("occupation_code")
    @classmethod
    def _code_shape(cls, value: str | None) -> str | None:
        if value is not None and not OCCUPATION_CODE.match(value):
            raise ValueError(f"'{value[:30]}' is not an O*NET-SOC code such as 29-1141.00")
        return value

    @field_validator("pay_currency")
    @classmethod
    def _currency_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().upper()
        if not CURRENCY.match(value):
            raise ValueError(f"'{value[:20]}' is not a three-letter currency code such as USD")
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Job":
        check_order(self.start, self.end)
        return self

    @property
    def label(self) -> str:
        return f"{self.title} at {self.organization}" if self.organization else self.title


class Education(Entry):
    kind: Literal["education"] = "education"
    institution: Name
    area: Name | None = None
    study_type: Name | None = None
    start: PartialDate | None = None
    end: EndDate | None = None
    score: Name | None = None
    url: Url | None = None
    courses: list[Name] = Field(default_factory=list, max_length=500)
    # Activities, societies and notes on the studies, one line each, as RenderCV's highlights.
    highlights: list[Text] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Education":
        check_order(self.start, self.end)
        return self

    @property
    def label(self) -> str:
        return " ".join(x for x in (self.study_type, self.area) if x) or self.institution


class Certification(Entry):
    kind: Literal["certification"] = "certification"
    name: Name
    issuer: Name | None = None
    date: PartialDate | None = None
    expiry: PartialDate | None = None
    credential_id: Name | None = None
    url: Url | None = None

    @model_validator(mode="after")
    def _expiry_after_date(self) -> "Certification":
        check_order(self.date, self.expiry, what="expiry")
        return self

    @property
    def label(self) -> str:
        return self.name


class Accomplishment(Entry):
    kind: Literal["accomplishment"] = "accomplishment"
    title: Name
    date: PartialDate | None = None
    awarder: Name | None = None
    summary: Text | None = None
    linked_entry: str | None = None

    @property
    def label(self) -> str:
        return self.title


class Project(Entry):
    kind: Literal["project"] = "project"
    name: Name
    roles: list[Name] = Field(default_factory=list, max_length=50)
    entity: Name | None = None
    project_type: Name | None = None
    start: PartialDate | None = None
    end: EndDate | None = None
    url: Url | None = None
    summary: Text | None = None
    highlights: list[Text] = Field(default_factory=list, max_length=200)
    keywords: list[Name] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Project":
        check_order(self.start, self.end)
        return self

    @property
    def label(self) -> str:
        return self.name


class Publication(Entry):
    kind: Literal["publication"] = "publication"
    name: Name
    publisher: Name | None = None
    date: PartialDate | None = None
    url: Url | None = None
    summary: Text | None = None

    @property
    def label(self) -> str:
        return self.name


class Skill(Entry):
    kind: Literal["skill"] = "skill"
    name: Name
    taxonomy_id: Url | None = None
    proficiency: int | None = Field(default=None, ge=1, le=5)
    level: Name | None = None
    keywords: list[Name] = Field(default_factory=list, max_length=200)
    evidence: list[str] = Field(default_factory=list, max_length=500)

    @property
    def label(self) -> str:
        return self.name


class Contact(Entry):
    kind: Literal["contact"] = "contact"
    name: Name
    relation: Name | None = None
    organization: Name | None = None
    met: PartialDate | None = None
    last_contacted: PartialDate | None = None

    @property
    def label(self) -> str:
        return self.name


class Goal(Entry):
    kind: Literal["goal"] = "goal"
    statement: Text
    target_codes: list[str] = Field(default_factory=list, max_length=20)
    horizon: PartialDate | None = None
    values: list[WorkValue] = Field(default_factory=list)
    status: GoalStatus = GoalStatus.ACTIVE

    @field_validator("target_codes")
    @classmethod
    def _codes_shape(cls, values: list[str]) -> list[str]:
        for value in values:
            if not OCCUPATION_CODE.match(value):
                raise ValueError(f"'{value[:30]}' is not an O*NET-SOC code such as 29-1171.00")
        return values

    @property
    def label(self) -> str:
        return self.statement[:60]


class Activity(Entry):
    kind: Literal["activity"] = "activity"
    date: PartialDate
    activity_kind: ActivityKind
    title: Name | None = None
    hours: float | None = Field(default=None, ge=0, le=1000)
    skills: list[Name] = Field(default_factory=list, max_length=100)

    @property
    def label(self) -> str:
        return self.title or f"{self.activity_kind.value} on {self.date}"


class InterestProfile(Entry):
    """RIASEC scores; `answers` holds profiler answers (0-4, None = not yet answered) for resuming."""

    kind: Literal["interest_profile"] = "interest_profile"
    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    scale: InterestScale = InterestScale.RAW
    source: InterestSource = InterestSource.MANUAL
    date: PartialDate | None = None
    answers: list[int | None] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _scores_on_scale(self) -> "InterestProfile":
        low, high = (0.0, 40.0) if self.scale == InterestScale.RAW else (1.0, 7.0)
        for name in (
            "realistic",
            "investigative",
            "artistic",
            "social",
            "enterprising",
            "conventional",
        ):
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(
                    f"{name} score {value} is outside the {self.scale.value} scale {low:g}-{high:g}"
                )
        return self

    @property
    def label(self) -> str:
        return f"interests ({self.source.value})"


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """The entry as plain JSON-ready data: `kind` first, empty and default fields left out."""
    data = entry.model_dump(mode="json", exclude_defaults=True)
    data.pop("kind", None)
    return {"kind": entry.kind, **data}


AnyEntry = Annotated[
    Job
    | Education
    | Certification
    | Accomplishment
    | Project
    | Publication
    | Skill
    | Contact
    | Goal
    | Activity
    | InterestProfile,
    Field(discriminator="kind"),
]

ENTRY_TYPES: dict[str, type[Entry]] = {
    "job": Job,
    "education": Education,
    "certification": Certification,
    "accomplishment": Accomplishment,
    "project": Project,
    "publication": Publication,
    "skill": Skill,
    "contact": Contact,
    "goal": Goal,
    "activity": Activity,
    "interest_profile": InterestProfile,
}
