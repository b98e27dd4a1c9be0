"""Merging an import into a stored career: matching, the diff, and re-imports that change nothing."""

from hypothesis import HealthCheck, given, settings
from tests.strategies import careers, examples

from careerset.interchange.merge import (
    describe_plan,
    match_key,
    normalise,
    plan_merge,
    plan_to_data,
)
from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Entry, Job, Skill
from careerset.model.enums import PayBasis
from careerset.model.person import Person

PROPERTY = settings(
    max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def apply(existing: Career, incoming: Career) -> Career:
    """What the CLI does with a plan, as a pure function."""
    plan = plan_merge(existing, incoming)
    by_id: dict[str, Entry] = {entry.id: entry for entry in existing.entries}
    for entry in plan.entries_to_write():
        by_id[entry.id] = entry
    return Career.of(by_id.values(), plan.person or existing.person)


def job(**fields: object) -> Job:
    base: dict[str, object] = {"title": "Analyst", "organization": "Acme", "start": "2019-03"}
    return Job.model_validate({**base, **fields})


def test_normalise_ignores_case_accents_punctuation_and_spacing() -> None:
    assert normalise("  Café  Société, Inc. ") == normalise("cafe societe inc")
    assert normalise(None) == ""
    assert normalise(PartialDate.parse("2019-03")) == "2019 03"


def test_match_key_uses_organization_title_and_start() -> None:
    assert match_key(job(id="a")) == match_key(job(id="b", organization="ACME", title=" analyst"))
    assert match_key(job()) != match_key(job(start="2019-04"))
    assert match_key(Skill(name="SQL")) == ("skill", "sql")


def test_a_match_by_key_keeps_the_stored_id_and_what_the_import_does_not_say() -> None:
    stored = job(id="mine", pay_amount=50_000, pay_basis=PayBasis.SALARY, tags=["cv"])
    incoming = job(id="li123", summary="New summary", end=PRESENT)
    plan = plan_merge(Career.of([stored]), Career.of([incoming]))
    (change,) = plan.changed
    merged = change.entry
    assert merged.id == "mine" and merged.tags == ["cv"]
    assert isinstance(merged, Job) and merged.pay_amount == 50_000
    assert (merged.summary, merged.end) == ("New summary", PRESENT)
    assert [c.field for c in change.changes] == ["end", "summary"]


def test_a_field_the_import_sets_to_none_is_cleared() -> None:
    stored = job(id="mine", summary="Old")
    incoming = Job.model_validate(
        {"title": "Analyst", "organization": "Acme", "start": "2019-03", "summary": None}
    )
    (change,) = plan_merge(Career.of([stored]), Career.of([incoming])).changed
    assert change.entry.model_dump()["summary"] is None


def test_extra_is_merged_key_by_key() -> None:
    stored = job(id="mine", extra={"kept": 1, "linkedin": {"a": "1"}})
    incoming = job(extra={"linkedin": {"a": "2"}})
    (change,) = plan_merge(Career.of([stored]), Career.of([incoming])).changed
    assert change.entry.extra == {"kept": 1, "linkedin": {"a": "2"}}


def test_each_stored_entry_matches_at_most_once() -> None:
    plan = plan_merge(Career.of([job(id="one")]), Career.of([job(id="x"), job(id="y")]))
    assert len(plan.unchanged) == 1 and [e.id for e in plan.added] == ["y"]


def test_an_id_taken_by_another_entry_is_not_overwritten() -> None:
    stored = Skill(id="s1", name="SQL")
    incoming = job(id="s1")
    plan = plan_merge(Career.of([stored]), Career.of([incoming]))
    (added,) = plan.added
    assert added.id == "s1-2" and not plan.changed


def test_replace_matched_takes_every_field_of_the_import() -> None:
    stored = job(id="mine", pay_amount=10)
    plan = plan_merge(Career.of([stored]), Career.of([job(id="mine")]), replace_matched=True)
    (change,) = plan.changed
    assert isinstance(change.entry, Job) and change.entry.pay_amount is None


def test_a_conflict_between_stored_and_imported_dates_takes_the_import_whole() -> None:
    stored = job(id="mine", start="2019-03", end="2019-05", notes="keep me")
    incoming = Job.model_validate({"title": "Analyst", "organization": "Acme", "start": "2019-03"})
    incoming = incoming.model_copy(update={"start": PartialDate.parse("2019-03")})
    plan = plan_merge(Career.of([stored]), Career.of([incoming]))
    assert not plan.added  # matched, and the merge never produced an invalid entry


def test_person_details_are_filled_and_shown() -> None:
    existing = Career.of([], Person(name="Ada", email="old@example.com"))
    incoming = Career.of([], Person(email="new@example.com"))
    plan = plan_merge(existing, incoming)
    assert plan.person == Person(name="Ada", email="new@example.com")
    assert [(c.field, c.old, c.new) for c in plan.person_changes] == [
        ("email", "old@example.com", "new@example.com")
    ]


def test_describe_plan_lists_added_changed_and_counts() -> None:
    stored = [job(id="mine", summary="Old"), Skill(id="s", name="SQL")]
    incoming = [job(summary="New"), Skill(name="SQL"), Skill(name="Python")]
    plan = plan_merge(Career.of(stored), Career.of(incoming))
    assert describe_plan(plan) == [
        "+ skill 'Python'",
        "~ job 'Analyst at Acme'",
        "    summary: Old → New",
        "1 added, 1 changed, 1 unchanged.",
    ]
    data = plan_to_data(plan)
    assert (data["added"], data["changed"], data["unchanged"]) == (1, 1, 1)
    assert data["changed_entries"][0]["changes"] == [
        {"field": "summary", "old": "Old", "new": "New"}
    ]


@PROPERTY
@given(careers())
def test_merging_a_career_into_itself_changes_nothing(career: Career) -> None:
    plan = plan_merge(career, career)
    assert plan.is_empty and len(plan.unchanged) == len(career.entries)


@PROPERTY
@given(careers(), careers())
def test_applying_a_plan_then_reimporting_changes_nothing(stored: Career, incoming: Career) -> None:
    merged = apply(stored, incoming)
    assert plan_merge(merged, incoming).is_empty
    assert len(merged.entries) == len(stored.entries) + len(plan_merge(stored, incoming).added)
