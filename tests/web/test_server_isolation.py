"""Isolation in server mode: nobody reaches a career that was not shared with them, by any route.

Every route of the app is enumerated from `app.routes`, so a new route is covered (and an unsafe
one without a test body makes the test fail until it is given one). Path parameters carry
client B's ids. The attackers are: client A; a coach without a grant; a coach whose grant was
revoked; each of them with the session's viewed profile forged to B's directly in the database;
and finally the web layer itself patched to hand B's name to the store unchecked, which shows
the store refuses on its own. Runs on a SQLite file and on a real PostgreSQL server.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from careerset.model.person import Person
from careerset.model.validation import build_entry
from careerset.store.rights import Actor
from careerset.web.context import WebContext

from .server_helpers import (  # type: ignore[import-not-found]
    add_user,
    force_viewing,
    postgres_database,
    server_app,
    sign_in,
    sqlite_url,
    store_of,
    token_of,
)

# What only client B's career contains; none of it may reach anybody else.
SECRET_TITLE = "Zeppelin-Cartographer-7731"
SECRET_ORG = "Quietwater-Holdings-5518"
SECRET_GOAL = "Secret-Goal-Heliograph-2046"
SECRET_PHONE = "555-0199-Orrery"
B_PROFILE = "client-b-private-career"
DATA_MARKERS = (SECRET_TITLE, SECRET_ORG, SECRET_GOAL, SECRET_PHONE)

A_EMAIL, B_EMAIL = "alice@example.org", "bruno@example.org"
COACH_EMAIL, STRANGER_COACH = "coach@example.org", "other.coach@example.org"

JSON_RESUME = json.dumps(
    {"basics": {"name": "Injected"}, "work": [{"name": "Injected Org", "position": "Injected"}]}
)
# A body for every unsafe route: what would change data if the rights check were missing.
# An unsafe route missing here fails `test_every_unsafe_route_has_a_test_body`.
FORM_BODIES: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/entries/new/{kind}"): {"title": "Injected title", "start": "2020-01"},
    ("POST", "/entries/{entry_id}/edit"): {"title": "Injected title"},
    ("POST", "/entries/{entry_id}/delete"): {},
    ("POST", "/profiler/start"): {},
    ("POST", "/profiler/answer"): {"index": "0", "value": "4"},
    ("POST", "/profiler/back"): {},
    ("POST", "/exchange/import"): {"replace": "true", "file_format": "jsonresume"},
    ("POST", "/comments"): {"text": "Injected comment", "back": "/"},
    ("POST", "/next-steps/plan"): {"target": "29-1171.00"},
    ("POST", "/person"): {"name": "Injected name"},
    ("POST", "/codes/{entry_id}"): {"code": "29-1141.00"},
    ("POST", "/sharing/grant"): {"email": STRANGER_COACH, "level": "edit"},
    ("POST", "/sharing/revoke"): {"email": COACH_EMAIL},
    ("POST", "/clients/{profile_id}/open"): {},
    ("POST", "/account/password"): {"current": "wrong", "new": "x" * 12, "repeat": "x" * 12},
    ("POST", "/login"): {"email": B_EMAIL, "password": "not the password"},
    ("POST", "/logout"): {},
}
JSON_BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/api/entries"): {"kind": "job", "title": "Injected title"},
    ("PUT", "/api/entries/{entry_id}"): {"title": "Injected title"},
    ("DELETE", "/api/entries/{entry_id}"): None,
    ("POST", "/api/comments"): {"text": "Injected comment"},
}
QUERIES: dict[str, dict[str, str]] = {
    "/api/code": {"title": "cartographer"},
    "/api/occupations": {"q": "cartographer"},
    "/api/occupations/compare": {"codes": "17-1021.00"},
    "/occupations": {"q": "cartographer"},
    "/occupations/compare": {"codes": "17-1021.00"},
}
# Parameters that name B's data: a route taking one must refuse (403/404) outright.
B_PARAMETERS = ("entry_id", "profile_id")
PARAMETER_NAMES = ("entry_id", "profile_id", "kind", "code", "key", "export_format")
LAST = ("POST", "/logout")  # ends the attacker's session, so it runs last


# Not marked `sql`: each test already runs on a SQLite file and on PostgreSQL (the `world`
# fixture), so the PostgreSQL pass of `make test` would only repeat both.


@dataclass(frozen=True)
class Call:
    method: str
    template: str  # the route's path with {parameters}
    path: str  # with B's ids filled in

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.template)

    @property
    def names_b(self) -> bool:
        return any(f"{{{name}}}" in self.template for name in B_PARAMETERS)

    def __str__(self) -> str:
        return f"{self.method} {self.template}"


@dataclass
class World:
    app: FastAPI
    a: Actor
    b: Actor
    coach: Actor
    stranger: Actor
    b_entry: str
    goal_entry: str

    def params(self) -> dict[str, str]:
        return {
            "entry_id": self.b_entry,
            "profile_id": str(self.b.profile_id),
            "kind": "job",
            "code": "17-1021.00",
            "key": "markdown",
            "export_format": "yaml",
        }


def flat_routes(app: FastAPI) -> list[Any]:
    """Every route of the app, included routers flattened (FastAPI >= 0.16x nests them)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: app.routes is already flat
        return list(app.routes)
    return list(iter_route_contexts(app.routes))


def all_calls(app: FastAPI, params: dict[str, str]) -> list[Call]:
    """Every (method, route) of the app, with path parameters filled from `params`."""
    calls: list[Call] = []
    for route in flat_routes(app):
        original = getattr(route, "original_route", route)
        if isinstance(original, Mount):
            calls.append(Call("GET", route.path + "/{file}", route.path + "/style.css"))
            continue
        assert isinstance(original, APIRoute | Route), f"unknown kind of route {original!r}"
        names = re.findall(r"{(\w+)(?::\w+)?}", route.path)
        missing = [n for n in names if n not in params]
        assert not missing, f"{route.path}: give the isolation test a value for {missing}"
        path = route.path
        for name in names:
            path = re.sub("{" + name + r"(?::\w+)?}", params[name], path)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            calls.append(Call(method, route.path, path))
    calls.sort(key=lambda c: c.key == LAST)
    return calls


def request(client: TestClient, call: Call, token: str) -> httpx.Response:
    """Send `call` the way the app's own pages would (form with token, or JSON with header)."""
    query = QUERIES.get(call.template)
    if call.method == "GET":
        return client.get(call.path, params=query, follow_redirects=False)
    if call.key in JSON_BODIES:
        body = JSON_BODIES[call.key]
        return client.request(
            call.method,
            call.path,
            json=body,
            headers={"x-csrf-token": token},
            follow_redirects=False,
        )
    form = {"csrf_token": token, **FORM_BODIES.get(call.key, {})}
    files = None
    if call.template == "/exchange/import":
        files = {"file": ("resume.json", JSON_RESUME.encode(), "application/json")}
    return client.request(call.method, call.path, data=form, files=files, follow_redirects=False)


def snapshot(world: World) -> Any:
    """Everything of B's an attacker might change: entries, person, comments, grants."""
    with store_of(world.app).transaction() as session:
        career = session.load_career(B_PROFILE)
        comments = [(c.author, c.text) for c in session.comments(world.b, B_PROFILE)]
        coaches = session.coaches_of(world.b)
    entries = sorted(json.dumps(e.model_dump(mode="json"), sort_keys=True) for e in career)
    return entries, career.person.model_dump(mode="json"), comments, sorted(coaches)


def leaks(response: httpx.Response, markers: tuple[str, ...]) -> list[str]:
    shown = response.text + " ".join(f"{k}: {v}" for k, v in response.headers.items())
    return [m for m in markers if m in shown]


def make_world(db: str) -> World:
    app = server_app(db)
    a = add_user(app, A_EMAIL, "client", "client-a-career")
    b = add_user(app, B_EMAIL, "client", B_PROFILE)
    coach = add_user(app, COACH_EMAIL, "coach")
    stranger = add_user(app, STRANGER_COACH, "coach")
    job = build_entry(
        "job",
        {"title": SECRET_TITLE, "organization": SECRET_ORG, "start": "2018-01", "end": "present"},
    )
    goal = build_entry("goal", {"statement": SECRET_GOAL})
    a_job = build_entry("job", {"title": "Alice's own job", "start": "2015-01"})
    with store_of(app).transaction() as session:
        b_entry = session.add_entry(B_PROFILE, job).id
        goal_entry = session.add_entry(B_PROFILE, goal).id
        session.add_entry("client-a-career", a_job)
        session.add_comment(b, B_PROFILE, f"note about {SECRET_TITLE}")
        session.set_person(B_PROFILE, Person(name="Bruno", phone=SECRET_PHONE))
    return World(app, a, b, coach, stranger, b_entry, goal_entry)


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    if request.param == "sqlite":
        made = make_world(sqlite_url(tmp_path))
        yield made
        store_of(made.app).close()
        return
    with postgres_database(request.getfixturevalue("postgres_url")) as url:
        made = make_world(url)
        yield made
        store_of(made.app).close()


def b_visible_routes(world: World) -> set[tuple[str, str]]:
    """Positive control: the GET routes on which B, signed in, sees B's own secrets."""
    b = sign_in(world.app, B_EMAIL)
    token = token_of(b)
    seen = set()
    for call in all_calls(world.app, world.params()):
        if call.method == "GET" and leaks(request(b, call, token), DATA_MARKERS):
            seen.add(call.key)
    # The check must be able to fail: these certainly show B's data to B.
    expected = {
        ("GET", "/"),
        ("GET", "/entries"),
        ("GET", "/person"),
        ("GET", "/entries/{entry_id}/edit"),
        ("GET", "/assessment"),
        ("GET", "/cv/preview"),
        ("GET", "/cv/download/{key}"),
        ("GET", "/exchange/export/{export_format}"),
        ("GET", "/exchange/backup"),
        ("GET", "/api/entries"),
        ("GET", "/api/entries/{entry_id}"),
        ("GET", "/api/report"),
        ("GET", "/api/comments"),
    }
    assert expected <= seen, f"B does not see their own data on {sorted(expected - seen)}"
    return seen


def attack(
    world: World, client: TestClient, must_refuse: set[tuple[str, str]], markers: tuple[str, ...]
) -> list[str]:
    """Send every call; return what went wrong (empty when the career stayed private)."""
    before = snapshot(world)
    problems = []
    calls = all_calls(world.app, world.params())
    token = token_of(client)
    for call in calls:
        response = request(client, call, token)
        status = response.status_code
        if status >= 500:
            problems.append(f"{call}: {status}")
        if found := leaks(response, markers):
            problems.append(f"{call}: shows {found} (status {status})")
        if (call.names_b or call.key in must_refuse) and status not in (403, 404):
            problems.append(f"{call}: answered {status}, not 403/404")
        if call.method != "GET" and snapshot(world) != before:
            problems.append(f"{call}: changed B's career")
            before = snapshot(world)
    assert len(calls) > 40, "the route enumeration found too few routes"
    return problems


def test_every_unsafe_route_has_a_test_body(tmp_path: Path) -> None:
    app = server_app(sqlite_url(tmp_path))
    try:
        params = dict.fromkeys(PARAMETER_NAMES, "1")
        unsafe = {c.key for c in all_calls(app, params) if c.method != "GET"}
        assert unsafe <= set(FORM_BODIES) | set(JSON_BODIES), sorted(
            unsafe - set(FORM_BODIES) - set(JSON_BODIES)
        )
    finally:
        store_of(app).close()


def test_client_a_cannot_reach_client_b(world: World) -> None:
    b_visible_routes(world)
    alice = sign_in(world.app, A_EMAIL)
    assert attack(world, alice, set(), (*DATA_MARKERS, B_PROFILE)) == []


def test_client_a_with_a_forged_session_still_cannot(world: World) -> None:
    """The session row itself says A views B: every route that shows B's data refuses."""
    visible = b_visible_routes(world)
    alice = sign_in(world.app, A_EMAIL)
    force_viewing(world.app, alice, world.b.profile_id)
    assert attack(world, alice, visible, (*DATA_MARKERS, B_PROFILE)) == []


def test_a_coach_without_a_grant_cannot_reach_client_b(world: World) -> None:
    visible = b_visible_routes(world)
    coach = sign_in(world.app, STRANGER_COACH)
    assert attack(world, coach, set(), (*DATA_MARKERS, B_PROFILE)) == []
    coach = sign_in(world.app, STRANGER_COACH)
    force_viewing(world.app, coach, world.b.profile_id)
    assert attack(world, coach, visible, (*DATA_MARKERS, B_PROFILE)) == []


def test_a_revoked_grant_takes_effect_on_the_next_request(world: World) -> None:
    visible = b_visible_routes(world)
    bruno = sign_in(world.app, B_EMAIL)
    granted = bruno.post(
        "/sharing/grant",
        data={"csrf_token": token_of(bruno), "email": COACH_EMAIL, "level": "edit"},
    )
    assert granted.status_code == 200
    coach = sign_in(world.app, COACH_EMAIL)
    opened = coach.post(f"/clients/{world.b.profile_id}/open", data={"csrf_token": token_of(coach)})
    assert opened.status_code == 200 and SECRET_TITLE in opened.text  # followed to the dashboard
    assert SECRET_TITLE in coach.get("/api/entries").text
    revoked = bruno.post(
        "/sharing/revoke", data={"csrf_token": token_of(bruno), "email": COACH_EMAIL}
    )
    assert revoked.status_code == 200
    # The very next request is refused, with no re-login and nothing cached.
    assert coach.get("/api/entries").status_code == 404
    assert SECRET_TITLE not in coach.get("/").text
    assert attack(world, coach, set(), DATA_MARKERS) == []
    # Even a session still pointing at B (as if the store had not cleared it) is refused.
    coach = sign_in(world.app, COACH_EMAIL)
    force_viewing(world.app, coach, world.b.profile_id)
    assert attack(world, coach, visible, DATA_MARKERS) == []


def test_the_store_refuses_even_when_the_web_layer_does_not_check(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Break the web's own check: B's name reaches every store call unchecked; the store says no."""
    visible = b_visible_routes(world)

    def unchecked(self: WebContext, session: Any) -> None:
        if self._profile is None and self.viewing is not None:
            with self.store.transaction() as operator:  # no actor: no rights check
                self._profile = operator.profile_name_for(self.viewing)

    monkeypatch.setattr(WebContext, "resolve_profile", unchecked)
    alice = sign_in(world.app, A_EMAIL)
    force_viewing(world.app, alice, world.b.profile_id)
    # The name itself is now shown (the web was broken on purpose); B's data must not be.
    assert attack(world, alice, visible, DATA_MARKERS) == []
    coach = sign_in(world.app, STRANGER_COACH)
    force_viewing(world.app, coach, world.b.profile_id)
    assert attack(world, coach, visible, DATA_MARKERS) == []
