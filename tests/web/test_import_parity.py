"""The CLI and the web app import through one use case: the same two files give the same store.

A file imported twice, the second time with one job's summary edited, merges into one job
("1 changed") from both front ends, for JSON Resume and for RenderCV YAML."""

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from careerset.cli.main import cli
from careerset.interchange.rendercv import dump_rendercv
from careerset.model import Career
from careerset.model.validation import build_entry
from careerset.store.repository import Store

from .web_helpers import Token  # type: ignore[import-not-found]

DATA = Path(__file__).parents[1] / "interchange" / "data" / "jsonresume"


def _json_resume_pair() -> tuple[str, str, str]:
    document = json.loads((DATA / "sample.resume.json").read_text(encoding="utf-8"))
    first = json.dumps(document)
    document["work"][0]["summary"] = "Edited: led the platform team through a rewrite."
    return "resume.json", first, json.dumps(document)


def _rendercv_pair() -> tuple[str, str, str]:
    job = {
        "title": "Staff Nurse",
        "organization": "St. Mary's Hospital",
        "start": "2016-03",
        "end": "2019-08",
        "summary": "Medical ward, 28 beds.",
    }
    first = dump_rendercv(Career.of([build_entry("job", job)]))
    assert "Medical ward, 28 beds." in first
    return "cv.yaml", first, first.replace("Medical ward, 28 beds.", "Surgical ward, 30 beds.")


def _jobs(target: str) -> list[str]:
    store = Store.open(target)
    try:
        with store.transaction() as session:
            return sorted(str(job.title) for job in session.load_career("default").jobs)
    finally:
        store.close()


@pytest.mark.parametrize(
    "pair", [_json_resume_pair, _rendercv_pair], ids=["jsonresume", "rendercv"]
)
def test_cli_and_web_merge_the_same_two_files_the_same_way(
    pair: object,
    tmp_path: Path,
    client: TestClient,
    token: Token,
    store_target: str,
) -> None:
    name, first, second = pair()  # type: ignore[operator]
    cli_store = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    cli_messages = []
    for number, text in enumerate((first, second)):
        path = tmp_path / f"{number}-{name}"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(cli(), ["--db", cli_store, "import", str(path)])
        assert result.exit_code == 0, result.stderr
        cli_messages.append(result.stderr)
    web_messages = []
    for text in (first, second):
        response = client.post(
            "/exchange/import",
            data={"csrf_token": token(), "file_format": "auto"},
            files={"file": (name, text.encode("utf-8"), "application/octet-stream")},
        )
        assert response.status_code == 200, response.text
        web_messages.append(response.text)
    assert "1 changed" in cli_messages[1] and "0 added" in cli_messages[1]
    assert "1 changed" in web_messages[1] and "0 added" in web_messages[1]
    assert _jobs(cli_store) == _jobs(store_target)
    assert len(_jobs(store_target)) == len(_jobs(cli_store)) >= 1
