"""The embedded default: the shipped O*NET core serves the whole mission with no pack; ESCO,
tasks and abilities still ask for `careerset data install`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from careerset.facts.profile import FeatureUnavailable
from careerset.reference import embedded
from careerset.reference.query import open_reference
from careerset.reference.schema import SCHEMA_VERSION, create_schema
from careerset.reference.sources import embedded_file


def test_no_pack_means_embedded_default(home: Path) -> None:
    reference = open_reference()
    assert reference.kind == "embedded" and reference.path is None
    assert len(reference.occupations()) == 1016
    assert reference.search("nurse")[0].code == "29-1141.00"


def test_search_finds_occupations_by_alternate_title(home: Path) -> None:
    # "Sommelier" is an O*NET alternate title, in no occupation's title or description.
    hits = open_reference().search("sommelier")
    assert hits and all(hit.matched == "alternate title" for hit in hits)
    assert "11-9051.00" in {hit.code for hit in hits}


def test_embedded_profile_has_the_mission_data(home: Path) -> None:
    profile = open_reference().profile("29-1141.00")
    assert profile.title == "Registered Nurses" and "patient" in profile.description
    assert profile.wages is not None and profile.wages.annual_median == 97550
    assert profile.wages.hourly[90] == 66.09
    assert profile.interests is not None and profile.interests.holland_code == "SIC"
    assert profile.interests.social == 5.62
    assert profile.job_zone == 4
    skills = {s.name: s for s in profile.skills}
    assert len(skills) == 35 and skills["Active Listening"].importance == 4.0
    assert skills["Active Listening"].level == 4.25
    assert any(k.name == "Medicine and Dentistry" for k in profile.knowledge)
    assert "29-1171.00" in {r.code for r in profile.related}
    assert any(t.hot for t in profile.technology_skills)
    assert all(t.commodity_title for t in profile.technology_skills)
    assert set(profile.missing) == {"alternate_titles", "tasks", "abilities"}


@pytest.mark.parametrize(
    "ask",
    [
        lambda r: r.profile("29-1141.00", ["tasks"]),
        lambda r: r.task_statements(),
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


def test_embedded_status_names_its_sources_and_releases(home: Path) -> None:
    status = open_reference().status()
    assert status.kind == "embedded" and status.build_id
    assert status.build_id.startswith("embedded-")
    rows = {s.name: s.rows for s in status.sources}
    assert rows["onet: Occupation Data.txt"] == 1016 and rows["oews: oews_may2025_national.csv"]
    assert status.features["wages"] and status.features["skills"]
    assert status.features["interests"] and not status.features["esco"]
    for release in ("O*NET 30.1", "29.x", "CC BY 4.0", "Bureau of Labor Statistics"):
        assert release in status.attribution


def test_the_core_is_unpacked_once_into_the_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERSET_CACHE_DIR", str(tmp_path / "cache"))
    manifest = embedded.core_manifest()
    target = embedded.unpacked_path(manifest)
    assert not target.exists()
    open_reference().close()
    assert target.is_file() and target.stat().st_size == manifest["sqlite_bytes"]
    assert hashlib.sha256(target.read_bytes()).hexdigest() == manifest["sqlite_sha256"]
    first = target.stat().st_mtime_ns
    stale = target.with_name("embedded-0000000000000000.sqlite")
    stale.write_bytes(b"an older core")
    open_reference().close()
    assert target.stat().st_mtime_ns == first and stale.exists()
    # A truncated cache file is replaced by a whole one (and older cores are cleared).
    target.chmod(0o644)
    target.write_bytes(b"half")
    assert open_reference().occupation("29-1141.00").title == "Registered Nurses"
    assert target.stat().st_size == manifest["sqlite_bytes"] and not stale.exists()


def test_an_unwritable_cache_opens_the_core_in_memory(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("CAREERSET_CACHE_DIR", str(blocker))
    reference = open_reference()
    assert reference.kind == "embedded" and reference.has("skills")
    assert reference.skills("29-1171.00")


def test_the_shipped_core_matches_its_manifest_and_the_current_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails when the schema changed but scripts/build_embedded_core.py was not re-run."""
    manifest = json.loads(embedded_file("onet_core.json").read_text("utf-8"))
    packed = embedded_file("onet_core.sqlite.xz").read_bytes()
    assert hashlib.sha256(packed).hexdigest() == manifest["xz_sha256"]
    assert manifest["schema_version"] == SCHEMA_VERSION
    monkeypatch.setenv("CAREERSET_CACHE_DIR", str(tmp_path))
    reference = embedded.embedded_connection()
    fresh = sqlite3.connect(":memory:")
    create_schema(fresh)
    schema = (
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        " ORDER BY type, name"
    )
    assert reference.execute(schema).fetchall() == fresh.execute(schema).fetchall()


def test_the_shipped_attribution_files_carry_the_core_notice(home: Path) -> None:
    """ATTRIBUTION.md quotes the core's own notice; the README names each release it uses."""
    notice = open_reference().status().attribution.splitlines()[0]
    attribution = embedded_file("ATTRIBUTION.md").read_text("utf-8").replace("\n>", "\n")
    assert " ".join(notice.split()) in " ".join(attribution.split())
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    credit = " ".join(readme[readme.index("- This product includes") :].split()[:20])
    releases = set(
        json.loads(embedded_file("onet_core.json").read_text("utf-8"))["onet_files"].values()
    )
    assert releases and all(release in credit for release in releases)


def test_the_bare_bulk_forms_hold_what_the_full_ones_hold(home: Path) -> None:
    """`rating_values` and `related_tiers` (what the occupation space is built from) say the
    same as `ratings_all` and `related_occupations`, in both rating domains."""
    reference = open_reference()
    try:
        for domain in ("skills", "knowledge"):
            full = {
                (code, r.element_id): (r.name, r.importance, r.level)
                for code, rated in reference.ratings_all(domain).items()
                for r in rated
            }
            bare = {
                (v.code, v.element_id): (v.name, v.importance, v.level)
                for v in reference.rating_values(domain)
            }
            assert bare == full and len(full) > 10_000
        related = {
            code: {r.code: r.tier for r in items}
            for code, items in reference.related_occupations().items()
        }
        assert reference.related_tiers() == related and related
    finally:
        reference.close()
