"""`careerset user add|list|remove|passwd` through the real command tree and a real SQLite file."""

import json

import pytest
from typer.testing import Result

from careerset.store.repository import Store
from careerset.store.sign_in import sign_in

from .conftest import Invoke  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql

PASSWORD = "a long enough passphrase"


def _add(run: Invoke, email: str, role: str, *extra: str, password: str = PASSWORD) -> Result:
    return run(
        "user", "add", email, "--role", role, "--password-stdin", *extra, input=password + "\n"
    )


def _users(run: Invoke) -> list[dict[str, object]]:
    result = run("user", "list", "--json")
    assert result.exit_code == 0, result.stderr
    users: list[dict[str, object]] = json.loads(result.stdout)
    return users


def test_add_list_passwd_remove(run: Invoke, store_target: str) -> None:
    added = _add(run, "Ana@Example.org", "client", "--json")
    assert added.exit_code == 0, added.stderr
    assert json.loads(added.stdout) == {
        "email": "ana@example.org",
        "role": "client",
        "career": "ana@example.org",
    }
    coach = _add(run, "cora@example.org", "coach")
    assert coach.exit_code == 0
    assert "Added coach cora@example.org." in coach.stdout
    assert [(u["email"], u["role"], u["career"]) for u in _users(run)] == [
        ("ana@example.org", "client", "ana@example.org"),
        ("cora@example.org", "coach", None),
    ]
    table = run("user", "list")
    assert table.exit_code == 0 and "cora@example.org" in table.stdout

    store = Store.open(store_target)
    try:
        assert sign_in(store, "ana@example.org", PASSWORD).actor is not None
        changed = run(
            "user", "passwd", "ana@example.org", "--password-stdin", input="new passphrase 2\n"
        )
        assert changed.exit_code == 0, changed.stderr
        assert sign_in(store, "ana@example.org", PASSWORD).actor is None
        assert sign_in(store, "ana@example.org", "new passphrase 2").actor is not None

        removed = run("user", "remove", "ana@example.org")
        assert removed.exit_code == 0, removed.stderr
        assert "career of theirs is kept" in removed.stdout
        assert [u["email"] for u in _users(run)] == ["cora@example.org"]
        with store.transaction() as session:
            assert session.profile_names() == ["ana@example.org"]
    finally:
        store.close()


def test_remove_can_delete_the_career(run: Invoke) -> None:
    assert _add(run, "ben@example.org", "client", "--career", "ben").exit_code == 0
    added = run("--profile", "ben", "add", "skill", "--name", "Triage")
    assert added.exit_code == 0, added.stderr
    listed = run("--profile", "ben", "list", "--json")
    assert [e["name"] for e in json.loads(listed.stdout)] == ["Triage"]
    result = run("user", "remove", "ben@example.org", "--delete-career")
    assert result.exit_code == 0, result.stderr
    listed = run("--profile", "ben", "list", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (("not-an-email", "--role", "client"), PASSWORD, "is not an email address"),
        (("ana@example.org", "--role", "boss"), PASSWORD, "is not a role"),
        (("ana@example.org", "--role", "client"), "short", "password is too short"),
        (("ana@example.org", "--role", "client"), "aaaaaaaaaa", "too easy to guess"),
        (("ana@example.org", "--role", "client"), "1234567890", "too easy to guess"),
        (("a@b..example.org", "--role", "client"), PASSWORD, "is not an email address"),
        (("ana@example.org", "--role", "coach", "--career", "x"), PASSWORD, "only a client"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    run: Invoke, args: tuple[str, ...], password: str, message: str
) -> None:
    result = run("user", "add", *args, "--password-stdin", input=password + "\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert _users(run) == []


def test_passwd_refuses_a_guessable_password_and_keeps_the_old_one(
    run: Invoke, store_target: str
) -> None:
    assert _add(run, "ana@example.org", "client").exit_code == 0
    weak = run("user", "passwd", "ana@example.org", "--password-stdin", input="aaaaaaaaaa\n")
    assert weak.exit_code == 2 and weak.stderr.count("\n") == 1
    assert "too easy to guess" in weak.stderr
    store = Store.open(store_target)
    try:
        assert sign_in(store, "ana@example.org", PASSWORD).actor is not None
    finally:
        store.close()


def test_duplicates_and_unknown_accounts_are_user_errors(run: Invoke) -> None:
    assert _add(run, "ana@example.org", "client").exit_code == 0
    again = _add(run, "ANA@example.org", "coach")
    assert again.exit_code == 2
    assert "already an account 'ana@example.org'" in again.stderr
    for result in (
        run("user", "remove", "nobody@example.org"),
        run("user", "passwd", "nobody@example.org", "--password-stdin", input=PASSWORD + "\n"),
    ):
        assert result.exit_code == 2
        assert "there is no account 'nobody@example.org'" in result.stderr
    assert [u["email"] for u in _users(run)] == ["ana@example.org"]


def test_without_a_terminal_the_password_must_come_from_stdin(run: Invoke) -> None:
    result = run("user", "add", "ana@example.org", "--role", "client")
    assert result.exit_code == 2
    assert "pass --password-stdin" in result.stderr
    assert _users(run) == []


def test_user_list_on_an_empty_store(run: Invoke) -> None:
    result = run("user", "list")
    assert result.exit_code == 0
    assert "No accounts yet" in result.stdout
    assert _users(run) == []
