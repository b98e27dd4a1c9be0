"""careerset's own YAML format and store-wide backups: lossless round trips and clear refusals."""

import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import careers, examples

from careerset.errors import UserError
from careerset.interchange.yaml_backup import (
    backup_document,
    career_to_document,
    document_to_career,
    dump_yaml,
    load_yaml_text,
    restore_document,
)
from careerset.model.career import Career
from careerset.model.entries import Job, entry_to_dict
from careerset.model.person import Person

ROUND_TRIP = settings(
    max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@ROUND_TRIP
@given(careers())
def test_career_yaml_round_trip_is_byte_identical(career: Career) -> None:
    text = dump_yaml(career_to_document(career))
    again = document_to_career(load_yaml_text(text))
    assert dump_yaml(career_to_document(again)) == text
    assert [entry_to_dict(e) for e in again] == [entry_to_dict(e) for e in career]
    assert again.person == career.person


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=20).filter(str.strip), careers(max_entries=3), max_size=3
    )
)
def test_backup_round_trip(profiles: dict[str, Career]) -> None:
    text = dump_yaml(backup_document(profiles))
    restored = restore_document(load_yaml_text(text))
    assert dump_yaml(backup_document(restored)) == text


def test_document_shape() -> None:
    job = Job(id="j1", title="Nurse", start="2019-03", end="present")
    document = career_to_document(Career.of([job], Person(name="Ada")))
    assert document == {
        "format": "careerset",
        "version": 1,
        "person": {"name": "Ada"},
        "entries": [
            {"kind": "job", "id": "j1", "title": "Nurse", "start": "2019-03", "end": "present"}
        ],
    }


def test_long_and_unicode_text_is_not_folded_or_escaped() -> None:
    text = dump_yaml({"summary": "Überblick " * 50})
    assert text.count("\n") == 1 and "Überblick" in text


def test_hand_written_dates_stay_text() -> None:
    data = load_yaml_text(
        "format: careerset\nversion: 1\nentries:\n- {kind: job, title: X, start: 2019-03-01}\n"
    )
    assert data["entries"][0]["start"] == "2019-03-01"
    assert entry_to_dict(document_to_career(data).entries[0])["start"] == "2019-03-01"


GOOD = {"format": "careerset", "version": 1}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be an object"),
        ({"format": "rendercv"}, "is not a careerset file"),
        ({"version": 1}, "'format' is missing"),
        ({"format": "careerset-backup", "version": 1}, "careerset restore"),
        ({"format": "careerset", "version": 2}, "version 1 only"),
        ({"format": "careerset", "version": True}, "version 1 only"),
        ({**GOOD, "extras": 1}, "unknown key 'extras'"),
        ({**GOOD, "person": []}, "person must be an object"),
        ({**GOOD, "person": {"name": 3}}, "person: 'name'"),
        ({**GOOD, "entries": {}}, "entries must be a list"),
        (
            {**GOOD, "entries": [{"kind": "job", "title": "A"}, {"kind": "spaceship"}]},
            "unknown entry kind",
        ),
        (
            {**GOOD, "entries": [{"kind": "job", "title": "A"}, {"kind": "job"}]},
            "title' is required",
        ),
        (
            {**GOOD, "entries": [{"kind": "job", "title": "A", "start": "2020", "end": "2019"}]},
            "entries[0]",
        ),
        (
            {
                **GOOD,
                "entries": [
                    {"kind": "job", "id": "a", "title": "A"},
                    {"kind": "job", "id": "a", "title": "B"},
                ],
            },
            "repeats the id 'a'",
        ),
        (
            {**GOOD, "entries": [{"kind": "job", "title": "A", "extra": {"blob": b"x"}}]},
            "JSON cannot hold",
        ),
        (
            {**GOOD, "entries": [{"kind": "job", "title": "A", "notes": "x" * 10_000_000}]},
            "longer than",
        ),
    ],
)
def test_bad_document_is_one_user_error(data: Any, message: str) -> None:
    with pytest.raises(UserError) as caught:
        document_to_career(data)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "careerset", "version": 1}, "is not a careerset backup"),
        (
            {"format": "careerset-backup", "version": 1, "profiles": []},
            "profiles must be an object",
        ),
        (
            {"format": "careerset-backup", "version": 1, "profiles": {" ": {**GOOD}}},
            "profile named",
        ),
        (
            {"format": "careerset-backup", "version": 1, "profiles": {"ada": {"format": "x"}}},
            "In profile 'ada'",
        ),
    ],
)
def test_bad_backup_is_one_user_error(data: Any, message: str) -> None:
    with pytest.raises(UserError, match=message):
        restore_document(data)


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1\n", "line 2"),
        ("a: b: c\n", "not valid YAML"),
        ("- 1\n---\n- 2\n", "single document"),
        ("a: &x 1\nb: *x\n", "anchors and aliases"),
        (BILLION_LAUGHS, "anchors and aliases"),
        ("a: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
        ("[" * 100_000, "not valid YAML|nested"),
    ],
)
def test_bad_yaml_is_one_user_error(text: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(UserError, match=message):
        load_yaml_text(text)
    # A guard against a hang (an expanding alias, runaway recursion), not a speed target.
    assert time.monotonic() - started < 60


def test_yaml_accepts_a_byte_order_mark() -> None:
    assert load_yaml_text("\ufeffa: 1\n") == {"a": 1}


@pytest.mark.parametrize(
    "text",
    [
        '"\\U99999999"',
        "!!int 0x",
        "!!float x",
        "!!bool maybe",
        "a: !!timestamp [1]",
        "a: !!timestamp {b: 1}",
    ],
)
def test_malformed_tagged_values_are_one_user_error(text: str) -> None:
    with pytest.raises(UserError, match="not valid YAML"):
        load_yaml_text(text)


@pytest.mark.parametrize("kind", ["{a: 1}", "[job]"])
def test_an_entry_kind_that_is_not_text_is_one_user_error(kind: str) -> None:
    text = f"format: careerset\nversion: 1\nentries:\n  - kind: {kind}\n    title: x\n"
    with pytest.raises(UserError, match=r"entries\[0\]\.kind must be text"):
        document_to_career(load_yaml_text(text))


def test_a_lone_surrogate_is_one_user_error() -> None:
    text = 'format: careerset\nversion: 1\nperson: {name: "\\ud800"}\n'
    with pytest.raises(UserError, match="broken character"):
        document_to_career(load_yaml_text(text))


@pytest.mark.parametrize(
    "text", ["1e5", "0o17", "0b101", "_0", "__1", "-_1", "._1", "1__0", "Null", "TRUE", "yes", "~"]
)
def test_text_a_yaml_1_2_reader_could_type_stays_text(text: str) -> None:
    """Such text is written quoted, so the fast YAML 1.2 reader gives back the same string."""
    career = Career.of([Job(id="j1", title=text, organization=text)], Person())
    written = dump_yaml(career_to_document(career))
    assert f"title: '{text}'" in written
    again = document_to_career(load_yaml_text(written))
    assert getattr(again.entries[0], "title", None) == text
    assert getattr(again.entries[0], "organization", None) == text
