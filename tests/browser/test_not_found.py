"""A wrong address, on a site served under a sub-path (as a git host's project pages are):
the "page not found" page keeps its styles and its links, and leads back to the home page,
the search and the start of the decision tree."""

from __future__ import annotations

import pytest
from browser.browsing import DESKTOP, PHONE, open_visit, serve_under

from tests.conftest import ROOT, build


@pytest.fixture(scope="module")
def sub_url(built_site):
    server, url = serve_under(built_site, "/sphub/")
    yield url
    server.shutdown()


def test_not_found_page_under_a_sub_path_keeps_styles_and_links(browser, sub_url):
    context, visit = open_visit(browser, PHONE)
    page = visit.page
    failed = []  # every response in error: the wrong address only, never a style or script
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    response = page.goto(sub_url + "no-such-page")
    assert response.status == 404
    assert page.locator("h1").first.inner_text() == "Page not found"
    # Material's stylesheet is loaded: its header is sticky (unstyled, it would be static).
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    assert "Sa-Dhan" in visit.search("Sa-Dhan")
    page.keyboard.press("Escape")
    page.goto(sub_url + "no-such-page")
    visit.click_through(["Start the decision tree again"])
    assert page.url == sub_url + "decision-tree/"
    assert page.locator("form[data-sphub-tree]").count() == 1  # the tree's questions
    page.goto(sub_url + "no-such-page")
    visit.click_through(["Go to the home page"])
    assert page.url == sub_url
    assert visit.axe() == []
    context.close()
    assert failed == [sub_url + "no-such-page"] * 3
    # Chromium logs each 404 response as a console error: those three are the wrong address.
    missing = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert visit.errors.count(missing) == 3
    visit.errors = [e for e in visit.errors if e != missing]
    visit.check()


# Each language: its folder, the page's heading and the link back to the tree's start.
LANGUAGES = [
    ("en", "", "Page not found", "Start the decision tree again"),
    ("fr", "fr/", "Page introuvable", "Recommencer l'arbre de décision"),
    ("es", "es/", "Página no encontrada", "Volver a empezar el árbol de decisión"),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("code, folder, heading, start_again", LANGUAGES, ids=["en", "fr", "es"])
def test_a_wrong_tree_address_at_depth_leads_back_in_its_language(
    browser, sub_url, viewport, code, folder, heading, start_again
):
    """A shared link to the tree's former one-page-per-answer addresses, under a sub-path and
    a language's folder: the page is styled, in that language, keeps the address, and links
    to the question the address names on the tree's page, the tree's start and the home
    page."""
    context, visit = open_visit(browser, viewport)
    page = visit.page
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    asked = sub_url + folder + "decision-tree/q/board/some/industry/many/wrong/deeper/?x=1"
    page.goto(asked)
    page.wait_for_load_state("networkidle")
    assert page.url == asked  # the address asked for stays in the address bar
    assert page.locator("h1").first.inner_text() == heading
    assert page.evaluate("document.documentElement.lang") == code
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    # Not wider than the window (no sideways scrolling).
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    back = page.locator("#sphub-tree-back a")
    assert back.is_visible()
    deepest = sub_url + folder + "decision-tree/#q-board"
    assert back.evaluate("a => a.href") == deepest
    question = back.inner_text()
    back.click()
    page.wait_for_load_state()
    assert page.url == deepest
    assert page.locator("#q-board .sphub-question-text").inner_text() == question
    page.goto(asked)
    visit.click_through([start_again])
    assert page.url == sub_url + folder + "decision-tree/"
    page.goto(asked)
    page.locator("article a").nth(2).click()  # the home page
    page.wait_for_load_state()
    assert page.url == sub_url + folder
    page.goto(asked)
    assert visit.axe() == []
    # Search works from there, and leads to the page in the address's language.
    assert visit.search("Sa-Dhan")[0] == "Sa-Dhan"
    found = page.locator(".md-search-result__item a").first.evaluate("a => a.href")
    assert found.startswith(sub_url + folder + "members/sa-dhan/")
    context.close()
    # Only the wrong address answered with an error (each visit of it once), never a style,
    # a script or a page it links to.
    assert failed == [asked] * 4
    missing = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert visit.errors == [missing] * 4
    visit.errors = []
    visit.check()


def test_the_deepest_question_an_address_names_is_linked(browser, sub_url):
    context, visit = open_visit(browser, PHONE)
    visit.page.goto(sub_url + "decision-tree/q/awareness/some/funds/wrong/")
    link = visit.page.locator("#sphub-tree-back a")
    assert link.evaluate("a => a.href") == sub_url + "decision-tree/#q-funds"
    visit.page.goto(sub_url + "decision-tree/q/no-such-question/some/")
    assert visit.page.locator("#sphub-tree-back").is_hidden()
    visit.page.goto(sub_url + "members/no-such-member/")
    assert visit.page.locator("h1").first.inner_text() == "Page not found"
    assert visit.page.locator("#sphub-tree-back").is_hidden()
    context.close()


SITE_URL = "https://example.org/sphub/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site as the git host's workflow builds it: with the Pages address as site_url."""
    out = tmp_path_factory.mktemp("published") / "site"
    result = build(ROOT, out, env={"SPHUB_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No site_url" not in result.stdout + result.stderr
    return out


def test_a_published_site_carries_its_address(published):
    sitemap = (published / "fr" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}fr/members/</loc>" in sitemap
    page = (published / "fr" / "members" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" hreflang="es" href="{SITE_URL}es/members/">' in page
    calendar = (published / "calendar" / "events.ics").read_text(encoding="utf-8")
    assert f"URL:{SITE_URL}events/" in calendar
    not_found = (published / "404.html").read_text(encoding="utf-8")
    assert 'href="/sphub/assets/sphub.css"' in not_found


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_a_published_not_found_page_is_styled_at_depth(browser, published, javascript):
    server, url = serve_under(published, "/sphub/")
    try:
        context, visit = open_visit(browser, PHONE, java_script_enabled=javascript)
        page = visit.page
        asked = url + "es/decision-tree/q/awareness/wrong/"
        response = page.goto(asked)
        assert response.status == 404
        assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if javascript:  # sent to the Spanish page, with a link to the tree's first question
            assert page.locator("h1").first.inner_text() == "Página no encontrada"
            link = page.locator("#sphub-tree-back a")
            assert link.evaluate("a => a.href") == url + "es/decision-tree/#q-awareness"
        home = page.locator("article a").nth(2).evaluate("a => a.href")
        assert home == (url + "es/" if javascript else url)
        context.close()
    finally:
        server.shutdown()
