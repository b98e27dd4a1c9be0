"""Rights in the store layer: every StoreSession method that takes a career checks the actor.

Each case runs on a real SQLite file and a real PostgreSQL server (see conftest.py).
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from careerset.model import Career, Person
from careerset.model.validation import build_entry
from careerset.store.repository import Store, StoreSession
from careerset.store.rights import AccessDenied, Actor, ReadOnlyAccess
from careerset.store.tables import audit_table

from .conftest import People  # type: ignore[import-not-found]


@dataclass(frozen=True)
class Method:
    name: str
    need: str  # "read", "write" or "own"
    call: Callable[[StoreSession, str], Any]


def _job(entry_id: str, title: str = "Intruder") -> Any:
    return build_entry("job", {"id": entry_id, "title": title})


def _me(session: StoreSession) -> Actor:
    assert session.actor is not None
    return session.actor


METHODS = [
    Method("has_profile", "read", lambda s, p: s.has_profile(p)),
    Method("ensure_profile", "read", lambda s, p: s.ensure_profile(p)),
    Method("load_career", "read", lambda s, p: s.load_career(p)),
    Method("list_entries", "read", lambda s, p: s.list_entries(p)),
    Method("get_entry", "read", lambda s, p: s.get_entry(p, "a1")),
    Method("comments", "read", lambda s, p: s.comments(_me(s), p)),
    Method("add_comment", "read", lambda s, p: s.add_comment(_me(s), p, "hello")),
    Method("add_entry", "write", lambda s, p: s.add_entry(p, _job("x9"))),
    Method("put_entry", "write", lambda s, p: s.put_entry(p, _job("a1"))),
    Method("put_entries", "write", lambda s, p: s.put_entries(p, [_job("a1"), _job("x7")])),
    Method("update_entry", "write", lambda s, p: s.update_entry(p, _job("a1"))),
    Method("remove_entry", "write", lambda s, p: s.remove_entry(p, "a1")),
    Method("set_person", "write", lambda s, p: s.set_person(p, Person(name="Mallory"))),
    Method("replace_career", "write", lambda s, p: s.replace_career(p, Career())),
    Method(
        "merge_career",
        "write",
        lambda s, p: s.merge_career(p, Career.of([_job("x8")], Person(name="Mallory"))),
    ),
    Method("delete_profile", "own", lambda s, p: s.delete_profile(p)),
    Method("audit_entries", "own", lambda s, p: s.audit_entries(_me(s), p)),
]
IDS = [m.name for m in METHODS]
PROFILE_PARAMETERS = {"profile", "profile_name", "name"}
# Creates a new client with a new career; it is account management (admins only, tested below).
NOT_ACCESS = {"create_user"}


def test_every_method_that_takes_a_career_is_in_this_list() -> None:
    """A new StoreSession method taking a career must be added to METHODS (and so be tested)."""
    taking = {
        name
        for name, function in inspect.getmembers(StoreSession, inspect.isfunction)
        if not name.startswith("_")
        and PROFILE_PARAMETERS & set(inspect.signature(function).parameters)
    }
    assert taking == set(IDS) | NOT_ACCESS


def _snapshot(store: Store, profile: str) -> tuple[Any, ...]:
    """Everything about a career, read in local mode."""
    with store.transaction() as session:
        career = session.load_career(profile)
        return (
            career.person,
            tuple(sorted(e.model_dump_json() for e in career.entries)),
            session.has_profile(profile),
        )


def _audit_count(store: Store) -> int:
    with store.transaction() as session:
        return int(session.session.scalar(select(func.count()).select_from(audit_table)) or 0)


def _attempt(store: Store, actor: Actor, method: Method, profile: str) -> Any:
    with store.transaction(actor=actor) as session:
        return method.call(session, profile)


@pytest.mark.parametrize("method", METHODS, ids=IDS)
def test_a_client_cannot_reach_another_clients_career(
    store: Store, people: People, method: Method
) -> None:
    before, audits = _snapshot(store, "ana"), _audit_count(store)
    with pytest.raises(AccessDenied) as denied:
        _attempt(store, people.ben, method, "ana")
    # The same words for a career that does not exist: nothing tells whether "ana" exists.
    with pytest.raises(AccessDenied) as missing:
        _attempt(store, people.ben, method, "nobody")
    assert str(denied.value) == str(missing.value) == "there is no such career."
    assert _snapshot(store, "ana") == before
    assert _audit_count(store) == audits
    with store.transaction() as session:
        assert not session.has_profile("nobody")


@pytest.mark.parametrize("method", METHODS, ids=IDS)
@pytest.mark.parametrize("who", ["cora", "adam"])
def test_staff_without_a_grant_cannot_reach_a_career(
    store: Store, people: People, method: Method, who: str
) -> None:
    before = _snapshot(store, "ana")
    with pytest.raises(AccessDenied, match="^there is no such career.$"):
        _attempt(store, getattr(people, who), method, "ana")
    assert _snapshot(store, "ana") == before


@pytest.mark.parametrize("method", METHODS, ids=IDS)
def test_the_owner_may_do_everything(store: Store, people: People, method: Method) -> None:
    _attempt(store, people.ana, method, "ana")


@pytest.mark.parametrize("method", METHODS, ids=IDS)
def test_a_coach_with_read_access_reads_but_never_writes(
    store: Store, people: People, method: Method
) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
    before = _snapshot(store, "ana")
    if method.need == "read":
        _attempt(store, people.cora, method, "ana")
        return
    expected = ReadOnlyAccess if method.need == "write" else AccessDenied
    with pytest.raises(expected):
        _attempt(store, people.cora, method, "ana")
    assert _snapshot(store, "ana") == before


@pytest.mark.parametrize("method", METHODS, ids=IDS)
def test_a_coach_with_edit_access_reads_and_writes_but_does_not_own(
    store: Store, people: People, method: Method
) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "edit")
    if method.need == "own":
        before = _snapshot(store, "ana")
        with pytest.raises(AccessDenied, match="owner"):
            _attempt(store, people.cora, method, "ana")
        assert _snapshot(store, "ana") == before
    else:
        _attempt(store, people.cora, method, "ana")
    # Ben's career stays out of reach whatever Ana shared.
    with pytest.raises(AccessDenied):
        _attempt(store, people.cora, method, "ben")


def test_a_coach_with_edit_access_really_writes(store: Store, people: People) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "edit")
    with store.transaction(actor=people.cora) as session:
        session.add_entry("ana", _job("c1", "Charge Nurse"))
    with store.transaction() as session:
        assert "Charge Nurse" in [e.label for e in session.list_entries("ana")]


def test_grant_and_revoke_take_effect_on_the_next_transaction(store: Store, people: People) -> None:
    with pytest.raises(AccessDenied):
        _attempt(store, people.cora, METHODS[2], "ana")
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
    with store.transaction(actor=people.cora) as session:
        assert [e.label for e in session.load_career("ana").entries] == [
            "Registered Nurse",
            "Triage",
        ]
        assert session.profile_names() == ["ana"]
        assert session.clients_of(people.cora) == [(people.ana.profile_id, "ana", "read")]
    with store.transaction(actor=people.ana) as session:
        assert session.coaches_of(people.ana) == [("cora@example.org", "read")]
        session.revoke(people.ana, "cora@example.org")
        assert session.coaches_of(people.ana) == []
    with store.transaction(actor=people.cora) as session:
        assert session.profile_names() == []
        assert session.clients_of(people.cora) == []
        with pytest.raises(AccessDenied):
            session.load_career("ana")


def test_changing_a_grant_level_takes_effect_next_transaction(store: Store, people: People) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "edit")
    with store.transaction(actor=people.cora) as session:
        session.set_person("ana", Person(name="Ana"))
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
    with pytest.raises(ReadOnlyAccess), store.transaction(actor=people.cora) as session:
        session.set_person("ana", Person(name="Not Ana"))
    assert _snapshot(store, "ana")[0] == Person(name="Ana")


def test_only_clients_share_and_only_with_coaches(store: Store, people: People) -> None:
    with pytest.raises(AccessDenied), store.transaction(actor=people.cora) as session:
        session.grant(people.cora, "cora@example.org", "edit")
    with pytest.raises(Exception, match="no coach"), store.transaction() as session:
        session.grant(people.ana, "ben@example.org", "read")
    with pytest.raises(Exception, match="no coach"), store.transaction() as session:
        session.grant(people.ana, "adam@example.org", "read")
    with pytest.raises(Exception, match="not an access level"), store.transaction() as session:
        session.grant(people.ana, "cora@example.org", "admin")
    with pytest.raises(Exception, match="no access"), store.transaction() as session:
        session.revoke(people.ana, "cora@example.org")


def test_profile_names_lists_only_readable_careers(store: Store, people: People) -> None:
    with store.transaction() as session:
        session.ensure_profile("local-only")
        assert session.profile_names() == ["ana", "ben", "local-only"]
    with store.transaction(actor=people.ana) as session:
        assert session.profile_names() == ["ana"]
        session.grant(people.ana, "cora@example.org", "read")
    with store.transaction(actor=people.ben) as session:
        assert session.profile_names() == ["ben"]
    with store.transaction(actor=people.cora) as session:
        assert session.profile_names() == ["ana"]
    with store.transaction(actor=people.adam) as session:
        assert session.profile_names() == []


def test_an_actor_never_creates_careers(store: Store, people: People) -> None:
    for method in ("add_entry", "set_person", "ensure_profile"):
        with pytest.raises(AccessDenied):
            _attempt(store, people.ana, next(m for m in METHODS if m.name == method), "newbie")
    with store.transaction() as session:
        assert "newbie" not in session.profile_names()


def test_local_mode_still_reaches_every_profile(store: Store, people: People) -> None:
    with store.transaction() as session:
        session.add_entry("ben", _job("b2", "Shift Lead"))
        session.add_entry("brand-new", _job("n1", "Intern"))
        assert [e.label for e in session.list_entries("ana")] == ["Registered Nurse", "Triage"]
        assert session.profile_names() == ["ana", "ben", "brand-new"]


def test_profile_name_for_checks_rights(store: Store, people: People) -> None:
    assert people.ana.profile_id is not None and people.ben.profile_id is not None
    with store.transaction(actor=people.ana) as session:
        assert session.profile_name_for(people.ana.profile_id) == "ana"
        with pytest.raises(AccessDenied):
            session.profile_name_for(people.ben.profile_id)
        with pytest.raises(AccessDenied):
            session.profile_name_for(999_999)


def test_set_viewing_requires_read_access(store: Store, people: People) -> None:
    assert people.ana.profile_id is not None
    with store.transaction() as session:
        token = session.start_session(people.cora)
    with pytest.raises(AccessDenied), store.transaction(actor=people.cora) as session:
        session.set_viewing(token, people.ana.profile_id)
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
    with store.transaction(actor=people.cora) as session:
        session.set_viewing(token, people.ana.profile_id)
    with store.transaction() as session:
        assert session.actor_for_session(token) == (people.cora, people.ana.profile_id)
    with store.transaction(actor=people.ana) as session:
        session.revoke(people.ana, "cora@example.org")
    with store.transaction() as session:
        assert session.actor_for_session(token) == (people.cora, None)


def test_reads_and_writes_are_audited_once_per_action_and_career(
    store: Store, people: People
) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "edit")
    with store.transaction(actor=people.cora) as session:
        session.load_career("ana")
        session.list_entries("ana")
        session.add_entry("ana", _job("c1", "Charge Nurse"))
        session.add_comment(people.cora, "ana", "Nice progress.", entry_id="a1")
    with store.transaction(actor=people.ana) as session:
        log = session.audit_entries(people.ana, "ana")
    by_coach = sorted((e.action, e.detail) for e in log if e.actor == "cora@example.org")
    assert by_coach == [
        ("comment", "a1"),
        ("read", "list_entries, load_career"),
        ("write", "add_entry"),
    ]
    assert ("grant", "cora@example.org edit") in [
        (e.action, e.detail) for e in log if e.actor == "ana@example.org"
    ]
    # Ben's career log has none of this; and Ben cannot read Ana's log.
    with store.transaction(actor=people.ben) as session:
        assert all(e.actor != "cora@example.org" for e in session.audit_entries(people.ben, "ben"))
        with pytest.raises(AccessDenied):
            session.audit_entries(people.ben, "ana")


def test_local_mode_writes_no_career_audit_rows(store: Store, people: People) -> None:
    before = _audit_count(store)
    with store.transaction() as session:
        session.load_career("ana")
        session.add_entry("ana", _job("l1", "Local"))
    assert _audit_count(store) == before


def test_account_management_is_for_admins(store: Store, people: People) -> None:
    for actor in (people.ana, people.cora):
        with pytest.raises(AccessDenied), store.transaction(actor=actor) as session:
            session.list_users()
        with pytest.raises(AccessDenied), store.transaction(actor=actor) as session:
            session.remove_user("ben@example.org")
        with pytest.raises(AccessDenied), store.transaction(actor=actor) as session:
            session.create_user("eve@example.org", "", "coach", password_hash="x")
    with store.transaction(actor=people.adam) as session:
        assert [u.email for u in session.list_users()] == [
            "adam@example.org",
            "ana@example.org",
            "ben@example.org",
            "cora@example.org",
        ]
