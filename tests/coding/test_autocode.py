"""The shared auto-coding rules, on a real coder over the small hand-written index."""

import pytest

from careerset.coding.autocode import (
    MIN_CONFIDENCE,
    Suggestion,
    best_suggestions,
    code_job,
    code_jobs,
    confident,
    job_coder,
    read_answer,
    with_code,
)
from careerset.coding.index import CoderIndex
from careerset.coding.service import Coder
from careerset.model.entries import Entry, Job, Skill
from careerset.model.enums import CodeSource

NURSE = Suggestion("29-1141.00", "Registered Nurses", 0.83)
KNOWN = ["29-1141.00", "29-2061.00", "15-1252.00"]


def _job(title: str, **fields: object) -> Job:
    key = "".join(c if c.isascii() and c.isalnum() else "-" for c in title.casefold())[:30]
    return Job.model_validate({"title": title, "id": key, **fields})


def test_a_confident_job_is_coded_with_its_confidence_and_source(small_index: CoderIndex) -> None:
    coder = job_coder(Coder(small_index))
    [coded] = code_jobs([_job("Staff Nurse")], coder)
    assert isinstance(coded, Job)
    assert coded.occupation_code == "29-1141.00"
    assert coded.occupation_source == CodeSource.CODED
    assert coded.occupation_confidence is not None
    assert MIN_CONFIDENCE <= coded.occupation_confidence <= 1.0
    assert coded.title == "Staff Nurse" and coded.id == "staff-nurse"


def test_only_uncoded_jobs_change(small_index: CoderIndex) -> None:
    coder = job_coder(Coder(small_index))
    typed = _job("Staff Nurse", occupation_code="15-1252.00", occupation_source="manual")
    skill = Skill.model_validate({"name": "Staff Nurse", "id": "s1"})
    entries: list[Entry] = [typed, skill, _job("Truck Driver")]
    result = code_jobs(entries, coder)
    assert result[0] == typed and result[1] == skill
    assert isinstance(result[2], Job) and result[2].occupation_code == "53-3032.00"


def test_below_the_minimum_nothing_is_stored(small_index: CoderIndex) -> None:
    coder = job_coder(Coder(small_index))
    [suggestion] = best_suggestions(Coder(small_index), [_job("Staff Nurse")])
    assert suggestion is not None
    # The same job, with a threshold just above the coder's confidence, stays uncoded.
    [kept] = code_jobs([_job("Staff Nurse")], coder, minimum=suggestion.confidence + 1e-6)
    assert isinstance(kept, Job) and kept.occupation_code is None
    assert kept.occupation_source is None and kept.occupation_confidence is None


def test_titles_with_nothing_recognisable_stay_uncoded(small_index: CoderIndex) -> None:
    coder = job_coder(Coder(small_index))
    titles = ["qwxz vbnm", "🙂🙂🙂", "x" * 200]
    for entry in code_jobs([_job(title) for title in titles], coder):
        assert isinstance(entry, Job) and entry.occupation_code is None, entry.title


def test_confirmed_codes_teach_the_coder(small_index: CoderIndex) -> None:
    job = _job("Night Sister")
    before = best_suggestions(Coder(small_index), [job])[0]
    assert before is None or before.code != "29-1141.00" or before.confidence < MIN_CONFIDENCE
    taught = Coder(small_index, confirmed=[("Night Sister", "29-1141.00")])
    [after] = code_jobs([job], job_coder(taught))
    assert isinstance(after, Job) and after.occupation_code == "29-1141.00"


def test_confident_applies_the_threshold() -> None:
    assert confident(NURSE) == NURSE
    assert confident(NURSE._replace(confidence=MIN_CONFIDENCE - 0.01)) is None
    assert confident(None) is None


def test_with_code_confirmed_is_certain_and_foreign_codes_are_refused() -> None:
    job = _job("Nurse")
    confirmed = with_code(job, "29-1141.00", CodeSource.CONFIRMED, 0.4)
    assert confirmed is not None and confirmed.occupation_confidence == 1.0
    assert confirmed.occupation_source == CodeSource.CONFIRMED
    coded = with_code(job, "29-1141.00", CodeSource.CODED, 0.123456789)
    assert coded is not None and coded.occupation_confidence == 0.1235
    esco = "http://data.europa.eu/esco/occupation/a7a2e5b4-0f07-4c4d-a3b0-4d36d0b5b3b6"
    assert with_code(job, esco, CodeSource.CODED, 0.9) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "29-1141.00"),
        ("  ", "29-1141.00"),
        ("y", "29-1141.00"),
        ("Yes", "29-1141.00"),
        ("n", None),
        ("NO", None),
        ("29-2061.00", "29-2061.00"),
        ("15-1252", "15-1252.00"),
        (" 29-2061.00 ", "29-2061.00"),
    ],
)
def test_answers_that_are_understood(text: str, code: str | None) -> None:
    answer = read_answer(text, NURSE, KNOWN)
    assert answer.problem is None and answer.code == code


@pytest.mark.parametrize("text", ["maybe", "99-9999.99", "29-1141", "29-1141.0", "nurse"])
def test_answers_that_are_asked_again(text: str) -> None:
    answer = read_answer(text, NURSE, ["29-1141.00"] if text != "29-1141" else ["29-1141.01"])
    assert answer.code is None and answer.problem is not None
    assert "answer y, n or a code" in answer.problem


def test_code_job_codes_one_job_and_learns_from_confirmed_pairs(small_index: CoderIndex) -> None:
    coder = Coder(small_index)
    coded = code_job(_job("Staff Nurse"), coder)
    assert (coded.occupation_code, coded.occupation_source) == ("29-1141.00", CodeSource.CODED)
    typed = _job("Staff Nurse", occupation_code="15-1252.00", occupation_source="manual")
    assert code_job(typed, coder) == typed
    assert code_job(_job("Night Sister"), coder).occupation_code != "29-1141.00"
    taught = code_job(_job("Night Sister"), coder, [("Night Sister", "29-1141.00")])
    assert taught.occupation_code == "29-1141.00"
