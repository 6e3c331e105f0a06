"""Search as a member meets it, in Chromium: nothing of it loads before search is opened, a
member's page stays within its byte budget, accents and one typo are forgiven, editors' and
maintainers' pages stay out of the results, snippets keep their words apart, each result says
what kind of page it is, and a result opens with its words marked whatever their accents;
ProperDocs' build as well as MkDocs'. The offline copies (MkDocs' and Zensical's), and the
accented and Chinese names of a scenario site, are tested in test_members_experience.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browser.browsing import DESKTOP, open_visit, serve
from conftest import build, make_project

# A first visit of a member's page: its HTML, CSS, JavaScript, fonts and images, compressed as
# a host sends them (issue 15).
FIRST_VISIT_BUDGET = 80_000
MEMBER_PAGE = "members/sa-dhan/"
INDEX = "/search/search_index.json"
MATERIAL_WORKER = re.compile(r"/workers/search\.[0-9a-f]+\.min\.js$")
SPHUB_WORKER = "/workers/sphub-search.js"
# Pages for editors and maintainers, by the titles search would show them under.
NOT_FOR_MEMBERS = {
    "Editing guide",
    "For editors",
    "Performance",
    "Engines",
    "Engines: what each one builds",
    "How this site is made to work on slow connections",
}


@pytest.fixture(scope="module")
def host(built_site) -> Iterator[tuple[object, str]]:
    """The shipped site served compressed, as a host serves it; the server counts its bytes."""
    server, url = serve(built_site, compress=True)
    yield server, url
    server.shutdown()


def search_files(requests: list[str]) -> list[str]:
    """The requests of search: the index, Material's worker and sphub's, which wait until
    search is opened."""
    return [
        url
        for url in requests
        if INDEX in url or MATERIAL_WORKER.search(url.split("?")[0]) or SPHUB_WORKER in url
    ]


# A member's page, and the member directory (its map, its filter and two tables).
@pytest.mark.parametrize("page", [MEMBER_PAGE, "members/"])
def test_first_visit_of_a_member_page_is_light(visit, host, page):
    server, url = host
    server.sent.clear()
    visit.page.goto(url + page, wait_until="networkidle")
    assert search_files(visit.requests) == []
    sent = sum(size for _, size in server.sent)
    assert sent <= FIRST_VISIT_BUDGET, sorted(server.sent, key=lambda x: -x[1])
    # Every byte counted was asked for by this page (no other test's request slipped in).
    assert len(server.sent) == len(visit.requests)


@pytest.mark.parametrize("how", ["click", "shortcut"])
def test_index_loads_when_search_is_opened(browser, host, how):
    context, visit = open_visit(browser, DESKTOP)
    page = visit.page
    page.goto(host[1] + MEMBER_PAGE, wait_until="networkidle")
    assert search_files(visit.requests) == []
    with page.expect_request(lambda request: INDEX in request.url):
        if how == "click":
            page.locator("input.md-search__input").click()
        else:
            page.keyboard.press("/")
    page.wait_for_function(
        "() => /Type to start/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    context.close()
    visit.check()


def test_a_query_in_the_address_opens_search_with_results(browser, host):
    context, visit = open_visit(browser, DESKTOP)
    visit.page.goto(host[1] + "?q=Sa-Dhan")
    visit.page.wait_for_function(
        "() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    titles = visit.page.locator(".md-search-result__item h1").all_inner_texts()
    context.close()
    assert "Sa-Dhan" in titles[:3], titles
    visit.check()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Cecile", "The Decision Tree for Microfinance Networks"),  # written "Cécile"
        ("Cécile", "The Decision Tree for Microfinance Networks"),
        ("Pákistan", "Pakistan Microfinance Network (PMN)"),  # written without an accent
        ("Pakistn", "Pakistan Microfinance Network (PMN)"),  # a letter missing
        ("regulaters", "Advocacy with regulators"),  # a wrong letter
        ("cerse", "CERISE"),  # a letter missing, five letters
        ("Shanghaii", "Inclusive Finance Forum, Shanghai"),  # a letter too many
    ],
)
def test_accents_and_one_typo_are_forgiven(searcher, query, title):
    results = searcher.search(query)
    assert title in results[:3], results


@pytest.fixture(scope="module")
def properdocs_url(tmp_path_factory) -> Iterator[str]:
    """The shipped site built with ProperDocs, which runs Material's search as MkDocs does;
    in English, the language of its queries."""
    project = make_project(tmp_path_factory.mktemp("properdocs") / "project", translations=())
    out = project / "site"
    result = build(project, out, extra_args=["--engine", "properdocs"])
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(out)
    yield url
    server.shutdown()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Cecile", "The Decision Tree for Microfinance Networks"),
        ("regulaters", "Advocacy with regulators"),
    ],
)
def test_properdocs_build_forgives_too(browser, properdocs_url, query, title):
    context, visit = open_visit(browser, DESKTOP)
    visit.page.goto(properdocs_url + MEMBER_PAGE, wait_until="networkidle")
    assert search_files(visit.requests) == []
    results = visit.search(query)
    context.close()
    assert title in results[:3], results
    visit.check()


def test_a_typo_finds_what_the_word_finds(searcher):
    right = searcher.search("regulators")
    assert searcher.search("regulaters") == right


def test_short_words_are_not_guessed(searcher):
    """Below five letters a typo is not forgiven: "SPJ" is not taken for "SPI"."""
    assert searcher.search("spj") == []


@pytest.mark.parametrize("query", ["YAML", "benchmark", "Chromium", "engine", "Zensical"])
def test_pages_for_editors_and_maintainers_are_not_found(searcher, query):
    assert not NOT_FOR_MEMBERS & set(searcher.search(query))


def test_snippets_keep_words_of_cells_apart(searcher):
    """The case study's facts are a definition list: "Network", "COPEME", "Year" stay words."""
    searcher.search("COPEME")
    heading = searcher.page.locator("h1", has_text="COPEME: a social performance country report")
    text = searcher.page.locator(".md-search-result__item", has=heading).first.inner_text()
    assert "Network COPEME Year 2017" in text, text
    assert "NetworkCOPEME" not in text


@pytest.mark.parametrize(
    ("query", "title", "kind"),
    [
        ("Sa-Dhan", "Sa-Dhan", "Member"),
        ("Bangkok", "Training on CERISE's social audit tool (SPI)", "Event"),
        ("Poverty Index", "Progress out of Poverty Index (PPI)", "Tool"),
        ("COPEME", "COPEME: a social performance country report", "Case study"),
        ("peer learning circle", "Start a peer learning circle of early movers", "Plan step"),
        # Hand-written pages say what they are too.
        ("capacity assessment", "Needs and capacity assessment", "Guidance"),
        ("Washington", "About", "Page"),
    ],
)
def test_each_result_says_its_kind(searcher, query, title, kind):
    assert title in searcher.search(query)
    heading = searcher.page.locator("h1", has_text=re.compile(f"^{re.escape(title)}$"))
    article = searcher.page.locator(".md-search-result__article", has=heading).first
    assert article.locator(".md-tag").all_inner_texts() == [kind]


def test_a_result_opens_with_its_words_marked_whatever_their_accents(visit, site_url):
    """ "Cecile" finds the resource written "Cécile"; opened from the result, the page marks
    "Cécile" (Material marks only the words as searched), and still marks a word it has as
    searched ("tree"), once."""
    page = visit.page
    page.goto(site_url)
    visit.search("Cecile tree")
    title = "The Decision Tree for Microfinance Networks"
    link = page.locator(".md-search-result__item", has=page.locator("h1", has_text=title))
    link.first.locator("a").first.click()
    page.wait_for_load_state()
    assert "h=" in page.url
    marked = page.locator(".md-content mark[data-md-highlight]")
    marked.filter(has_text="Cécile").first.wait_for()
    texts = marked.all_inner_texts()
    assert "Cécile" in texts
    assert "tree" in [text.lower() for text in texts]
    assert page.locator(".md-content mark mark").count() == 0  # no word marked twice
