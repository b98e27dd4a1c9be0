"""The /codes page confirms the coder's codes, and unknown codes are refused on the way in
(real store, real coder over the embedded default reference)."""

from fastapi.testclient import TestClient

from .web_helpers import Token  # type: ignore[import-not-found]


def _job(client: TestClient, title: str) -> dict[str, object]:
    [job] = [e for e in client.get("/api/entries").json() if e["title"] == title]
    return dict(job)


def test_a_coded_job_is_reviewed_and_confirmed(client: TestClient, token: Token) -> None:
    added = client.post(
        "/api/entries",
        json={"kind": "job", "title": "Shift Supervisor"},
        headers={"x-csrf-token": token()},
    )
    assert added.status_code in (200, 201), added.text
    job = _job(client, "Shift Supervisor")
    assert job["occupation_source"] == "coded"
    page = client.get("/codes")
    assert page.status_code == 200 and "Shift Supervisor" in page.text
    assert str(job["occupation_code"]) in page.text
    confirmed = client.post(
        f"/codes/{job['id']}",
        data={"csrf_token": token(), "code": "35-1012.00"},
        follow_redirects=False,
    )
    assert confirmed.status_code == 303, confirmed.text
    stored = _job(client, "Shift Supervisor")
    assert (stored["occupation_code"], stored["occupation_source"]) == ("35-1012.00", "confirmed")
    assert "No coded job is waiting" in client.get("/codes").text


def test_unknown_codes_are_refused_everywhere(client: TestClient, token: Token) -> None:
    refused = client.post(
        "/api/entries",
        json={"kind": "job", "title": "Nurse", "occupation_code": "29-9999.00"},
        headers={"x-csrf-token": token()},
    )
    assert refused.status_code == 400 and "29-9099.00" in refused.text
    form = client.post(
        "/entries/new/job",
        data={"csrf_token": token(), "title": "Nurse", "occupation_code": "29-9999.00"},
        follow_redirects=False,
    )
    assert form.status_code == 400 and "29-9999.00" in form.text
    assert [e for e in client.get("/api/entries").json() if e["title"] == "Nurse"] == []
    client.post(
        "/api/entries",
        json={"kind": "job", "title": "Shift Supervisor"},
        headers={"x-csrf-token": token()},
    )
    job = _job(client, "Shift Supervisor")
    wrong = client.post(f"/codes/{job['id']}", data={"csrf_token": token(), "other": "29-9999.00"})
    assert wrong.status_code == 400 and "closest codes" in wrong.text
    assert _job(client, "Shift Supervisor")["occupation_code"] == job["occupation_code"]
