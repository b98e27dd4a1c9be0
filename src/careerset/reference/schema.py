"""The reference pack's SQLite schema: tables, indexes for every query, and its version.

Bump SCHEMA_VERSION whenever a table changes; an older pack is then reported as stale.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2
PACK_FILE_NAME = "reference.sqlite"

# Features a query can need, each enabled by the named tables having rows.
FEATURES: dict[str, tuple[str, ...]] = {
    "occupations": ("occupation",),
    "alternate_titles": ("alternate_title",),
    "reported_titles": ("reported_title",),
    "tasks": ("task",),
    "technology_skills": ("technology_skill",),
    "skills": ("rating:skills",),
    "knowledge": ("rating:knowledge",),
    "abilities": ("rating:abilities",),
    "essential_skills": ("rating:essential_skills",),
    "transferable_skills": ("rating:transferable_skills",),
    "interests": ("interest",),
    "work_values": ("work_value",),
    "job_zones": ("job_zone",),
    "related_occupations": ("related_occupation",),
    "wages": ("wage",),
    "esco": ("esco_occupation", "esco_skill", "esco_occupation_skill"),
    "esco_hierarchy": ("esco_broader",),
    "requirements": ("requirement",),
}

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source (
    name TEXT NOT NULL, file TEXT NOT NULL, release TEXT, path TEXT NOT NULL,
    rows INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (name, file));
CREATE TABLE feature (name TEXT PRIMARY KEY, present INTEGER NOT NULL);

CREATE TABLE occupation (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
    soc_code TEXT NOT NULL);
CREATE INDEX occupation_soc ON occupation (soc_code);
CREATE TABLE alternate_title (code TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT);
CREATE INDEX alternate_title_code ON alternate_title (code);
CREATE TABLE reported_title (code TEXT NOT NULL, title TEXT NOT NULL);
CREATE INDEX reported_title_code ON reported_title (code);
CREATE TABLE task (
    code TEXT NOT NULL, task_id TEXT NOT NULL, statement TEXT NOT NULL, task_type TEXT,
    position INTEGER NOT NULL);
CREATE INDEX task_code ON task (code, position);
CREATE TABLE technology_skill (
    code TEXT NOT NULL, name TEXT NOT NULL, commodity_code TEXT, commodity_title TEXT,
    hot INTEGER NOT NULL, in_demand INTEGER NOT NULL);
CREATE INDEX technology_skill_code ON technology_skill (code);
-- skills, knowledge, abilities, essential/transferable skills: importance and level pivoted,
-- with the level's standard error and O*NET's Recommend Suppress / Not Relevant flags
CREATE TABLE rating (
    domain TEXT NOT NULL, code TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL,
    importance REAL, level REAL, level_se REAL, suppress INTEGER NOT NULL DEFAULT 0,
    not_relevant INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (domain, code, element_id)) WITHOUT ROWID;
CREATE INDEX rating_element ON rating (domain, element_id);
CREATE TABLE interest (
    code TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL, scale TEXT NOT NULL,
    value REAL, PRIMARY KEY (code, scale, element_id)) WITHOUT ROWID;
CREATE TABLE work_value (
    code TEXT NOT NULL, element_id TEXT NOT NULL, name TEXT NOT NULL, scale TEXT NOT NULL,
    value REAL, PRIMARY KEY (code, scale, element_id)) WITHOUT ROWID;
-- Education, Training, and Experience: % of respondents per category (RL, RW, PT, OJ), or
-- an importance (IM, category 0) for professional certification and apprenticeship
CREATE TABLE requirement (
    code TEXT NOT NULL, element_id TEXT NOT NULL, scale TEXT NOT NULL, category INTEGER NOT NULL,
    value REAL NOT NULL, PRIMARY KEY (code, scale, element_id, category)) WITHOUT ROWID;
CREATE TABLE job_zone (code TEXT PRIMARY KEY, job_zone INTEGER NOT NULL);
CREATE TABLE related_occupation (
    code TEXT NOT NULL, related_code TEXT NOT NULL, tier TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (code, related_code)) WITHOUT ROWID;
CREATE TABLE wage (
    soc_code TEXT PRIMARY KEY, title TEXT NOT NULL, employment INTEGER,
    annual_mean REAL, hourly_mean REAL,
    annual_10 REAL, annual_25 REAL, annual_50 REAL, annual_75 REAL, annual_90 REAL,
    hourly_10 REAL, hourly_25 REAL, hourly_50 REAL, hourly_75 REAL, hourly_90 REAL);

CREATE TABLE esco_occupation (
    uri TEXT PRIMARY KEY, label TEXT NOT NULL, alt_labels TEXT, isco_group TEXT,
    description TEXT);
CREATE TABLE esco_skill (
    uri TEXT PRIMARY KEY, label TEXT NOT NULL, alt_labels TEXT, skill_type TEXT,
    reuse_level TEXT, description TEXT);
CREATE TABLE esco_occupation_skill (
    occupation_uri TEXT NOT NULL, skill_uri TEXT NOT NULL, relation TEXT NOT NULL,
    skill_type TEXT, PRIMARY KEY (occupation_uri, skill_uri)) WITHOUT ROWID;
CREATE INDEX esco_occupation_skill_skill ON esco_occupation_skill (skill_uri);
CREATE TABLE esco_group (uri TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE esco_broader (uri TEXT NOT NULL, broader_uri TEXT NOT NULL,
    PRIMARY KEY (uri, broader_uri)) WITHOUT ROWID;

-- one document per occupation; alternate and reported titles are concatenated
CREATE VIRTUAL TABLE occupation_fts USING fts5 (
    code UNINDEXED, title, alternate_titles, description, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE esco_skill_fts USING fts5 (
    uri UNINDEXED, label, alt_labels, tokenize = 'porter unicode61');
"""


def create_schema(connection: sqlite3.Connection) -> None:
    connection.executescript(DDL)


def table_has_rows(connection: sqlite3.Connection, table: str) -> bool:
    """Whether `table` (or `rating:<domain>`) holds any row."""
    if table.startswith("rating:"):
        row = connection.execute(
            "SELECT 1 FROM rating WHERE domain = ? LIMIT 1", (table.split(":", 1)[1],)
        ).fetchone()
    else:
        row = connection.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
    return row is not None


def record_features(connection: sqlite3.Connection) -> dict[str, bool]:
    """Compute and store which features the loaded data supports."""
    features = {
        name: all(table_has_rows(connection, table) for table in tables)
        for name, tables in FEATURES.items()
    }
    connection.executemany(
        "INSERT OR REPLACE INTO feature (name, present) VALUES (?, ?)",
        [(name, int(present)) for name, present in features.items()],
    )
    return features
