"""JSON Resume import/export: the shipped examples, the key mapping, bad input, round trips."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import careers, examples

from careerset.errors import UserError
from careerset.interchange.json_resume import (
    career_to_json_resume,
    json_resume_to_career,
    load_json_resume_text,
    validate_json_resume,
)
from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Contact, Goal, Job, Skill, entry_to_dict
from careerset.model.enums import EmploymentType, PayBasis

EXAMPLES = sorted((Path(__file__).parent / "data" / "jsonresume").glob("*.resume.json"))
ROUND_TRIP = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def without_extension(value: Any) -> Any:
    """The document as another JSON Resume tool sees it: careerset's own keys removed."""
    if isinstance(value, dict):
        return {k: without_extension(v) for k, v in value.items() if k != "x-careerset"}
    if isinstance(value, list):
        return [without_extension(v) for v in value]
    return value


def only(document: dict[str, Any]) -> Any:
    """The single entry a one-item document imports to."""
    (entry,) = json_resume_to_career(document).entries
    return entry


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_shipped_example_survives_import_and_export(path: Path) -> None:
    original = json.loads(path.read_text("utf-8"))
    career = load_json_resume_text(path.read_text("utf-8"))
    exported = career_to_json_resume(career)
    validate_json_resume(exported)
    assert without_extension(exported) == original


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_shipped_example_becomes_entries(path: Path) -> None:
    original = json.loads(path.read_text("utf-8"))
    career = json_resume_to_career(original)
    sections = (
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "projects",
    )
    assert len(career) == sum(len(original.get(key, [])) for key in sections)
    assert len(career.person.languages) == len(original.get("languages", []))
    assert len(career.person.hobbies) == len(original.get("interests", []))
    assert len(career.person.references) == len(original.get("references", []))


def test_import_is_deterministic_so_reimport_updates() -> None:
    text = EXAMPLES[0].read_text("utf-8")
    first, second = load_json_resume_text(text), load_json_resume_text(text)
    assert [e.id for e in first] == [e.id for e in second]


@pytest.mark.parametrize(
    ("section", "item", "expected"),
    [
        (
            "work",
            {
                "name": "Hooli",
                "position": "Dev",
                "location": "Palo Alto",
                "url": "https://h.example",
                "startDate": "2019-03",
                "endDate": "2020",
                "summary": "S",
                "highlights": ["a", ""],
            },
            {
                "kind": "job",
                "organization": "Hooli",
                "title": "Dev",
                "location": "Palo Alto",
                "url": "https://h.example",
                "start": "2019-03",
                "end": "2020",
                "summary": "S",
                "highlights": ["a", ""],
            },
        ),
        (
            "work",
            {"position": "Dev", "description": "Compression", "team": {"size": 3}},
            {
                "kind": "job",
                "title": "Dev",
                "organization_summary": "Compression",
                "extra": {"team": {"size": 3}},
            },
        ),
        (
            "volunteer",
            {
                "organization": "CoderDojo",
                "position": "Teacher",
                "startDate": "2012-01-01",
                "endDate": "2013-01-01",
            },
            {
                "kind": "job",
                "organization": "CoderDojo",
                "title": "Teacher",
                "start": "2012-01-01",
                "end": "2013-01-01",
                "employment_type": "volunteer",
            },
        ),
        (
            "education",
            {
                "institution": "OU",
                "area": "IT",
                "studyType": "Bachelor",
                "score": "4.0",
                "courses": ["SQL"],
                "url": "https://ou.example",
                "startDate": "2011",
                "endDate": "2014",
            },
            {
                "kind": "education",
                "institution": "OU",
                "area": "IT",
                "study_type": "Bachelor",
                "score": "4.0",
                "courses": ["SQL"],
                "url": "https://ou.example",
                "start": "2011",
                "end": "2014",
            },
        ),
        (
            "awards",
            {"title": "Pioneer", "date": "2014-11-01", "awarder": "TC", "summary": "Spoon"},
            {
                "kind": "accomplishment",
                "title": "Pioneer",
                "date": "2014-11-01",
                "awarder": "TC",
                "summary": "Spoon",
            },
        ),
        (
            "certificates",
            {"name": "AWS SA", "date": "2019-03", "issuer": "AWS", "url": "https://a.example"},
            {
                "kind": "certification",
                "name": "AWS SA",
                "date": "2019-03",
                "issuer": "AWS",
                "url": "https://a.example",
            },
        ),
        (
            "publications",
            {
                "name": "Paper",
                "publisher": "OSDI",
                "releaseDate": "2014-10-01",
                "url": "https://o.example",
                "summary": "Bounded",
            },
            {
                "kind": "publication",
                "name": "Paper",
                "publisher": "OSDI",
                "date": "2014-10-01",
                "url": "https://o.example",
                "summary": "Bounded",
            },
        ),
        (
            "skills",
            {"name": "Web", "level": "Master", "keywords": ["HTML", "CSS"]},
            {"kind": "skill", "name": "Web", "level": "Master", "keywords": ["HTML", "CSS"]},
        ),
        (
            "projects",
            {
                "name": "Miss Direction",
                "description": "Maps",
                "highlights": ["Won"],
                "keywords": ["JS"],
                "startDate": "2016-08-24",
                "endDate": "2016-08-24",
                "url": "https://m.example",
                "roles": ["Lead"],
                "entity": "Smoogle",
                "type": "application",
            },
            {
                "kind": "project",
                "name": "Miss Direction",
                "summary": "Maps",
                "highlights": ["Won"],
                "keywords": ["JS"],
                "start": "2016-08-24",
                "end": "2016-08-24",
                "url": "https://m.example",
                "roles": ["Lead"],
                "entity": "Smoogle",
                "project_type": "application",
            },
        ),
    ],
)
def test_section_maps_to_fields(
    section: str, item: dict[str, Any], expected: dict[str, Any]
) -> None:
    got = entry_to_dict(only({section: [item]}))
    got.pop("id")
    assert got == expected


@pytest.mark.parametrize(
    ("item", "end"),
    [
        ({"position": "P", "startDate": "2020-02"}, PRESENT),  # resumes mean "current"
        ({"position": "P", "startDate": "2020-02", "endDate": ""}, PRESENT),
        ({"position": "P", "startDate": "2020-02", "endDate": "Present"}, PRESENT),
        ({"position": "P", "startDate": "2020-02", "x-careerset": {"end": None}}, None),
        ({"position": "P", "x-careerset": {"end": "present"}}, PRESENT),
        ({"position": "P"}, None),
        ({"position": "P", "endDate": "2021"}, PartialDate(2021)),
        (
            {"position": "P", "startDate": "2020", "endDate": "2021", "x-careerset": {"end": None}},
            PartialDate(2021),
        ),
    ],
)
def test_missing_end_date(item: dict[str, Any], end: object) -> None:
    assert only({"work": [item]}).end == end


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, PRESENT), (PartialDate(2020), None), (None, None), (PartialDate(2020), PRESENT)],
)
def test_every_end_survives_export(start: PartialDate | None, end: object) -> None:
    job = Job(title="Nurse", start=start, end=end)
    again = only(career_to_json_resume(Career.of([job])))
    assert (again.start, again.end) == (start, end)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019", "2019"),
        ("2019-03", "2019-03"),
        ("2019-03-14", "2019-03-14"),
        ("2019-03-14T09:30:00Z", "2019-03-14"),
        ("2019-03-14 09:30", "2019-03-14"),
        (" 2019-03 ", "2019-03"),
        ("", None),
    ],
)
def test_dates_are_read_leniently(raw: str, expected: str | None) -> None:
    award = only({"awards": [{"title": "A", "date": raw}]})
    assert (str(award.date) if award.date else None) == expected


@pytest.mark.parametrize(
    "item",
    [
        {"name": "", "position": ""},
        {"name": "  Hooli  ", "position": "Dev", "location": ""},
        {"name": "Hooli"},
        {"position": "Dev", "highlights": []},
        {"position": "Dev", "url": "   "},
    ],
)
def test_what_careerset_normalises_is_written_back_as_it_was(item: dict[str, Any]) -> None:
    document = {"work": [item]}
    assert without_extension(career_to_json_resume(json_resume_to_career(document))) == document


def test_a_placeholder_title_fills_a_missing_position_until_edited() -> None:
    job = only({"work": [{"name": "Freelance"}]})
    assert job.title == "(untitled)"
    edited = job.model_copy(update={"title": "Analyst"})
    assert career_to_json_resume(Career.of([edited]))["work"][0]["position"] == "Analyst"


def test_empty_sections_and_unknown_keys_survive() -> None:
    document = {
        "basics": {},
        "work": [],
        "skills": [],
        "meta": {"version": "v1"},
        "custom": [1, 2],
        "basics2": None,
    }
    exported = career_to_json_resume(json_resume_to_career(document))
    assert without_extension(exported) == document


def test_careerset_fields_travel_in_the_extension() -> None:
    job = Job(
        title="Nurse",
        organization="St. Mary",
        start="2019-03",
        end="present",
        employment_type=EmploymentType.PERMANENT,
        pay_amount=78000,
        pay_currency="USD",
        pay_basis=PayBasis.SALARY,
        occupation_code="29-1141.00",
        skills=["triage"],
        tags=["health"],
        notes="night shifts",
    )
    goal = Goal(statement="Become a nurse practitioner", target_codes=["29-1171.00"])
    contact = Contact(name="Ada", relation="mentor")
    skill = Skill(name="Triage", proficiency=4, evidence=[job.id])
    career = Career.of([job, goal, contact, skill])
    exported = career_to_json_resume(career)
    validate_json_resume(exported)
    assert exported["work"][0]["x-careerset"]["pay_basis"] == "salary"
    assert [e["kind"] for e in exported["x-careerset"]["entries"]] == ["goal", "contact"]
    back = json_resume_to_career(exported)
    assert sorted(map(entry_to_dict, back), key=str) == sorted(map(entry_to_dict, career), key=str)


def test_volunteer_job_exports_to_volunteer() -> None:
    job = Job(title="Tutor", organization="Free-Net", employment_type=EmploymentType.VOLUNTEER)
    exported = career_to_json_resume(Career.of([job]))
    assert exported["volunteer"][0]["organization"] == "Free-Net"
    assert "work" not in exported


DEEP: Any = []
for _ in range(200):
    DEEP = [DEEP]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be an object"),
        ("resume", "must be an object"),
        ({"work": "Hooli"}, "work must be a list"),
        ({"work": ["Hooli"]}, "work[0] must be an object"),
        ({"work": [{"position": 42}]}, "work[0].position must be text"),
        ({"work": [{"position": True}]}, "work[0].position must be text"),
        ({"work": [{"position": "P", "highlights": [1]}]}, "work[0].highlights[0] must be text"),
        ({"work": [{"position": "P", "startDate": "2019-02-30"}]}, "no day 30"),
        ({"work": [{"position": "P", "startDate": "March 2019"}]}, "is not a date"),
        ({"work": [{"position": "P", "startDate": 2019}]}, "must be text"),
        ({"work": [{"position": "P", "startDate": "2019", "endDate": "2018"}]}, "before the start"),
        ({"education": [{"institution": "U", "startDate": "present"}]}, "is not a date"),
        ({"basics": {"name": 7}}, "basics.name must be text"),
        ({"basics": {"location": "Austin"}}, "basics.location must be an object"),
        ({"basics": {"profiles": {}}}, "basics.profiles must be a list"),
        ({"languages": [{"language": ["en"]}]}, "languages[0].language must be text"),
        ({"skills": [{"name": "x" * 301}]}, "skills[0].name"),
        ({"work": [{"position": "P", "summary": "x" * 10_000_000}]}, "longer than 20000"),
        ({"meta": "x" * 10_000_000}, "longer than 20000"),
        ({"meta": DEEP}, "nested more than"),
        ({"meta": float("nan")}, "not a number"),
        ({"work": [{"position": "P", "x-careerset": {"salary": 1}}]}, "unknown key 'salary'"),
        (
            {"work": [{"position": "P", "x-careerset": {"pay_basis": "yearly"}}]},
            "x-careerset.pay_basis",
        ),
        (
            {"work": [{"position": "P", "x-careerset": {"end": "2020"}}]},
            'must be "present" or null',
        ),
        ({"work": [{"position": "P", "x-careerset": "x"}]}, "must be an object"),
        (
            {"volunteer": [{"position": "P", "x-careerset": {"employment_type": "permanent"}}]},
            "unknown key 'employment_type'",
        ),
        (
            {
                "work": [{"position": "P", "x-careerset": {"id": "a"}}],
                "skills": [{"name": "S", "x-careerset": {"id": "a"}}],
            },
            "repeats the id",
        ),
        ({"x-careerset": {"version": 2}}, "version 1 only"),
        ({"x-careerset": {"version": 1, "junk": 1}}, "unknown key 'junk'"),
        ({"x-careerset": {"version": 1, "entries": [{"kind": "spaceship"}]}}, "unknown entry kind"),
        ({"x-careerset": {"version": 1, "entries": [{"kind": "goal"}]}}, "x-careerset.entries[0]"),
        ({"basics": {"x-careerset": {}}}, "basics.x-careerset"),
    ],
)
def test_bad_input_is_one_user_error(data: Any, message: str) -> None:
    with pytest.raises(UserError) as caught:
        json_resume_to_career(data)
    assert message in caught.value.message
    assert "\n" not in caught.value.message and caught.value.message.endswith(".")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"work": [}', "line 1, column 11"),
        ("[]", "must be an object"),
        ('{"meta": NaN}', "NaN"),
        ('{"meta": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
        ('{"meta": 1' + "0" * 5000 + "}", "not usable JSON"),
        ("", "not valid JSON"),
    ],
)
def test_bad_json_text_is_one_user_error(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("[", r"\[")):
        load_json_resume_text(text)


def test_a_byte_order_mark_is_accepted() -> None:
    assert len(load_json_resume_text('\ufeff{"skills": [{"name": "Go"}]}')) == 1


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ({"work": [{"startDate": "May 2019"}]}, "work[0].startDate"),
        ({"basics": []}, "basics"),
        ({"skills": [{"keywords": "Go"}]}, "skills[0].keywords"),
        ([], "the top level"),
    ],
)
def test_schema_errors_name_their_path(document: Any, path: str) -> None:
    with pytest.raises(UserError, match=path.replace("[", r"\[")):
        validate_json_resume(document)


@ROUND_TRIP
@given(careers())
def test_career_round_trip_through_json_resume(career: Career) -> None:
    first = career_to_json_resume(career)
    validate_json_resume(first)
    again = career_to_json_resume(load_json_resume_text(json.dumps(first, ensure_ascii=False)))
    assert again == first


# Plain JSON Resume items as other tools write them: empty and padded text, gaps, unknown keys.
_loose_text = st.sampled_from(["", " ", "Hooli", " padded ", "Ünïcode ✓", "line\nbreak"])
_loose_item = st.dictionaries(
    st.sampled_from(["name", "position", "location", "summary", "url", "description", "custom"]),
    _loose_text,
    max_size=5,
)
_loose_dates = st.fixed_dictionaries(
    {},
    optional={
        "startDate": st.sampled_from(["2019", "2019-03", "2019-03-01"]),
        "endDate": st.sampled_from(["2020", "2020-06-30"]),
    },
)
_loose_lists = st.fixed_dictionaries(
    {},
    optional={
        "highlights": st.lists(_loose_text, max_size=3),
        "keywords": st.lists(_loose_text, max_size=3),
    },
)


@ROUND_TRIP
@given(
    st.lists(
        st.builds(lambda a, b, c: {**a, **b, **c}, _loose_item, _loose_dates, _loose_lists),
        max_size=3,
    ),
    st.lists(st.builds(lambda a, b: {**a, **b}, _loose_item, _loose_lists), max_size=2),
    st.dictionaries(st.sampled_from(["name", "label", "email", "image", "summary"]), _loose_text),
)
def test_foreign_json_resume_survives_import_and_export(
    work: list[dict[str, Any]], skills: list[dict[str, Any]], basics: dict[str, Any]
) -> None:
    document: dict[str, Any] = {"basics": basics, "work": work, "skills": skills}
    exported = career_to_json_resume(json_resume_to_career(document))
    validate_json_resume(exported)
    assert without_extension(exported) == document
