"""Search in French and in Spanish, in a real browser: each language's pages are searched with
that language's stop words, so a query in the language finds that language's pages on the
subject first, and never a page of another language."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "query"),
    [("fr", "audit social"), ("es", "auditoría social")],
)
def test_search_in_each_language(visit, site_url, lang, query):
    visit.page.goto(f"{site_url}{lang}/")
    assert visit.page.locator("html").get_attribute("lang") == lang
    results = visit.search(query)
    assert results, query
    # The pages on social audits and the SPI tool come first.
    assert any("audit" in title.casefold() or "SPI" in title for title in results[:3]), results
    links = visit.page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert links and all(f"/{lang}/" in href for href in links), links
