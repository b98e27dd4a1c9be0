"""Every page answers, and the forms create, edit and delete entries of every kind."""

import re

import pytest
from fastapi.testclient import TestClient

from careerset.actions.entry_fields import KIND_FLAGS
from careerset.analysis.interests import profiler_items
from careerset.model.entries import ENTRY_TYPES

from .web_helpers import Token, add  # type: ignore[import-not-found]

PAGES = [
    "/",
    "/entries",
    "/entries?kind=job",
    "/profiler",
    "/assessment",
    "/occupations",
    "/occupations?q=nurse",
    "/occupations/29-1141.00",
    "/occupations/compare?codes=29-1141.00&codes=29-2061.00",
    "/next-steps",
    "/next-steps?target=29-1171.00",
    "/cv",
    "/exchange",
    "/status",
]
MINIMAL = {
    "job": {"title": "Registered nurse"},
    "education": {"institution": "State University"},
    "certification": {"name": "BLS Provider"},
    "accomplishment": {"title": "Nurse of the year"},
    "project": {"name": "Falls audit"},
    "publication": {"name": "Night handovers"},
    "skill": {"name": "Triage"},
    "contact": {"name": "Dr. Lee"},
    "goal": {"statement": "Become a nurse practitioner"},
    "activity": {"date": "2024-02-10", "activity_kind": "course"},
    "interest_profile": {
        "realistic": "10",
        "investigative": "30",
        "artistic": "12",
        "social": "36",
        "enterprising": "15",
        "conventional": "20",
    },
}


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_with_empty_store(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_with_a_career(client: TestClient, token: Token, path: str) -> None:
    csrf = token()
    add(
        client,
        csrf,
        "job",
        title="Registered nurse",
        start="2019-03",
        end="present",
        occupation_code="29-1141.00",
    )
    add(client, csrf, "goal", statement="Nurse practitioner", target_codes="29-1171.00")
    assert client.get(path).status_code == 200


def test_minimal_fixture_covers_every_kind() -> None:
    assert set(MINIMAL) == set(ENTRY_TYPES)
    for kind, fields in MINIMAL.items():
        required = {f.field for f in KIND_FLAGS[kind] if f.required}
        assert required <= set(fields), kind


@pytest.mark.parametrize("kind", sorted(ENTRY_TYPES))
def test_create_edit_delete_every_kind(client: TestClient, token: Token, kind: str) -> None:
    csrf = token()
    assert client.get(f"/entries/new/{kind}").status_code == 200
    entry_id = add(client, csrf, kind, **MINIMAL[kind], tags="first\nsecond", notes="kept")
    listed = client.get(f"/entries?kind={kind}").text
    assert f'id="entry-{entry_id}"' in listed
    form = client.get(f"/entries/{entry_id}/edit").text
    assert 'value="' in form and "first\nsecond" in form
    edited = client.post(
        f"/entries/{entry_id}/edit",
        data={"csrf_token": csrf, **MINIMAL[kind], "notes": "changed"},
        follow_redirects=False,
    )
    assert edited.status_code == 303
    stored = client.get(f"/api/entries/{entry_id}").json()
    assert stored["notes"] == "changed" and stored["tags"] == []
    assert client.get(f"/entries/{entry_id}/delete").status_code == 200
    removed = client.post(
        f"/entries/{entry_id}/delete", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert removed.status_code == 303
    assert client.get(f"/api/entries/{entry_id}").status_code == 404


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": ""}, "title", "required"),
        ({"title": "Nurse", "start": "2019-13"}, "start", "Month 13"),
        ({"title": "Nurse", "pay_amount": "lots"}, "pay_amount", "number"),
        ({"title": "Nurse", "occupation_code": "nurse"}, "occupation_code", "O*NET-SOC"),
        ({"title": "Nurse", "pay_currency": "dollars"}, "pay_currency", "currency"),
    ],
)
def test_validation_message_sits_beside_its_field(
    client: TestClient, token: Token, fields: dict[str, str], field: str, message: str
) -> None:
    response = client.post("/entries/new/job", data={"csrf_token": token(), **fields})
    assert response.status_code == 400
    block = re.search(rf'id="wrap-{field}".*?</div>', response.text, re.S)
    assert block is not None
    assert 'aria-invalid="true"' in block.group(0)
    assert message in block.group(0)
    assert client.get("/api/entries").json() == []


def test_dates_out_of_order_are_reported(client: TestClient, token: Token) -> None:
    response = client.post(
        "/entries/new/job",
        data={"csrf_token": token(), "title": "Nurse", "start": "2020", "end": "2019"},
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.text


def test_unknown_kind_and_entry_are_not_found(client: TestClient) -> None:
    assert client.get("/entries/new/spaceship").status_code == 404
    assert client.get("/entries/nope/edit").status_code == 404
    assert client.get("/entries?kind=spaceship").status_code == 404


def test_profiler_is_resumable_and_scores_when_done(client: TestClient, token: Token) -> None:
    csrf = token()
    assert "Start the profiler" in client.get("/profiler").text
    client.post("/profiler/start", data={"csrf_token": csrf})
    items = profiler_items()
    for index in range(30):
        client.post("/profiler/answer", data={"csrf_token": csrf, "index": index, "value": 4})
    page = client.get("/profiler").text
    assert "Question 31 of 60" in page and items[30].text in page
    client.post("/profiler/back", data={"csrf_token": csrf})
    assert "Question 30 of 60" in client.get("/profiler").text
    # A stale page answering an earlier question changes nothing.
    client.post("/profiler/answer", data={"csrf_token": csrf, "index": 3, "value": 0})
    for index in range(29, 60):
        client.post("/profiler/answer", data={"csrf_token": csrf, "index": index, "value": 1})
    done = client.get("/profiler").text
    assert "Holland code" in done and "Take it again" in done
    profile = client.get("/api/entries?kind=interest_profile").json()[0]
    assert None not in profile["answers"] and profile["answers"][3] == 4


def test_profiler_answer_without_a_run_is_refused(client: TestClient, token: Token) -> None:
    response = client.post("/profiler/answer", data={"csrf_token": token(), "index": 0, "value": 1})
    assert response.status_code == 409


def test_assessment_shows_each_job_with_its_verdict(client: TestClient, token: Token) -> None:
    csrf = token()
    add(client, csrf, "job", title="Barista", start="2015", end="2017")
    add(
        client,
        csrf,
        "job",
        title="Registered nurse",
        start="2018",
        end="present",
        occupation_code="29-1141.00",
    )
    page = client.get("/assessment").text
    assert page.count('class="timeline-row"') == 2
    assert page.count('class="card job-verdict"') == 2
    assert re.search(r"verdict-(career-step|stepping-stone|job)", page)


def test_occupation_pages_explain_missing_data(client: TestClient) -> None:
    page = client.get("/occupations/29-1141.00").text
    assert "Registered Nurses" in page
    assert client.get("/occupations/99-9999.99").status_code == 400
    assert client.get("/occupations/not-a-code").status_code == 400


@pytest.mark.shared_data
def test_pages_with_a_full_reference_pack(use_reference_pack: object, store_target: str) -> None:
    """With the O*NET pack the explorer, gaps, paths and plan show real content."""
    from careerset.web.app import create_app

    from .web_helpers import BASE_URL, page_token  # type: ignore[import-not-found]

    app = create_app(store_target, "default")
    client = TestClient(app, base_url=BASE_URL)
    csrf = page_token(client.get("/").text)
    add(
        client,
        csrf,
        "job",
        title="Registered nurse",
        start="2015",
        end="present",
        occupation_code="29-1141.00",
        skills="Patient care\nMedication administration",
    )
    add(client, csrf, "goal", statement="Nurse practitioner", target_codes="29-1171.00")
    occupation = client.get("/occupations/29-1141.00").text
    assert "Skills" in occupation and "Related occupations" in occupation
    steps = client.get("/next-steps").text
    assert 'id="gaps-heading"' in steps and 'id="plan-heading"' in steps
    assert client.get("/api/next-steps").json()["gaps"] is not None
    assert 'class="card job-verdict"' in client.get("/assessment").text
    app.state.context.store.close()


def test_the_job_form_shows_pay_without_unfolding(client: TestClient) -> None:
    page = client.get("/entries/new/job").text
    folded = page[page.index('<details class="more"') :]
    shown = page[: page.index('<details class="more"')]
    for name in ("pay_amount", "pay_basis", "pay_currency", "occupation_code"):
        assert f'name="{name}"' in shown and f'name="{name}"' not in folded
    assert 'name="summary"' in folded


def test_status_page_says_what_the_embedded_default_holds(client: TestClient) -> None:
    page = client.get("/status")
    assert page.status_code == 200
    assert "compact O*NET core" in page.text and "careerset data install" in page.text
    assert "Only the occupation list" not in page.text
