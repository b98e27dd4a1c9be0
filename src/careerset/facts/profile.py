"""Typed, immutable results of the reference query API (occupations, wages, ESCO skills).

No I/O here, so `analysis/` can import these types without touching a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from careerset.errors import UserError
from careerset.next_action import NextAction

RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")


def holland_code(scores: dict[str, float], high_points: list[float | None]) -> str:
    """O*NET's high-point letters when given (1-6 = R..C, 0 = none), else the top three scores."""
    letters = [RIASEC[int(v) - 1][0] for v in high_points if v is not None and 1 <= v <= 6]
    if letters:
        return "".join(letters)
    ranked = sorted(scores, key=lambda name: (-scores[name], RIASEC.index(name)))
    return "".join(name[0] for name in ranked[:3])


class FeatureUnavailable(UserError):
    """The data a request needs is not in the reference in use (e.g. interests on the default)."""

    def __init__(self, feature: str, message: str, action: NextAction | None = None) -> None:
        super().__init__(message, action)
        self.feature = feature


@dataclass(frozen=True)
class OccupationSummary:
    """One O*NET-SOC occupation as listed: code, title and description."""

    code: str
    title: str
    description: str


@dataclass(frozen=True)
class SearchHit:
    """One ranked `search` result; `matched` says which field matched best."""

    code: str
    title: str
    score: float
    matched: str


@dataclass(frozen=True)
class AlternateTitle:
    """An O*NET alternate (or reported) title of an occupation."""

    code: str
    title: str
    short_title: str | None = None


@dataclass(frozen=True)
class Task:
    """A task statement; `task_type` is Core/Supplemental when the release says so."""

    task_id: str
    statement: str
    task_type: str | None


@dataclass(frozen=True)
class TechnologySkill:
    """A technology (software) example with O*NET's Hot Technology and In Demand flags."""

    name: str
    commodity_code: str | None
    commodity_title: str | None
    hot: bool
    in_demand: bool


class RatingValue(NamedTuple):
    """One occupation's rating of one element, as bare values: the bulk form that matrices
    of every occupation are built from (a `RatedElement` per rating would cost more)."""

    code: str
    element_id: str
    name: str
    importance: float | None
    level: float | None


@dataclass(frozen=True)
class RatedElement:
    """A skill, knowledge area or ability: importance (IM, 1-5) and level (LV, 0-7).

    `level_se` is O*NET's standard error of the level; `suppress` and `not_relevant` are its
    Recommend Suppress and Not Relevant flags (a level that should not be relied on).
    """

    element_id: str
    name: str
    importance: float | None
    level: float | None
    level_se: float | None = None
    suppress: bool = False
    not_relevant: bool = False


@dataclass(frozen=True)
class Interests:
    """The six RIASEC scores (OI scale, 1-7) and the Holland code (high-point letters)."""

    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    holland_code: str

    @classmethod
    def from_scores(cls, scores: dict[str, float], high_points: list[float | None]) -> Interests:
        """Build from RIASEC-name scores plus O*NET's IH high-point values (may be empty)."""
        return cls(
            realistic=scores["Realistic"],
            investigative=scores["Investigative"],
            artistic=scores["Artistic"],
            social=scores["Social"],
            enterprising=scores["Enterprising"],
            conventional=scores["Conventional"],
            holland_code=holland_code(scores, high_points),
        )

    def scores(self) -> dict[str, float]:
        """The scores keyed by RIASEC name, in R-I-A-S-E-C order."""
        values = (
            self.realistic,
            self.investigative,
            self.artistic,
            self.social,
            self.enterprising,
            self.conventional,
        )
        return dict(zip(RIASEC, values, strict=True))


@dataclass(frozen=True)
class WorkValue:
    """A work value (Achievement, Independence, ...) with its extent score (EX, 1-7)."""

    element_id: str
    name: str
    extent: float


@dataclass(frozen=True)
class Requirements:
    """Education, Training, and Experience for one occupation.

    Each distribution maps an O*NET category (see `analysis.requirement_labels`) to the percent of
    respondents choosing it; certification and apprenticeship are importances (1-5).
    """

    code: str
    education: dict[int, float]
    experience: dict[int, float]
    site_training: dict[int, float]
    job_training: dict[int, float]
    certification: float | None
    apprenticeship: float | None


@dataclass(frozen=True)
class RelatedOccupation:
    """An O*NET related occupation; lower `index` is more related within a tier."""

    code: str
    title: str
    tier: str
    index: int


@dataclass(frozen=True)
class Wages:
    """OEWS national employment and wage percentiles for one SOC code.

    `soc_code` is the code the figures belong to; it differs from `requested_soc` when
    OEWS only publishes an aggregate (broad group) for the occupation.
    """

    soc_code: str
    requested_soc: str
    title: str
    employment: int | None
    annual_mean: float | None
    hourly_mean: float | None
    annual: dict[int, float | None]
    hourly: dict[int, float | None]

    @property
    def annual_median(self) -> float | None:
        return self.annual.get(50)

    @property
    def aggregated(self) -> bool:
        return self.soc_code != self.requested_soc


@dataclass(frozen=True)
class OccupationProfile:
    """Everything the reference knows about one occupation.

    Sections the reference lacks are empty/None; `missing` names them, so a caller can
    tell "no data" from "zero items".
    """

    code: str
    title: str
    description: str
    soc_code: str
    alternate_titles: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    technology_skills: tuple[TechnologySkill, ...] = ()
    skills: tuple[RatedElement, ...] = ()
    knowledge: tuple[RatedElement, ...] = ()
    abilities: tuple[RatedElement, ...] = ()
    interests: Interests | None = None
    work_values: tuple[WorkValue, ...] = ()
    job_zone: int | None = None
    related: tuple[RelatedOccupation, ...] = ()
    wages: Wages | None = None
    missing: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class EscoSkill:
    """An ESCO skill or knowledge concept."""

    uri: str
    label: str
    skill_type: str | None
    reuse_level: str | None
    description: str | None
    alternative_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class EscoSkillLink:
    """A skill an ESCO occupation needs; `relation` is "essential" or "optional"."""

    uri: str
    label: str
    relation: str
    skill_type: str | None


@dataclass(frozen=True)
class EscoOccupation:
    """An ESCO occupation with its ISCO group and the skills it needs."""

    uri: str
    label: str
    isco_group: str | None
    description: str | None
    alternative_labels: tuple[str, ...]
    essential_skills: tuple[EscoSkillLink, ...]
    optional_skills: tuple[EscoSkillLink, ...]


@dataclass(frozen=True)
class EscoOccupationLabels:
    """Bulk row for title coding: an ESCO occupation's labels and ISCO group."""

    uri: str
    label: str
    alternative_labels: tuple[str, ...]
    isco_group: str | None


@dataclass(frozen=True)
class SkillGroup:
    """One step up the ESCO skill hierarchy (a broader skill or skill group)."""

    uri: str
    label: str


@dataclass(frozen=True)
class SourceInfo:
    """One input the pack was built from, with its release, row count and checksum."""

    name: str
    release: str | None
    path: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class ReferenceStatus:
    """What the reference in use holds: origin, version, sources and disabled features."""

    kind: str  # "pack" or "embedded"
    path: str | None
    schema_version: int
    build_id: str | None
    built_at: str | None
    sources: tuple[SourceInfo, ...]
    features: dict[str, bool]
    attribution: str
