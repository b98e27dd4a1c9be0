"""The person's own languages and field of study count as evidence, matched to O*NET names."""

from careerset.analysis.gaps import compute_gaps
from careerset.model.career import Career
from careerset.model.entries import Job
from careerset.model.person import Language, Person
from careerset.reference.query import ReferencePack

from .careers import NURSE_PRACTITIONER, TODAY, nurse

INTERPRETERS = "27-3091.00"


def _clerk(*languages: Language) -> Career:
    job = Job(id="j", title="Clerk", start="2020", end="present", occupation_code="43-4171.00")
    return Career.of([job], Person(languages=list(languages)))


def test_a_language_spoken_fluently_closes_the_foreign_language_gap(pack: ReferencePack) -> None:
    without = compute_gaps(_clerk(), pack, INTERPRETERS, TODAY)
    assert "Foreign Language" in {g.name for g in without.ranked()}
    fluent = compute_gaps(
        _clerk(Language(language="Spanish", fluency="Fluent")), pack, INTERPRETERS, TODAY
    )
    assert "Foreign Language" not in {g.name for g in fluent.ranked()}
    strength = next(g for g in fluent.strengths if g.name == "Foreign Language")
    assert strength.evidence[0].source == "language" and strength.evidence[0].label == "Spanish"


def test_a_degree_in_the_targets_field_evidences_its_core_knowledge(pack: ReferencePack) -> None:
    report = compute_gaps(nurse(), pack, NURSE_PRACTITIONER, TODAY)
    medicine = next(g for g in report.strengths if g.name == "Medicine and Dentistry")
    assert any(link.entry_ids == ("msc",) for link in medicine.evidence)
