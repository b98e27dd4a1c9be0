"""Signing in on a real store: attempts counted before any password is checked, per email and
address; known and unknown emails alike; every attempt audited.

Each test runs on a real SQLite file and a real PostgreSQL server (see conftest.py).
"""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careerset.store.repository import Store
from careerset.store.sign_in import (
    ADDRESS_LIMIT,
    ADDRESS_WINDOW,
    PAIR_LIMIT,
    PAIR_WINDOW,
    SignIn,
    client_key,
    sign_in,
)
from careerset.store.tables import audit_table

from .conftest import PASSWORD, People  # type: ignore[import-not-found]

NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
HERE = "203.0.113.5"
ELSEWHERE = "198.51.100.7"


def attempt(
    store: Store, email: str, password: str, address: str = HERE, now: datetime = NOW
) -> SignIn:
    return sign_in(store, email, password, address, now)


def checked_passwords(store: Store) -> int:
    """Attempts whose password was checked and wrong, by the audit log."""
    with store.transaction() as session:
        details = session.session.scalars(
            select(audit_table.c.detail).where(audit_table.c.action == "login-failed")
        )
        return sum(1 for detail in details if detail in ("wrong password", "unknown account"))


def test_five_attempts_lock_that_email_from_that_address_only(store: Store, people: People) -> None:
    for number in range(PAIR_LIMIT):
        assert attempt(store, "ana@example.org", f"wrong {number}") == SignIn(None, None)
    # Over the limit: even the right password is refused, unchecked, until the window ends.
    refused = attempt(store, "ana@example.org", PASSWORD)
    assert refused.actor is None and refused.retry_after == 60
    later = attempt(store, "ana@example.org", PASSWORD, now=NOW + timedelta(seconds=59.5))
    assert later.retry_after == 1
    assert checked_passwords(store) == PAIR_LIMIT
    # The owner elsewhere, and other accounts here, are not locked out by a stranger's guesses.
    assert attempt(store, "ana@example.org", PASSWORD, address=ELSEWHERE).actor == people.ana
    assert attempt(store, "ben@example.org", PASSWORD).actor == people.ben
    assert attempt(store, "ana@example.org", PASSWORD, now=NOW + PAIR_WINDOW).actor == people.ana


def test_a_success_clears_the_count(store: Store, people: People) -> None:
    for _ in range(2):
        for _ in range(PAIR_LIMIT - 1):
            assert attempt(store, "ana@example.org", "wrong").actor is None
        assert attempt(store, "ana@example.org", PASSWORD).actor == people.ana


def test_unknown_emails_are_counted_and_answered_like_known_ones(
    store: Store, people: People
) -> None:
    for email in ("ana@example.org", "nobody@example.org"):
        answers = [attempt(store, email, "wrong") for _ in range(PAIR_LIMIT + 2)]
        assert [(a.actor, a.token) for a in answers] == [(None, None)] * (PAIR_LIMIT + 2)
        assert [a.retry_after for a in answers] == [None] * PAIR_LIMIT + [60, 60]
    assert checked_passwords(store) == 2 * PAIR_LIMIT


def test_one_address_gets_a_limited_number_of_attempts_at_any_emails(
    store: Store, people: People
) -> None:
    # Successes are given back, so a busy shared address is not locked by its own people.
    for _ in range(ADDRESS_LIMIT + 5):
        assert attempt(store, "ben@example.org", PASSWORD).actor == people.ben
    for number in range(ADDRESS_LIMIT):
        email = f"guess{number}@example.org" if number % 8 else "ana@example.org"
        assert attempt(store, email, "wrong").retry_after is None
    spray = attempt(store, "ben@example.org", PASSWORD)
    assert spray.actor is None and spray.retry_after == int(ADDRESS_WINDOW.total_seconds())
    assert attempt(store, "ben@example.org", PASSWORD, address=ELSEWHERE).actor == people.ben
    after = attempt(store, "ben@example.org", PASSWORD, now=NOW + ADDRESS_WINDOW)
    assert after.actor == people.ben


def test_parallel_attempts_check_at_most_the_limit(store: Store, people: People) -> None:
    """Twenty threads guess at once: the count is claimed before each check, so five get checked."""
    answers: list[SignIn] = []
    start = threading.Barrier(20)

    def guess(number: int) -> None:
        start.wait()
        answers.append(attempt(store, "ana@example.org", f"wrong guess {number}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(answers) == 20 and all(a.actor is None for a in answers)
    assert checked_passwords(store) == PAIR_LIMIT
    assert sum(a.retry_after is not None for a in answers) == 20 - PAIR_LIMIT
    assert attempt(store, "ana@example.org", PASSWORD).actor is None


def test_every_attempt_is_audited(store: Store, people: People) -> None:
    for email, password in [
        ("ana@example.org", "wrong"),
        ("ana@example.org", PASSWORD),
        ("nobody@example.org", PASSWORD),
    ]:
        attempt(store, email, password)
    for _ in range(PAIR_LIMIT + 1):
        attempt(store, "ben@example.org", "wrong")
    with store.transaction() as session:
        rows = session.session.execute(
            select(audit_table.c.actor_id, audit_table.c.action, audit_table.c.detail)
            .where(audit_table.c.action.in_(["login", "login-failed"]))
            .order_by(audit_table.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        (people.ana.user_id, "login-failed", "wrong password"),
        (people.ana.user_id, "login", ""),
        (None, "login-failed", "unknown account"),
        *[(people.ben.user_id, "login-failed", "wrong password")] * PAIR_LIMIT,
        (people.ben.user_id, "login-failed", "too many attempts"),
    ]


def test_an_overlong_password_is_wrong_and_counted(store: Store, people: People) -> None:
    assert attempt(store, "ana@example.org", PASSWORD + "x" * 2000).actor is None
    assert checked_passwords(store) == 1


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("testclient", "testclient"),
        (None, "unknown"),
    ],
)
def test_client_key_counts_an_ipv6_block_as_one_client(address: str | None, key: str) -> None:
    assert client_key(address) == key
