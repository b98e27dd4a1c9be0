"""Maps records filed under codes the scheme no longer has (an older O*NET-SOC taxonomy)
onto current codes, so their titles still teach the index.

A retired code keeps its 6-digit SOC when that still exists; otherwise its own titles
vote, coded by a first index built from the current codes alone.
"""

from collections import defaultdict

from careerset.coding.normalise import normalise_title
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
        source.scheme,
        source.titles,
        current.records + adopted,
        source.employment,
        source.version,
    )


def _vote(current: CodingSource, groups: dict[str, list[TitleRecord]]) -> dict[str, str]:
    """Code each retired code's titles with an index of the current codes; each title's
    best match gets a vote (its confidence breaks ties); the retired occupation's own title,
    when known, weighs as much as half of its alternate titles."""
    from careerset.coding.index import build_index
    from careerset.coding.matcher import match_titles

    first = build_index(current, "crosswalk", semantic=False)
    by_title = {normalise_title(title): code for code, title in current.titles.items()}
    mapping: dict[str, str] = {}
    for retired, records in groups.items():
        renamed = [by_title.get(normalise_title(r.text)) for r in records if r.source == "title"]
        if renamed and renamed[0]:
            mapping[retired] = renamed[0]
            continue
        texts = [record.text for record in records]
        totals: dict[str, float] = defaultdict(float)
        for record, matches in zip(records, match_titles(first, texts, top=10), strict=True):
            # Major groups survive taxonomy revisions, so votes stay inside the old one.
            inside = [match for match in matches if match.code[:2] == retired[:2]] or matches
            if inside:
                # Counted votes: one confident exact match must not outvote the rest.
                weight = max(3.0, len(records) / 2) if record.source == "title" else 1.0
                totals[inside[0].code] += weight + inside[0].score
        if totals:
            mapping[retired] = max(totals, key=lambda code: (totals[code], code))
    return mapping
