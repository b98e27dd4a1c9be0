"""The calibration pieces: the logistic fit recovers a known relation, and the reliability
table and its error are computed from real bins."""

import numpy as np

from careerset.coding.calibration import fit_logistic, reliability


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
