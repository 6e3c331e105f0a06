"""A glossary term shows its definition when pointed at, in the page's language, at phone and
desktop width: Material's tooltip (`content.tooltips`) over the `abbr` sphub wrote."""

from __future__ import annotations


def test_a_french_term_shows_its_french_definition(visit, site_url):
    visit.page.goto(f"{site_url}fr/guidance/strategy-menu/social-audits/")
    term = visit.page.locator("article abbr", has_text="SPWG").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = visit.page.locator(".md-tooltip2", has_text="Groupe de travail sur la performance")
    tooltip.wait_for(state="visible")
    assert "a créé avec la SPTF en 2009" in tooltip.inner_text()
    visit.screenshot("glossary-tooltip-fr")
