"""A member reads the French and Spanish site in their language, or sees which texts are in
English: on every page of those languages (and in the PDF guides' pages), no English sentence
outside an element marked `lang="en"` (tests/english_text.py says what an English sentence
is); and no member's page speaks of data files or lines (only the editors' own pages do)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from english_text import english_sentences

OTHERS = ("fr", "es")
# The editors' and maintainers' pages (the footer's "For editors"), and the editor itself.
EDITORS_PAGES = (
    "admin/",
    "editing/",
    "for-editors/",
    "about-this-site/",
    "performance/",
    "engines/",
)
DATA_FILE = re.compile(r"\bdata/[\w/.-]+\.ya?ml\b")
LINE = re.compile(r"\b(?:line|ligne|línea) \d+", re.I)


def _pages(root: Path):
    for path in sorted(root.rglob("*.html")):
        yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_sentence_outside_an_element_marked_english(built_site, lang):
    found = {
        page: sentences[:3]
        for page, html in _pages(built_site / lang)
        if not page.startswith("admin/") and (sentences := english_sentences(html))
    }
    pages = sum(1 for _ in (built_site / lang).rglob("*.html"))
    assert found == {}, f"{len(found)} of {pages} {lang} pages: {found}"


def test_no_members_page_speaks_of_data_files_or_lines(built_site):
    found = []
    for page, html in _pages(built_site):
        if page.split("/", 1)[0] in OTHERS:
            page = page.split("/", 1)[1]
        if page.startswith(EDITORS_PAGES) or not page.endswith(".html"):
            continue
        text = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
        for pattern in (DATA_FILE, LINE):
            if hit := pattern.search(text):
                found.append(f"{page}: {hit.group(0)}")
    assert found == []


@pytest.mark.parametrize("lang", OTHERS)
def test_the_guides_pages_have_no_english_sentence_outside_marked_elements(lang):
    """The HTML the PDF guide and worksheet are printed from (sphub.outputs.pdf.book_html):
    a PDF's text does not say which language each part is in, its source does."""
    from sphub.data.load import load_site
    from sphub.data.translations import translate
    from sphub.outputs.pdf import book_html
    from sphub.render.renderer import Renderer

    renderer = Renderer(translate(load_site(ROOT / "data"), lang), ROOT / "overrides/fragments")
    for kind in ("guide", "worksheet"):
        html = book_html(renderer, kind)
        assert not DATA_FILE.search(html) and not LINE.search(html), kind
        assert english_sentences(html) == [], kind
