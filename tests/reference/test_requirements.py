"""Education, Training, and Experience and the ratings' standard errors, loaded by header name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careerset.analysis.requirement_labels import (
    EDUCATION_LEVELS,
    EXPERIENCE_LEVELS,
    JOB_TRAINING_LEVELS,
    SITE_TRAINING_LEVELS,
)
from careerset.analysis.requirements import describe_requirements
from careerset.reference.builder import build_pack
from careerset.reference.query import ReferencePack, open_reference
from careerset.reference.sources import resolve_inputs

from .helpers import ONET_FIXTURE

NURSE_PRACTITIONERS = "29-1171.00"


@pytest.fixture(scope="module")
def pack(reference_pack: Path) -> Iterator[ReferencePack]:
    reference = open_reference(reference_pack)
    yield reference
    reference.close()


def test_the_category_tables_cover_every_onet_category() -> None:
    assert sorted(EDUCATION_LEVELS) == list(range(1, 13))
    assert sorted(EXPERIENCE_LEVELS) == list(range(1, 12))
    assert sorted(SITE_TRAINING_LEVELS) == sorted(JOB_TRAINING_LEVELS) == list(range(1, 10))


def test_nurse_practitioners_requirements_come_from_the_release(pack: ReferencePack) -> None:
    found = pack.requirements(NURSE_PRACTITIONERS)
    assert found is not None
    assert found.education[8] == pytest.approx(65.22) and found.education[11] == pytest.approx(
        26.09
    )
    assert found.certification == pytest.approx(4.78)
    assert found.apprenticeship == pytest.approx(3.45)
    assert sum(found.experience.values()) == pytest.approx(100, abs=0.5)
    assert found.job_training and found.site_training
    assert NURSE_PRACTITIONERS in pack.requirements_all()
    assert pack.requirements("99-9999.00") is None


def test_occupation_show_states_requirements_in_plain_words(pack: ReferencePack) -> None:
    lines = describe_requirements(pack.requirements(NURSE_PRACTITIONERS), 5)
    assert lines[0] == "Education: 65% say a master's degree is required, 26% a doctorate."
    assert "Professional certification or licence: essential (4.8 of 5)." in lines
    assert any(line.startswith("Related work experience: typically") for line in lines)


def test_ratings_carry_the_standard_error_and_onet_flags(pack: ReferencePack) -> None:
    skills = {e.name: e for e in pack.skills(NURSE_PRACTITIONERS)}
    listening = skills["Active Listening"]
    assert listening.level == pytest.approx(4.88) and listening.level_se == pytest.approx(0.125)
    chief = {e.name: e for e in pack.skills("11-1011.00")}
    assert chief["Installation"].not_relevant and not chief["Active Listening"].not_relevant


def test_a_release_without_the_file_only_disables_requirements(tmp_path: Path) -> None:
    assert not (ONET_FIXTURE / "Education, Training, and Experience.txt").exists()
    result = build_pack(resolve_inputs(ONET_FIXTURE), tmp_path / "pack" / "reference.sqlite")
    assert result.features["requirements"] is False and result.features["occupations"]
    reference = open_reference(result.path)
    try:
        assert reference.requirements("15-1252.00") is None
        assert reference.requirements_all() == {}
    finally:
        reference.close()
