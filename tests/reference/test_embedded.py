"""The embedded default: occupation list and wages work with no pack; the rest asks to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerset.reference.profile import FeatureUnavailable
from careerset.reference.query import open_reference


def test_no_pack_means_embedded_default(home: Path) -> None:
    reference = open_reference()
    assert reference.kind == "embedded" and reference.path is None
    assert len(reference.occupations()) == 1016
    assert reference.search("nurse")[0].code == "29-1141.00"


def test_embedded_profile_has_description_and_wages(home: Path) -> None:
    profile = open_reference().profile("29-1141.00")
    assert profile.title == "Registered Nurses" and "patient" in profile.description
    assert profile.wages is not None and profile.wages.annual_median == 97550
    assert profile.wages.hourly[90] == 66.09
    assert "interests" in profile.missing and profile.interests is None


@pytest.mark.parametrize(
    "ask",
    [
        lambda r: r.profile("29-1141.00", ["interests"]),
        lambda r: r.interests("29-1141.00"),
        lambda r: r.skill_importance_matrix(),
        lambda r: r.esco_skill_search("python"),
        lambda r: r.alternate_titles(),
    ],
)
def test_features_beyond_embedded_say_how_to_install(home: Path, ask: object) -> None:
    with pytest.raises(FeatureUnavailable) as raised:
        ask(open_reference())  # type: ignore[operator]
    message = str(raised.value)
    assert "install" in message and "\n" not in message
    assert raised.value.action is not None and raised.value.action.kind == "install_data"


def test_embedded_status_names_its_sources(home: Path) -> None:
    status = open_reference().status()
    assert status.kind == "embedded"
    assert {s.rows for s in status.sources} == {1016, 1104}
    assert status.features["wages"] and not status.features["skills"]
    assert "O*NET 30.1" in status.attribution
