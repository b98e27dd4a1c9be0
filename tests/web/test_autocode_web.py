"""The web job form codes a job saved without an occupation code, like `careerset add job`
(real store, real coder over the embedded default reference)."""

import json

from fastapi.testclient import TestClient

from .web_helpers import Token  # type: ignore[import-not-found]


def _jobs(client: TestClient) -> dict[str, dict[str, object]]:
    return {str(e["title"]): e for e in client.get("/api/entries").json() if e["kind"] == "job"}


def test_a_job_saved_without_a_code_is_coded(client: TestClient, token: Token) -> None:
    for title in ("Registered Nurse", "qwxz vbnm"):
        saved = client.post(
            "/entries/new/job",
            data={"csrf_token": token(), "title": title},
            follow_redirects=False,
        )
        assert saved.status_code == 303, saved.text
    picked = client.post(
        "/entries/new/job",
        data={
            "csrf_token": token(),
            "title": "Charge Nurse",
            "occupation_code": "29-1171.00",
            "occupation_source": "confirmed",
        },
        follow_redirects=False,
    )
    assert picked.status_code == 303, picked.text
    jobs = _jobs(client)
    nurse = jobs["Registered Nurse"]
    assert (nurse["occupation_code"], nurse["occupation_source"]) == ("29-1141.00", "coded")
    assert 0.3 <= float(str(nurse["occupation_confidence"])) <= 1.0
    assert jobs["qwxz vbnm"]["occupation_code"] is None
    assert (jobs["Charge Nurse"]["occupation_code"], jobs["Charge Nurse"]["occupation_source"]) == (
        "29-1171.00",
        "confirmed",
    )


def test_the_api_codes_an_added_job(client: TestClient, token: Token) -> None:
    added = client.post(
        "/api/entries",
        json={"kind": "job", "title": "Registered Nurse"},
        headers={"x-csrf-token": token()},
    )
    assert added.status_code == 201, added.text
    assert (added.json()["occupation_code"], added.json()["occupation_source"]) == (
        "29-1141.00",
        "coded",
    )


def test_an_uploaded_json_resume_is_coded_but_careerset_yaml_is_taken_as_is(
    client: TestClient, token: Token
) -> None:
    resume = {"basics": {"name": "Ana"}, "work": [{"name": "St. Mary", "position": "Registered Nurse"}]}
    imported = client.post(
        "/exchange/import",
        data={"csrf_token": token()},
        files={"file": ("resume.json", json.dumps(resume).encode(), "application/json")},
    )
    assert imported.status_code == 200, imported.text
    job = _jobs(client)["Registered Nurse"]
    assert (job["occupation_code"], job["occupation_source"]) == ("29-1141.00", "coded")

    exported = client.get("/exchange/export/yaml").text
    backup = "\n".join(line for line in exported.splitlines() if "occupation_" not in line)
    restored = client.post(
        "/exchange/import",
        data={"csrf_token": token(), "replace": "true"},
        files={"file": ("career.yaml", backup.encode(), "application/yaml")},
    )
    assert restored.status_code == 200, restored.text
    assert _jobs(client)["Registered Nurse"]["occupation_code"] is None
