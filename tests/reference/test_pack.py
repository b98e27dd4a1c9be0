"""The pack built from ../shared/data (once per session): the done-when facts and every query."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.reference.query import ReferencePack, open_reference


@pytest.fixture(scope="module")
def pack(reference_pack: Path) -> Iterator[ReferencePack]:
    reference = open_reference(reference_pack)
    yield reference
    reference.close()


def test_software_developers_profile_is_complete(pack: ReferencePack) -> None:
    profile = pack.profile("15-1252.00")
    assert profile.title == "Software Developers" and profile.description
    assert len(profile.tasks) >= 10
    assert any(t.hot for t in profile.technology_skills)
    assert len(profile.skills) == 35
    assert all(s.importance is not None and s.level is not None for s in profile.skills)
    assert profile.interests is not None and profile.interests.holland_code == "ICR"
    assert len(profile.interests.scores()) == 6
    assert len(profile.related) >= 5 and profile.related[0].tier.startswith("Primary")
    assert profile.wages is not None and profile.wages.annual_median == 135980
    assert profile.job_zone == 4


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("nurse", "29-1141.00"),
        ("registered nurse", "29-1141.00"),
        ("software developer", "15-1252.00"),
        ("barista", "35-3023.01"),
        ("congressman", "11-1031.00"),  # only in an alternate title
        ("headmaster", "11-9032.00"),  # only in an alternate title
    ],
)
def test_search_ranks_the_expected_occupation_first(
    pack: ReferencePack, query: str, first: str
) -> None:
    assert pack.search(query, 5)[0].code == first


def test_search_tolerates_fts_syntax_and_nonsense(pack: ReferencePack) -> None:
    assert pack.search('nurse" OR (', 3)[0].code == "29-1141.00"
    assert pack.search("zzzqqq") == []
    assert pack.search("   ") == []


def test_unknown_and_malformed_codes_are_user_errors(pack: ReferencePack) -> None:
    with pytest.raises(UserError, match="no occupation 99-9999.00"):
        pack.profile("99-9999.00")
    with pytest.raises(UserError, match="not an O\\*NET-SOC code"):
        pack.profile("nurse")


def test_esco_skill_search_and_hierarchy(pack: ReferencePack) -> None:
    found = pack.esco_skill_search("python")
    assert found[0].label == "Python (computer programming)"
    chains = pack.skill_hierarchy(found[0].uri)
    assert chains and all(chain for chain in chains)
    assert any("ICT" in step.label or "computer" in step.label for c in chains for step in c)


def test_esco_occupation_has_essential_skills(pack: ReferencePack) -> None:
    uri, label = pack.esco_occupation_search("software developer", 1)[0]
    assert label == "software developer"
    occupation = pack.esco_occupation(uri)
    assert len(occupation.essential_skills) >= 10
    assert {s.relation for s in occupation.essential_skills} == {"essential"}
    assert occupation.isco_group == "2512"
    with pytest.raises(UserError, match="no ESCO occupation"):
        pack.esco_occupation("http://data.europa.eu/esco/occupation/nope")


def test_bulk_accessors(pack: ReferencePack) -> None:
    assert len(pack.occupations()) == 1016
    assert len(pack.alternate_titles()) == 49897
    assert len(pack.task_statements()["15-1252.00"]) >= 10
    assert pack.employment_by_soc()["29-1141"] == 3379720
    assert len(pack.esco_occupation_labels()) == 3007
    matrix = pack.skill_importance_matrix()
    assert len(matrix["15-1252.00"]) == 35
    assert pack.element_names()["2.B.3.e"] == "Programming"
    assert len(pack.related_occupations()["15-1252.00"]) >= 5
    assert pack.job_zones()["15-1252.00"] == 4
    assert pack.interests_all()["15-1252.00"].holland_code == "ICR"
    assert "Python" in pack.technology_by_occupation()["15-1252.00"]
    with pytest.raises(UserError, match="reported titles"):
        pack.reported_titles()  # the shared data has no Sample of Reported Titles


def test_pack_checksums_match_the_inputs(pack: ReferencePack, shared_data: Path) -> None:
    sources = {s.name: s for s in pack.status().sources}
    skills = sources["onet: Skills.txt"]
    expected = hashlib.sha256((shared_data / "onet" / "Skills.txt").read_bytes()).hexdigest()
    assert skills.sha256 == expected and skills.rows == 62580
    assert "CC BY 4.0" in pack.status().attribution and "ESCO" in pack.status().attribution


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM rating WHERE domain = 'skills' AND code = '15-1252.00'",
        "SELECT * FROM rating WHERE domain = 'skills' AND element_id = '2.B.3.e'",
        "SELECT * FROM task WHERE code = '15-1252.00' ORDER BY position",
        "SELECT * FROM technology_skill WHERE code = '15-1252.00'",
        "SELECT * FROM alternate_title WHERE code = '15-1252.00'",
        "SELECT * FROM related_occupation WHERE code = '15-1252.00'",
        "SELECT * FROM interest WHERE code = '15-1252.00'",
        "SELECT * FROM wage WHERE soc_code = '15-1252'",
        "SELECT * FROM esco_occupation_skill WHERE occupation_uri = 'x'",
        "SELECT * FROM esco_occupation_skill WHERE skill_uri = 'x'",
        "SELECT * FROM esco_broader WHERE uri = 'x'",
    ],
)
def test_every_lookup_uses_an_index(pack: ReferencePack, sql: str) -> None:
    plan = " ".join(str(row[-1]) for row in pack._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING" in plan and not plan.startswith("SCAN"), plan
