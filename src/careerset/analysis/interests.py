"""The interest profiler and person-occupation congruence: RIASEC scoring, Holland codes, fit.

Everything here is pure except `profiler_items`, which reads the item list bundled with the
package (never a user file).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from careerset.model.entries import InterestProfile
from careerset.model.enums import InterestScale

LETTERS = ("R", "I", "A", "S", "E", "C")
TYPE_NAMES = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
FIELDS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
ANSWER_LABELS = ("Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like")
MAX_ANSWER = len(ANSWER_LABELS) - 1
RAW_MAX = 40.0  # ten Short Form items per type, each 0-4
ONET_MIN, ONET_MAX = 1.0, 7.0


@dataclass(frozen=True)
class ProfilerItem:
    """One profiler statement ("Build kitchen cabinets") and the RIASEC letter it scores."""

    number: int
    letter: str
    text: str


@cache
def profiler_items() -> tuple[ProfilerItem, ...]:
    """The 60 items of the O*NET Interest Profiler Short Form, in the order they are asked."""
    text = files("careerset.analysis") / "riasec" / "onet_interest_profiler_short_form_60.csv"
    rows = csv.DictReader(io.StringIO(text.read_text(encoding="utf-8")))
    items = [ProfilerItem(int(r["index"]), r["riasec_code"], r["text"]) for r in rows]
    return tuple(sorted(items, key=lambda item: item.number))


@dataclass(frozen=True)
class RiasecScores:
    """Six RIASEC scores on one scale: raw profiler sums (0-40) or O*NET's OI scale (1-7)."""

    realistic: float
    investigative: float
    artistic: float
    social: float
    enterprising: float
    conventional: float
    scale: InterestScale = InterestScale.RAW

    @classmethod
    def from_values(cls, values: Sequence[float], scale: InterestScale) -> RiasecScores:
        return cls(*values, scale=scale)  # type: ignore[arg-type, misc]

    @classmethod
    def of_profile(cls, profile: InterestProfile) -> RiasecScores:
        return cls.from_values([float(getattr(profile, f)) for f in FIELDS], profile.scale)

    def values(self) -> tuple[float, ...]:
        """The scores in R-I-A-S-E-C order."""
        return tuple(float(getattr(self, name)) for name in FIELDS)

    def by_letter(self) -> dict[str, float]:
        return dict(zip(LETTERS, self.values(), strict=True))

    def to_onet(self) -> RiasecScores:
        """The same profile on O*NET's 1-7 occupational-interest scale (see `raw_to_onet`)."""
        if self.scale == InterestScale.ONET:
            return self
        return RiasecScores.from_values([raw_to_onet(v) for v in self.values()], InterestScale.ONET)

    def holland_code(self) -> str:
        """The person's Holland code (see `holland_code`)."""
        return holland_code(self.values())

    @property
    def is_flat(self) -> bool:
        """All six scores equal (e.g. all zero): the profile tells nothing about preferences."""
        return max(self.values()) - min(self.values()) < 1e-9


def raw_to_onet(raw: float) -> float:
    """Map a raw Short Form score (0-40) linearly onto O*NET's occupational-interest scale (1-7).

    O*NET reports a person's raw sums and an occupation's OI means on different scales and
    publishes no conversion; the linear map keeps both end points (0 = strongly dislike every
    item -> 1, 40 = strongly like every item -> 7): onet = 1 + 6 * raw / 40. Correlation-based
    congruence is unaffected by it (Pearson's r is invariant to linear rescaling); it only makes
    the two profiles comparable side by side.
    """
    clamped = min(max(raw, 0.0), RAW_MAX)
    return ONET_MIN + (ONET_MAX - ONET_MIN) * clamped / RAW_MAX


def onet_to_raw(value: float) -> float:
    """The inverse of `raw_to_onet`."""
    clamped = min(max(value, ONET_MIN), ONET_MAX)
    return (clamped - ONET_MIN) * RAW_MAX / (ONET_MAX - ONET_MIN)


def holland_code(values: Sequence[float], length: int = 3) -> str:
    """The letters of the highest scores, highest first; ties keep R-I-A-S-E-C order.

    Letters at the profile's minimum are left out, so a flat profile (all zeros) has the
    empty code rather than an arbitrary "RIA".
    """
    low = min(values)
    ranked = sorted(range(6), key=lambda i: (-values[i], i))
    return "".join(LETTERS[i] for i in ranked[:length] if values[i] > low + 1e-9)


@dataclass(frozen=True)
class ProfilerResult:
    """Scores from (possibly partial) profiler answers."""

    scores: RiasecScores
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def score_answers(
    answers: Sequence[int | None], items: Sequence[ProfilerItem] | None = None
) -> ProfilerResult:
    """Raw scores 0-40: the sum of the 0-4 answers to each type's ten items.

    `answers[i]` answers `items[i]`; None (or a missing tail) means not answered yet and
    counts nothing, so a resumed profiler can show running scores.
    """
    items = profiler_items() if items is None else items
    if len(answers) > len(items):
        raise ValueError(f"{len(answers)} answers for {len(items)} items")
    sums = dict.fromkeys(LETTERS, 0.0)
    answered = 0
    for item, answer in zip(items, answers, strict=False):
        if answer is None:
            continue
        if not 0 <= answer <= MAX_ANSWER:
            raise ValueError(f"answer {answer} is outside 0-{MAX_ANSWER}")
        sums[item.letter] += answer
        answered += 1
    scores = RiasecScores.from_values([sums[letter] for letter in LETTERS], InterestScale.RAW)
    return ProfilerResult(scores, answered, len(items))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when either side has no variance (correlation is undefined)."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx, syy = sum(d * d for d in dx), sum(d * d for d in dy)
    if sxx < 1e-12 or syy < 1e-12:
        return None
    return sum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)


# Iachan's M index (Iachan 1984): points for a letter at person position i matching the
# occupation's letter at position j, for three-letter codes; the maximum is 22 + 5 + 1 = 28.
_IACHAN_POINTS = ((22, 10, 4), (10, 5, 2), (4, 2, 1))


def iachan_m(person_code: str, occupation_code: str) -> float | None:
    """Holland-code agreement in [0, 1]: Iachan's M index divided by its attainable maximum.

    Reference: Iachan, R. (1984). A measure of agreement for use with the Holland
    classification system. Journal of Vocational Behavior, 24(2), 133-141. O*NET gives some
    occupations fewer than three high-point letters, so the maximum is the one attainable
    with the shorter code (22 for one letter, 27 for two, 28 for three). None if either
    code is empty.
    """
    person, occupation = person_code[:3], occupation_code[:3]
    if not person or not occupation:
        return None
    points = sum(
        _IACHAN_POINTS[i][j]
        for i, letter in enumerate(person)
        for j, other in enumerate(occupation)
        if letter == other
    )
    shortest = min(len(person), len(occupation))
    attainable = sum(_IACHAN_POINTS[k][k] for k in range(shortest))
    return min(1.0, points / attainable)


@dataclass(frozen=True)
class Congruence:
    """How well a person's interests fit an occupation's, with the numbers behind it."""

    correlation: float | None
    agreement: float | None
    person_code: str
    occupation_code: str
    score: float | None


def congruence(
    person: RiasecScores,
    occupation: Sequence[float],
    occupation_code: str,
    correlation_weight: float = 0.7,
) -> Congruence:
    """Blend the profile correlation (negative r counts as no fit) with Iachan's M agreement.

    Correlation uses all six scores (Rounds, Tracey & Hubert's profile-similarity view) while
    the M index rewards agreement at the top of the code, where Holland theory puts the weight;
    `occupation` is the occupation's OI scores (1-7) in R-I-A-S-E-C order.
    """
    person_values = person.to_onet().values()
    code = person.holland_code()
    r = pearson(person_values, occupation)
    m = iachan_m(code, occupation_code)
    if r is None or person.is_flat:
        return Congruence(r, m, code, occupation_code, None)
    fit = max(0.0, r)
    score = fit if m is None else correlation_weight * fit + (1 - correlation_weight) * m
    return Congruence(r, m, code, occupation_code, round(min(1.0, max(0.0, score)), 3))


# What each interest type means, in the spirit of O*NET's My Next Move (our own words).
TYPE_MEANINGS = {
    "Realistic": "Realistic people like practical, hands-on work with tools, machines, "
    "plants or animals, often outdoors.",
    "Investigative": "Investigative people like working with ideas: observing, researching "
    "and solving problems by thinking them through.",
    "Artistic": "Artistic people like creating: working with forms, designs and patterns, "
    "and expressing themselves without a fixed set of rules.",
    "Social": "Social people like working with others to help, teach, care for or serve them.",
    "Enterprising": "Enterprising people like starting and carrying out projects: leading "
    "people, persuading and making decisions, often in business.",
    "Conventional": "Conventional people like following set procedures and routines, "
    "working with data and details more than with ideas.",
}


def interest_sentences(scores: RiasecScores) -> list[str]:
    """Every type explained, then the person's three strongest named (My Next Move style)."""
    values = dict(zip(TYPE_NAMES, scores.values(), strict=True))
    top = sorted(TYPE_NAMES, key=lambda name: (-values[name], TYPE_NAMES.index(name)))[:3]
    lines = [TYPE_MEANINGS[name] for name in TYPE_NAMES]
    lines.append(
        f"Your strongest interests are {top[0]}, then {top[1]} and {top[2]}: look first at "
        "work that combines them."
    )
    return lines
