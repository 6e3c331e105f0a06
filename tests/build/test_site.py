"""The shipped site, built with `mkdocs build --strict` as `make site` does, read as HTML:
one test per page type, plus the seed content and the navigation's weight."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build, make_project

from sphub.data.load import load_site


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def text(soup: BeautifulSoup) -> str:
    return " ".join(content(soup).get_text(" ").split())


def test_home(built_site):
    home = page(built_site, "")
    assert (
        home.h1.get_text(strip=True).rstrip("¶") == "Social Performance Working Group for Networks"
    )
    assert "14 member networks" in text(home)
    assert home.select_one('a[href="members/"]') is not None


def test_region_page_follows_seed_000(built_site):
    asia = page(built_site, "regions/asia")
    assert asia.h1.get_text(strip=True) == "SPWG Asia"
    headings = [h.get_text(" ", strip=True) for h in content(asia).find_all("h2")]
    assert headings[:3] == ["Work plan 2012", "Members", "Asia resources"]
    assert "Regional events" in headings and "Historical information" in headings
    body = text(asia)
    assert "Mehr Shah" in body
    assert "Each network conducts 2 social audits on member MFIs (March – November 2012)" in body
    member_links = {a["href"] for a in content(asia).select(".sphub-members a")}
    assert len(member_links) == 14
    assert "../../events/spi-training-bangkok-2012/" in {a["href"] for a in asia.select("a")}


def test_work_plan_page(built_site):
    plan = page(built_site, "work-plans/asia-2012")
    assert plan.h1.get_text(strip=True) == "SPWG Asia work plan 2012"
    areas = [h.get_text(strip=True) for h in content(plan).find_all("h2")]
    assert areas == [
        "Capacity building on social audits",
        "Promoting social performance with national regulators",
        "Universal Standards of Social Performance Management (USSPM)",
    ]
    rows = content(plan).select("table.sphub-table tbody tr[id]")
    assert len(rows) == 6
    cells = {r["id"]: [td.get_text(" ", strip=True) for td in r.find_all("td")] for r in rows}
    # Built in 2026: the 2012 plan is over, and no outcome is recorded for this activity.
    assert cells["member-audits"][1:3] == [
        "March – November 2012",
        "Planned for 2012; outcome not recorded",
    ]
    assert cells["spi-training"][1:3] == ["20–22 February 2012", "Done"]
    assert cells["regional-report"][1] == "December 2012"
    assert cells["shanghai-forum"][1] == "22 June 2012"
    assert cells["baseline-report"][1] == "September 2012"
    assert cells["benchmark-feedback"][1] == "January – April 2012"


def test_member_directory_and_member_page(built_site):
    directory = page(built_site, "members")
    rows = content(directory).select("table.sphub-directory__table tbody tr")
    assert len(rows) == 14
    pmn = next(r for r in rows if "PMN" in r.get_text())
    assert pmn["data-country"] == "PK" and pmn["data-region"] == "asia"
    member = page(built_site, "members/sa-dhan")
    assert member.h1.get_text(strip=True) == "Sa-Dhan"
    body = text(member)
    assert "India" in body and "code of conduct" in body and "2012" in body
    samn = text(page(built_site, "members/samn"))
    assert "Mehr Shah, Regional facilitator, SPWG Asia" in samn


def test_event_pages_and_list(built_site):
    training = page(built_site, "events/spi-training-bangkok-2012")
    body = text(training)
    assert "20–22 February 2012 (past)" in body
    assert "Bangkok, Thailand" in body
    assert "Networks represented 12" in body
    supporters = [a.get_text() for a in content(training).select("dd a")]
    for name in [
        "SEEP Network",
        "Plan International",
        "CERISE",
        "Oikocredit",
        "Incofin",
        "Grameen Credit Agricole Microfinance Foundation",
    ]:
        assert name in supporters
    assert content(training).find("strong").get_text() == "Social Performance Indicators (SPI)"
    meeting = text(page(built_site, "events/spwg-asia-regional-meeting-2012"))
    assert "Minutes of the SPWG Asia regional meeting, February 2012" in meeting
    events = page(built_site, "events")
    assert [h.get_text(strip=True) for h in content(events).find_all("h2")] == [
        "Upcoming events",
        "Past events",
    ]
    assert "No upcoming events are recorded as of 1 January 2026." in text(events)
    assert len(content(events).select("tbody tr")) == 4


def test_events_split_by_build_date(tmp_path):
    project = make_project(tmp_path / "project", translations=())  # English: its only check
    out = tmp_path / "site"
    result = build(project, out, epoch="1330560000")  # 2012-03-01
    assert result.returncode == 0, result.stderr
    events = content(page(out, "events"))
    upcoming, past = events.find_all("table")
    assert "Inclusive Finance Forum" in upcoming.get_text()
    assert "Bangkok" in past.get_text() and "Shanghai" not in past.get_text()


def test_resources_partners_projects_about(built_site):
    library = text(page(built_site, "resources"))
    assert "The Decision Tree for Microfinance Networks (unverified)" in library
    tree = text(page(built_site, "resources/decision-tree-for-networks"))
    assert "Unverified:" in tree and "Cécile Lapenu" in tree and "Year Not confirmed" in tree
    partners = content(page(built_site, "partners"))
    assert "Swiss Agency for Development and Cooperation (SDC)" in partners.get_text()
    assert [h.get_text() for h in partners.find_all("h2")][0] == "Network of networks"
    project = text(page(built_site, "projects/network-strategy-framework"))
    assert "May 2010 – April 2011" in project and "Ford Foundation" in project
    assert "24–26 June 2010" in project
    about = content(page(built_site, "about"))
    links = {a["href"] for a in about.select(".sphub-about-links a")}
    assert "https://seepnetwork.org/" in links
    assert "https://twitter.com/SEEPNetwork" in links


def test_every_seed_member_and_organisation_has_a_page(built_site):
    site = load_site(ROOT / "data")
    for member in site.members.values():
        assert page(built_site, f"members/{member.id}").h1 is not None
    for org in site.organisations.values():
        assert page(built_site, f"partners/{org.id}").h1 is not None
    for topic in site.topics.values():
        assert page(built_site, f"topics/{topic.id}").h1 is not None


def test_navigation_lists_sections_not_entries(built_site):
    # The nav holds the hand-written pages of mkdocs.yml only: it does not grow with the data,
    # so a member's page weighs the same with 14 members or 1,400.
    import yaml

    def count(items) -> int:
        return sum(
            count(next(iter(i.values())))
            if isinstance(i, dict) and isinstance(next(iter(i.values())), list)
            else 1
            for i in items
        )

    class Loader(yaml.SafeLoader):  # mkdocs.yml uses MkDocs' own tags (!ENV)
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["nav"]
    member = page(built_site, "members/pmn")
    nav_links = member.select("nav.md-nav--primary a.md-nav__link[href]")
    assert len({a["href"] for a in nav_links}) == count(nav)
    assert not any(
        "/members/" in a["href"] and "pmn" not in a["href"]
        for a in nav_links
        if a["href"].count("/") > 2
    )
    assert "Lanka Microfinance" not in member.get_text()


def test_no_external_asset_is_loaded(built_site):
    for html in built_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[href], img[src]"):
            ref = tag.get("src") or tag.get("href")
            if tag.name == "link" and "stylesheet" not in (tag.get("rel") or []):
                continue
            assert not ref.startswith(("http:", "https:", "//")), (html, ref)


@pytest.fixture
def broken_project(tmp_path):
    project = make_project(tmp_path / "project")
    members = project / "data" / "members.yml"
    members.write_text(
        members.read_text()
        .replace("country: PK", "country: Srilanka", 1)
        .replace("region: asia", "region: asai", 1)
    )
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous build")
    return project


def test_bad_data_stops_the_build_before_site_is_touched(broken_project):
    result = build(broken_project, broken_project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.startswith("data/")]
    assert len(lines) == 2
    assert lines[0].startswith("data/members.yml:") and "members[1].region" in lines[0]
    assert "members[10].country" in lines[1] and "got 'Srilanka'" in lines[1]
    assert "2 problems in the data; nothing was built." in output
    assert (broken_project / "site" / "index.html").read_text() == "previous build"
    assert sorted(p.name for p in (broken_project / "site").iterdir()) == ["index.html"]


def test_topics_link_resources_tools_and_case_studies(built_site):
    topic = content(page(built_site, "topics/social-audits"))
    sections = [h.get_text(strip=True) for h in topic.find_all("h2")]
    assert sections[:3] == ["Resources", "Tools", "Case studies"]
    body = topic.get_text(" ")
    assert "Social Performance Indicators" in body  # CERISE SPI, a tool
    assert "MCPI: social audits with MFC" in body  # a case study
    case = content(page(built_site, "guidance/case-studies/mcpi-social-audits-2009"))
    assert case.select_one('a[href="../../../topics/social-audits/"]') is not None


def test_a_broken_page_stops_the_build_before_site_is_touched(tmp_path):
    project = make_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(
        "---\nrender_macros: true\n\n# About\n\n{{ about_links() }}\n", encoding="utf-8"
    )
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous build")
    result = build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/about.md:1: (front matter): expected a line '---' closing" in output
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
