"""`data install` by download, against a real HTTP server on 127.0.0.1 serving fixture zips."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.reference.connection import pack_path
from careerset.reference.download import load_manifest
from careerset.reference.install import download_dir, install_from_manifest
from careerset.reference.query import open_reference

from .helpers import (  # type: ignore[import-not-found]
    ONET_FIXTURE,
    ServerState,
    manifest,
    release_server,
    sha256,
    zip_folder,
)

OEWS_CSV = (
    b"OCC_CODE,OCC_TITLE,TOT_EMP,A_MEAN,H_MEAN,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,"
    b"H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,EXTRA\n"
    b"15-1252,Software Developers,100,200000,96.15,1,2,123456,4,5,1,2,3,4,5,x\n"
    b"29-1141,Registered Nurses,**,#,*,1,2,#,4,5,1,2,3,4,5,y\n"
)


@pytest.fixture
def onet_zip(tmp_path: Path) -> bytes:
    return zip_folder(ONET_FIXTURE, tmp_path / "db_30_3_text.zip").read_bytes()


def _state(onet: bytes, onet_checksum: str | None = None) -> ServerState:
    entries = [
        {
            "role": "onet",
            "url": "db_30_3_text.zip",
            "filename": "db_30_3_text.zip",
            "sha256": onet_checksum or sha256(onet),
        },
        {
            "role": "oews",
            "url": "national.csv",
            "filename": "national.csv",
            "sha256": sha256(OEWS_CSV),
        },
        {
            "role": "esco_classification",
            "url": None,
            "filename": "c.zip",
            "sha256": None,
            "note": "not mirrored",
        },
    ]
    return ServerState(
        files={
            "manifest.json": manifest(entries),  # type: ignore[arg-type]
            "db_30_3_text.zip": onet,
            "national.csv": OEWS_CSV,
        }
    )


def _quiet(name: str, done: int, total: int | None) -> None:
    pass


def test_install_downloads_verifies_and_builds(home: Path, onet_zip: bytes) -> None:
    state = _state(onet_zip)
    with release_server(state) as base:
        result, notes = install_from_manifest(base + "manifest.json", _quiet)
    assert result.path == pack_path() and result.path.is_file()
    reference = open_reference()
    assert reference.kind == "pack"
    profile = reference.profile("15-1252.00")
    assert profile.title == "Software Developers"
    assert profile.wages is not None and profile.wages.annual_median == 123456
    nurse_wages = reference.profile("29-1141.00").wages
    assert nurse_wages is not None and nurse_wages.employment is None  # "**" suppressed
    assert nurse_wages.annual_median is None  # "#" = above the top wage band
    onet_source = [s for s in reference.status().sources if s.name.startswith("onet")]
    assert {s.sha256 for s in onet_source} >= {
        sha256((ONET_FIXTURE / "Occupation Data.txt").read_bytes())
    }
    assert any("esco_classification" in note for note in notes)
    assert all(path.startswith(("manifest", "db_30", "national")) for path, _ in state.requests)


def test_interrupted_download_resumes_with_range(home: Path, onet_zip: bytes) -> None:
    state = _state(onet_zip)
    state.drop_first.add("db_30_3_text.zip")
    with release_server(state) as base:
        install_from_manifest(base + "manifest.json", _quiet)
    onet_requests = [rng for path, rng in state.requests if path == "db_30_3_text.zip"]
    assert onet_requests[0] is None
    assert onet_requests[1] == f"bytes={len(onet_zip) // 2}-"
    assert (download_dir() / "db_30_3_text.zip").read_bytes() == onet_zip
    assert open_reference().occupation("29-1141.00").title == "Registered Nurses"


def test_partial_file_from_an_earlier_run_is_resumed(home: Path, onet_zip: bytes) -> None:
    download_dir().mkdir(parents=True)
    (download_dir() / "db_30_3_text.zip.part").write_bytes(onet_zip[:1000])
    state = _state(onet_zip)
    with release_server(state) as base:
        install_from_manifest(base + "manifest.json", _quiet)
    assert ("db_30_3_text.zip", "bytes=1000-") in state.requests


def _install_good_pack(onet_zip: bytes) -> str:
    with release_server(_state(onet_zip)) as base:
        result, _ = install_from_manifest(base + "manifest.json", _quiet)
    return result.build_id


def test_corrupt_download_is_rejected_and_previous_pack_kept(home: Path, onet_zip: bytes) -> None:
    build_id = _install_good_pack(onet_zip)
    # Clear the cache so the next install really downloads, then serve altered bytes.
    (download_dir() / "db_30_3_text.zip").unlink()
    corrupt = bytearray(onet_zip)
    corrupt[len(corrupt) // 2] ^= 0xFF
    state = _state(bytes(corrupt), onet_checksum=sha256(onet_zip))
    with release_server(state) as base, pytest.raises(UserError, match="sha256"):
        install_from_manifest(base + "manifest.json", _quiet)
    assert not (download_dir() / "db_30_3_text.zip.part").exists()
    assert open_reference().status().build_id == build_id


def test_truncated_download_is_a_user_error_and_previous_pack_kept(
    home: Path, onet_zip: bytes
) -> None:
    build_id = _install_good_pack(onet_zip)
    (download_dir() / "db_30_3_text.zip").unlink()
    state = _state(onet_zip)
    state.always_truncate.add("db_30_3_text.zip")
    with release_server(state) as base, pytest.raises(UserError, match="cut off"):
        install_from_manifest(base + "manifest.json", _quiet)
    assert open_reference().status().build_id == build_id


def test_manifest_must_name_an_onet_release(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(manifest([{"role": "oews", "url": "x.csv", "filename": "x.csv"}]))
    with pytest.raises(UserError, match="O\\*NET"):
        load_manifest(str(path))
    path.write_text("{not json")
    with pytest.raises(UserError, match="malformed"):
        load_manifest(str(path))


def test_packaged_default_manifest_points_at_official_onet() -> None:
    _, entries = load_manifest(None)
    onet = next(entry for entry in entries if entry.role == "onet")
    assert onet.url is not None and onet.url.startswith("https://www.onetcenter.org/")
