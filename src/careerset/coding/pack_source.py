"""Reads coder records from the reference query API (an installed pack or the embedded list).

This is the run-time path; `sources.py` reads the same records from raw release files.
"""

from careerset.coding.records import CodingSource, TitleRecord
from careerset.coding.sources import packaged_bls_titles, read_bls_titles, spread_employment
from careerset.reference.query import ReferencePack


def onet_source(reference: ReferencePack) -> CodingSource:
    """Titles, descriptions, alternate/reported titles and tasks, whichever the pack has."""
    titles: dict[str, str] = {}
    records: list[TitleRecord] = []
    for occupation in reference.occupations():
        titles[occupation.code] = occupation.title
        records.append(TitleRecord(occupation.code, occupation.title, "title"))
        if occupation.description:
            records.append(TitleRecord(occupation.code, occupation.description, "description"))
    if reference.has("alternate_titles"):
        for alternate in reference.alternate_titles():
            records.append(TitleRecord(alternate.code, alternate.title, "alternate"))
            if alternate.short_title:
                records.append(TitleRecord(alternate.code, alternate.short_title, "alternate"))
    if reference.has("reported_titles"):
        for reported in reference.reported_titles():
            records.append(TitleRecord(reported.code, reported.title, "reported"))
    if reference.has("tasks"):
        for code, tasks in reference.task_statements().items():
            records.extend(TitleRecord(code, task.statement, "task") for task in tasks)
    records.extend(read_bls_titles(packaged_bls_titles(), list(titles)))
    by_soc = (
        {code: float(count) for code, count in reference.employment_by_soc().items()}
        if (reference.has("wages"))
        else {}
    )
    employment = spread_employment(list(titles), by_soc)
    return CodingSource("onet", titles, records, employment, version=_build_id(reference))


def esco_source(reference: ReferencePack) -> CodingSource:
    """ESCO occupations with their preferred and alternative labels."""
    reference.require("esco")
    titles: dict[str, str] = {}
    records: list[TitleRecord] = []
    for occupation in reference.esco_occupation_labels():
        titles[occupation.uri] = occupation.label
        records.append(TitleRecord(occupation.uri, occupation.label, "title"))
        records.extend(
            TitleRecord(occupation.uri, label, "alternate")
            for label in occupation.alternative_labels
        )
    return CodingSource("esco", titles, records, {}, version=_build_id(reference))


def _build_id(reference: ReferencePack) -> str:
    return reference.status().build_id or reference.kind
