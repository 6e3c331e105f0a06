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
    page.goto(url + "decision-tree/#answer-awareness-some")
    _switch_language(page, "Español")
    assert page.url == url + "es/decision-tree/#answer-awareness-some"
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
def test_search_finds_names_written_joined_or_spaced(searcher, query, first):
    assert searcher.search(query)[0] == first


def test_search_ranks_the_country_asked_for_first(searcher):
    """A typo in the country does not let the other word ("microfinance", in every
    network's name) rank networks of other countries first."""
    results = searcher.search("Pakistn microfinance")
    assert results[:2] and all("Pakistan" in title for title in results[:2]), results


# Every member country, and a page of each kind with a wide table, timeline, plan sheet or
# diagram, in each language.
WIDE_PAGES = [
    "",
    "members/",
    "work-plans/",
    "regions/asia/",
    "guidance/",
    "guidance/quick-tree/",
    "guidance/worksheet/",
    "events/",
    "fr/guidance/assessment/",
    "fr/members/",
    "es/guidance/quick-tree/",
    "es/work-plans/",
]

# What a person cannot read whole on the page: boxes that scroll sideways, text under 12 CSS
# px (SVG text at its size on the screen), and how wide the page is.
MEASURE = """() => {
  const visible = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
  const boxes = [...document.querySelectorAll('.md-typeset__scrollwrap, .md-typeset table, '
    + '.sphub-figure__scroll, .sphub-diagram, .md-typeset pre')]
    .filter(b => visible(b) && b.scrollWidth > b.clientWidth + 1)
    .map(b => b.className + ' ' + b.clientWidth + '/' + b.scrollWidth)
  const small = []
  const walker = document.createTreeWalker(document.querySelector('.md-container'), NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement
    if (!node.textContent.trim() || !el || !visible(el)) continue
    const text = el.closest('text')
    const px = text ? parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a
      : parseFloat(getComputedStyle(el).fontSize)
    if (px < 11.95) small.push(px.toFixed(1) + ' ' + node.textContent.trim().slice(0, 30))
  }
  return {width: document.documentElement.scrollWidth, boxes, small}
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_nothing_is_cut_on_a_phone(browser, url, javascript):
    context, visit = open_visit(browser, PHONE, java_script_enabled=javascript)
    found = {}
    for path in WIDE_PAGES:
        visit.page.goto(url + path)
        found[path] = visit.page.evaluate(MEASURE)
    context.close()
    expected = {path: {"width": PHONE["width"], "boxes": [], "small": []} for path in WIDE_PAGES}
    assert found == expected
    visit.check()


@VIEWPORTS
def test_the_member_map_shows_every_member_country(browser, url, viewport):
    """Every member country is inside the map as drawn (nothing clipped, nothing to scroll),
    labelled at 12 CSS px or more; choosing a country frames the map on it."""
    context, visit = open_visit(browser, viewport)
    page = visit.page
    page.goto(url + "members/")
    svg = page.locator(".sphub-directory .sphub-map__svg")
    frame = svg.bounding_box()
    assert frame["x"] >= 0 and frame["x"] + frame["width"] <= viewport["width"]
    countries = svg.locator("a[data-country]")
    listed = page.locator('.sphub-figure__data tr[data-country]:not([data-country=""])')
    assert countries.count() == listed.count() >= 9
    for box in [c.bounding_box() for c in countries.all()]:
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    sizes = svg.locator("text").evaluate_all(
        "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )
    assert len(sizes) >= 8 and min(sizes) >= 12
    whole = svg.get_attribute("viewBox")
    page.select_option("#sphub-filter-country", "PK")
    framed = svg.get_attribute("viewBox")
    assert framed != whole
    pakistan = svg.locator('a[data-country="PK"]').bounding_box()
    assert pakistan["width"] > frame["width"] / 4  # zoomed in on it
    assert svg.locator('a[data-country="IN"]').evaluate(
        "a => a.classList.contains('sphub-map__out')"
    )
    page.select_option("#sphub-filter-country", "")
    assert svg.get_attribute("viewBox") == whole
    context.close()
    visit.check()


@VIEWPORTS
@pytest.mark.parametrize(
    ("folder", "first"),
    [
        ("", ["Decision tree", "Needs and capacity assessment"]),
        ("fr/", ["Arbre de décision", "Évaluation des besoins et des capacités"]),
        ("es/", ["Árbol de decisión", "Evaluación de necesidades y capacidades"]),
    ],
    ids=["en", "fr", "es"],
)
def test_the_home_page_leads_to_the_guidance_first(browser, url, viewport, folder, first):
    """The first links of the home page's text choose the network's strategy: the decision
    tree, then the assessment; the first of them is in view without scrolling."""
    context, visit = open_visit(browser, viewport)
    page = visit.page
    page.goto(url + folder)
    links = page.locator("article p a, article li a")
    assert links.nth(0).inner_text() == first[0]
    assert links.nth(1).inner_text() == first[1]
    assert links.nth(0).bounding_box()["y"] + 20 < viewport["height"]
    links.nth(0).click()
    page.wait_for_load_state()
    assert page.url == url + folder + "decision-tree/"
    context.close()
    visit.check()
