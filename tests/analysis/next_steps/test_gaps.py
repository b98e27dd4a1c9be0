"""Gap analysis: ranked by importance x shortfall, every gap traced to the entries behind it."""

from dataclasses import asdict
from datetime import date

import pytest

from careerset.analysis.gaps import LARGE_GAP, check_target, compute_gaps
from careerset.errors import UserError
from careerset.facts.profile import EscoOccupation, EscoSkillLink, FeatureUnavailable
from careerset.model.career import Career
from careerset.model.entries import Job, Skill
from careerset.reference.query import ReferencePack

TODAY = date(2026, 11, 1)


def _analyst(code: str = "15-0001.00") -> Career:
    return Career.of(
        [
            Job(id="j1", title="Analyst", start="2019", end="present", occupation_code=code),
            Skill(id="sql", name="SQL", proficiency=4),
            Skill(id="py", name="Python", proficiency=2),
        ]
    )


def test_gaps_rank_by_importance_times_shortfall(tiny) -> None:
    report = compute_gaps(_analyst(), tiny, "15-0003.00", TODAY)
    top = report.ranked()[0]
    assert (top.domain, top.name) == ("skills", "Programming")
    assert top.importance == 5.0 and top.level == 5.0
    # SQL at proficiency 4 (level 4.75) counts 60% toward Programming: 2.85 beats the job's 2.5.
    assert top.evidenced_level == pytest.approx(2.85)
    assert top.score == pytest.approx(5.0 * (5.0 - 2.85))
    scores = [g.score for g in report.ranked()]
    assert scores == sorted(scores, reverse=True)


def test_each_gap_names_its_partial_evidence(tiny) -> None:
    report = compute_gaps(_analyst(), tiny, "15-0003.00", TODAY)
    programming = next(g for g in report.skills if g.name == "Programming")
    sources = {(link.source, link.entry_ids) for link in programming.evidence}
    assert ("skill", ("sql",)) in sources
    assert ("skill", ("py",)) in sources
    assert ("occupation", ("j1",)) in sources
    assert programming.evidence[0].level == programming.evidenced_level


def test_a_tool_the_person_names_is_not_a_technology_gap(tiny) -> None:
    report = compute_gaps(_analyst(), tiny, "15-0003.00", TODAY)
    tools = {g.name: g for g in report.technology}
    assert "Structured query language SQL" not in tools
    assert "Python" not in tools  # named as a skill, even at proficiency 2
    assert "Git" in tools
    without = compute_gaps(
        Career.of(
            [Job(id="j", title="A", start="2019", end="present", occupation_code="15-0001.00")]
        ),
        tiny,
        "15-0003.00",
        TODAY,
    )
    assert "Python" in {g.name for g in without.technology}
    scores = [g.score for g in without.technology]
    assert scores == sorted(scores, reverse=True)


def test_strengths_are_what_transfers(tiny) -> None:
    report = compute_gaps(_analyst(), tiny, "15-0002.00", TODAY)
    assert "Mathematics" in {g.name for g in report.strengths}


def test_the_same_occupation_has_no_gaps(tiny) -> None:
    career = Career.of(
        [Job(id="p", title="Dev", start="2018", end="present", occupation_code="15-0003.00")]
    )
    report = compute_gaps(career, tiny, "15-0003.00", TODAY)
    assert report.ranked() == [] and report.large() == []


def test_esco_essential_skills_are_checked_against_stated_skills(tiny) -> None:
    esco = EscoOccupation(
        "http://data.europa.eu/esco/occupation/x",
        "programmer",
        "2512",
        None,
        (),
        (
            EscoSkillLink("u1", "SQL", "essential", None),
            EscoSkillLink("u2", "use software design patterns", "essential", None),
        ),
        (),
    )
    report = compute_gaps(_analyst(), tiny, "15-0003.00", TODAY, esco)
    assert [g.name for g in report.esco] == ["use software design patterns", "SQL"]
    assert report.esco[1].shortfall == 0.0


def test_no_coded_jobs_gives_a_result_with_what_is_missing(tiny) -> None:
    report = compute_gaps(Career.of([Job(title="Clerk")]), tiny, "15-0003.00", TODAY)
    assert report.ranked()[0].name == "Programming"
    assert any("occupation code" in note for note in report.missing)


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("http://data.europa.eu/esco/occupation/abc", "ESCO"),
        ("2512", "ISCO"),
        ("99-9999.00", "no occupation"),
    ],
)
def test_targets_outside_onet_are_one_sentence_errors(tiny, target: str, words: str) -> None:
    with pytest.raises(UserError, match=words):
        check_target(tiny, target)


def test_without_skills_data_the_error_names_the_install_action(make_tiny) -> None:
    with pytest.raises(FeatureUnavailable, match="full reference data") as raised:
        compute_gaps(_analyst(), make_tiny(features=()), "15-0003.00", TODAY)
    assert raised.value.action is not None and raised.value.action.kind == "install_data"


# -- against the real reference pack ---------------------------------------------------------


@pytest.mark.shared_data
def test_data_analyst_to_computer_programmer(pack: ReferencePack, analyst_career: Career) -> None:
    report = compute_gaps(analyst_career, pack, "15-1251.00", TODAY)
    top3 = report.ranked()[:3]
    assert "Programming" in [g.name for g in top3]
    programming = next(g for g in top3 if g.name == "Programming")
    evidence_ids = {i for link in programming.evidence for i in link.entry_ids}
    assert {"sql", "job1", "job2"} <= evidence_ids
    assert 0 < programming.evidenced_level < programming.level
    strengths = {g.name for g in report.strengths}
    assert {"Mathematics", "Critical Thinking"} <= strengths
    data = asdict(report)  # every number traceable: importance, level, evidence ids
    first = data["skills"][0]
    assert {"importance", "level", "evidenced_level", "evidence"} <= set(first)


@pytest.mark.shared_data
def test_a_career_in_the_target_has_no_large_gaps(pack: ReferencePack) -> None:
    career = Career.of(
        [Job(id="p", title="Programmer", start="2019", end="present", occupation_code="15-1251.00")]
    )
    report = compute_gaps(career, pack, "15-1251.00", TODAY)
    assert report.large() == []
    assert all(g.score < LARGE_GAP for g in report.ranked())
