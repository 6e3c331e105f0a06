"""The glossary in the built site (the shared build, `built_site`): its page in each language,
under Guidance in the menu, and the tooltips of its terms on hand-written pages (the abbr
extension) and on pages made from data (sphub), each language with its own definitions."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sphub.data.translations import translate
from sphub.render.glossary import tooltips
from sphub.render.renderer import Renderer
from tests_paths import FRAGMENTS

ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def _tooltips(page: Path) -> dict[str, str]:
    """Each marked word of `page` -> its tooltip (the first, where a word is marked twice)."""
    found: dict[str, str] = {}
    for title, word in ABBR.findall(page.read_text(encoding="utf-8")):
        found.setdefault(html.unescape(word), html.unescape(title))
    return found


def _expected(shipped, lang: str) -> dict[str, str]:
    site = translate(shipped, lang)
    return {w: tip for w, (_, tip) in tooltips(site, Renderer(site, FRAGMENTS).gettext).items()}


def test_a_french_page_shows_the_french_definition(built_site, shipped):
    spm = "Gestion de la performance sociale (GPS)\u00a0: La façon dont une institution met"
    written = _tooltips(built_site / "fr/guidance/quick-tree/index.html")  # hand-written
    assert written["GPS"].startswith(spm)
    from_data = _tooltips(built_site / "fr/guidance/tools/cerise-spi/index.html")
    assert from_data["audit social"].startswith("Audit social\u00a0: Une évaluation de la gestion")
    english = _tooltips(built_site / "guidance/quick-tree/index.html")
    assert english["SPM"].startswith("Social performance management (SPM): How an institution")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_tooltip_is_a_term_of_the_page_language(built_site, shipped, lang):
    expected = _expected(shipped, lang)
    root = built_site if lang == "en" else built_site / lang
    pages = [
        p
        for p in root.rglob("*.html")
        if lang != "en" or p.relative_to(root).parts[0] not in ("fr", "es")
    ]
    marked = 0
    for page in pages:
        for word, tip in _tooltips(page).items():
            assert expected.get(word) == tip, f"{page}: {word!r} shows {tip!r}"
            marked += 1
    assert marked > len(pages)  # most pages name a few terms


@pytest.mark.parametrize(
    "src",
    [
        "guidance/strategy-menu/social-audits",
        "guidance/tools/cerise-spi",
        "guidance/practices/driver-members",
    ],
)
def test_a_page_from_sphub_marks_the_first_use_of_a_term_only(built_site, src):
    text = (built_site / src / "index.html").read_text(encoding="utf-8")
    article = text.split("<article", 1)[1].split("</article>", 1)[0]
    titles = [title for title, _ in ABBR.findall(article)]
    assert titles and len(titles) == len(set(titles))
    if src.endswith("social-audits"):  # used again after its tooltip, without one
        words = re.sub(r"<[^>]+>", " ", article).lower()
        assert words.count("social audit") > 1


@pytest.mark.parametrize(
    "lang, title, spm",
    [
        ("en", "Glossary", "Social performance management (SPM)"),
        ("fr", "Glossaire", "Gestion de la performance sociale (GPS)"),
        ("es", "Glosario", "Gestión del desempeño social (GDS)"),
    ],
)
def test_the_glossary_page_in_each_language(built_site, lang, title, spm):
    prefix = "" if lang == "en" else f"{lang}/"
    page = (built_site / f"{prefix}guidance/glossary/index.html").read_text(encoding="utf-8")
    assert re.search(rf"<h1 id=[^>]*>{title}", page)
    assert f'<dt id="spm">{spm}</dt>' in page
    assert page.count("<dt id=") == 28
    # In the menu, under Guidance, on every page of the language.
    home = (built_site / f"{prefix}index.html").read_text(encoding="utf-8")
    link = r'href="guidance/glossary/" class="md-nav__link">\s*<span class="md-ellipsis">\s*'
    assert re.search(link + title, home)
