"""What a member meets first, in Chromium at 390 px and 1280 px: the language switcher keeps
what the address holds, the member map shows the members, the home page leads to the
guidance, and nothing on a page is cut or pushes it sideways."""

from __future__ import annotations

import pytest
from browser.browsing import DESKTOP, PHONE, open_visit, serve

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


@pytest.fixture(scope="module")
def url(built_site):
    server, address = serve(built_site)
    yield address
    server.shutdown()


def _switch_language(page, name: str) -> None:
    """Choose a language in the header's menu, as a person does (it opens on the button)."""
    page.locator(".md-header__option .md-select button").click()
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


@VIEWPORTS
def test_the_language_switcher_keeps_the_filter_and_the_marked_answer(browser, url, viewport):
    context, visit = open_visit(browser, viewport)
    page = visit.page
    page.goto(url + "members/?region=asia&country=PK")
    _switch_language(page, "Français")
    assert page.url == url + "fr/members/?region=asia&country=PK"
    assert page.locator("#sphub-filter-country").input_value() == "PK"
    assert page.locator("#sphub-filter-region").input_value() == "asia"
    page.goto(url + "decision-tree/q/awareness/#answer-some")
    _switch_language(page, "Español")
    assert page.url == url + "es/decision-tree/q/awareness/#answer-some"
    context.close()
    visit.check()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Sadhan", "Sa-Dhan"),  # written joined
        ("Sadan", "Sa-Dhan"),  # joined, a letter missing
        ("Sa Dhan", "Sa-Dhan"),  # spaced
        ("MONPAK", "Microfinance Organizations Network of Pakistan (MON-PAK)"),
        ("Mon Pak", "Microfinance Organizations Network of Pakistan (MON-PAK)"),
    ],
)
def test_search_finds_names_written_joined_or_spaced(visit, url, query, first):
    visit.page.goto(url)
    assert visit.search(query)[0] == first


def test_search_ranks_the_country_asked_for_first(visit, url):
    """A typo in the country does not let the other word ("microfinance", in every
    network's name) rank networks of other countries first."""
    visit.page.goto(url)
    results = visit.search("Pakistn microfinance")
    assert results[:2] and all("Pakistan" in title for title in results[:2]), results
