"""Building packs from the hand-written O*NET 30.3-style fixture: layouts, features, failures."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.reference.builder import build_pack
from careerset.reference.install import install_from_path
from careerset.reference.query import ReferencePack, open_reference
from careerset.reference.schema import SCHEMA_VERSION
from careerset.reference.sources import resolve_inputs

from .helpers import ONET_FIXTURE, zip_folder  # type: ignore[import-not-found]


@pytest.fixture
def fixture_pack(tmp_path: Path) -> Iterator[ReferencePack]:
    result = build_pack(resolve_inputs(ONET_FIXTURE), tmp_path / "pack" / "reference.sqlite")
    reference = open_reference(result.path)
    yield reference
    reference.close()


def test_30_3_layout_uses_essential_skills_for_skills(fixture_pack: ReferencePack) -> None:
    profile = fixture_pack.profile("15-1252.00")
    assert [(s.name, s.importance, s.level) for s in profile.skills] == [
        ("Programming", 4.25, 4.75),
        ("Reading Comprehension", 3.5, None),  # n/a level
    ]
    assert fixture_pack.skill_importance_matrix()["15-1252.00"]["2.B.3.e"] == 4.25
    assert fixture_pack.skill_importance_matrix("transferable_skills") == {
        "15-1252.00": {"2.A.2.a": 3.75}
    }


def test_optional_files_load_when_present(fixture_pack: ReferencePack) -> None:
    profile = fixture_pack.profile("15-1252.00")
    assert [a.name for a in profile.abilities] == ["Oral Comprehension"]
    assert [t.title for t in fixture_pack.reported_titles()] == ["Code Wrangler", "Charge Nurse"]
    assert profile.tasks[1].task_type is None
    assert [(t.name, t.hot, t.in_demand) for t in profile.technology_skills] == [
        ("Python", True, True),
        ("Notepad", False, False),
    ]
    assert [(r.code, r.tier) for r in profile.related] == [
        ("13-1021.00", "Primary-Short"),
        ("29-1141.00", "Supplemental"),
    ]


def test_missing_files_disable_only_their_features(fixture_pack: ReferencePack) -> None:
    features = fixture_pack.status().features
    assert features["knowledge"] is False and features["work_values"] is False
    assert features["esco"] is False
    assert features["abilities"] and features["interests"] and features["tasks"]
    profile = fixture_pack.profile("15-1252.00")
    assert set(profile.missing) == {"knowledge", "work_values"}
    with pytest.raises(UserError, match="no knowledge"):
        fixture_pack.profile("15-1252.00", ["knowledge"])


@pytest.mark.parametrize(
    ("code", "holland"),
    [("15-1252.00", "IC"), ("29-1141.00", "SIC")],  # high-points when given, else top three
)
def test_holland_code(fixture_pack: ReferencePack, code: str, holland: str) -> None:
    interests = fixture_pack.profile(code).interests
    assert interests is not None and interests.holland_code == holland


def test_wages_fall_back_to_the_oews_aggregate(fixture_pack: ReferencePack) -> None:
    wages = fixture_pack.profile("13-1021.00").wages
    assert wages is not None and wages.soc_code == "13-1020" and wages.aggregated


def test_search_finds_words_only_in_alternate_or_reported_titles(
    fixture_pack: ReferencePack,
) -> None:
    assert [h.code for h in fixture_pack.search("purveyor")] == ["13-1021.00"]
    assert fixture_pack.search("wrangler")[0].matched == "alternate title"


def test_pack_records_version_sources_and_release(fixture_pack: ReferencePack) -> None:
    status = fixture_pack.status()
    assert status.schema_version == SCHEMA_VERSION and status.build_id
    onet = {s.name: s for s in status.sources if s.name.startswith("onet")}
    assert onet["onet: Occupation Data.txt"].release == "30.3"
    assert onet["onet: Occupation Data.txt"].rows == 3
    assert "O*NET 30.3 Database" in status.attribution
    assert "onet: Work Context.txt" not in onet  # unknown files are ignored


def test_pack_is_read_only(fixture_pack: ReferencePack) -> None:
    with pytest.raises(sqlite3.OperationalError):
        fixture_pack._db.execute("DELETE FROM occupation")


def test_official_zip_layout_builds(tmp_path: Path) -> None:
    archive = zip_folder(ONET_FIXTURE, tmp_path / "db_30_3_text.zip")
    result = build_pack(resolve_inputs(archive), tmp_path / "reference.sqlite")
    assert open_reference(result.path).occupation("29-1141").title == "Registered Nurses"


def _broken_copy(tmp_path: Path) -> Path:
    broken = tmp_path / "broken"
    shutil.copytree(ONET_FIXTURE, broken)
    (broken / "Task Statements.txt").write_text("O*NET-SOC Code\tTask ID\n15-1252.00\t1\n")
    return broken


def _not_onet_zip(tmp_path: Path) -> Path:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.txt", "not O*NET")
    return path


def _not_a_zip(tmp_path: Path) -> Path:
    path = tmp_path / "db_30_3_text.zip"
    path.write_bytes(b"PK\x03\x04 truncated")
    return path


@pytest.mark.parametrize(
    ("make_bad", "message"),
    [
        (_broken_copy, "lacks the column"),
        (_not_onet_zip, "not an O\\*NET text database"),
        (_not_a_zip, "not a zip file"),
        (lambda tmp: tmp / "nowhere", "does not exist"),
    ],
)
def test_bad_input_keeps_the_previous_pack(
    home: Path, tmp_path: Path, make_bad: object, message: str
) -> None:
    first = install_from_path(ONET_FIXTURE)
    with pytest.raises(UserError, match=message):
        install_from_path(make_bad(tmp_path))  # type: ignore[operator]
    reference = open_reference()
    assert reference.status().build_id == first.build_id
    assert reference.occupation("15-1252.00").title == "Software Developers"
    leftovers = [p.name for p in first.path.parent.iterdir() if p.name.endswith(".partial")]
    assert leftovers == []


def test_pack_from_another_schema_version_asks_to_reinstall(home: Path) -> None:
    result = install_from_path(ONET_FIXTURE)
    result.path.chmod(0o644)
    with sqlite3.connect(result.path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(UserError, match="install the reference data again") as raised:
        open_reference()
    assert raised.value.action is not None and raised.value.action.kind == "install_data"
