"""Other sites cannot drive the app: CSRF, Origin, Host, token, body size, headers, and XSS."""

import re

import pytest
from fastapi.testclient import TestClient

from careerset.web.app import create_app
from careerset.web.forms import form_fields
from careerset.web.security import CONTENT_SECURITY_POLICY

from .test_pages import MINIMAL, PAGES  # type: ignore[import-not-found]
from .web_helpers import BASE_URL, Token, add  # type: ignore[import-not-found]

# The tests that store and show data are marked `sql` and run on PostgreSQL too. The
# refusals (CSRF, origin, host, size, field count, launch token) and the headers happen in
# the middleware, before any store is reached, so one store shows them.

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
# Every state-changing form of the app, with the fields it needs apart from the token.
FORMS = [
    ("/entries/new/job", {"title": "Nurse"}),
    ("/profiler/start", {}),
    ("/exchange/import", {"file_format": "auto"}),
]


@pytest.mark.parametrize(("path", "fields"), FORMS)
@pytest.mark.parametrize("given", [None, "", "0" * 64, "forged"])
def test_forged_cross_site_post_is_refused(
    client: TestClient, path: str, fields: dict[str, str], given: str | None
) -> None:
    client.get("/")
    data = dict(fields) if given is None else {**fields, "csrf_token": given}
    response = client.post(path, data=data)
    assert response.status_code == 403
    assert client.get("/api/entries").json() == []


def test_token_from_another_browser_is_refused(client: TestClient, app: object) -> None:
    other = TestClient(client.app, base_url=BASE_URL)
    stolen = re.search(r'csrf-token" content="(\w+)"', other.get("/").text)
    assert stolen
    client.get("/")
    response = client.post("/entries/new/job", data={"csrf_token": stolen.group(1), "title": "x"})
    assert response.status_code == 403


@pytest.mark.sql
def test_entry_changes_need_the_token(client: TestClient, token: Token) -> None:
    entry_id = add(client, token(), "skill", name="Triage")
    for path in (f"/entries/{entry_id}/edit", f"/entries/{entry_id}/delete"):
        assert client.post(path, data={"name": "x"}).status_code == 403
    assert client.get(f"/api/entries/{entry_id}").json()["name"] == "Triage"


@pytest.mark.sql
def test_api_writes_need_the_header(client: TestClient, token: Token) -> None:
    body = {"kind": "skill", "name": "Triage"}
    assert client.post("/api/entries", json=body).status_code == 403
    created = client.post("/api/entries", json=body, headers={"x-csrf-token": token()})
    assert created.status_code == 201
    entry_id = created.json()["id"]
    assert client.delete(f"/api/entries/{entry_id}").status_code == 403
    assert (
        client.delete(f"/api/entries/{entry_id}", headers={"x-csrf-token": token()}).status_code
        == 204
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "null"},
        {"referer": "http://evil.example/page"},
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_foreign_origin_is_refused_even_with_a_token(
    client: TestClient, token: Token, headers: dict[str, str]
) -> None:
    data = {"csrf_token": token(), "title": "Nurse"}
    assert client.post("/entries/new/job", data=data, headers=headers).status_code == 403
    assert client.get("/api/entries").json() == []


@pytest.mark.sql
def test_own_origin_is_accepted(client: TestClient, token: Token) -> None:
    data = {"csrf_token": token(), "title": "Nurse"}
    response = client.post(
        "/entries/new/job", data=data, headers={"origin": BASE_URL}, follow_redirects=False
    )
    assert response.status_code == 303


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "10.0.0.5:8000", ""])
def test_foreign_host_is_refused(client: TestClient, host: str) -> None:
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused."""
    assert client.get("/", headers={"host": host}).status_code == 403
    assert client.get("/api/entries", headers={"host": host}).status_code == 403


def test_loopback_names_are_accepted(client: TestClient) -> None:
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get("/status", headers={"host": host}).status_code == 200


def test_launch_token_is_required_when_set(store_target: str) -> None:
    app = create_app(store_target, "default", token="s3cret-launch-token")
    client = TestClient(app, base_url=BASE_URL)
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    assert client.get("/?token=s3cret-launch-token").status_code == 200
    assert client.get("/entries").status_code == 200  # the cookie carries it now
    app.state.context.store.close()


def test_oversized_body_is_refused(client: TestClient, token: Token) -> None:
    big = b"x" * (11 * 1024 * 1024)
    response = client.post(
        "/exchange/import",
        data={"csrf_token": token()},
        files={"file": ("big.json", big, "application/json")},
    )
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/", "/entries", "/api/entries", "/static/style.css"])
def test_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.sql
def test_pages_have_no_inline_script_or_style(client: TestClient, token: Token) -> None:
    add(client, token(), "job", title="Nurse", start="2019")
    for path in PAGES:
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert " style=" not in html and "<style" not in html, path
        assert not re.search(r"\son[a-z]+=", html), path


@pytest.mark.sql
def test_get_never_changes_data(client: TestClient, token: Token) -> None:
    entry_id = add(client, token(), "job", title="Nurse", start="2019")
    before = client.get("/exchange/export/yaml").text
    for route in client.app.routes:  # type: ignore[attr-defined]
        path = getattr(route, "path", "")
        if "GET" in getattr(route, "methods", set()) and "{" not in path:
            client.get(path)
    for path in (f"/entries/{entry_id}/delete", f"/entries/{entry_id}/edit", "/cv/download/yaml"):
        client.get(path)
    assert client.get("/exchange/export/yaml").text == before


def _text_fields(kind: str) -> list[str]:
    return [f.name for f in form_fields(kind) if f.widget in ("text", "textarea", "lines")]


def _assert_inert(html: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, f"unescaped payload on {where}"
    assert "<img src=x" not in html and "<script>alert" not in html, where


@pytest.mark.sql
@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_xss_in_every_text_field_is_inert(client: TestClient, token: Token, kind: str) -> None:
    csrf = token()
    stored: list[str] = []
    for index, name in enumerate(_text_fields(kind)):
        payload = PAYLOADS[index % 2]
        fields = {**MINIMAL[kind], name: payload}
        response = client.post(
            f"/entries/new/{kind}", data={"csrf_token": csrf, **fields}, follow_redirects=False
        )
        if response.status_code == 400:
            # Refused by validation: the form shown again must still show the text inert.
            _assert_inert(response.text, f"the {kind} form after an error in {name}")
            assert "&lt;" in response.text
            continue
        assert response.status_code == 303, (name, response.text[:300])
        stored.append(response.headers["location"].split("changed=")[1].split("#")[0])
    assert stored, f"no {kind} field accepted the payload"
    pages = [
        *PAGES,
        *(f"/entries/{i}/edit" for i in stored),
        *(f"/entries/{i}/delete" for i in stored),
    ]
    pages += ["/cv/preview", "/api/entries"]
    for path in pages:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        if response.headers["content-type"].startswith("text/html"):
            _assert_inert(response.text, path)
    # The text is kept and shown, only escaped.
    shown = client.get(f"/entries/{stored[0]}/edit").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown or "&#34;&gt;&lt;img" in shown


@pytest.mark.parametrize("path", ["/person", "/entries/new/job", "/exchange/import"])
def test_a_form_with_too_many_fields_gets_an_error_page(
    client: TestClient, token: Token, path: str
) -> None:
    csrf = token()
    fields = [("csrf_token", (None, csrf))] + [(f"f{n}", (None, "x")) for n in range(1100)]
    response = client.post(path, files=fields, headers={"x-csrf-token": csrf})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "too many or too large fields" in response.text
    assert client.get("/api/entries").json() == []
