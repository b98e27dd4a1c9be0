"""The titles a new user tried, through the coder that ships for the embedded default."""

import pytest

from careerset.coding.index import CoderIndex, load_index
from careerset.coding.service import PACKAGED_INDEX, Coder
from careerset.coding.validation import check_entry_codes, closest_codes
from careerset.errors import UserError
from careerset.model.entries import Goal, Job

ANALYST_GROUPS = ("15-2051", "15-2041", "13-1111", "15-1211", "13-1161")


@pytest.fixture(scope="module")
def shipped() -> Coder:
    index: CoderIndex = load_index(PACKAGED_INDEX)
    return Coder(index)


@pytest.mark.parametrize("title", ["Staff Nurse ICU", "RN - ICU nights"])
def test_intensive_care_nurses_reach_critical_care(shipped: Coder, title: str) -> None:
    codes = [match.code for match in shipped.code(title, top=3)]
    assert codes[0] == "29-1141.03" or (codes[0] == "29-1141.00" and "29-1141.03" in codes)


@pytest.mark.parametrize(
    ("title", "code"),
    [("ICU nurse", "29-1141.03"), ("Clinical Nurse Specialist", "29-1141.04")],
)
def test_a_specialty_ranks_its_detailed_occupation_first(
    shipped: Coder, title: str, code: str
) -> None:
    assert shipped.code(title, top=1)[0].code == code


def test_data_analyst_is_an_analyst(shipped: Coder) -> None:
    best = shipped.code("Data Analyst", top=1)[0]
    assert best.code[:7] in ANALYST_GROUPS, best


def test_shift_supervisor_is_a_supervisor_asked_about(shipped: Coder) -> None:
    best = shipped.code("Shift Supervisor", top=1)[0]
    assert best.title.startswith("First-Line Supervisors"), best
    assert best.score < 0.7


def test_confidences_are_not_all_extreme(shipped: Coder) -> None:
    titles = ["Staff Nurse ICU", "Shift Supervisor", "Customer Assistant", "Data Analyst"]
    scores = [shipped.code(title, top=1)[0].score for title in titles]
    assert any(0.1 < score < 0.9 for score in scores), scores


def test_an_unknown_code_is_refused_with_the_closest_ones(shipped: Coder) -> None:
    known = frozenset(shipped.index.codes)
    job = Job.model_validate({"title": "Nurse", "occupation_code": "29-9999.00"})
    with pytest.raises(UserError) as raised:
        check_entry_codes([job], known)
    message = raised.value.message
    assert message.count(".") >= 3 and "29-9999.00" in message
    assert all(code in message for code in closest_codes("29-9999.00", known))
    assert all(code.startswith("29-") for code in closest_codes("29-9999.00", known))
    goal = Goal.model_validate({"statement": "x", "target_codes": ["99-9999.00"]})
    with pytest.raises(UserError):
        check_entry_codes([goal], known)
    check_entry_codes([Job.model_validate({"title": "RN", "occupation_code": "29-1141.00"})], known)


def test_a_newer_code_is_accepted_when_asked_for(
    shipped: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERSET_ACCEPT_NEW_CODES", "1")
    job = Job.model_validate({"title": "Nurse", "occupation_code": "29-9999.00"})
    check_entry_codes([job], frozenset(shipped.index.codes))
