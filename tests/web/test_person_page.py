"""About you: the person's details edited in the browser reach the store and the exports."""

from fastapi.testclient import TestClient

from .web_helpers import Token  # type: ignore[import-not-found]


def test_details_are_saved_kept_and_cleared(client: TestClient, token: Token) -> None:
    page = client.get("/person")
    assert page.status_code == 200 and 'name="name"' in page.text and 'name="city"' in page.text
    saved = client.post(
        "/person",
        data={"csrf_token": token(), "name": "Ana <b>Díaz</b>", "label": "Nurse", "city": "Austin"},
        follow_redirects=False,
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/person?saved=true"
    shown = client.get("/person?saved=true").text
    assert "Saved." in shown and "Ana &lt;b&gt;Díaz&lt;/b&gt;" in shown and 'value="Austin"' in shown
    basics = client.get("/exchange/export/jsonresume").json()["basics"]
    assert basics["name"] == "Ana <b>Díaz</b>" and basics["location"]["city"] == "Austin"
    # The form posts every field: one left empty is cleared.
    client.post("/person", data={"csrf_token": token(), "name": "Ana Díaz", "label": "Nurse"})
    basics = client.get("/exchange/export/jsonresume").json()["basics"]
    assert basics["name"] == "Ana Díaz" and "location" not in basics


def test_a_bad_value_is_one_message_and_changes_nothing(client: TestClient, token: Token) -> None:
    client.post("/person", data={"csrf_token": token(), "name": "Ana"})
    refused = client.post("/person", data={"csrf_token": token(), "name": "Ana", "email": "x" * 400})
    assert refused.status_code == 400 and "email" in refused.text
    assert client.get("/exchange/export/jsonresume").json()["basics"] == {"name": "Ana"}


def test_saving_needs_the_csrf_token(client: TestClient) -> None:
    client.get("/person")
    assert client.post("/person", data={"name": "Mallory"}).status_code == 403
