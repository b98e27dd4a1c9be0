"""Tailored CVs from one record: select by tags and year, order by relevance to a target,
and trim the oldest, least relevant material until the CV fits a page budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from careerset.analysis.occupations import title_words
from careerset.errors import UserError
from careerset.facts.protocol import Reference
from careerset.model.career import Career, entry_span
from careerset.model.dates import PartialDate
from careerset.model.entries import Entry
from careerset.render.cv_model import CvDocument, Item, Role, Section, build_cv
from careerset.wording import count_of

# Sections that go before any job when trimming; education and certifications go last.
_EXPENDABLE = ("awards", "publications", "projects")
LINES_PER_PAGE = 58  # a rough A4 page of 10 pt text, for formats with no real pages


@dataclass(frozen=True)
class CvOptions:
    design: str = "classic"
    tags: tuple[str, ...] = ()
    since: int | None = None
    target: str | None = None
    max_pages: int | None = None


def select_entries(career: Career, tags: Iterable[str], since: int | None, today: date) -> Career:
    """Keep entries carrying any of `tags` and touching `since` or later.

    A kind where no entry has any tag (often education) is kept whole: the person never
    tagged it, so the tags cannot be meant to remove it.
    """
    wanted = {t.strip().casefold() for t in tags if t.strip()}
    tagged_kinds = {e.kind for e in career.entries if e.tags}

    def keep(entry: Entry) -> bool:
        if (
            wanted
            and entry.kind in tagged_kinds
            and not wanted & {t.casefold() for t in entry.tags}
        ):
            return False
        last = _last_year(entry, today)
        return since is None or last is None or last >= since

    return Career(tuple(e for e in career.entries if keep(e)), career.person)


def _last_year(entry: Entry, today: date) -> int | None:
    """The year an entry last touched; an end alone (a degree's year) counts too."""
    span = entry_span(entry, today)
    if span is not None:
        return span[1].year
    end = getattr(entry, "end", None)
    return end.year if isinstance(end, PartialDate) else None


def target_terms(reference: Reference | None, code: str) -> set[str]:
    """Stemmed words of the target's title, rated skills and technologies."""
    if reference is None:
        raise UserError("--target needs reference data; install it with `careerset data install`.")
    names = [reference.occupation(code).title]
    if reference.has("skills"):
        names += [e.name for e in reference.skills(code) if (e.importance or 0) >= 3]
    if reference.has("technology_skills"):
        names += [t.name for t in reference.technology_skills(code)]
    return {word for name in names for word in title_words(name)}


def relevance(text: str, terms: set[str]) -> float:
    """Share of the target's vocabulary a text touches, scaled so one shared word counts."""
    if not terms:
        return 0.0
    return float(len(title_words(text) & terms))


def order_by_target(document: CvDocument, terms: set[str]) -> CvDocument:
    """Highlights, skills and section items most relevant to the target first (stable)."""

    def role(r: Role) -> Role:
        highlights = sorted(r.highlights, key=lambda h: -relevance(h, terms))
        skills = sorted(r.skills, key=lambda s: -relevance(s, terms))
        text = " ".join([r.title, r.summary or "", *r.highlights, *r.skills])
        return replace(r, highlights=highlights, skills=skills, relevance=relevance(text, terms))

    def item(i: Item) -> Item:
        text = " ".join([i.heading, i.subheading or "", *i.details])
        return replace(i, relevance=relevance(text, terms))

    skills = [
        replace(s, relevance=relevance(f"{s.name} {s.detail or ''}", terms))
        for s in document.skills
    ]
    return replace(
        document,
        employers=[replace(e, roles=[role(r) for r in e.roles]) for e in document.employers],
        sections=[replace(s, items=[item(i) for i in s.items]) for s in document.sections],
        skills=sorted(skills, key=lambda s: -s.relevance),
    )


def tailored_cv(
    career: Career, options: CvOptions, today: date, reference: Reference | None = None
) -> CvDocument:
    """The CV view after tag/year selection and target ordering (trimming is separate)."""
    chosen = select_entries(career, options.tags, options.since, today)
    document = build_cv(chosen, today, options.design)
    if options.target:
        document = order_by_target(document, target_terms(reference, options.target))
    return document


def _roles_oldest_first(document: CvDocument) -> list[Role]:
    roles = [r for e in document.employers for r in e.roles]
    return sorted(roles, key=lambda r: (r.relevance, -r.recency))


def _map_roles(document: CvDocument, change: Callable[[Role], Role | None]) -> CvDocument:
    employers = []
    for employer in document.employers:
        roles = [new for r in employer.roles if (new := change(r)) is not None]
        if roles:
            employers.append(replace(employer, roles=roles))
    return replace(document, employers=employers)


def _without_item(document: CvDocument, key: str, item_id: str) -> CvDocument:
    sections = [
        Section(s.key, s.title, [i for i in s.items if not (s.key == key and i.id == item_id)])
        for s in document.sections
    ]
    return replace(document, sections=[s for s in sections if s.items])


def _shorten(role_id: str, highlights: int) -> Callable[[Role], Role | None]:
    def change(role: Role) -> Role | None:
        return (
            replace(role, highlights=role.highlights[:highlights]) if role.id == role_id else role
        )

    return change


def _drop(role_id: str) -> Callable[[Role], Role | None]:
    def change(role: Role) -> Role | None:
        return None if role.id == role_id else role

    return change


def trim_steps(document: CvDocument) -> Iterator[CvDocument]:
    """Ever shorter versions of `document`, least valuable material removed first.

    Order: highlights of older roles down to two; extra sections (awards, publications,
    projects) oldest and least relevant first; whole roles oldest and least relevant first
    (the newest stays); then the remaining detail. Each version is shorter than the last.
    """
    current = document
    for role in sorted(_roles_oldest_first(current), key=lambda r: -r.recency):
        if len(role.highlights) > 2:
            current = _map_roles(current, _shorten(role.id, 2))
            yield current
    for key in _EXPENDABLE:
        section = current.section(key)
        items = sorted(section.items, key=lambda i: (i.relevance, -i.recency)) if section else []
        for item in items:
            current = _without_item(current, key, item.id)
            yield current
    roles = _roles_oldest_first(current)
    newest = min(roles, key=lambda r: r.recency).id if roles else None
    for role in roles:
        if role.id != newest:
            current = _map_roles(current, _drop(role.id))
            yield current
    current = _map_roles(current, lambda r: replace(r, highlights=r.highlights[:1], skills=[]))
    yield current
    for key in ("certifications", "education"):
        section = current.section(key)
        for item in sorted(section.items, key=lambda i: -i.recency)[:-1] if section else []:
            current = _without_item(current, key, item.id)
            yield current
    yield replace(current, skills=current.skills[:12], summary=None)


def fit_pages(
    document: CvDocument, max_pages: int, pages: Callable[[CvDocument], int]
) -> CvDocument:
    """The fullest version of `document` whose `pages` is within `max_pages`.

    Versions shrink monotonically, so a binary search needs only a few page counts (a
    Typst compile each, for PDF); if even the shortest is too long it is returned anyway.
    """
    if pages(document) <= max_pages:
        return document
    versions = list(trim_steps(document))
    if not versions:
        return document
    low, high = 0, len(versions) - 1
    while low < high:
        middle = (low + high) // 2
        if pages(versions[middle]) <= max_pages:
            high = middle
        else:
            low = middle + 1
    fitted = versions[low]
    left_out = _count_roles(document) - _count_roles(fitted)
    note = f"Trimmed to fit {count_of(max_pages, 'page')}" + (
        f"; {count_of(left_out, 'older role')} left out." if left_out else "."
    )
    return replace(fitted, notes=[*fitted.notes, note])


def _count_roles(document: CvDocument) -> int:
    return sum(len(e.roles) for e in document.employers)


def estimated_pages(document: CvDocument) -> int:
    """Pages a document would take as printed text, for formats without real pages."""
    width = 95  # characters per line of body text
    lines = 6 + (len(document.summary or "") // width + 2 if document.summary else 0)
    for employer in document.employers:
        lines += 2 + (1 if employer.organization_summary else 0)
        for role in employer.roles:
            lines += 2 + (len(role.summary or "") // width + 1 if role.summary else 0)
            lines += sum(len(h) // width + 1 for h in role.highlights)
    for section in document.sections:
        lines += 2 + sum(2 + sum(len(d) // width + 1 for d in i.details) for i in section.items)
    lines += 2 + len(document.skills) // 4
    return lines // LINES_PER_PAGE + 1
