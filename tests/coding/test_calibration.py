"""The calibration pieces: the logistic fit recovers a known relation, and the reliability
table and its error are computed from real bins."""

import numpy as np

from careerset.coding.calibration import (
    HIGHEST,
    KNOTS,
    LOWEST,
    apply_isotonic,
    fit_isotonic,
    fit_logistic,
    held_out_folds,
    reliability,
)
from careerset.coding.records import CodingSource, TitleRecord


def test_the_logistic_fit_recovers_known_coefficients() -> None:
    rng = np.random.default_rng(3)
    features = rng.normal(size=(20_000, 2))
    truth = np.array([-0.5, 1.5, -2.0])
    chance = 1.0 / (1.0 + np.exp(-(truth[0] + features @ truth[1:])))
    outcome = (rng.random(len(chance)) < chance).astype(np.float64)
    fitted = fit_logistic(features, outcome)
    assert np.allclose(fitted, truth, atol=0.1), fitted


def test_reliability_of_a_calibrated_and_an_overconfident_coder() -> None:
    rng = np.random.default_rng(5)
    confidence = rng.random(50_000)
    honest = rng.random(len(confidence)) < confidence
    rows, error = reliability(confidence, honest)
    assert len(rows) == 10 and sum(row[3] for row in rows) == len(confidence)
    assert error < 0.01
    boastful = rng.random(len(confidence)) < confidence / 2
    _, worse = reliability(confidence, boastful)
    assert 0.2 < worse < 0.3  # mean confidence 0.5, mean accuracy 0.25


def test_the_isotonic_fit_is_monotone_and_recovers_a_known_curve() -> None:
    rng = np.random.default_rng(11)
    score = rng.random(30_000) * 3.0
    chance = np.clip(score / 3.0, 0.0, 1.0)
    outcome = (rng.random(len(score)) < chance).astype(np.float64)
    knots = fit_isotonic(score, outcome, knots=20)
    assert 2 <= len(knots) <= 21
    chances = [chance for _, chance in knots]
    assert chances == sorted(chances)
    fitted = apply_isotonic(np.asarray([0.3, 1.5, 2.7]), tuple(knots))
    assert np.allclose(fitted, [0.1, 0.5, 0.9], atol=0.06), fitted
    # Flat beyond the ends, never outside [0, 1].
    ends = apply_isotonic(np.asarray([-5.0, 50.0]), tuple(knots))
    assert ends[0] == knots[0][1] and ends[1] == knots[-1][1]


def test_shipped_knots_are_a_non_decreasing_map_within_bounds() -> None:
    gaps = [gap for gap, _ in KNOTS]
    chances = [chance for _, chance in KNOTS]
    assert gaps == sorted(gaps) and chances == sorted(chances)
    assert chances[0] >= LOWEST and chances[-1] <= HIGHEST


def test_held_out_folds_are_disjoint_and_leave_the_index() -> None:
    records = [TitleRecord("11-1011.00", "Chief Executives", "title")]
    titles = {"11-1011.00": "Chief Executives", "15-1252.00": "Software Developers"}
    records.append(TitleRecord("15-1252.00", "Software Developers", "title"))
    for number in range(40):
        word = "q" + chr(97 + number % 26) + chr(97 + number // 26)  # distinct once normalised
        records.append(TitleRecord("11-1011.00", f"{word} director", "alternate"))
        records.append(TitleRecord("15-1252.00", f"{word} coder", "alternate"))
    records.append(TitleRecord("15-1252.00", "Programmer", "bls"))
    records.append(TitleRecord("15-1252.00", "Programmer", "alternate"))
    source = CodingSource("onet", titles, records)
    folds = held_out_folds(source, folds=2, alternates=10, bls=1, seed=3)
    assert len(folds) == 2
    held_texts = [set(held) for _, held, _ in folds]
    assert not held_texts[0] & held_texts[1]
    for kept, held, kinds in folds:
        assert len(held) == 10 + (1 if "Programmer" in held else 0)
        kept_texts = {(record.source, record.text) for record in kept.records}
        for text, codes in held.items():
            assert codes <= {code[:7] for code in titles}
            assert (kinds[text], text) not in kept_texts
            if kinds[text] == "bls":
                # A held BLS title leaves every naming source, not only the BLS list.
                assert ("alternate", text) not in kept_texts
