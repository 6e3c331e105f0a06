"""A member on a phone (390 x 844): no page scrolls sideways, wide tables scroll in their own
box with a visible cue, labels sit above their values, no word is cut in two, and every
picture's text is 12 CSS px or more, measured on the rendered SVG."""

from __future__ import annotations

import pytest
from browser.browsing import DESKTOP, PHONE, open_visit

# For every page: how far it scrolls sideways, and every visible SVG text drawn under 12 px
# (its computed font size times the scale from SVG units to CSS px).
MEASURE = """() => {
  const root = document.documentElement;
  const texts = [...document.querySelectorAll('svg text')].filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  const small = texts.map(t => {
    const m = t.getScreenCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    return [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale];
  }).filter(([, px]) => Math.round(px * 100) / 100 < 12);  // layout rounds to 1/64 px
  return {overflow: root.scrollWidth - root.clientWidth, texts: texts.length, small: small};
}"""

# Words (without a hyphen or slash, where a break is allowed) drawn on more than one line.
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const box of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s\\-\\/–—]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
          .map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def test_no_page_scrolls_sideways_and_picture_text_is_readable(browser, site_url, built_site):
    """Every page of the site, opened once at phone width: none scrolls sideways, no picture
    text is small, no request leaves localhost and no script logs an error (the browser editor
    at admin/ is an application of its own, for editors: tests/browser/test_editor.py)."""
    context, visit = open_visit(browser, PHONE)
    wide, small, measured = {}, {}, 0
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    for path in [p for p in pages if not p.startswith("admin/")]:
        if 'http-equiv="refresh"' in (built_site / path).read_text(encoding="utf-8"):
            continue  # an old address: it sends the browser on at once
        visit.page.goto(site_url + path)
        result = visit.page.evaluate(MEASURE)
        measured += result["texts"]
        if result["overflow"] > 0:
            wide[path] = result["overflow"]
        if result["small"]:
            small[path] = result["small"][:3]
    context.close()
    visit.check()
    assert wide == {}, f"pages that scroll sideways (px): {wide}"
    assert small == {}, f"picture text under 12 px: {small}"
    assert measured > 100, "hardly any picture text was measured: is the selector stale?"


@pytest.mark.parametrize("path", ["regions/asia/", "members/"])
def test_maps_fit_a_phone_with_their_text_readable(browser, site_url, path):
    """The world and Asia maps (Nepal's label included) are drawn whole in the column, with
    their text at 12 px or more: nothing to scroll."""
    context, visit = open_visit(browser, PHONE)
    visit.page.goto(site_url + path)
    result = visit.page.evaluate(MEASURE)
    labels = visit.page.locator("svg text").evaluate_all("ts => ts.map(t => t.textContent)")
    scrolls = visit.page.evaluate(
        """() => [...document.querySelectorAll('.sphub-figure__scroll')]
        .filter(b => b.getClientRects().length).map(b => b.scrollWidth > b.clientWidth)"""
    )
    assert visit.axe() == []
    context.close()
    visit.check()
    assert result["texts"] > 5 and result["small"] == []
    assert scrolls and not any(scrolls)
    if path == "regions/asia/":
        assert "Nepal (1)" in labels


@pytest.mark.parametrize(
    ("path", "picture", "instead"),
    [
        ("work-plans/asia-2012/", ".sphub-timeline__svg", ".sphub-timeline__list"),
    ],
)
def test_wide_pictures_give_way_to_their_text_on_a_phone(browser, site_url, path, picture, instead):
    """A work plan's timeline is too wide to read on a phone: there the same content shows as
    a list, and on a desktop the picture."""
    for viewport in (PHONE, DESKTOP):
        context, visit = open_visit(browser, viewport)
        visit.page.goto(site_url + path)
        drawn = visit.page.locator(picture).first.is_visible()
        assert drawn == (viewport is DESKTOP)
        if viewport is PHONE:
            assert visit.page.locator(instead).first.is_visible()
            assert len(visit.page.locator(instead).first.inner_text()) > 100
        assert visit.axe() == []
        context.close()
        visit.check()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_wide_table_is_one_card_per_row_on_a_phone(browser, site_url, viewport):
    """The directory's six columns do not fit a phone: each network is a card, each value
    under its column's heading; on a desktop it is a table, headers over their cells."""
    context, visit = open_visit(browser, viewport)
    page = visit.page
    page.goto(site_url + "members/")
    table = page.locator(".sphub-directory__table")
    headers = table.locator("thead th").all_inner_texts()
    first = table.locator("tbody tr").first.locator("td")
    labels = first.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    shape = table.evaluate(
        """t => ({right: t.getBoundingClientRect().right, scrolls: t.scrollWidth > t.clientWidth,
        head: t.querySelector('thead').getBoundingClientRect().height,
        cell: getComputedStyle(t.querySelector('tbody td')).display})"""
    )
    assert shape["right"] <= viewport["width"] and not shape["scrolls"]
    if viewport is PHONE:
        assert shape["cell"] == "block" and shape["head"] <= 1
        assert labels == [f'"{h}: "' for h in headers]
    else:
        assert shape["cell"] == "table-cell" and shape["head"] > 10
        assert all(label in ("none", "normal") for label in labels)
    visit.screenshot("directory-table")
    assert visit.axe() == []
    context.close()
    visit.check()


@pytest.mark.parametrize(("viewport", "stacked"), [(PHONE, True), (DESKTOP, False)])
def test_labels_sit_above_their_values_on_a_phone(browser, site_url, viewport, stacked):
    context, visit = open_visit(browser, viewport)
    visit.page.goto(site_url + "members/sa-dhan/")
    pairs = visit.page.evaluate(
        """() => [...document.querySelectorAll('.sphub-facts dt')].map(dt => {
        const dd = dt.nextElementSibling;
        return [dt.getBoundingClientRect().bottom, dd.getBoundingClientRect().top]; })"""
    )
    context.close()
    visit.check()
    assert len(pairs) >= 3
    assert all((dt_bottom <= dd_top) == stacked for dt_bottom, dd_top in pairs), pairs


@pytest.mark.parametrize(
    "path", ["members/", "members/sa-dhan/", "resources/", "events/", "guidance/quick-tree/"]
)
def test_no_word_is_cut_in_two(browser, site_url, path):
    context, visit = open_visit(browser, PHONE)
    visit.page.goto(site_url + path)
    broken = visit.page.evaluate(BROKEN_WORDS, ".md-content table, .md-content dl")
    checked = visit.page.locator(".md-content table, .md-content dl").count()
    context.close()
    visit.check()
    assert checked > 0
    assert broken == []
