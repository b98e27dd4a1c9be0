"""Hostile text (markup specials of Typst, HTML and Markdown, scripts, huge and mixed-script
text) renders literally in every format, and nothing from the data becomes markup."""

from __future__ import annotations

import io
import re

import html5lib
import pytest

from careerset.render.cv_markdown import escape
from careerset.render.cv_output import render_cv
from careerset.render.cv_tailor import CvOptions

from .cases import (
    ARABIC,
    HOSTILE_TITLE,
    LONG,
    SCRIPT,
    TODAY,
    TYPST_ATTACK,
    hostile_career,
    pdf_text,
    words,
)

A4 = (595.0, 842.0)


@pytest.mark.parametrize("design", ["classic", "modern"])
def test_typst_gets_no_markup_from_the_data(design: str) -> None:
    from pypdf import PdfReader

    pdf = render_cv(hostile_career(), "pdf", CvOptions(design=design), TODAY)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        # `#set page(width: 1cm)` in the data would have made every page 1 cm wide.
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (round(A4[0]), round(A4[1]))
    # Right-to-left text must not hold < or > here: PDF text extraction maps a mirrored glyph
    # back to one character for the whole file. PDF text extraction may also split a word where glyphs are kerned apart: compare without spaces.
    text = pdf_text(pdf).replace(" ", "")
    for literal in (TYPST_ATTACK, SCRIPT, HOSTILE_TITLE, "#show: x => none", "{{ 7*7 }}", "<i>"):
        assert literal.replace(" ", "") in text
    assert ARABIC.split()[0] in text
    assert LONG.replace(" ", "")[-40:] in text  # the 5,000-character highlight, to its end


def test_html_escapes_every_value() -> None:
    html = render_cv(hostile_career(), "html", today=TODAY).decode("utf-8")
    html5lib.HTMLParser(strict=True).parse(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<svg" not in html and "<b>" not in html and "<i>" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "{{ 7*7 }}" in html  # Jinja does not evaluate data
    assert 'dir="auto"' in html
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    text = words(" ".join(tree.find("body").itertext()))
    assert TYPST_ATTACK in text and SCRIPT in text and words(HOSTILE_TITLE) in text
    assert LONG[:200] in text and ARABIC in text and "🎉" in text


def test_markdown_escapes_every_value() -> None:
    markdown = render_cv(hostile_career(), "md", today=TODAY).decode("utf-8")
    # Link destinations we write are <...>; everything else must have its brackets escaped.
    outside_links = re.sub(r"\]\(<[^<>\n]*>\)", "]()", markdown)
    assert re.search(r"(?<!\\)[<>]", outside_links) is None, "no unescaped angle bracket"
    assert "\\<script\\>" in markdown
    assert "](javascript:" not in markdown
    lines = markdown.splitlines()
    assert "# Not a heading" not in lines and "- not a list" not in lines
    assert not any(line.startswith("1. not") for line in lines)
    assert sum(1 for line in lines if line.startswith("# ")) == 1  # only the name
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    assert TYPST_ATTACK in unescaped and words(HOSTILE_TITLE) in words(unescaped)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("[a](b)", "\\[a\\]\\(b)"),
        ("Staff Nurse (ICU)", "Staff Nurse (ICU)"),
        ("line\n# heading", "line \\# heading"),
        ("a & b", "a \\& b"),
        ("plain text, 2024.", "plain text, 2024."),
        (ARABIC, ARABIC),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_docx_holds_hostile_text_as_text() -> None:
    import docx

    data = render_cv(hostile_career(), "docx", today=TODAY)
    document = docx.Document(io.BytesIO(data))
    text = " ".join(p.text for p in document.paragraphs)
    assert TYPST_ATTACK in text and SCRIPT in text and ARABIC in text and LONG in text
    bidi = [
        p
        for p in document.paragraphs
        if p._p.pPr is not None
        and p._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
        is not None
    ]
    assert bidi, "the Arabic paragraph is marked right-to-left"
