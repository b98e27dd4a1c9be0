"""The repository on a real database: add, read, update, remove, profiles, atomic transactions."""

import pytest

from careerset.errors import UserError
from careerset.model import Career, Job, Person
from careerset.model.validation import build_entry
from careerset.store.repository import Store


def _job(**fields: object) -> Job:
    entry = build_entry("job", {"title": "Registered Nurse", **fields})
    assert isinstance(entry, Job)
    return entry


def test_add_then_read_back_every_field(store: Store) -> None:
    job = _job(
        organization="St. Mary",
        start="2019-03",
        end="present",
        pay_amount=78000,
        pay_basis="salary",
        pay_currency="USD",
        highlights=["Ünïcødé ✓", "العربية"],
        tags=["clinical"],
    )
    with store.transaction() as session:
        stored = session.add_entry("ana", job)
    with store.transaction() as session:
        loaded = session.get_entry("ana", job.id)
    assert loaded == stored
    assert loaded.created is not None and loaded.updated is not None
    assert loaded.model_dump(exclude={"created", "updated"}) == job.model_dump(
        exclude={"created", "updated"}
    )


def test_profiles_are_separate(store: Store) -> None:
    with store.transaction() as session:
        session.add_entry("ana", _job(id="j1"))
        session.add_entry("ben", _job(id="j1", title="Cashier"))
    with store.transaction() as session:
        assert session.profile_names() == ["ana", "ben"]
        assert [e.label for e in session.list_entries("ben")] == ["Cashier"]
        with pytest.raises(UserError, match="there is no entry 'j1' in profile 'cleo'"):
            session.get_entry("cleo", "j1")


def test_duplicate_id_is_refused(store: Store) -> None:
    with store.transaction() as session:
        session.add_entry("ana", _job(id="j1"))
    with (
        pytest.raises(UserError, match="already has an entry 'j1'"),
        store.transaction() as session,
    ):
        session.add_entry("ana", _job(id="j1"))


def test_a_failed_transaction_leaves_nothing_behind(store: Store) -> None:
    with store.transaction() as session:
        session.add_entry("ana", _job(id="keep"))
    with pytest.raises(UserError), store.transaction() as session:
        session.add_entry("ana", _job(id="new"))
        session.remove_entry("ana", "keep")
        session.get_entry("ana", "missing")
    with store.transaction() as session:
        assert [e.id for e in session.list_entries("ana")] == ["keep"]


def test_update_keeps_created_and_moves_updated(store: Store) -> None:
    with store.transaction() as session:
        first = session.add_entry("ana", _job(id="j1"))
    with store.transaction() as session:
        changed = session.update_entry("ana", first.model_copy(update={"title": "Charge Nurse"}))
    assert changed.created == first.created
    assert (
        changed.updated is not None
        and first.updated is not None
        and changed.updated >= first.updated
    )
    with store.transaction() as session:
        assert session.get_entry("ana", "j1").label == "Charge Nurse"


def test_list_by_kind_and_remove(store: Store) -> None:
    with store.transaction() as session:
        session.add_entry("ana", _job(id="j1"))
        session.add_entry("ana", build_entry("skill", {"id": "s1", "name": "Triage"}))
    with store.transaction() as session:
        assert [e.id for e in session.list_entries("ana", "skill")] == ["s1"]
        session.remove_entry("ana", "j1")
    with store.transaction() as session:
        assert [e.id for e in session.list_entries("ana")] == ["s1"]


def test_replace_career_and_person(store: Store) -> None:
    career = Career.of([_job(id="a"), _job(id="b")], Person(name="Ana Núñez"))
    with store.transaction() as session:
        session.add_entry("ana", _job(id="old"))
        session.replace_career("ana", career)
    with store.transaction() as session:
        loaded = session.load_career("ana")
    assert sorted(e.id for e in loaded) == ["a", "b"]
    assert loaded.person.name == "Ana Núñez"


def test_delete_profile_removes_its_entries(store: Store) -> None:
    with store.transaction() as session:
        session.add_entry("ana", _job(id="a"))
        session.delete_profile("ana")
    with store.transaction() as session:
        assert session.profile_names() == [] and session.list_entries("ana") == []


def test_bad_profile_name(store: Store) -> None:
    with (
        pytest.raises(UserError, match="not a usable profile name"),
        store.transaction() as session,
    ):
        session.ensure_profile("x" * 101)
