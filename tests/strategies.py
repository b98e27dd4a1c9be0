"""Hypothesis strategies for valid careerset values: any entry kind, the person, whole careers.

Values are canonical (names already trimmed), so a model built from them keeps them as given.
"""

from datetime import UTC, datetime
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from careerset.model.career import Career
from careerset.model.dates import PRESENT, EndDate, PartialDate
from careerset.model.entries import (
    Accomplishment,
    Activity,
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
)
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
from careerset.model.person import Hobby, Language, Location, Person, Reference, SocialProfile

# Any unicode but surrogates (not valid in UTF-8 files); short, so examples stay readable.
# Every character a person can type; NUL is refused by the store (see test_bad_input).
texts = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
names = texts.map(str.strip).filter(bool)
urls = st.one_of(
    st.just(""), st.from_regex(r"https://[a-z]{1,10}\.example/[a-zé0-9/-]{0,12}", fullmatch=True)
)
ids = st.from_regex(r"[A-Za-z0-9_.:-]{1,16}", fullmatch=True)
occupation_codes = st.from_regex(r"\d{2}-\d{4}(\.\d{2})?", fullmatch=True)
timestamps = st.datetimes(
    min_value=datetime(1970, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([None, UTC]),
)
# JSON values for `extra`; keys carry a prefix so they never collide with a field of any format.
json_scalars = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
extras = st.dictionaries(texts.map(lambda key: f"ext-{key}"), json_values, max_size=2)


def examples(ci_count: int) -> int:
    """The example count of a slow property: `ci_count` under the `ci` profile (CI set), and
    the loaded profile's share of Hypothesis's default count of it otherwise (30% under `dev`),
    so a local `make test` stays quick while CI runs every example."""
    share = settings.default.max_examples / settings.get_profile("default").max_examples
    return max(10, round(ci_count * min(share, 1.0)))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def short_lists(
    strategy: st.SearchStrategy[Any], max_size: int = 3
) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=max_size)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1950, max_year: int = 2060) -> PartialDate:
    """A date known to the year, the month or the day."""
    day = draw(
        st.dates(
            min_value=datetime(min_year, 1, 1).date(), max_value=datetime(max_year, 12, 31).date()
        )
    )
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


@st.composite
def periods(draw: st.DrawFn) -> tuple[PartialDate | None, EndDate | None]:
    """A (start, end) pair with end on or after start, `present`, or unknown; either may be None."""
    start = draw(optional(partial_dates()))
    end_kind = draw(st.sampled_from(("none", "present", "date")))
    if end_kind == "none":
        return start, None
    if end_kind == "present":
        return start, PRESENT
    end = draw(partial_dates())
    if start is not None and end.last_day() < start.first_day():
        start, end = end, start  # then end.last_day() >= end.first_day() > start.last_day()
    return start, end


@st.composite
def _common(draw: st.DrawFn) -> dict[str, Any]:
    """Fields every entry has."""
    return {
        "id": draw(ids),
        "tags": draw(short_lists(names)),
        "notes": draw(optional(texts)),
        "created": draw(optional(timestamps)),
        "updated": draw(optional(timestamps)),
        "extra": draw(extras),
    }


@st.composite
def jobs(draw: st.DrawFn) -> Job:
    start, end = draw(periods())
    return Job(
        **draw(_common()),
        title=draw(names),
        organization=draw(optional(names)),
        organization_summary=draw(optional(texts)),
        location=draw(optional(names)),
        start=start,
        end=end,
        employment_type=draw(optional(st.sampled_from(EmploymentType))),
        schedule=draw(optional(st.sampled_from(Schedule))),
        pay_amount=draw(optional(st.floats(0, 1e7, allow_nan=False))),
        pay_currency=draw(optional(st.sampled_from(("USD", "EUR", "JPY")))),
        pay_basis=draw(optional(st.sampled_from(PayBasis))),
        hours_per_week=draw(optional(st.floats(0.5, 168))),
        occupation_code=draw(optional(occupation_codes)),
        occupation_source=draw(optional(st.sampled_from(CodeSource))),
        occupation_confidence=draw(optional(st.floats(0, 1))),
        url=draw(optional(urls)),
        summary=draw(optional(texts)),
        highlights=draw(short_lists(texts)),
        skills=draw(short_lists(names)),
        reason_for_leaving=draw(optional(texts)),
    )


@st.composite
def educations(draw: st.DrawFn) -> Education:
    start, end = draw(periods())
    return Education(
        **draw(_common()),
        institution=draw(names),
        area=draw(optional(names)),
        study_type=draw(optional(names)),
        start=start,
        end=end,
        score=draw(optional(names)),
        url=draw(optional(urls)),
        courses=draw(short_lists(names)),
        highlights=draw(short_lists(texts)),
    )


@st.composite
def certifications(draw: st.DrawFn) -> Certification:
    when, expiry = draw(periods())
    return Certification(
        **draw(_common()),
        name=draw(names),
        issuer=draw(optional(names)),
        date=when,
        expiry=None if expiry == PRESENT else expiry,
        credential_id=draw(optional(names)),
        url=draw(optional(urls)),
    )


@st.composite
def accomplishments(draw: st.DrawFn) -> Accomplishment:
    return Accomplishment(
        **draw(_common()),
        title=draw(names),
        date=draw(optional(partial_dates())),
        awarder=draw(optional(names)),
        summary=draw(optional(texts)),
        linked_entry=draw(optional(ids)),
    )


@st.composite
def projects(draw: st.DrawFn) -> Project:
    start, end = draw(periods())
    return Project(
        **draw(_common()),
        name=draw(names),
        roles=draw(short_lists(names)),
        entity=draw(optional(names)),
        project_type=draw(optional(names)),
        start=start,
        end=end,
        url=draw(optional(urls)),
        summary=draw(optional(texts)),
        highlights=draw(short_lists(texts)),
        keywords=draw(short_lists(names)),
    )


@st.composite
def publications(draw: st.DrawFn) -> Publication:
    return Publication(
        **draw(_common()),
        name=draw(names),
        publisher=draw(optional(names)),
        date=draw(optional(partial_dates())),
        url=draw(optional(urls)),
        summary=draw(optional(texts)),
    )


@st.composite
def skills(draw: st.DrawFn) -> Skill:
    return Skill(
        **draw(_common()),
        name=draw(names),
        taxonomy_id=draw(optional(urls)),
        proficiency=draw(optional(st.integers(1, 5))),
        level=draw(optional(names)),
        keywords=draw(short_lists(names)),
        evidence=draw(short_lists(ids)),
    )


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    return Contact(
        **draw(_common()),
        name=draw(names),
        relation=draw(optional(names)),
        organization=draw(optional(names)),
        met=draw(optional(partial_dates())),
        last_contacted=draw(optional(partial_dates())),
    )


@st.composite
def goals(draw: st.DrawFn) -> Goal:
    return Goal(
        **draw(_common()),
        statement=draw(texts),
        target_codes=draw(short_lists(occupation_codes)),
        horizon=draw(optional(partial_dates())),
        values=draw(short_lists(st.sampled_from(WorkValue))),
        status=draw(st.sampled_from(GoalStatus)),
    )


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    return Activity(
        **draw(_common()),
        date=draw(partial_dates()),
        activity_kind=draw(st.sampled_from(ActivityKind)),
        title=draw(optional(names)),
        hours=draw(optional(st.floats(0, 1000))),
        skills=draw(short_lists(names)),
    )


@st.composite
def interest_profiles(draw: st.DrawFn) -> InterestProfile:
    scale = draw(st.sampled_from(InterestScale))
    low, high = (0.0, 40.0) if scale == InterestScale.RAW else (1.0, 7.0)
    scores = {
        name: draw(st.floats(low, high))
        for name in (
            "realistic",
            "investigative",
            "artistic",
            "social",
            "enterprising",
            "conventional",
        )
    }
    return InterestProfile(
        **draw(_common()),
        **scores,
        scale=scale,
        source=draw(st.sampled_from(InterestSource)),
        date=draw(optional(partial_dates())),
        answers=draw(short_lists(optional(st.integers(0, 4)), max_size=6)),
    )


ENTRY_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "job": jobs(),
    "education": educations(),
    "certification": certifications(),
    "accomplishment": accomplishments(),
    "project": projects(),
    "publication": publications(),
    "skill": skills(),
    "contact": contacts(),
    "goal": goals(),
    "activity": activities(),
    "interest_profile": interest_profiles(),
}


def entries(kind: str | None = None) -> st.SearchStrategy[Entry]:
    """One entry of the given kind, or of any kind."""
    if kind is not None:
        return ENTRY_STRATEGIES[kind]
    return st.one_of(*ENTRY_STRATEGIES.values())


@st.composite
def persons(draw: st.DrawFn) -> Person:
    location = Location(
        address=draw(optional(texts)),
        postal_code=draw(optional(names)),
        city=draw(optional(names)),
        country_code=draw(optional(names)),
        region=draw(optional(names)),
        extra=draw(extras),
    )
    return Person(
        name=draw(optional(names)),
        label=draw(optional(names)),
        image=draw(optional(urls)),
        email=draw(optional(names)),
        phone=draw(optional(names)),
        url=draw(optional(urls)),
        summary=draw(optional(texts)),
        location=draw(st.none() | st.just(location)),
        profiles=draw(
            short_lists(
                st.builds(
                    SocialProfile,
                    network=optional(names),
                    username=optional(names),
                    url=optional(urls),
                    extra=extras,
                )
            )
        ),
        languages=draw(
            short_lists(
                st.builds(Language, language=optional(names), fluency=optional(names), extra=extras)
            )
        ),
        hobbies=draw(
            short_lists(
                st.builds(Hobby, name=optional(names), keywords=short_lists(names), extra=extras)
            )
        ),
        references=draw(
            short_lists(
                st.builds(Reference, name=optional(names), reference=optional(texts), extra=extras)
            )
        ),
        extra=draw(extras),
    )


@st.composite
def careers(draw: st.DrawFn, max_entries: int = 8) -> Career:
    """A career of entries of any kinds (unique ids) and a person."""
    chosen = draw(st.lists(entries(), max_size=max_entries, unique_by=lambda entry: entry.id))
    return Career.of(chosen, draw(persons()))
