"""The CV as an editable Word document (python-docx), with right-to-left paragraphs marked."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from careerset.render.cv_model import CvDocument, Employer, Item, is_rtl

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

ACCENT = (0x1F, 0x4E, 0x79)
# XML 1.0 forbids most control characters; python-docx would raise on them.
_FORBIDDEN = {c: None for c in range(32) if c not in (9, 10, 13)}


def _clean(text: str) -> str:
    return text.translate(_FORBIDDEN)


def _mark_rtl(paragraph: Paragraph, text: str) -> None:
    """Word needs `w:bidi` on the paragraph and `w:rtl` on runs to lay out Arabic right-to-left."""
    if not is_rtl(text):
        return
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def _paragraph(document: Document, text: str, style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(_clean(text), style=style)
    _mark_rtl(paragraph, text)
    return paragraph


def _dated(document: Document, left: str, right: str | None, bold: bool = True) -> None:
    """A heading line with its period after a tab stop at the right margin."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.paragraph_format.space_before = Cm(0.15)
    paragraph.paragraph_format.space_after = Cm(0)
    head = paragraph.add_run(_clean(left))
    head.bold = bold
    head.italic = not bold
    if right:
        paragraph.add_run("\t" + _clean(right))
    _mark_rtl(paragraph, left)


def _heading(document: Document, title: str) -> None:
    from docx.shared import RGBColor

    heading = document.add_heading(title.upper(), level=2)
    for run in heading.runs:
        run.font.color.rgb = RGBColor(*ACCENT)


def _employer(document: Document, employer: Employer) -> None:
    single = len(employer.roles) == 1
    if single:
        role = employer.roles[0]
        _dated(document, role.title, role.period)
        where = ", ".join(x for x in (employer.organization, role.location) if x)
        if where:
            _paragraph(document, where).runs[0].italic = True
    else:
        _dated(document, employer.organization or "", employer.period)
    if employer.organization_summary:
        from docx.shared import Pt

        # A size below the body text, so it reads as a note about the organization.
        _paragraph(document, employer.organization_summary).runs[0].font.size = Pt(9.5)
    for role in employer.roles:
        if not single:
            _dated(document, role.title, role.period, bold=False)
        if role.summary:
            _paragraph(document, role.summary)
        for highlight in role.highlights:
            _paragraph(document, highlight, "List Bullet")
        if role.skills:
            _paragraph(document, "Skills: " + ", ".join(role.skills)).runs[0].italic = True


def _item(document: Document, item: Item) -> None:
    _dated(document, item.heading, item.period)
    if item.subheading:
        _paragraph(document, item.subheading).runs[0].italic = True
    for detail in item.details:
        _paragraph(document, detail, "List Bullet")


def render_cv_docx(cv: CvDocument) -> bytes:
    """The .docx file as bytes; one column in both designs, which is what recruiters edit."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(1.8)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri" if cv.design == "modern" else "Cambria"
    normal.font.size = Pt(10.5)
    document.core_properties.title = _clean(f"{cv.name} – CV")
    document.core_properties.author = _clean(cv.name)
    title = document.add_heading(_clean(cv.name), level=0)
    _mark_rtl(title, cv.name)
    if cv.design == "classic":
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if cv.label:
        _paragraph(document, cv.label)
    if cv.contacts:
        _paragraph(document, "  ·  ".join(c.text for c in cv.contacts))
    if cv.summary:
        _heading(document, "Profile")
        _paragraph(document, cv.summary)
    if cv.employers:
        _heading(document, "Experience")
        for employer in cv.employers:
            _employer(document, employer)
    for part in cv.sections:
        _heading(document, part.title)
        for item in part.items:
            _item(document, item)
    if cv.skills:
        _heading(document, "Skills")
        _paragraph(
            document, " · ".join(s.name + (f" ({s.level}/5)" if s.level else "") for s in cv.skills)
        )
    if cv.languages:
        _heading(document, "Languages")
        _paragraph(document, " · ".join(cv.languages))
    for note in cv.notes:
        _paragraph(document, note).runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
