"""The verdict is stable: entry order, organization names and unrelated contacts do not move it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from careerset.analysis.verdict import Assessment, assess_career
from careerset.model.career import Career
from careerset.model.entries import Contact, Entry, Job
from strategies import examples  # type: ignore[import-not-found]

from .memory_reference import MemoryReference  # type: ignore[import-not-found]
from .verdict_cases import CASES, TODAY, Case  # type: ignore[import-not-found]

REFERENCE = MemoryReference()
cases = st.sampled_from(CASES)
names = (
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


def fingerprint(assessment: Assessment) -> dict[str, tuple[str, float, tuple[object, ...]]]:
    return {
        v.job.id: (v.verdict, v.score, tuple(c.score for c in v.components.values()))
        for v in assessment.verdicts
    }


def judged(
    entries: list[Entry] | tuple[Entry, ...],
) -> dict[str, tuple[str, float, tuple[object, ...]]]:
    return fingerprint(assess_career(Career.of(entries), TODAY, REFERENCE))


@settings(max_examples=examples(40), deadline=None)
@given(case=cases, data=st.data())
def test_reordering_entries_changes_nothing(case: Case, data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(case.entries))
    assert judged(shuffled) == judged(case.entries)


@settings(max_examples=examples(40), deadline=None)
@given(case=cases, data=st.data(), name=names)
def test_renaming_an_organization_changes_nothing(
    case: Case, data: st.DataObject, name: str
) -> None:
    jobs = [e for e in case.entries if isinstance(e, Job)]
    target = data.draw(st.sampled_from(jobs))
    renamed = [
        e.model_copy(update={"organization": name}) if e is target else e for e in case.entries
    ]
    assert judged(renamed) == judged(case.entries)


contacts = st.builds(
    Contact,
    name=names,
    relation=st.none() | st.sampled_from(["peer", "mentor", "recruiter"]),
    organization=st.none() | names,
    met=st.none() | st.sampled_from(["2001", "2015-03", "2024-11-02"]),
)


@settings(max_examples=examples(40), deadline=None)
@given(case=cases, extra=st.lists(contacts, max_size=5))
def test_adding_unrelated_contacts_changes_nothing(case: Case, extra: list[Contact]) -> None:
    assert judged([*case.entries, *extra]) == judged(case.entries)
