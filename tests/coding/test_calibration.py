"""The calibration pieces: the logistic fit recovers a known relation, and the reliability
table and its error are computed from real bins."""

import numpy as np

from careerset.coding.calibration import (
    COEFFICIENTS,
    HIGHEST,
    LOWEST,
    apply_logistic,
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


def test_the_shipped_calibration_rises_with_the_evidence_and_stays_within_bounds() -> None:
    # Rows: (log-odds of the best group's mass, score gap, title is a known naming text).
    gaps = np.column_stack([np.zeros(50), np.linspace(0.0, 5.0, 50), np.zeros(50)])
    by_gap = apply_logistic(gaps)
    masses = np.column_stack([np.linspace(-8.0, 8.0, 50), np.ones(50), np.zeros(50)])
    by_mass = apply_logistic(masses)
    for chances in (by_gap, by_mass):
        assert np.all(np.diff(chances) >= 0.0) and chances[-1] > chances[0]
    extremes = apply_logistic(np.asarray([[-50.0, 0.0, 1.0], [50.0, 5.0, 0.0]]))
    assert extremes[0] == LOWEST and extremes[1] == HIGHEST
    assert len(COEFFICIENTS) == 4


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
