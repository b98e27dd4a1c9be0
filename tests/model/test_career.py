"""The Career set: time order, employer groups, the union of skills, periods."""

from datetime import date

from careerset.model import Career, Job, Skill
from careerset.model.entries import Activity, Certification
from careerset.model.validation import build_entry

TODAY = date(2026, 11, 28)


def _career() -> Career:
    entries = [
        build_entry(
            "job",
            {
                "id": "b",
                "title": "Senior Analyst",
                "organization": "Acme",
                "start": "2019-01",
                "end": "present",
                "skills": ["SQL", "Python"],
            },
        ),
        build_entry(
            "job",
            {
                "id": "a",
                "title": "Analyst",
                "organization": "ACME ",
                "start": "2015-06",
                "end": "2018-12",
                "skills": ["sql"],
            },
        ),
        build_entry(
            "job",
            {"id": "c", "title": "Cashier", "organization": "Shop", "start": "2012", "end": "2014"},
        ),
        build_entry("job", {"id": "d", "title": "Undated"}),
        build_entry("skill", {"id": "s", "name": "Python", "evidence": ["x1"]}),
        build_entry(
            "activity",
            {"id": "act", "date": "2024-03-02", "activity_kind": "course", "skills": ["Spark"]},
        ),
        build_entry("certification", {"id": "cert", "name": "Cert", "date": "2016-05"}),
    ]
    return Career.of(entries)


def test_jobs_are_in_time_order_with_undated_last() -> None:
    assert [j.id for j in _career().jobs] == ["c", "a", "b", "d"]


def test_roles_at_one_employer_are_grouped_ignoring_case_and_spaces() -> None:
    groups = _career().employer_groups()
    assert [[j.id for j in g.jobs] for g in groups] == [["c"], ["a", "b"], ["d"]]


def test_skills_evidenced_is_the_union_over_entries() -> None:
    skills = _career().skills_evidenced()
    assert skills["sql"] == ["b", "a"]
    assert skills["python"] == ["b", "s", "x1"]
    assert skills["spark"] == ["act"]


def test_entries_in_a_period() -> None:
    found = {e.id for e in _career().in_period(date(2016, 1, 1), date(2016, 12, 31), TODAY)}
    assert found == {"a", "cert"}
    assert {e.id for e in _career().in_period(date(2026, 1, 1), date(2026, 2, 1), TODAY)} == {"b"}


def test_of_type_and_lookup() -> None:
    career = _career()
    assert len(career.of_type(Job)) == 4 and len(career.of_type(Skill)) == 1
    assert isinstance(career.get("act"), Activity) and isinstance(career.get("cert"), Certification)
    assert career.get("nope") is None


def test_tagged_subset() -> None:
    career = Career.of(
        [build_entry("job", {"title": "x", "tags": ["Data"]}), build_entry("job", {"title": "y"})]
    )
    assert [j.title for j in career.tagged(["data"]).jobs] == ["x"]
