"""Queries over Education, Training, and Experience: one occupation's, or every occupation's."""

from __future__ import annotations

from careerset.facts.profile import Requirements
from careerset.reference.connection import ReferenceBase

# O*NET element ids of the Education, Training, and Experience file.
EDUCATION = "2.D.1"  # Required Level of Education (RL)
CERTIFICATION = "2.D.4.a"  # Job-Related Professional Certification (IM)
EXPERIENCE = "3.A.1"  # Related Work Experience (RW)
SITE_TRAINING = "3.A.2"  # On-Site or In-Plant Training (PT)
JOB_TRAINING = "3.A.3"  # On-the-Job Training (OJ)
APPRENTICESHIP = "3.A.4.a"  # Job-related Apprenticeship (IM)

_DISTRIBUTIONS = {
    ("RL", EDUCATION): "education",
    ("RW", EXPERIENCE): "experience",
    ("PT", SITE_TRAINING): "site_training",
    ("OJ", JOB_TRAINING): "job_training",
}


def _assemble(code: str, rows: list[tuple[str, str, int, float]]) -> Requirements:
    parts: dict[str, dict[int, float]] = {name: {} for name in _DISTRIBUTIONS.values()}
    importance: dict[str, float] = {}
    for element_id, scale, category, value in rows:
        name = _DISTRIBUTIONS.get((scale, element_id))
        if name is not None:
            parts[name][int(category)] = float(value)
        elif scale == "IM":
            importance[element_id] = float(value)
    return Requirements(
        code=code,
        certification=importance.get(CERTIFICATION),
        apprenticeship=importance.get(APPRENTICESHIP),
        **parts,
    )


class RequirementQueries(ReferenceBase):
    """Education, training, experience and certification needs (feature `requirements`)."""

    def requirements(self, code: str) -> Requirements | None:
        """One occupation's requirements, or None when O*NET has none for it."""
        if not self.has("requirements"):
            return None
        rows = self._db.execute(
            "SELECT element_id, scale, category, value FROM requirement WHERE code = ?", (code,)
        ).fetchall()
        return _assemble(code, rows) if rows else None

    def requirements_all(self) -> dict[str, Requirements]:
        """Requirements per code, for every occupation that has them (empty without the data)."""
        if not self.has("requirements"):
            return {}
        grouped: dict[str, list[tuple[str, str, int, float]]] = {}
        for code, *row in self._db.execute(
            "SELECT code, element_id, scale, category, value FROM requirement"
        ):
            grouped.setdefault(code, []).append(tuple(row))
        return {code: _assemble(code, rows) for code, rows in grouped.items()}
