"""`careerset person show|set` on a real store: set, clear, keep, and refuse bad values."""

import json

from .conftest import Invoke  # type: ignore[import-not-found]


def test_set_show_and_clear_details(run: Invoke) -> None:
    empty = run("person", "show", "--json")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == {}
    saved = run("person", "set", "--name", "Ana Díaz", "--label", "Registered nurse", "--city", "Austin")
    assert saved.exit_code == 0, saved.stderr
    # Options not given stay; an empty value clears one field (and an empty location).
    changed = run("person", "set", "--email", "ana@example.org", "--city", "", "--json")
    assert json.loads(changed.stdout) == {
        "name": "Ana Díaz",
        "label": "Registered nurse",
        "email": "ana@example.org",
    }
    shown = run("person", "show")
    assert "Name: Ana Díaz" in shown.stdout and "City" not in shown.stdout
    # The details reach the exports (JSON Resume basics).
    exported = json.loads(run("export", "--format", "jsonresume").stdout)
    assert exported["basics"]["name"] == "Ana Díaz"
    assert exported["basics"]["label"] == "Registered nurse"


def test_bad_details_are_one_line_and_change_nothing(run: Invoke) -> None:
    run("person", "set", "--name", "Ana")
    for args in (["person", "set"], ["person", "set", "--email", "x" * 400]):
        result = run(*args)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(run("person", "show", "--json").stdout) == {"name": "Ana"}
