"""Ranked occupation search: SQLite FTS5 bm25 over title, alternate titles and description.

bm25 alone ranks "Nurse Midwives" and "Registered Nurses" alike for "nurse", so the score is
adjusted by a title boost and, as a tie-breaker, how many people hold the job (OEWS).
"""

from __future__ import annotations

import math
import re
import sqlite3

from careerset.facts.profile import SearchHit

# Column weights for bm25: code (unindexed), title, alternate titles, description.
WEIGHTS = (0.0, 10.0, 4.0, 1.0)
CANDIDATES = 200
_TOKEN = re.compile(r"[\w]+", re.UNICODE)


def tokens(query: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(query)]


def _fts_query(words: list[str], operator: str) -> str:
    # Quote each word so FTS syntax characters in user input cannot break the query.
    return f" {operator} ".join(f'"{word}"*' if len(word) > 2 else f'"{word}"' for word in words)


def _stem_in(word: str, text: str) -> bool:
    # A cheap stem test (first five letters) that agrees with the porter tokenizer in practice.
    stem = word[:5] if len(word) > 5 else word
    return re.search(rf"\b{re.escape(stem)}", text) is not None


def _matched(words: list[str], title: str, alternates: str) -> str:
    if all(_stem_in(word, title.lower()) for word in words):
        return "title"
    if all(_stem_in(word, alternates.lower()) for word in words):
        return "alternate title"
    return "description"


def _employment(db: sqlite3.Connection) -> dict[str, int]:
    return {
        str(soc): int(employment)
        for soc, employment in db.execute(
            "SELECT soc_code, employment FROM wage WHERE employment IS NOT NULL"
        )
    }


def search_occupations(db: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """Occupations matching all words of `query` (or, failing that, any word), best first."""
    words = tokens(query)
    if not words:
        return []
    sql = (
        "SELECT code, title, alternate_titles, bm25(occupation_fts, ?, ?, ?, ?) AS rank"
        " FROM occupation_fts WHERE occupation_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    rows: list[tuple[str, str, str, float]] = []
    for operator in ("AND", "OR"):
        rows = db.execute(sql, (*WEIGHTS, _fts_query(words, operator), CANDIDATES)).fetchall()
        if rows:
            break
    employment = _employment(db) if rows else {}
    hits: list[SearchHit] = []
    for code, title, alternates, rank in rows:
        matched = _matched(words, title, alternates)
        score = -rank
        if matched == "title":
            score *= 2.0
            if title.lower().rstrip("s") == query.strip().lower().rstrip("s"):
                score *= 1.5
        # Broad SOC-level occupations (.00) and common jobs win near-ties.
        score *= 1.0 + 0.05 * math.log10(1 + employment.get(code[:7], 0))
        if code.endswith(".00"):
            score *= 1.1
        hits.append(SearchHit(code=code, title=title, score=round(score, 3), matched=matched))
    hits.sort(key=lambda hit: (-hit.score, hit.code))
    return hits[:limit]
