"""A member on a phone or a desktop: searches and opens a result, filters the directory, adds
an event to a calendar, prints a page. Every page is checked by axe-core; the `visit` fixture
fails the test on any request that leaves localhost or any console error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.browsing import AXE, AXE_VERSION, DESKTOP, open_visit, searching, serve
from conftest import ROOT, build, make_project

from sphub.outputs.exports import FEED, event_ics_path

# A scenario member with an accented name, accented and Chinese aliases: the shipped data has
# no Chinese name yet, and search must find it by any part when it does.
SCENARIO_MEMBER = """  - id: reseau-test
    name: Réseau des institutions de microfinance du Test
    acronym: RIMT
    aliases: [中国小额信贷联盟, Red de Bogotá]
    kind: national-association
    country: CN
    region: asia
    years: [2012]
"""


def test_axe_fixture_is_the_recorded_version():
    assert f"axe v{AXE_VERSION}" in AXE.read_text(encoding="utf-8")[:200]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Sa-Dhan", "Sa-Dhan"),
        ("PMN", "Pakistan Microfinance Network (PMN)"),
        ("MCPI", "Microfinance Council of the Philippines, Inc. (MCPI)"),
        ("Afghanistan Microfinance Network", "Afghanistan Microfinance Association (AMA)"),  # alias
        ("Cécile", "The Decision Tree for Microfinance Networks"),
        ("Shanghai", "Inclusive Finance Forum, Shanghai"),
    ],
)
def test_search_finds_and_opens(visit, site_url, query, title):
    visit.page.goto(site_url)
    results = visit.search(query)
    assert title in results[:3], results
    # The result whose own title is `title` (others may mention it in their text).
    heading = visit.page.locator("h1", has_text=re.compile(f"^{re.escape(title)}$"))
    visit.page.locator(".md-search-result__item", has=heading).first.locator("a").first.click()
    visit.page.wait_for_load_state()
    assert visit.page.locator("h1").first.inner_text() == title
    assert visit.axe() == []


def test_search_finds_nothing_for_nonsense(searcher):
    assert searcher.search("xyzzyq") == []


@pytest.fixture(scope="module")
def scenario_url(tmp_path_factory):
    """The site with one more member, named with accents and Chinese characters; in English
    only, the language of its queries."""
    project = make_project(tmp_path_factory.mktemp("scenario") / "project", translations=())
    members = project / "data" / "members.yml"
    members.write_text(members.read_text(encoding="utf-8") + SCENARIO_MEMBER, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def scenario_searcher(browser, scenario_url):
    """One page of the scenario site for its queries, as `searcher` is of the shipped site."""
    yield from searching(browser, scenario_url)


@pytest.mark.parametrize(
    "query",
    [
        "Réseau",
        "reseau",
        "RESEAU",
        "Bogota",
        "Bogotá",
        "中国",
        "小额信贷",
        "中国小额信贷联盟",
        "信贷联盟",
    ],
)
def test_search_finds_accents_and_chinese(scenario_searcher, query):
    results = scenario_searcher.search(query)
    assert results[:1] == ["Réseau des institutions de microfinance du Test (RIMT)"], results


def test_directory_filters_by_region_and_country(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "members/")
    rows = page.locator(".sphub-directory__table tbody tr")
    total = len(shipped.members)
    assert rows.count() == total
    region = page.get_by_label("Region", exact=True)
    country = page.get_by_label("Country", exact=True)
    region.select_option(label="Asia")
    in_asia = [m for m in shipped.members.values() if m.region == "asia"]
    assert page.locator(".sphub-directory__table tbody tr:visible").count() == len(in_asia)
    country.select_option(label="Pakistan")
    visible = page.locator(".sphub-directory__table tbody tr:visible")
    expected = sorted(m.name for m in in_asia if m.country == "PK")
    assert sorted(visible.locator("td:first-child").all_inner_texts()) == expected
    assert (
        f"Showing {len(expected)} of {total}"
        in page.locator(".sphub-directory__count").inner_text()
    )
    visit.screenshot("directory-filtered")
    region.select_option(label="All regions")
    country.select_option(label="All countries")
    assert page.locator(".sphub-directory__table tbody tr:visible").count() == total
    assert visit.axe() == []


def test_directory_filter_lives_in_the_address_and_everything_follows(visit, site_url, shipped):
    """The filter is in the address: opening it filters the table, the map, the "by country"
    table and the count line; changing it rewrites the address; a reload keeps it."""
    page = visit.page
    members = list(shipped.members.values())
    page.goto(site_url + "members/?region=asia&country=PK")

    def follows(region: str, country: str) -> None:
        chosen = [m for m in members if m.region == region and m.country == country]
        visible = page.locator(".sphub-directory__table tbody tr:visible td:first-child")
        assert sorted(visible.all_inner_texts()) == sorted(m.name for m in chosen)
        count = page.locator(".sphub-directory__count").inner_text()
        assert count == f"Showing {len(chosen)} of {len(members)} member networks."
        on_map = page.locator(".sphub-map__svg a[data-country]:not(.sphub-map__out)")
        assert [a.get_attribute("data-country") for a in on_map.all()] == [country]
        labels = page.locator(".sphub-map__labels text:visible")
        assert all(t.get_attribute("data-country") == country for t in labels.all())
        by_country = page.locator(".sphub-figure__data tbody tr:visible")
        assert [r.get_attribute("data-country") for r in by_country.all()] == [country]
        assert page.get_by_label("Region", exact=True).input_value() == region
        assert page.get_by_label("Country", exact=True).input_value() == country

    follows("asia", "PK")
    other = sorted({m.country for m in members if m.region == "asia" and m.country} - {"PK"})[0]
    page.get_by_label("Country", exact=True).select_option(other)
    assert page.url.endswith(f"members/?region=asia&country={other}")
    follows("asia", other)
    page.reload()
    follows("asia", other)
    page.get_by_label("Region", exact=True).select_option("")
    assert page.url.endswith(f"members/?country={other}")
    page.get_by_label("Country", exact=True).select_option("")
    assert page.url.endswith("members/")
    assert (
        page.locator(".sphub-directory__count").inner_text() == f"{len(members)} member networks."
    )
    assert page.locator(".sphub-map__out").count() == 0
    # Regions without a member are listed, say so, and cannot be chosen.
    empty = [r for r in shipped.regions.values() if not shipped.members_of(r)]
    assert empty, "the shipped data has members in every region: this check needs another"
    for region in empty:
        option = page.locator(f'#sphub-filter-region option[value="{region.id}"]')
        assert option.inner_text() == f"{region.name} (no member recorded yet)"
        assert option.is_disabled()
    assert visit.axe() == []


def test_map_link_opens_the_directory_filtered_to_its_country(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "regions/asia/")
    # By keyboard, as a person without a mouse would: the country's shape is a link.
    page.locator('a[href*="country=PK"]').first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visible = page.locator(".sphub-directory__table tbody tr:visible")
    expected = sorted(m.name for m in shipped.members.values() if m.country == "PK")
    assert sorted(visible.locator("td:first-child").all_inner_texts()) == expected
    assert page.get_by_label("Country", exact=True).input_value() == "PK"


def test_directory_without_javascript_shows_every_member(browser, site_url, shipped):
    context, visit = open_visit(browser, DESKTOP, java_script_enabled=False)
    visit.page.goto(site_url + "members/")
    assert visit.page.locator(".sphub-directory__table tbody tr:visible").count() == len(
        shipped.members
    )
    assert visit.page.locator(".sphub-filter").count() == 0
    context.close()
    visit.check()


def test_events_upcoming_first_and_add_to_calendar(visit, site_url, shipped):
    page = visit.page
    page.goto(site_url + "events/")
    headings = page.locator("h2").all_inner_texts()
    assert headings.index("Upcoming events") < headings.index("Past events")
    links = page.get_by_role("link", name="Add to calendar")
    assert links.count() == len(shipped.events)
    with page.expect_download() as download:
        links.first.click()
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body
    feed = page.get_by_role("link", name="Every event as a calendar (iCalendar)")
    assert feed.get_attribute("href").endswith(FEED)
    visit.screenshot("events")
    assert visit.axe() == []


def test_event_page_has_its_calendar_file(visit, site_url):
    page = visit.page
    page.goto(site_url + "events/bern-workshop-2010/")
    link = page.get_by_role("link", name="Add to calendar")
    assert link.get_attribute("href").endswith(event_ics_path("bern-workshop-2010"))
    assert visit.axe() == []


def test_print_preview(visit, site_url):
    page = visit.page
    page.goto(site_url + "events/spi-training-bangkok-2012/")
    page.emulate_media(media="print")
    # Material hides its header, navigation and search when printing.
    assert not page.locator(".md-header").is_visible()
    assert page.locator("h1").first.is_visible()
    assert not page.get_by_role("link", name="Add to calendar").is_visible()
    visit.screenshot("event-print", full_page=True)


@pytest.mark.parametrize(
    "path",
    ["", "members/", "events/", "resources/", "downloads/", "members/sa-dhan/", "regions/asia/"],
)
def test_pages_are_accessible_and_local(visit, site_url, path):
    visit.page.goto(site_url + path)
    assert visit.axe() == []
    visit.screenshot("page-" + (path.strip("/").replace("/", "-") or "home"), full_page=True)


def _offline_build(out: Path, engine: str, translations: tuple[str, ...]) -> Path:
    """The `make offline` build with `engine` of a copy of the project with `translations`,
    zipped and unzipped as a member gets it."""
    project = make_project(out / "project", translations=translations)
    shutil.copy(ROOT / "mkdocs-offline.yml", project)
    result = build(
        project,
        out / "built",
        extra_args=["--engine", engine],
        env={"SPHUB_OFFLINE": "true"},
        config="mkdocs-offline.yml",
    )
    assert result.returncode == 0, result.stderr
    from sphub.outputs.offline import TOP, zip_site

    zip_site(out / "built", out / "site.zip")
    shutil.unpack_archive(out / "site.zip", out / "unzipped")
    return out / "unzipped" / TOP


# The offline builds are of the languages their tests search in: English for Material's
# search (MkDocs, ProperDocs), English and French for Zensical's.
@pytest.fixture(scope="module", params=["mkdocs", "properdocs"])
def offline_site(tmp_path_factory, request):
    """The offline zip built with each engine that runs Material's offline plugin."""
    out = tmp_path_factory.mktemp(f"offline-{request.param}")
    return _offline_build(out, request.param, translations=())


@pytest.fixture(scope="module")
def zensical_offline_site(tmp_path_factory):
    return _offline_build(tmp_path_factory.mktemp("offline-zensical"), "zensical", ("fr",))


def zensical_search(page, query: str) -> list[str]:
    """Type `query` into Zensical's search (a dialog of its own, in a shadow root, which
    Playwright's selectors enter); the titles of the results shown."""
    page.locator("input.md-search__input").click()
    dialog = page.locator("dialog[aria-label=Search]")
    field = dialog.locator("input[role=combobox]")
    field.fill(query)
    field.press("End")
    status = dialog.locator("[role=status]")
    status.filter(has_text=re.compile(r"\d+ results?|No results")).wait_for()
    return dialog.locator("ol[role=listbox] h2").all_inner_texts()


def test_offline_zip_works_from_disk_with_search(browser, offline_site):
    context, visit = open_visit(browser, DESKTOP)
    page = visit.page
    page.goto((offline_site / "index.html").as_uri())
    assert "Sa-Dhan" in visit.search("Sa-Dhan")
    page.locator(".md-search-result__item", has_text="Sa-Dhan").first.locator("a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("members/sa-dhan.html")
    page.get_by_role("link", name="Asia").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("regions/asia.html")
    # Accents and typos are forgiven from disk too (sphub's worker runs in the iframe there).
    for query, title in [
        ("Cecile", "The Decision Tree for Microfinance Networks"),
        ("regulaters", "Advocacy with regulators"),
    ]:
        page.goto((offline_site / "index.html").as_uri())
        assert title in visit.search(query)[:3]
    context.close()
    assert all(url.startswith("file://") for url in visit.requests), visit.leaving()
    visit.check()


@pytest.mark.parametrize(
    ("start", "query", "title"),
    [
        ("index.html", "Cecile", "The Decision Tree for Microfinance Networks"),  # "Cécile"
        ("index.html", "regulaters", "Advocacy with regulators"),
        ("index.html", "Pákistan", "Pakistan Microfinance Network (PMN)"),
        ("fr/index.html", "reseau", "Réseau de réseaux"),
        # An apostrophe in a title shows as one, not as "&#39;".
        ("index.html", "Training on CERISE", "Training on CERISE's social audit tool (SPI)"),
    ],
)
def test_zensical_offline_build_searches_from_disk(
    browser, zensical_offline_site, start, query, title
):
    """Zensical's own search, in its build for use from disk: accents and a typo forgiven
    (sphub's worker folds the accents Zensical keeps), and a result opens its page."""
    context, visit = open_visit(browser, DESKTOP)
    page = visit.page
    page.goto((zensical_offline_site / start).as_uri())
    titles = zensical_search(page, query)
    assert title in titles[:3], titles
    page.locator("dialog[aria-label=Search] a[role=option]", has_text=title).first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).scheme == "file" and urlsplit(page.url).path.endswith(".html")
    assert title in page.locator(".md-content").inner_text()  # a page, or one of its sections
    context.close()
    assert all(url.startswith("file://") for url in visit.requests), visit.leaving()
    visit.check()
