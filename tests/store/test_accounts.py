"""Accounts on a real store: hashing, password strength, web sessions, comments, removal.

Each store test runs on a real SQLite file and a real PostgreSQL server (see conftest.py).
"""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from careerset.errors import UserError
from careerset.model import Person
from careerset.model.validation import build_entry
from careerset.store.passwords import (
    CHEAP_HASHES_VARIABLE,
    hash_password,
    token_id,
    verify_password,
)
from careerset.store.repository import Store
from careerset.store.rights import AccessDenied
from careerset.store.sign_in import PAIR_LIMIT, sign_in
from careerset.store.tables import grant_table, user_table, web_session_table

from .conftest import PASSWORD, People  # type: ignore[import-not-found]

NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


def test_passwords_are_hashed_with_argon2id_and_salted() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and PASSWORD not in first
    assert first != second
    assert verify_password(first, PASSWORD) and verify_password(second, PASSWORD)
    assert not verify_password(first, PASSWORD + " ")
    assert not verify_password(first, "")
    assert not verify_password("not a hash", PASSWORD)


def test_without_the_test_switch_hashes_use_the_recommended_cost() -> None:
    """The suite hashes cheaply (tests/conftest.py); a real install never does."""
    environment = {k: v for k, v in os.environ.items() if k != CHEAP_HASHES_VARIABLE}
    script = "from careerset.store.passwords import hash_password; print(hash_password('x'))"
    printed = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    ).stdout
    default = PasswordHasher()
    assert printed.startswith(
        f"$argon2id$v=19$m={default.memory_cost},t={default.time_cost},p={default.parallelism}$"
    )
    assert default.memory_cost >= 65536 and default.time_cost >= 3


def test_a_new_user_logs_in_with_the_password_only(store: Store) -> None:
    with store.transaction() as session:
        made = session.create_user("  Ana@Example.ORG ", PASSWORD, "client")
    assert made.email == "ana@example.org" and made.role == "client"
    with store.transaction() as session:
        stored = session.session.execute(select(user_table)).first()
        assert stored is not None and stored.password_hash.startswith("$argon2id$")
        assert PASSWORD not in stored.password_hash
    assert sign_in(store, "ANA@example.org", PASSWORD, now=NOW).actor == made
    assert sign_in(store, "ana@example.org", "wrong password!", now=NOW).actor is None
    assert sign_in(store, "nobody@example.org", PASSWORD, now=NOW).actor is None


def test_a_client_gets_their_own_career_and_staff_none(store: Store, password_hash: str) -> None:
    with store.transaction() as session:
        ana = session.create_user("ana@example.org", "", "client", password_hash=password_hash)
        cora = session.create_user("cora@example.org", "", "coach", password_hash=password_hash)
        assert ana.profile_id is not None and cora.profile_id is None
        assert session.profile_name_for(ana.profile_id) == "ana@example.org"
        with pytest.raises(UserError, match="only a client has a career"):
            session.create_user("x@example.org", "", "coach", "x", password_hash=password_hash)


def test_an_existing_career_is_attached_only_by_name_and_only_if_unowned(
    store: Store, password_hash: str
) -> None:
    with store.transaction() as session:
        session.ensure_profile("imported")
        session.ensure_profile("ben@example.org")
    with store.transaction() as session:
        ana = session.create_user(
            "ana@example.org", "", "client", "imported", password_hash=password_hash
        )
        assert ana.profile_id is not None
        assert session.profile_name_for(ana.profile_id) == "imported"
    with pytest.raises(UserError, match="already exists"), store.transaction() as session:
        session.create_user(
            "eve@example.org", "", "client", "imported", password_hash=password_hash
        )
    with pytest.raises(UserError, match="already exists"), store.transaction() as session:
        session.create_user("ben@example.org", "", "client", password_hash=password_hash)


def test_a_duplicate_email_is_refused_whatever_its_case(store: Store, password_hash: str) -> None:
    with store.transaction() as session:
        session.create_user("ana@example.org", "", "coach", password_hash=password_hash)
    with (
        pytest.raises(UserError, match="already an account 'ana@example.org'"),
        store.transaction() as session,
    ):
        session.create_user("ANA@example.org", "", "client", password_hash=password_hash)
    with store.transaction() as session:
        assert len(session.list_users()) == 1
        assert session.profile_names() == []


@pytest.mark.parametrize(
    ("email", "password", "role", "message"),
    [
        ("not-an-email", PASSWORD, "client", "not an email address"),
        ("a b@example.org", PASSWORD, "client", "not an email address"),
        ("x" * 250 + "@example.org", PASSWORD, "client", "not an email address"),
        ("a@b..org", PASSWORD, "client", "not an email address"),
        ("<x>@example.org", PASSWORD, "client", "not an email address"),
        ("ana@example.org.", PASSWORD, "client", "not an email address"),
        ("ana@localhost", PASSWORD, "client", "not an email address"),
        ("ana@example.org", "aaaaaaaaaa", "client", "too easy to guess"),
        ("ana@example.org", "1234567890", "client", "too easy to guess"),
        ("ana@example.org", "password123", "client", "too easy to guess"),
        ("ana@example.org", "ana@example.org", "client", "too easy to guess"),
        ("ana@example.org", "short", "client", "too short"),
        ("ana@example.org", "x" * 1001, "client", "too long"),
        ("ana@example.org", PASSWORD, "root", "not a role"),
    ],
)
def test_bad_accounts_are_refused_with_one_sentence(
    store: Store, email: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(UserError, match=message), store.transaction() as session:
        session.create_user(email, password, role)
    with store.transaction() as session:
        assert session.list_users() == []


def test_sessions_carry_the_actor_until_they_expire(store: Store, people: People) -> None:
    with store.transaction() as session:
        token = session.start_session(people.ana, timedelta(hours=12), now=NOW)
        other = session.start_session(people.cora, now=NOW)
    assert len(token) >= 40 and token != other
    with store.transaction() as session:
        assert session.actor_for_session(token, NOW) == (people.ana, people.ana.profile_id)
        assert session.actor_for_session(other, NOW) == (people.cora, None)
        assert session.actor_for_session(token, NOW + timedelta(hours=11, minutes=59)) is not None
        # Only the hash is stored.
        ids = set(session.session.scalars(select(web_session_table.c.id)))
        assert ids == {token_id(token), token_id(other)} and token not in ids
        assert session.actor_for_session("made-up", NOW) is None
        assert session.actor_for_session("", NOW) is None
    with store.transaction() as session:
        assert session.actor_for_session(token, NOW + timedelta(hours=12)) is None
    with store.transaction() as session:
        # An expired session is gone for good, even if asked about with an earlier clock.
        assert session.actor_for_session(token, NOW) is None
        session.end_session(other)
    with store.transaction() as session:
        assert session.actor_for_session(other, NOW) is None


def test_changing_the_password(store: Store, people: People) -> None:
    with store.transaction() as session:
        keep = session.start_session(people.ana)
        drop = session.start_session(people.ana)
        with pytest.raises(UserError, match="current password is not right"):
            session.change_password(people.ana, "not it at all", "a brand new passphrase")
        with pytest.raises(UserError, match="too short"):
            session.change_password(people.ana, PASSWORD, "short")
        with pytest.raises(UserError, match="too easy to guess"):
            session.change_password(people.ana, PASSWORD, "aaaaaaaaaa")
    with store.transaction() as session:
        session.change_password(people.ana, PASSWORD, "a brand new passphrase", keep_session=keep)
    # Signing in at today's time: a session at NOW (2030) would sweep today's as expired.
    assert sign_in(store, "ana@example.org", PASSWORD).actor is None
    assert sign_in(store, "ana@example.org", "a brand new passphrase").actor == people.ana
    with store.transaction() as session:
        assert session.actor_for_session(keep) is not None
        assert session.actor_for_session(drop) is None


def test_an_admin_reset_unlocks_and_logs_out(store: Store, people: People) -> None:
    with store.transaction() as session:
        token = session.start_session(people.ben)
    for _ in range(PAIR_LIMIT + 1):
        assert sign_in(store, "ben@example.org", "wrong", now=NOW).actor is None
    assert sign_in(store, "ben@example.org", PASSWORD, now=NOW).retry_after is not None
    with store.transaction(actor=people.adam) as session:
        assert [u.locked_until for u in session.list_users(NOW) if u.email.startswith("ben")] == [
            NOW + timedelta(seconds=60)
        ]
        session.set_password("ben@example.org", "reset passphrase 1")
    with store.transaction() as session:
        assert session.actor_for_session(token) is None
    assert sign_in(store, "ben@example.org", "reset passphrase 1", now=NOW).actor == people.ben


def test_removing_a_user_removes_their_sessions_and_grants(store: Store, people: People) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
        session.add_comment(people.ana, "ana", "My own note.")
    with store.transaction(actor=people.cora) as session:
        session.add_comment(people.cora, "ana", "Coach note.", entry_id="a1")
    with store.transaction() as session:
        token = session.start_session(people.cora)
        session.remove_user("cora@example.org")
    with store.transaction() as session:
        assert session.actor_for_session(token) is None
        assert session.session.scalar(select(func.count()).select_from(grant_table)) == 0
        assert session.find_actor("cora@example.org") is None
    with store.transaction(actor=people.ana) as session:
        notes = [(c.author, c.entry_id, c.text) for c in session.comments(people.ana, "ana")]
        assert notes == [("ana@example.org", None, "My own note."), (None, "a1", "Coach note.")]
        assert session.coaches_of(people.ana) == []


def test_removing_a_client_keeps_the_career_unless_asked(store: Store, people: People) -> None:
    with store.transaction() as session:
        session.remove_user("ana@example.org")
        session.remove_user("ben@example.org", delete_career=True)
    with store.transaction() as session:
        assert session.profile_names() == ["ana"]
        assert [e.id for e in session.list_entries("ana")] == ["a1", "a2"]
    with pytest.raises(UserError, match="there is no account"), store.transaction() as session:
        session.remove_user("ben@example.org")


def test_set_role_between_staff_roles_only(store: Store, people: People) -> None:
    with store.transaction() as session:
        session.set_role("cora@example.org", "admin")
        assert session.find_actor("cora@example.org") == people.cora.__class__(
            people.cora.user_id, "cora@example.org", "admin", None
        )
        with pytest.raises(UserError, match="client cannot become staff"):
            session.set_role("ana@example.org", "coach")


def test_comments_are_checked_and_bounded(store: Store, people: People) -> None:
    with store.transaction(actor=people.ana) as session:
        session.grant(people.ana, "cora@example.org", "read")
    with store.transaction(actor=people.cora) as session:
        session.add_comment(people.cora, "ana", "  Consider the CCRN certification.  ")
        with pytest.raises(UserError, match="1 to 4000 characters"):
            session.add_comment(people.cora, "ana", "   ")
        with pytest.raises(UserError, match="1 to 4000 characters"):
            session.add_comment(people.cora, "ana", "x" * 4001)
        with pytest.raises(UserError, match="no entry 'zzz'"):
            session.add_comment(people.cora, "ana", "On a missing entry.", entry_id="zzz")
    with store.transaction(actor=people.ana) as session:
        [comment] = session.comments(people.ana, "ana")
    assert (comment.author, comment.text) == (
        "cora@example.org",
        "Consider the CCRN certification.",
    )
    with pytest.raises(AccessDenied), store.transaction(actor=people.ben) as session:
        session.comments(people.ben, "ana")


def test_ensure_meta_keeps_the_first_value(store: Store) -> None:
    with store.transaction() as session:
        assert session.meta_value("web-secret") is None
        assert session.ensure_meta("web-secret", "first") == "first"
    with store.transaction() as session:
        assert session.ensure_meta("web-secret", "second") == "first"
        assert session.meta_value("web-secret") == "first"


def test_nul_characters_never_crash_a_store(store: Store, people: People) -> None:
    """NUL in text is refused with a UserError by both stores (PostgreSQL cannot hold it)."""
    assert sign_in(store, "a\x00@example.org", PASSWORD, "\x00", NOW).actor is None
    with store.transaction() as session:
        assert session.find_actor("ana@example.org\x00") is None
        assert not session.has_profile("ana\x00")
        assert session.list_entries("ana\x00") == []
        with pytest.raises(UserError, match="no entry"):
            session.get_entry("ana", "a1\x00")
    with pytest.raises(UserError), store.transaction() as session:
        session.create_user("e\x00ve@example.org", PASSWORD, "coach")
    writes = [
        lambda s: s.add_entry("ana", build_entry("skill", {"id": "s1", "name": "Tri\x00age"})),
        lambda s: s.put_entry("ana", build_entry("job", {"id": "a1", "title": "RN\x00"})),
        lambda s: s.set_person("ana", Person(name="A\x00na")),
    ]
    for write in writes:
        with pytest.raises(UserError, match="NUL"), store.transaction() as session:
            write(session)
    with store.transaction() as session:
        career = session.load_career("ana")
        labels = sorted(e.label for e in career.entries)
    assert labels == ["Registered Nurse", "Triage"] and career.person == Person()
    with store.transaction(actor=people.ana) as session:
        with pytest.raises(AccessDenied):
            session.load_career("ana\x00")
        with pytest.raises(UserError, match="NUL"):
            session.add_comment(people.ana, "ana", "hi\x00there")
        with pytest.raises(UserError, match="NUL"):
            session.add_comment(people.ana, "ana", "hi", entry_id="a1\x00")
        with pytest.raises(UserError, match="no coach"):
            session.grant(people.ana, "cora\x00@example.org", "read")


def test_relaxed_read_audit_still_records_the_reads(store: Store, people: People) -> None:
    store.relaxed_read_audit = True
    with store.transaction(actor=people.ana) as session:
        session.load_career("ana")
    with store.transaction(actor=people.ana) as session:
        session.add_entry("ana", build_entry("skill", {"id": "s9", "name": "Charting"}))
    with store.transaction(actor=people.ana) as session:
        actions = [(e.action, e.detail) for e in session.audit_entries(people.ana, "ana")]
    assert ("read", "load_career") in actions and ("write", "add_entry") in actions
