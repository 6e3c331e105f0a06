"""A wrong address, on a site served under a sub-path (as a git host's project pages are):
the "page not found" page keeps its styles and its links, and leads back to the home page,
the search and the start of the decision tree."""

from __future__ import annotations

import pytest
from browser.browsing import PHONE, open_visit, serve_under


@pytest.fixture(scope="module")
def sub_url(built_site_pdf):
    server, url = serve_under(built_site_pdf, "/sphub/")
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
    assert page.get_by_role("link", name="Start now").count() == 1
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
