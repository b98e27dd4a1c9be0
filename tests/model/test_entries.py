"""Entry kinds: every kind validates its fields and reports the first problem in one sentence."""

from typing import Any

import pytest

from careerset.errors import UserError
from careerset.model.entries import ENTRY_TYPES, Job, entry_to_dict
from careerset.model.validation import build_entry, parse_entry

VALID: dict[str, dict[str, Any]] = {
    "job": {
        "title": "Registered Nurse",
        "organization": "St. Mary",
        "start": "2019-03",
        "end": "present",
        "employment_type": "permanent",
        "schedule": "full-time",
        "pay_amount": "78000",
        "pay_currency": "usd",
        "pay_basis": "salary",
        "hours_per_week": 36,
        "occupation_code": "29-1141.00",
    },
    "education": {
        "institution": "State University",
        "area": "Nursing",
        "start": "2010",
        "end": "2014",
    },
    "certification": {"name": "BLS", "date": "2023-05", "expiry": "2025-05"},
    "accomplishment": {"title": "Nurse of the Year", "date": "2021"},
    "project": {"name": "Audit", "roles": ["lead"], "start": "2020-01", "end": "2020-06"},
    "publication": {"name": "Handovers", "date": "2022-01-15"},
    "skill": {"name": "Triage", "proficiency": 4, "evidence": ["abc"]},
    "contact": {"name": "Dr. Lee", "relation": "mentor", "met": "2019-04"},
    "goal": {"statement": "Become an NP", "target_codes": ["29-1171.00"], "values": ["income"]},
    "activity": {"date": "2024-02-10", "activity_kind": "course", "hours": 6},
    "interest_profile": {
        "realistic": 10,
        "investigative": 30,
        "artistic": 12,
        "social": 36,
        "enterprising": 15,
        "conventional": 20,
    },
}


def test_every_kind_has_a_valid_example() -> None:
    assert set(VALID) == set(ENTRY_TYPES)


@pytest.mark.parametrize("kind", sorted(VALID))
def test_valid_entries_round_trip_through_dicts(kind: str) -> None:
    entry = build_entry(kind, VALID[kind])
    data = entry_to_dict(entry)
    assert data["kind"] == kind
    assert parse_entry(data) == entry


def test_job_normalises_currency_and_numbers() -> None:
    job = build_entry("job", VALID["job"])
    assert isinstance(job, Job)
    assert job.pay_currency == "USD" and job.pay_amount == 78000.0


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("job", {"title": "x", "start": "2020", "end": "2019"}, "before the start"),
        ("job", {"title": "x", "pay_basis": "yearly"}, "'pay_basis' should be"),
        ("job", {"title": "x", "occupation_code": "nurse"}, "not an O\\*NET-SOC code"),
        ("job", {"title": "x", "pay_currency": "dollars"}, "three-letter currency"),
        ("job", {"title": "x", "hours_per_week": 200}, "hours_per_week"),
        ("job", {}, "'title' is required"),
        ("job", {"title": "x" * 301}, "'title'"),
        ("job", {"title": "x", "colour": "red"}, "'colour' is not a known field"),
        ("certification", {"name": "x", "date": "2024", "expiry": "2023"}, "expiry date"),
        ("skill", {"name": "x", "proficiency": 9}, "'proficiency'"),
        ("goal", {"statement": "x", "target_codes": ["nope"]}, "O\\*NET-SOC"),
        (
            "interest_profile",
            {
                "realistic": 50,
                "investigative": 1,
                "artistic": 1,
                "social": 1,
                "enterprising": 1,
                "conventional": 1,
            },
            "outside the raw scale",
        ),
        (
            "interest_profile",
            {
                "realistic": 0,
                "investigative": 1,
                "artistic": 1,
                "social": 1,
                "enterprising": 1,
                "conventional": 1,
                "scale": "onet",
            },
            "outside the onet scale",
        ),
        ("activity", {"date": "2024-02-30", "activity_kind": "course"}, "no day 30"),
    ],
)
def test_bad_fields_give_one_sentence(kind: str, fields: dict[str, Any], message: str) -> None:
    with pytest.raises(UserError, match=message) as caught:
        build_entry(kind, fields)
    text = str(caught.value)
    assert text.endswith(".") and "\n" not in text and len(text) <= 301


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(
        UserError, match="unknown entry kind 'spaceship'; use one of: accomplishment"
    ):
        parse_entry({"kind": "spaceship", "name": "x"})
    with pytest.raises(UserError, match="unknown entry kind"):
        build_entry("spaceship", {})


@pytest.mark.parametrize("kind", [{"a": 1}, ["job"], 3, None])
def test_a_kind_that_is_not_text_is_a_user_error(kind: object) -> None:
    with pytest.raises(UserError, match="unknown entry kind"):
        parse_entry({"kind": kind, "title": "x"})
