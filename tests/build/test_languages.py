"""The site in three languages, on the one shared build (`built_site`): every page in each
language at the same path, `<html lang>` and `hreflang` right, the switcher going to the same
page (a tree step keeps its answers), no English interface string on a French or Spanish page
(checked against the catalogue's message ids), the French tree walked end to end by its links
alone (no JavaScript; tests/pdf/test_guide_pdf.py: the PDFs in each language); and a project that adds a language with a folder of translations and a
catalogue, and no code."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build, make_project
from sphub.render import i18n
from sphub.render.urls import url_of

OTHERS = ("fr", "es")
LANGUAGES = ("en", *OTHERS)


def _pages(root: Path) -> set[str]:
    """The HTML pages of the English build (the other languages' folders left out, and the
    browser editor at admin/, one application for the whole site, in English)."""
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if p.relative_to(root).parts[0] not in (*OTHERS, "admin")
    }


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def _page_of(url: str, site: Path) -> str:
    """The page of the whole site an absolute file:// `url` leads to ('fr/about/index.html')."""
    path = url.split("#")[0].removeprefix(site.as_uri() + "/")
    return path + "index.html" if path.endswith("/") or not path else path


def test_every_page_has_its_counterparts(built_site):
    english = _pages(built_site)
    assert len(english) > 150
    for lang in OTHERS:
        assert {p for p in english if not (built_site / lang / p).is_file()} == set(), lang


def test_html_lang_and_hreflang_on_every_page(built_site):
    for page in sorted(_pages(built_site) - {"404.html"}):  # 404: one page for every address
        for lang in LANGUAGES:
            path = built_site / _prefix(lang) / page
            soup = _soup(path)
            if soup.find("meta", attrs={"http-equiv": "refresh"}):
                continue  # a redirect for an old id
            assert soup.html["lang"] == lang, path
            alternates = {
                link["hreflang"]: link["href"]
                for link in soup.select('head link[rel="alternate"][hreflang]')
            }
            assert set(alternates) == set(LANGUAGES) - {lang}, path
            for other, href in alternates.items():
                target = _page_of(urljoin(path.as_uri(), href), built_site)
                assert target == _prefix(other) + page, (path, other, href)


def test_switcher_goes_to_the_same_page_on_every_page_kind(built_site):
    kinds = [
        "index.html",
        "about/index.html",  # hand-written
        "members/index.html",  # hand-written with a macro
        "members/pmn/index.html",  # an entry's page
        "guidance/tools/cerise-spi/index.html",  # guidance entry
        "decision-tree/index.html",  # the tree's questions
        "decision-tree/plan/index.html",  # a plan (its answers are in the query)
    ]
    for page in kinds:
        for lang in LANGUAGES:
            path = built_site / _prefix(lang) / page
            links = _soup(path).select("a.sphub-language")
            assert sorted(a["hreflang"] for a in links) == sorted(LANGUAGES), path
            for link in links:
                there = _page_of(urljoin(path.as_uri(), link["href"]), built_site)
                assert there == _prefix(link["hreflang"]) + page, (path, link["href"])
                back = [
                    a
                    for a in _soup(built_site / there).select("a.sphub-language")
                    if a["hreflang"] == lang
                ]
                home = _page_of(urljoin((built_site / there).as_uri(), back[0]["href"]), built_site)
                assert home == _prefix(lang) + page  # the round trip


def _interface_strings(lang: str) -> set[str]:
    """The catalogue's English strings that its language translates otherwise, as they read
    on a page (placeholders and markup make no whole text of a page)."""
    catalogue = i18n.read_catalogue(i18n.catalogue_file(lang))
    found = set()
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple) or "%(" in message.id:
            continue
        if "<" in message.id or message.string == message.id:
            continue
        found.add(message.id)
    # A word that is also the translation of another message is the language's own
    # ("Agenda" translates "Calendar" in French).
    return found - {m.string for m in catalogue if isinstance(m.string, str)}


# Pages whose text is English by design: none (the editing guide's words, the models' own
# descriptions, are translated in the catalogue like the rest).
ENGLISH_BY_DESIGN: tuple[str, ...] = ()


def _hand_written_pages() -> set[str]:
    """The hand-written pages: their text is the translators' (or English, saying so), so
    only their interface is checked: outside the text, and sphub's fragments in it."""
    docs = ROOT / "docs"
    return {
        url_of(md.relative_to(docs).as_posix(), True) + "index.html"
        for md in docs.rglob("*.md")
        if not re.search(r"\.[a-z]{2}\.md$", md.name)
    }


def _texts(node) -> set[str]:
    found = {" ".join(t.split()) for t in node.find_all(string=True)}
    return found | {e.get(a, "") for e in node.find_all(True) for a in ("aria-label", "title")}


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_interface_string(built_site, lang):
    english = _interface_strings(lang)
    hand_written = _hand_written_pages()
    problems = []
    for path in sorted((built_site / lang).rglob("*.html")):
        page = path.relative_to(built_site / lang).as_posix()
        if page.startswith(ENGLISH_BY_DESIGN):
            continue
        soup = _soup(path)
        for code in soup.select("script, style, code, pre"):
            code.decompose()
        article = soup.select_one("article")
        if page in hand_written and article is not None:
            # The page's own text is left out; sphub's fragments in it are checked.
            fragments = article.select('[class^="sphub-"], [class*=" sphub-"]')
            kept = set().union(*(_texts(f) for f in fragments)) if fragments else set()
            article.decompose()
            # The page's own title, and its headings in the table of contents.
            for own in soup.select(".md-header__topic, .md-nav--secondary"):
                own.decompose()
            texts = _texts(soup) | kept
        else:
            texts = _texts(soup)
        hits = sorted(texts & english)
        if hits:
            problems.append(f"{lang}/{page}: {hits}")
    assert problems == []


def test_the_french_tree_and_plan_are_french(built_site, shipped):
    """The French form asks the French questions, and the French plan page holds every step
    and every "because" in French, with the rule's data the same as the English page's."""
    from sphub.data.load import load_site
    from sphub.data.translations import translate

    french = translate(load_site(ROOT / "data"), "fr")
    form = _soup(built_site / "fr/decision-tree/index.html")
    assert form.html["lang"] == "fr"
    legends = [t.get_text() for t in form.select("legend .sphub-question-text")]
    assert legends == [q.question for q in french.tree.values()]
    assert legends != [q.question for q in shipped.tree.values()]
    plan = _soup(built_site / "fr/decision-tree/plan/index.html")
    titles = [h.get_text() for h in plan.select("[data-step] h3")]
    assert titles == [s.title for s in french.steps.values()]
    because = [" ".join(li.get_text().split()) for li in plan.select("[data-answer]")]
    expected = [" ".join(o.because.split()) for q in french.tree.values() for o in q.options]
    assert len(because) == len(expected)
    assert all(shown.startswith(text) for shown, text in zip(because, expected)), because
    english = _soup(built_site / "decision-tree/plan/index.html")
    assert plan.select_one("#sphub-rule").string == english.select_one("#sphub-rule").string


def test_search_index_per_language(built_site):
    for lang in LANGUAGES:
        index = json.loads(
            (built_site / _prefix(lang) / "search/search_index.json").read_text(encoding="utf-8")
        )
        assert index["config"]["lang"] == [lang]
        # Every page indexed is one of this language's pages.
        assert all(
            (built_site / _prefix(lang) / doc["location"].split("#")[0]).exists()
            or doc["location"].split("#")[0] == ""
            for doc in index["docs"]
        )


def test_exports_carry_every_language_and_calendars_per_language(built_site):
    document = json.loads((built_site / "exports/tools.json").read_text(encoding="utf-8"))
    assert sorted(document["translations"]) == sorted(OTHERS)
    assert (built_site / "fr/exports/tools.json").read_bytes() == (
        built_site / "exports/tools.json"
    ).read_bytes()
    assert "X-WR-CALNAME:Social Performance Working Group for Networks\u00a0: événements" in (
        built_site / "fr/calendar/events.ics"
    ).read_text(encoding="utf-8")
    assert "eventos" in (built_site / "es/calendar/events.ics").read_text(encoding="utf-8")


def test_a_language_added_without_code(tmp_path):
    """A project adds Portuguese with a folder of translations and a catalogue (fixtures): an
    English site (the French and Spanish are the shared build's) with Portuguese beside it."""
    project = make_project(tmp_path / "project", translations=())
    fixtures = ROOT / "tests/fixtures/extra-language"
    shutil.copytree(fixtures / "translations", project / "data/translations", dirs_exist_ok=True)
    shutil.copytree(fixtures / "locale", project / "locale")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    home = _soup(site / "pt/index.html")
    assert home.html["lang"] == "pt"
    assert [a["hreflang"] for a in home.select("a.sphub-language")][-1] == "pt"
    question = _soup(site / "pt/decision-tree/index.html")
    assert question.select_one("[data-back]").get_text() == "Voltar"
    assert "Português" in home.get_text()
    assert re.search(r"\d+ de [a-zç]+ de \d{4}", _soup(site / "pt/events/index.html").get_text())
    search = json.loads((site / "pt/search/search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["pt"]


def test_a_translated_data_page_leads_to_its_translation_s_form(built_site):
    """Where the site ships the browser editor (one application, at the site's root), a
    French or Spanish page made from data leads to its language's form, not the English."""
    import yaml

    config = yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    forms = {collection["name"] for collection in config["collections"]}
    for lang in LANGUAGES:
        page = built_site / _prefix(lang) / "members" / "pmn" / "index.html"
        href = _soup(page).select_one("a[rel=edit]")["href"]
        address, _, fragment = urljoin(page.as_uri(), href).partition("#")
        assert address == built_site.as_uri() + "/admin/", (lang, href)
        form = "members" if lang == "en" else f"members_{lang}"
        assert fragment == f"/collections/{form}/entries/{form}" and form in forms, (lang, href)
