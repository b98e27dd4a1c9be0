"""The CV as Markdown (CommonMark), every value from the career escaped to render literally."""

from __future__ import annotations

import re

from careerset.render.cv_model import CvDocument, Employer, Item, Role, Section

# Inline specials: emphasis, code, links, images, HTML, entities, tables, strikethrough, math.
# Parentheses are not among them ("Staff Nurse (ICU)" stays as written): "(" matters only
# right after a "]", where `escape` escapes it too.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!$&])")
# Line starts that would make a block: lists, headings, quotes, thematic breaks, setext lines.
_BLOCK_START = re.compile(r"^(\s*\d*)([-+=>.)])")


def escape(text: str) -> str:
    """One line of literal text: whitespace runs (newlines too) become single spaces."""
    flat = " ".join(text.split())
    flat = _INLINE.sub(r"\\\1", flat)
    flat = flat.replace("](", "]\\(")  # "[x](y)" reads as plain text anywhere
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def escape_paragraphs(text: str) -> str:
    """Several paragraphs of literal text, split where the person left a blank line."""
    parts = [escape(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(parts)


def _link(text: str, href: str | None) -> str:
    if href is None:
        return escape(text)
    # Angle-bracket destinations allow spaces and parentheses; `<`, `>` and newlines cannot occur.
    destination = href.replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    return f"[{escape(text)}](<{destination}>)"


def _role_lines(role: Role) -> list[str]:
    lines: list[str] = []
    if role.summary:
        lines += [escape_paragraphs(role.summary), ""]
    lines += [f"- {escape(h)}" for h in role.highlights]
    if role.highlights:
        lines.append("")
    if role.skills:
        lines += [f"*Skills: {escape(', '.join(role.skills))}*", ""]
    return lines


def _about_lines(employer: Employer) -> list[str]:
    """What the organization is, as a quiet line of its own under the organization."""
    about = employer.organization_summary
    return [escape(about), ""] if about else []


def _employer_lines(employer: Employer) -> list[str]:
    organization = escape(employer.organization or "")
    if len(employer.roles) == 1:
        role = employer.roles[0]
        where = ", ".join(x for x in (employer.organization, role.location) if x)
        head = f"### {escape(role.title)}"
        lines = [head, ""]
        meta = " · ".join(x for x in (escape(where), escape(role.period)) if x)
        if meta:
            lines += [f"*{meta}*", ""]
        return lines + _about_lines(employer) + _role_lines(role)
    lines = [f"### {organization}", "", f"*{escape(employer.period)}*", ""]
    lines += _about_lines(employer)
    for role in employer.roles:
        lines += [f"**{escape(role.title)}** · *{escape(role.period)}*", ""]
        lines += _role_lines(role)
    return lines


def _item_lines(item: Item) -> list[str]:
    lines = [f"### {_link(item.heading, item.url)}", ""]
    meta = " · ".join(escape(x) for x in (item.subheading, item.period) if x)
    if meta:
        lines += [f"*{meta}*", ""]
    lines += [f"- {escape(d)}" for d in item.details]
    return lines + ([""] if item.details else [])


def _section_lines(section: Section) -> list[str]:
    lines = [f"## {escape(section.title)}", ""]
    for item in section.items:
        lines += _item_lines(item)
    return lines


def render_cv_markdown(document: CvDocument) -> str:
    """The CV as Markdown text ending in one newline (designs do not apply here)."""
    lines = [f"# {escape(document.name)}", ""]
    if document.label:
        lines += [f"**{escape(document.label)}**", ""]
    if document.contacts:
        lines += [" · ".join(_link(c.text, c.href) for c in document.contacts), ""]
    if document.summary:
        lines += ["## Profile", "", escape_paragraphs(document.summary), ""]
    if document.employers:
        lines += ["## Experience", ""]
        for employer in document.employers:
            lines += _employer_lines(employer)
    for section in document.sections:
        lines += _section_lines(section)
    if document.skills:
        lines += ["## Skills", ""]
        for skill in document.skills:
            detail = f" ({escape(skill.detail)})" if skill.detail else ""
            level = f" — {skill.level}/5" if skill.level else ""
            lines.append(f"- {escape(skill.name)}{detail}{level}")
        lines.append("")
    if document.languages:
        lines += ["## Languages", ""] + [f"- {escape(x)}" for x in document.languages] + [""]
    lines += [f"*{escape(note)}*" for note in document.notes]
    return "\n".join(lines).rstrip("\n") + "\n"
