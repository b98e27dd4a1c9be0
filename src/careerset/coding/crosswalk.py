"""Maps records filed under codes the scheme no longer has (an older O*NET-SOC taxonomy)
onto current codes, so their titles still teach the index.

A retired code keeps its 6-digit SOC when that still exists; otherwise its own titles
vote, coded by a first index built from the current codes alone.
"""

from collections import defaultdict

import numpy as np

from careerset.coding.records import CodingSource, TitleRecord


def split_orphans(source: CodingSource) -> tuple[CodingSource, list[TitleRecord]]:
    """The records whose code is current, as a source, and the rest."""
    current = [record for record in source.records if record.code in source.titles]
    orphans = [record for record in source.records if record.code not in source.titles]
    return (
        CodingSource(source.scheme, source.titles, current, source.employment, source.version),
        orphans,
    )


def same_soc(retired: str, codes: list[str]) -> str | None:
    """The current code sharing a retired code's 6-digit SOC ('.00' first)."""
    matches = sorted(code for code in codes if code[:7] == retired[:7])
    return matches[0] if matches else None


def adopt_orphans(source: CodingSource) -> CodingSource:
    """`source` with every orphan record moved to the current code it most likely became."""
    current, orphans = split_orphans(source)
    if not orphans:
        return source
    codes = sorted(source.titles)
    by_code: dict[str, list[TitleRecord]] = defaultdict(list)
    for record in orphans:
        by_code[record.code].append(record)
    mapping: dict[str, str] = {}
    unresolved: list[str] = []
    for retired in by_code:
        target = same_soc(retired, codes) if source.scheme == "onet" else None
        if target:
            mapping[retired] = target
        else:
            unresolved.append(retired)
    if unresolved:
        mapping.update(_vote(current, {code: by_code[code] for code in unresolved}))
    adopted = [
        TitleRecord(mapping[record.code], record.text, record.source)
        for record in orphans
        if record.code in mapping and record.source != "title"
    ]
    return CodingSource(
        source.scheme, source.titles, current.records + adopted, source.employment,
        source.version,
    )


def _vote(current: CodingSource, groups: dict[str, list[TitleRecord]]) -> dict[str, str]:
    """Code each retired code's titles with a quick index; the summed confidences decide."""
    from careerset.coding.index import build_index
    from careerset.coding.matcher import ScoringWeights, match_titles

    quick = build_index(current, "crosswalk", train=False)
    weights = ScoringWeights(classifier=0.0, nearest=1.0, description=0.1, prior=0.0)
    mapping: dict[str, str] = {}
    for retired, records in groups.items():
        texts = [record.text for record in records]
        # The retired occupation's own title says more than any one alternate title.
        repeat = [3 if record.source == "title" else 1 for record in records]
        totals: dict[str, float] = defaultdict(float)
        for matches, count in zip(match_titles(quick, texts, top=3, weights=weights), repeat,
                                  strict=True):
            for match in matches:
                totals[match.code] += count * match.score
        if totals:
            mapping[retired] = max(totals, key=lambda code: (totals[code], code))
    del np
    return mapping
