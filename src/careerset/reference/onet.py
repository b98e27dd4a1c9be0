"""Import O*NET text-database files into the pack, one loader per file, by header name.

Only Occupation Data is required; every other file is optional and, when absent, simply
leaves its table empty so the features needing it report themselves as disabled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from careerset.reference.sources import OCCUPATION_DATA, OnetRelease
from careerset.reference.tables import InputFile, Table, read_table, to_float, to_int

CODE = "O*NET-SOC Code"

# File name -> rating domain; Essential/Transferable Skills replace Skills from 30.3 on.
RATING_FILES = {
    "Skills.txt": "skills",
    "Knowledge.txt": "knowledge",
    "Abilities.txt": "abilities",
    "Work Activities.txt": "work_activities",
    "Essential Skills.txt": "essential_skills",
    "Transferable Skills.txt": "transferable_skills",
}


@dataclass(frozen=True)
class Loaded:
    """What one loader read: the file, its row count and checksum."""

    file: str
    rows: int
    sha256: str


Loader = Callable[[sqlite3.Connection, InputFile, OnetRelease], Loaded]


def _loaded(table: Table) -> Loaded:
    return Loaded(file=table.label, rows=len(table.rows), sha256=table.sha256)


def _flag(value: str | None) -> int:
    return 1 if value is not None and value.upper().startswith("Y") else 0


def load_occupations(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, "Title"], ["Description"])
    db.executemany(
        "INSERT OR REPLACE INTO occupation (code, title, description, soc_code) VALUES (?,?,?,?)",
        [(code, title, text or "", code[:7]) for code, title, text in table.rows if code and title],
    )
    return _loaded(table)


def load_alternate_titles(
    db: sqlite3.Connection, source: InputFile, release: OnetRelease
) -> Loaded:
    table = read_table(source, [CODE, "Alternate Title"], ["Short Title"])
    db.executemany(
        "INSERT INTO alternate_title (code, title, short_title) VALUES (?,?,?)",
        [row for row in table.rows if row[0] and row[1]],
    )
    return _loaded(table)


def load_reported_titles(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, ("Reported Job Title", "Reported Title")])
    db.executemany(
        "INSERT INTO reported_title (code, title) VALUES (?,?)",
        [row for row in table.rows if row[0] and row[1]],
    )
    return _loaded(table)


def load_tasks(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, "Task ID", "Task"], ["Task Type"])
    db.executemany(
        "INSERT INTO task (code, task_id, statement, task_type, position) VALUES (?,?,?,?,?)",
        [(c, i, t, k, n) for n, (c, i, t, k) in enumerate(table.rows) if c and t],
    )
    return _loaded(table)


def _commodity_titles(release: OnetRelease) -> dict[str, str]:
    reference = release.get("UNSPSC Reference.txt")
    if reference is None:
        return {}
    table = read_table(reference, ["Commodity Code", "Commodity Title"])
    return {code: title for code, title in table.rows if code and title}


def load_technology(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(
        source,
        [CODE, "Example"],
        ["Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
    )
    # Older files carry the commodity title inline; newer ones only via UNSPSC Reference.
    titles = {} if any(row[3] for row in table.rows[:50]) else _commodity_titles(release)
    db.executemany(
        "INSERT INTO technology_skill (code, name, commodity_code, commodity_title, hot, in_demand)"
        " VALUES (?,?,?,?,?,?)",
        [
            (code, name, commodity, title or titles.get(commodity or ""), _flag(hot), _flag(demand))
            for code, name, commodity, title, hot, demand in table.rows
            if code and name
        ],
    )
    return _loaded(table)


def _rating_loader(domain: str) -> Loader:
    def load(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
        table = read_table(
            source,
            [CODE, "Element ID", "Element Name", "Data Value"],
            ["Scale ID", "Standard Error", "Recommend Suppress", "Not Relevant"],
        )
        pivot: dict[tuple[str, str], list[object]] = {}
        for code, element_id, name, value, scale, error, suppress, irrelevant in table.rows:
            if not (code and element_id and name):
                continue
            entry = pivot.setdefault(
                (code, element_id), [domain, code, element_id, name, None, None, None, 0, 0]
            )
            # A layout without Scale ID carries importance only.
            if scale in (None, "IM"):
                entry[4] = to_float(value)
            elif scale == "LV":
                entry[5] = to_float(value)
                entry[6] = to_float(error)
                entry[7] = _flag(suppress)
                entry[8] = _flag(irrelevant)
        db.executemany(
            "INSERT OR REPLACE INTO rating (domain, code, element_id, name, importance, level,"
            " level_se, suppress, not_relevant) VALUES (?,?,?,?,?,?,?,?,?)",
            list(pivot.values()),
        )
        return _loaded(table)

    return load


def _scored_loader(target: str) -> Loader:
    def load(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
        table = read_table(source, [CODE, "Element ID", "Element Name", "Scale ID", "Data Value"])
        db.executemany(
            f"INSERT OR REPLACE INTO {target} (code, element_id, name, scale, value)"
            " VALUES (?,?,?,?,?)",
            [(c, e, n, s, to_float(v)) for c, e, n, s, v in table.rows if c and e and n and s],
        )
        return _loaded(table)

    return load


def load_job_zones(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, "Job Zone"])
    db.executemany(
        "INSERT OR REPLACE INTO job_zone (code, job_zone) VALUES (?,?)",
        [(code, to_int(zone)) for code, zone in table.rows if code and to_int(zone) is not None],
    )
    return _loaded(table)


def load_requirements(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, "Element ID", "Scale ID", "Data Value"], ["Category"])
    # Suppressed categories are kept: a distribution missing its largest share (often the
    # flagged one, e.g. Registered Nurses' 56% bachelor's) would misstate the requirement.
    rows = []
    for code, element_id, scale, value, category in table.rows:
        number = to_float(value)
        if code and element_id and scale and number is not None:
            rows.append((code, element_id, scale, to_int(category) or 0, number))
    db.executemany(
        "INSERT OR REPLACE INTO requirement (code, element_id, scale, category, value)"
        " VALUES (?,?,?,?,?)",
        rows,
    )
    return _loaded(table)


def load_related(db: sqlite3.Connection, source: InputFile, release: OnetRelease) -> Loaded:
    table = read_table(source, [CODE, "Related O*NET-SOC Code"], ["Relatedness Tier", "Index"])
    db.executemany(
        "INSERT OR REPLACE INTO related_occupation (code, related_code, tier, position)"
        " VALUES (?,?,?,?)",
        [
            (code, related, tier or "Related", to_int(index) or number + 1)
            for number, (code, related, tier, index) in enumerate(table.rows)
            if code and related
        ],
    )
    return _loaded(table)


LOADERS: dict[str, Loader] = {
    OCCUPATION_DATA: load_occupations,
    "Alternate Titles.txt": load_alternate_titles,
    "Sample of Reported Titles.txt": load_reported_titles,
    "Task Statements.txt": load_tasks,
    "Technology Skills.txt": load_technology,
    **{name: _rating_loader(domain) for name, domain in RATING_FILES.items()},
    "Interests.txt": _scored_loader("interest"),
    "Work Values.txt": _scored_loader("work_value"),
    "Job Zones.txt": load_job_zones,
    "Education, Training, and Experience.txt": load_requirements,
    "Related Occupations.txt": load_related,
}


def import_onet(
    db: sqlite3.Connection, release: OnetRelease, on_file: Callable[[str], None]
) -> list[Loaded]:
    """Run the loader of every file present; `on_file` is told each file name as it starts."""
    loaded: list[Loaded] = []
    for name, loader in LOADERS.items():
        source = release.get(name)
        on_file(name)
        if source is not None:
            loaded.append(loader(db, source, release))
    return loaded
