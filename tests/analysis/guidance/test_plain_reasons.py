"""Every sentence shown by assess, gaps, paths and plan is plain: no "r =", tiers or bare scores."""

import pytest

from careerset.analysis.evidence import held_years
from careerset.analysis.gaps import compute_gaps
from careerset.analysis.paths import find_paths
from careerset.analysis.plan import build_plan
from careerset.analysis.verdict import assess_career
from careerset.model.career import Career
from careerset.model.entries import InterestProfile
from careerset.reference.query import ReferencePack

from .careers import NURSE_PRACTITIONER, TODAY, nurse
from .plain import problems


@pytest.mark.parametrize(
    ("sentence", "bad"),
    [
        ("Your interests fit (SAI; r = 0.857).", True),
        ("On the path to X: related (Primary-Short) (0.80).", True),
        ("Near your goal (0.42).", True),
        ("Professional certification: very important (4.8 of 5).", False),
        ("Build Programming: about 81.2 hours.", False),
        ("The typical pay is about 36% more.", False),
    ],
)
def test_the_check_itself_catches_coefficients_tiers_and_bare_scores(
    sentence: str, bad: bool
) -> None:
    assert bool(problems(sentence)) is bad


def _career() -> Career:
    profile = InterestProfile(
        realistic=10, investigative=30, artistic=14, social=36, enterprising=16, conventional=18
    )
    return Career.of([*nurse().entries, profile])


def _sentences(pack: ReferencePack) -> list[str]:
    career = _career()
    shown: list[str] = []
    for verdict in assess_career(career, TODAY, pack).verdicts:
        shown += verdict.reasons
        shown += [c.reason for c in verdict.components.values()]
    for with_msc in (True, False):
        gaps = compute_gaps(nurse(with_msc), pack, NURSE_PRACTITIONER, TODAY)
        shown += gaps.sentences(20)
        shown += build_plan(gaps, None, 12, TODAY).sentences()
    held = held_years(career, TODAY)
    for start in ("29-1141.04", "29-1141.03", "41-2031.00"):
        shown += find_paths(pack, start, NURSE_PRACTITIONER, held_years=held).sentences()
    return shown


def test_nothing_assess_gaps_paths_or_plan_shows_is_a_bare_number(pack: ReferencePack) -> None:
    shown = _sentences(pack)
    assert len(shown) > 40
    bad = {sentence: problems(sentence) for sentence in shown if problems(sentence)}
    assert bad == {}
