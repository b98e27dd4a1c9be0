"""ESCO queries: occupations with their essential/optional skills, skill search and hierarchy.

A mixin of `ReferencePack`; every method needs the ESCO part of the pack.
"""

from __future__ import annotations

from careerset.errors import UserError
from careerset.facts.profile import EscoOccupation, EscoSkill, EscoSkillLink, SkillGroup
from careerset.next_action import NextAction
from careerset.reference.connection import ReferenceBase
from careerset.reference.search import tokens

ESCO_PREFIX = "http://data.europa.eu/esco/"


def _split(labels: str | None) -> tuple[str, ...]:
    return tuple(label for label in (labels or "").split("\n") if label)


def _skill(row: tuple[str, str, str | None, str | None, str | None, str | None]) -> EscoSkill:
    uri, label, skill_type, reuse_level, description, alt_labels = row
    return EscoSkill(uri, label, skill_type, reuse_level, description, _split(alt_labels))


class EscoQueries(ReferenceBase):
    """ESCO part of the query API."""

    def esco_occupation(self, uri: str) -> EscoOccupation:
        """An ESCO occupation by URI, with essential and optional skills sorted by label."""
        self.require("esco")
        row = self._db.execute(
            "SELECT uri, label, isco_group, description, alt_labels FROM esco_occupation"
            " WHERE uri = ?",
            (uri.strip(),),
        ).fetchone()
        if row is None:
            raise UserError(
                f"There is no ESCO occupation {uri!r}; pass a URI like "
                f"{ESCO_PREFIX}occupation/<id> from the ESCO classification."
            )
        links = self._db.execute(
            "SELECT s.uri, s.label, l.relation, coalesce(l.skill_type, s.skill_type)"
            " FROM esco_occupation_skill l JOIN esco_skill s ON s.uri = l.skill_uri"
            " WHERE l.occupation_uri = ? ORDER BY s.label",
            (row[0],),
        ).fetchall()
        skills = [EscoSkillLink(*link) for link in links]
        return EscoOccupation(
            uri=row[0],
            label=row[1],
            isco_group=row[2],
            description=row[3],
            alternative_labels=_split(row[4]),
            essential_skills=tuple(s for s in skills if s.relation == "essential"),
            optional_skills=tuple(s for s in skills if s.relation != "essential"),
        )

    def esco_occupation_search(self, query: str, limit: int = 10) -> list[tuple[str, str]]:
        """(uri, label) of ESCO occupations whose label contains every word of `query`."""
        self.require("esco")
        words = tokens(query)
        if not words:
            return []
        where = " AND ".join("(label LIKE ? OR alt_labels LIKE ?)" for _ in words)
        params: list[str] = []
        for word in words:
            params += [f"%{word}%", f"%{word}%"]
        rows = self._db.execute(
            f"SELECT uri, label FROM esco_occupation WHERE {where} LIMIT 500", params
        ).fetchall()
        wanted = " ".join(words)

        def rank(row: tuple[str, str]) -> tuple[bool, bool, int, str]:
            # Exact label first, then labels holding every word, then alternative-label hits.
            label = row[1].lower()
            return (label != wanted, not all(w in label for w in words), len(label), label)

        return [(str(uri), str(label)) for uri, label in sorted(rows, key=rank)[:limit]]

    def esco_skill(self, uri: str) -> EscoSkill:
        self.require("esco")
        row = self._db.execute(
            "SELECT uri, label, skill_type, reuse_level, description, alt_labels FROM esco_skill"
            " WHERE uri = ?",
            (uri.strip(),),
        ).fetchone()
        if row is None:
            raise UserError(
                f"There is no ESCO skill {uri!r}; search the skills for one.",
                NextAction("search_skills"),
            )
        return _skill(row)

    def esco_skill_search(self, query: str, limit: int = 10) -> list[EscoSkill]:
        """ESCO skills ranked by bm25 over preferred label (weighted) and alternative labels."""
        self.require("esco")
        words = tokens(query)
        if not words:
            return []
        match = " AND ".join(f'"{word}"*' for word in words)
        rows = self._db.execute(
            "SELECT s.uri, s.label, s.skill_type, s.reuse_level, s.description, s.alt_labels"
            " FROM esco_skill_fts f JOIN esco_skill s ON s.uri = f.uri"
            " WHERE esco_skill_fts MATCH ? ORDER BY bm25(esco_skill_fts, 0, 10.0, 1.0) LIMIT ?",
            (match, limit),
        )
        return [_skill(row) for row in rows]

    def skill_hierarchy(self, uri: str) -> list[list[SkillGroup]]:
        """Every chain of broader concepts from `uri` up to a root, nearest first."""
        self.require("esco_hierarchy")
        chains: list[list[SkillGroup]] = []

        def climb(current: str, chain: list[SkillGroup]) -> None:
            parents = self._db.execute(
                "SELECT b.broader_uri, coalesce(g.label, s.label, b.broader_uri)"
                " FROM esco_broader b LEFT JOIN esco_group g ON g.uri = b.broader_uri"
                " LEFT JOIN esco_skill s ON s.uri = b.broader_uri WHERE b.uri = ?",
                (current,),
            ).fetchall()
            if not parents or len(chain) > 12:  # the hierarchy is ~4 deep; guard cycles
                if chain:
                    chains.append(chain)
                return
            for parent_uri, label in parents:
                if all(step.uri != parent_uri for step in chain):
                    climb(parent_uri, [*chain, SkillGroup(parent_uri, label)])

        climb(uri.strip(), [])
        return chains

    def occupations_needing_skill(self, uri: str) -> list[tuple[str, str, str]]:
        """(occupation uri, label, relation) for every ESCO occupation that lists the skill."""
        self.require("esco")
        rows = self._db.execute(
            "SELECT o.uri, o.label, l.relation FROM esco_occupation_skill l"
            " JOIN esco_occupation o ON o.uri = l.occupation_uri WHERE l.skill_uri = ?"
            " ORDER BY l.relation, o.label",
            (uri,),
        )
        return [(str(a), str(b), str(c)) for a, b, c in rows]
