"""`skill_importance_means`: one SQL pass that gives the per-element means of the skill matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerset.facts.protocol import Reference
from careerset.reference.builder import build_pack
from careerset.reference.query import open_reference
from careerset.reference.sources import resolve_inputs

from .helpers import ONET_FIXTURE  # type: ignore[import-not-found]


def matrix_means(reference: Reference, domain: str) -> dict[str, float]:
    """The means as the analyses first computed them: the whole matrix, averaged in Python."""
    totals: dict[str, list[float]] = {}
    for ratings in reference.skill_importance_matrix(domain).values():
        for element, value in ratings.items():
            totals.setdefault(element, []).append(value)
    return {element: sum(values) / len(values) for element, values in totals.items()}


def same_means(found: dict[str, float], expected: dict[str, float]) -> None:
    assert found.keys() == expected.keys()
    # Summed in the same order; an SQLite or Python with compensated float sums may differ
    # in the last bit only.
    assert found == pytest.approx(expected, rel=1e-12, abs=0)


def test_the_means_of_the_embedded_core_are_the_matrix_means(home: Path) -> None:
    reference = open_reference()
    for domain in ("skills", "knowledge"):
        means = reference.skill_importance_means(domain)
        assert len(means) > 30
        same_means(means, matrix_means(reference, domain))


def test_the_means_of_a_pack_are_the_matrix_means(tmp_path: Path) -> None:
    result = build_pack(resolve_inputs(ONET_FIXTURE), tmp_path / "pack" / "reference.sqlite")
    reference = open_reference(result.path)
    try:
        for domain in ("skills", "transferable_skills"):
            means = reference.skill_importance_means(domain)
            assert means
            same_means(means, matrix_means(reference, domain))
    finally:
        reference.close()
