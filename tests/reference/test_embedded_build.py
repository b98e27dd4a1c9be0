"""scripts/build_embedded_core.py's builder: deterministic output, loud failure on gaps."""

from __future__ import annotations

import json
import lzma
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from careerset.reference.embedded_build import CoreBuildError, build_core
from reference.helpers import ONET_FIXTURE

ROOT = Path(__file__).resolve().parents[2]

# Rated files in the official layout, with the uncertainty columns the pack may keep.
RATED_HEADER = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error"
    "\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\n"
)
KNOWLEDGE = (
    RATED_HEADER + "15-1252.00\t2.C.3.a\tComputers and Electronics\tIM\t4.60\t8\t0.12"
    "\t4.3\t4.9\tN\tn/a\n"
    "15-1252.00\t2.C.3.a\tComputers and Electronics\tLV\t5.80\t8\t0.20\t5.4\t6.2\tN\tN\n"
    "29-1141.00\t2.C.5.a\tMedicine and Dentistry\tIM\t4.40\t8\t0.15\t4.1\t4.7\tN\tn/a\n"
    "29-1141.00\t2.C.5.a\tMedicine and Dentistry\tLV\t4.50\t8\t0.30\t3.9\t5.1\tY\tN\n"
)
ESSENTIAL_SKILLS = (
    RATED_HEADER + "15-1252.00\t2.B.3.e\tProgramming\tIM\t4.25\t8\t0.10\t4.0\t4.5\tN\tn/a\n"
    "15-1252.00\t2.B.3.e\tProgramming\tLV\t5.12\t8\t0.21\t4.7\t5.5\tN\tN\n"
    "29-1141.00\t2.A.1.b\tActive Listening\tIM\t4.00\t8\t0.11\t3.8\t4.2\tN\tn/a\n"
    "29-1141.00\t2.A.1.b\tActive Listening\tLV\t4.25\t8\t0.19\t3.9\t4.6\tN\tN\n"
)
EDUCATION = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tN"
    "\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\n"
    "29-1141.00\t2.D.1\tRequired Level of Education\tRL\t6\t56.10\t30\t9.1\t38.0\t72.0\tY\n"
    "29-1141.00\t2.D.1\tRequired Level of Education\tRL\t5\t30.00\t30\t8.0\t16.0\t49.0\tN\n"
    "29-1141.00\t2.D.4.a\tJob-Related Professional Certification\tIM\tn/a\t4.10\t30"
    "\t0.2\t3.7\t4.5\tN\n"
)
WORK_VALUES = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n"
    "15-1252.00\t1.B.2.a\tAchievement\tEX\t6.33\n"
)


@pytest.fixture
def small_release(tmp_path: Path) -> Path:
    """The 30.3-layout fixture, with Essential Skills and Knowledge in the full official
    layout, plus Education, Training, and Experience and Work Values."""
    folder = tmp_path / "onet"
    shutil.copytree(ONET_FIXTURE, folder)
    (folder / "Knowledge.txt").write_text(KNOWLEDGE, encoding="utf-8")
    (folder / "Essential Skills.txt").write_text(ESSENTIAL_SKILLS, encoding="utf-8")
    (folder / "Education, Training, and Experience.txt").write_text(EDUCATION, encoding="utf-8")
    (folder / "Work Values.txt").write_text(WORK_VALUES, encoding="utf-8")
    return folder


def _core(folder: Path) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.deserialize(lzma.decompress((folder / "onet_core.sqlite.xz").read_bytes()))
    return db


def test_the_core_is_deterministic_and_keeps_what_the_mission_needs(
    small_release: Path, tmp_path: Path
) -> None:
    first = build_core(small_release, tmp_path / "a", preset=0)
    second = build_core(small_release, tmp_path / "b", preset=0)
    assert first.core.read_bytes() == second.core.read_bytes()
    assert first.manifest.read_bytes() == second.manifest.read_bytes()
    manifest = json.loads(first.manifest.read_text("utf-8"))
    assert {"essential_skills", "knowledge", "interests", "wages"} <= set(manifest["features"])
    db = _core(tmp_path / "a")
    assert db.execute("SELECT count(*) FROM rating WHERE domain = 'knowledge'").fetchone()[0] == 2
    # Left out: tasks, reported titles and abilities; alternate titles live in search only.
    for table in ("task", "reported_title", "alternate_title"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM rating WHERE domain = 'abilities'").fetchone()[0] == 0
    attribution = dict(db.execute("SELECT key, value FROM meta"))["attribution"]
    assert "O*NET 30.3 (" in attribution and "CC BY 4.0" in attribution
    assert db.execute("SELECT DISTINCT path FROM source").fetchall() == [("embedded",)]


def test_a_missing_expected_file_fails_naming_it(small_release: Path, tmp_path: Path) -> None:
    (small_release / "Knowledge.txt").unlink()
    with pytest.raises(CoreBuildError, match="Knowledge.txt"):
        build_core(small_release, tmp_path / "out", preset=0)
    assert not (tmp_path / "out").exists()


def test_an_expected_table_left_empty_fails_loudly(small_release: Path, tmp_path: Path) -> None:
    (small_release / "Knowledge.txt").write_text(KNOWLEDGE.splitlines()[0] + "\n")
    with pytest.raises(CoreBuildError, match="Knowledge.txt loaded no rows"):
        build_core(small_release, tmp_path / "out", preset=0)
    (small_release / "Knowledge.txt").write_text(KNOWLEDGE, encoding="utf-8")
    (small_release / "Work Values.txt").unlink()
    with pytest.raises(CoreBuildError, match="work_value is empty"):
        build_core(small_release, tmp_path / "out", preset=0)


@pytest.mark.parametrize("broken", ["Interests.txt", "no such folder"])
def test_the_script_exits_1_with_the_reason(
    small_release: Path, tmp_path: Path, broken: str
) -> None:
    source = small_release if broken.endswith(".txt") else tmp_path / broken
    (small_release / "Interests.txt").unlink()
    script = ROOT / "scripts" / "build_embedded_core.py"
    done = subprocess.run(
        [sys.executable, str(script), str(source), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and broken in done.stderr
    assert "Traceback" not in done.stderr
