"""Server mode: sign-in, sessions, lockout, password change, sharing, coaches, comments, CSRF."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from careerset.web.app import create_app

from .server_helpers import (  # type: ignore[import-not-found]
    PASSWORD,
    SESSION_COOKIE,
    add_job,
    add_user,
    login_token,
    server_app,
    sign_in,
    sqlite_url,
    store_of,
    token_of,
)
from .web_helpers import BASE_URL, page_token  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    web_app = server_app(sqlite_url(tmp_path))
    yield web_app
    store_of(web_app).close()


@pytest.fixture
def anonymous(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=BASE_URL)


@pytest.mark.parametrize(
    "path", ["/", "/entries", "/assessment", "/cv", "/exchange", "/openapi.json", "/sharing"]
)
def test_pages_send_strangers_to_the_login_page(anonymous: TestClient, path: str) -> None:
    response = anonymous.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/entries"),
        ("GET", "/api/report"),
        ("POST", "/api/entries"),
        ("GET", "/api/code"),
    ],
)
def test_api_answers_401_without_a_session(anonymous: TestClient, method: str, path: str) -> None:
    response = anonymous.request(method, path, json={"kind": "job", "title": "x"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Sign in first."}


def test_login_page_and_static_files_are_public(anonymous: TestClient) -> None:
    page = anonymous.get("/login")
    assert page.status_code == 200 and 'name="password"' in page.text
    assert anonymous.get("/static/style.css").status_code == 200


def test_a_stale_or_forged_cookie_is_no_session(app: FastAPI, anonymous: TestClient) -> None:
    anonymous.cookies.set(SESSION_COOKIE, "not-a-real-session-token")
    assert anonymous.get("/api/entries").status_code == 401
    anonymous.cookies.set(SESSION_COOKIE, "x" * 5000)
    assert anonymous.get("/api/entries").status_code == 401


def test_sign_in_sets_a_safe_cookie_and_opens_the_own_career(
    app: FastAPI, anonymous: TestClient
) -> None:
    add_user(app, "ana@example.org", "client")
    add_job(app, "ana@example.org", "Harbour pilot")
    wrong = anonymous.post(
        "/login",
        data={"csrf_token": login_token(anonymous), "email": "ana@example.org", "password": "nope"},
    )
    assert wrong.status_code == 400
    assert "do not match an account" in wrong.text
    assert SESSION_COOKIE not in anonymous.cookies
    right = anonymous.post(
        "/login",
        data={
            "csrf_token": login_token(anonymous),
            "email": "ANA@example.org",
            "password": PASSWORD,
        },
        follow_redirects=False,
    )
    assert right.status_code == 303 and right.headers["location"] == "/"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    dashboard = anonymous.get("/")
    assert "Harbour pilot" in dashboard.text
    assert "Signed in as <strong>ana@example.org</strong>" in dashboard.text
    assert anonymous.get("/login", follow_redirects=False).status_code == 303


def test_secure_cookies_flag(tmp_path: Path) -> None:
    web_app = create_app(
        sqlite_url(tmp_path), None, allowed_hosts=None, server=True, secure_cookies=True
    )
    try:
        add_user(web_app, "sec@example.org", "client")
        client = TestClient(web_app, base_url=BASE_URL)
        response = client.post(
            "/login",
            data={
                "csrf_token": login_token(client),
                "email": "sec@example.org",
                "password": PASSWORD,
            },
            follow_redirects=False,
        )
        assert "secure" in response.headers["set-cookie"].lower()
    finally:
        store_of(web_app).close()


def test_login_returns_only_to_local_pages(app: FastAPI, anonymous: TestClient) -> None:
    add_user(app, "nina@example.org", "client")
    assert anonymous.get("/assessment", follow_redirects=False).headers["location"] == (
        "/login?next=%2Fassessment"
    )
    for target, expected in [
        ("/assessment", "/assessment"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
    ]:
        client = TestClient(app, base_url=BASE_URL)
        response = client.post(
            "/login",
            data={
                "csrf_token": login_token(client),
                "email": "nina@example.org",
                "password": PASSWORD,
                "next": target,
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == expected


def test_repeated_failures_lock_the_account_with_a_clear_message(
    app: FastAPI, anonymous: TestClient
) -> None:
    add_user(app, "lee@example.org", "client")
    for _ in range(5):
        response = anonymous.post(
            "/login",
            data={
                "csrf_token": login_token(anonymous),
                "email": "lee@example.org",
                "password": "wrong password!",
            },
        )
        assert response.status_code in (400, 429)
    locked = anonymous.post(
        "/login",
        data={
            "csrf_token": login_token(anonymous),
            "email": "lee@example.org",
            "password": PASSWORD,
        },
    )
    assert locked.status_code == 429
    assert "locked" in locked.text and "try again in" in locked.text
    assert SESSION_COOKIE not in anonymous.cookies


def test_login_needs_the_csrf_token(app: FastAPI, anonymous: TestClient) -> None:
    add_user(app, "tom@example.org", "client")
    anonymous.get("/login")
    response = anonymous.post("/login", data={"email": "tom@example.org", "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_COOKIE not in anonymous.cookies


def test_logout_ends_the_session_for_good(app: FastAPI) -> None:
    add_user(app, "max@example.org", "client")
    client = sign_in(app, "max@example.org")
    old = client.cookies[SESSION_COOKIE]
    response = client.post("/logout", data={"csrf_token": token_of(client)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert client.get("/", follow_redirects=False).status_code == 303
    replay = TestClient(app, base_url=BASE_URL)
    replay.cookies.set(SESSION_COOKIE, old)
    assert replay.get("/api/entries").status_code == 401


def test_password_change(app: FastAPI) -> None:
    add_user(app, "pat@example.org", "client")
    client = sign_in(app, "pat@example.org")
    other = sign_in(app, "pat@example.org")
    new = "a much better passphrase"
    form = {"csrf_token": token_of(client), "current": "wrong one", "new": new, "repeat": new}
    assert client.post("/account/password", data=form).status_code == 400
    form |= {"current": PASSWORD, "repeat": new + "x"}
    mismatch = client.post("/account/password", data=form)
    assert mismatch.status_code == 400 and "differ" in mismatch.text
    form |= {"repeat": new}
    done = client.post("/account/password", data=form)
    assert done.status_code == 200 and "Your password is changed." in done.text
    assert client.get("/api/entries").status_code == 200  # this session stays
    assert other.get("/api/entries").status_code == 401  # other sessions end
    stranger = TestClient(app, base_url=BASE_URL)
    refused = stranger.post(
        "/login",
        data={
            "csrf_token": login_token(stranger),
            "email": "pat@example.org",
            "password": PASSWORD,
        },
    )
    assert refused.status_code == 400
    sign_in(app, "pat@example.org", new)


def _grant(client: TestClient, email: str, level: str) -> None:
    response = client.post(
        "/sharing/grant", data={"csrf_token": token_of(client), "email": email, "level": level}
    )
    assert response.status_code == 200, response.text


def test_coach_reads_a_shared_career_comments_and_cannot_write(app: FastAPI) -> None:
    client_actor = add_user(app, "cat@example.org", "client")
    add_user(app, "coach@example.org", "coach")
    add_job(app, "cat@example.org", "Lighthouse keeper")
    cat = sign_in(app, "cat@example.org")
    coach = sign_in(app, "coach@example.org")
    # Before sharing: nothing to see, and the client's career cannot be opened.
    assert coach.get("/", follow_redirects=False).headers["location"] == "/clients"
    assert "No client has shared" in coach.get("/clients").text
    opened = coach.post(
        f"/clients/{client_actor.profile_id}/open", data={"csrf_token": token_of(coach)}
    )
    assert opened.status_code == 404
    _grant(cat, "coach@example.org", "read")
    sharing = cat.get("/sharing").text
    assert "coach@example.org" in sharing and "read only" in sharing
    clients = coach.get("/clients").text
    assert "cat@example.org" in clients
    response = coach.post(
        f"/clients/{client_actor.profile_id}/open",
        data={"csrf_token": token_of(coach)},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    dashboard = coach.get("/")
    assert "Lighthouse keeper" in dashboard.text and 'id="comments"' in dashboard.text
    # Read-only: the form says so, and the store refuses the write itself.
    form = coach.get("/entries/new/job").text
    assert 'id="read-only"' in form and '<fieldset class="read-only" disabled>' in form
    write = coach.post(
        "/entries/new/job", data={"csrf_token": token_of(coach), "title": "Sneaky edit"}
    )
    assert write.status_code == 403
    api_write = coach.post(
        "/api/entries",
        json={"kind": "job", "title": "Sneaky edit"},
        headers={"x-csrf-token": token_of(coach)},
    )
    assert api_write.status_code == 403
    assert "Sneaky edit" not in cat.get("/entries").text
    # Comments go both ways.
    posted = coach.post(
        "/comments",
        data={"csrf_token": token_of(coach), "text": "Great progress!", "back": "/assessment"},
        follow_redirects=False,
    )
    assert posted.status_code == 303 and posted.headers["location"] == "/assessment#comments"
    assert "Great progress!" in cat.get("/").text
    assert [c["text"] for c in cat.get("/api/comments").json()] == ["Great progress!"]
    # The audit shows who read the career.
    audit = cat.get("/sharing").text
    assert re.search(r"<td>coach@example.org</td><td>read</td>", audit)
    # Revoking takes effect on the coach's very next request.
    revoked = cat.post(
        "/sharing/revoke", data={"csrf_token": token_of(cat), "email": "coach@example.org"}
    )
    assert revoked.status_code == 200 and "can no longer see" in revoked.text
    assert coach.get("/api/entries").status_code == 404
    assert coach.get("/", follow_redirects=False).headers["location"] == "/clients"
    assert "cat@example.org" not in coach.get("/clients").text


def test_edit_grant_lets_a_coach_change_entries(app: FastAPI) -> None:
    client_actor = add_user(app, "eve@example.org", "client")
    add_user(app, "ed@example.org", "coach")
    eve = sign_in(app, "eve@example.org")
    _grant(eve, "ed@example.org", "edit")
    coach = sign_in(app, "ed@example.org")
    coach.post(f"/clients/{client_actor.profile_id}/open", data={"csrf_token": token_of(coach)})
    assert 'id="read-only"' not in coach.get("/entries/new/job").text
    added = coach.post(
        "/entries/new/job",
        data={"csrf_token": token_of(coach), "title": "Added by coach"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    assert "Added by coach" in eve.get("/entries").text


def test_pages_that_belong_to_the_other_role_are_missing(app: FastAPI) -> None:
    add_user(app, "cli@example.org", "client")
    add_user(app, "coa@example.org", "coach")
    client = sign_in(app, "cli@example.org")
    coach = sign_in(app, "coa@example.org")
    assert client.get("/clients").status_code == 404
    assert coach.get("/sharing").status_code == 404
    assert coach.get("/api/entries").status_code == 404  # no career open yet
    assert "Sharing" in client.get("/").text and "Clients" in coach.get("/clients").text


def test_sharing_errors_are_one_clear_sentence(app: FastAPI) -> None:
    add_user(app, "zoe@example.org", "client")
    zoe = sign_in(app, "zoe@example.org")
    response = zoe.post(
        "/sharing/grant",
        data={"csrf_token": token_of(zoe), "email": "nobody@example.org", "level": "read"},
    )
    assert response.status_code == 400
    assert 'class="alert"' in response.text


def test_workers_sharing_the_secret_accept_each_others_forms(tmp_path: Path) -> None:
    """Two apps over one store, as two worker processes: a form from one posts to the other."""
    db = sqlite_url(tmp_path)
    first, second = create_app(db, None, server=True), create_app(db, None, server=True)
    stranger = server_app(db, secret=b"another secret entirely, 32 b.")
    try:
        add_user(first, "wo@example.org", "client")
        browser = TestClient(first, base_url=BASE_URL)
        token = login_token(browser)
        other = TestClient(second, base_url=BASE_URL, cookies=dict(browser.cookies))
        response = other.post(
            "/login",
            data={"csrf_token": token, "email": "wo@example.org", "password": PASSWORD},
            follow_redirects=False,
        )
        assert response.status_code == 303
        session = other.cookies[SESSION_COOKIE]
        back_on_first = TestClient(first, base_url=BASE_URL, cookies=dict(other.cookies))
        assert back_on_first.get("/api/entries").status_code == 200
        # A worker with a different secret refuses that form token.
        foreign = TestClient(stranger, base_url=BASE_URL, cookies=dict(browser.cookies))
        refused = foreign.post(
            "/login", data={"csrf_token": token, "email": "wo@example.org", "password": PASSWORD}
        )
        assert refused.status_code == 403
        assert session
    finally:
        for web_app in (first, second, stranger):
            store_of(web_app).close()


def test_server_mode_answers_any_host_unless_told(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path)
    anywhere = server_app(db)
    limited = create_app(
        db, None, allowed_hosts=frozenset({"careers.example.org"}), server=True, secret=b"k" * 32
    )
    try:
        assert (
            TestClient(anywhere, base_url="http://careers.example.org").get("/login").status_code
            == 200
        )
        assert (
            TestClient(limited, base_url="http://careers.example.org").get("/login").status_code
            == 200
        )
        refused = TestClient(limited, base_url="http://rebound.example").get("/login")
        assert refused.status_code == 403
        assert "does not answer to that host name" in refused.text
    finally:
        store_of(anywhere).close()
        store_of(limited).close()


def test_local_mode_has_no_accounts(tmp_path: Path) -> None:
    local = create_app(sqlite_url(tmp_path), "default")
    try:
        client = TestClient(local, base_url=BASE_URL)
        assert client.get("/login").status_code == 404
        page = client.get("/")
        assert page.status_code == 200 and "local only" in page.text and "Sign out" not in page.text
        assert client.get("/openapi.json").status_code == 200
        assert page_token(page.text)
    finally:
        store_of(local).close()


def test_openapi_schema_needs_a_session_and_lists_comments(app: FastAPI) -> None:
    add_user(app, "api@example.org", "client")
    client = sign_in(app, "api@example.org")
    schema = client.get("/openapi.json").json()
    assert "/api/comments" in schema["paths"]


def test_a_database_that_stops_answering_gives_503(app: FastAPI) -> None:
    """Point the store at a port nobody listens on: transient, so 503 with Retry-After."""
    from sqlalchemy import create_engine

    from careerset.web.live import free_port

    add_user(app, "db@example.org", "client")
    client = sign_in(app, "db@example.org")
    store = store_of(app)
    working = store.engine
    store.engine = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    try:
        for path in ("/api/entries", "/"):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "2"
            assert "try again in a moment" in response.text
    finally:
        store.engine.dispose()
        store.engine = working
    assert client.get("/api/entries").status_code == 200


def test_a_csrf_token_works_only_with_its_own_session(app: FastAPI) -> None:
    """An attacker's own cookie and token pair, planted beside a victim's session, is refused
    even without an Origin header; the victim's own token still works."""
    add_user(app, "victim@example.org", "client")
    add_user(app, "attacker@example.org", "client")
    victim = sign_in(app, "victim@example.org")
    attacker = sign_in(app, "attacker@example.org")
    attacker_token = token_of(attacker)
    assert (
        attacker.post(
            "/api/entries",
            json={"kind": "skill", "name": "Own skill"},
            headers={"x-csrf-token": attacker_token},
        ).status_code
        == 201
    )
    victim_token = token_of(victim)
    victim.cookies.set("careerset_csrf", attacker.cookies["careerset_csrf"])
    planted = victim.post(
        "/api/entries",
        json={"kind": "skill", "name": "Planted"},
        headers={"x-csrf-token": attacker_token},
    )
    assert planted.status_code == 403
    form = victim.post("/entries/new/skill", data={"csrf_token": attacker_token, "name": "Planted"})
    assert form.status_code == 403
    assert victim.get("/api/entries").json() == []
    # With the planted cookie, the victim's pages carry a token for their own session.
    own = victim.post(
        "/api/entries",
        json={"kind": "skill", "name": "Mine"},
        headers={"x-csrf-token": token_of(victim)},
    )
    assert own.status_code == 201
    assert token_of(victim) != victim_token  # bound to the cookie pair, which changed


def _login_answer(client: TestClient, email: str, password: str) -> tuple[int, str]:
    response = client.post(
        "/login",
        data={"csrf_token": login_token(client), "email": email, "password": password},
    )
    page = re.sub(r'<meta name="csrf-token" content="[0-9a-f]+">', "", response.text)
    page = re.sub(r'name="csrf_token" value="[0-9a-f]+"', "", page)
    # The wait counts down by the second; whole seconds may tick between two answers.
    page = re.sub(r"try again in (\d+) seconds", "try again in N seconds", page)
    return response.status_code, page.replace(email, "EMAIL")


def test_known_and_unknown_emails_get_the_same_answers(app: FastAPI) -> None:
    add_user(app, "known@example.org", "client")
    known = [
        _login_answer(TestClient(app, base_url=BASE_URL), "known@example.org", f"wrong {n}")
        for n in range(7)
    ]
    unknown = [
        _login_answer(TestClient(app, base_url=BASE_URL), "ghost@example.org", f"wrong {n}")
        for n in range(7)
    ]
    assert [status for status, _ in known] == [400] * 5 + [429] * 2
    assert known == unknown
    assert "try again in" in known[-1][1]


def test_the_account_page_refuses_a_guessable_password(app: FastAPI) -> None:
    add_user(app, "weak@example.org", "client")
    client = sign_in(app, "weak@example.org")
    for weak in ("aaaaaaaaaa", "1234567890"):
        form = {"csrf_token": token_of(client), "current": PASSWORD, "new": weak, "repeat": weak}
        refused = client.post("/account/password", data=form)
        assert refused.status_code == 400
        assert "too easy to guess" in refused.text
    sign_in(app, "weak@example.org", PASSWORD)


def test_status_shows_signed_in_clients_no_server_paths(
    tmp_path: Path, use_reference_pack: Path
) -> None:
    app = server_app(sqlite_url(tmp_path))
    try:
        add_user(app, "status@example.org", "client")
        client = sign_in(app, "status@example.org")
        status = client.get("/api/status")
        assert status.status_code == 200
        body = status.json()
        assert body["reference"]["path"] is None and body["reference"]["build_id"]
        assert body["store"] == "sqlite server store"
        for page in (status.text, client.get("/status").text):
            assert str(tmp_path) not in page
            assert str(use_reference_pack.parent) not in page
    finally:
        store_of(app).close()
