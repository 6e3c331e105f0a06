"""The pictures (member maps, work-plan timelines, small charts): read as a person would, from
the built pages, and checked against the data (tests/unit/render/test_picture_layout.py checks
their layout without a build; tests/browser/test_pictures.py takes their screenshots)."""

from __future__ import annotations

import gzip
import posixpath
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from sphub.render.pictures import maps
from sphub.render.text import activity_status
from tests.conftest import build, make_project
from tests.pictures import FIGURE, SVG, by_class, page, svgs, texts


@pytest.mark.parametrize("url, region", [("regions/asia", "asia"), ("members", None)])
def test_map_has_one_linked_shape_per_member_country(built_site, shipped, url, region):
    members = shipped.members_of(shipped.regions[region]) if region else shipped.members.values()
    countries = Counter(m.country for m in members if m.country)
    (svg,) = [s for s in svgs(page(built_site, url)) if "sphub-map__svg" in s.get("class")]
    shapes = by_class(svg, "sphub-map__n")
    assert len(shapes) == len(countries)
    links = {a.get("href").split("?country=")[1].split("#")[0]: a for a in svg.iter(SVG + "a")}
    assert set(links) == set(countries)
    for code, count in countries.items():
        assert (
            links[code]
            .get("aria-label")
            .endswith(f": {count} member network" + ("s" if count > 1 else ""))
        )
    # Labels name the country and its count; nothing else is labelled.
    labels = texts(svg)
    assert labels and all(re.fullmatch(r".+ \((\d+)\)", t) for t in labels)


def test_region_without_members_has_no_map(built_site, shipped):
    empty = [r for r in shipped.regions.values() if not shipped.members_of(r)]
    assert empty
    for region in empty:
        assert maps.member_map(shipped, region) is None
        assert "sphub-map" not in page(built_site, f"regions/{region.id}")


# Timelines


def test_timeline_has_one_bar_per_activity_with_status_text(built_site, shipped):
    plan = shipped.workplans["asia-2012"]
    activities = [a for area in plan.focus_areas for a in area.activities]
    for url in ("work-plans/asia-2012", "regions/asia", "work-plans"):
        (svg,) = [s for s in svgs(page(built_site, url)) if "sphub-timeline__svg" in s.get("class")]
        bars = by_class(svg, "sphub-timeline__bar")
        assert len(bars) == len(activities)
        assert [b.get("class").split("--")[1] for b in bars] == [a.status for a in activities]
        # Built after 2012: an activity still planned says that no outcome is recorded.
        expected = [activity_status(a.status, plan.year, shipped.build_date) for a in activities]
        assert "Planned for 2012; outcome not recorded" in expected
        statuses = [t for t in texts(svg) if t.split(",")[0] in expected]
        assert [s.split(",")[0] for s in statuses] == expected
        areas = [t for t in texts(svg) if t in [a.title for a in plan.focus_areas]]
        assert areas == [a.title for a in plan.focus_areas]


def test_years_side_by_side(tmp_path):
    """With a second year of plans, the work-plans index and the region's history show both
    years' timelines."""
    project = make_project(tmp_path / "project", translations=())
    plans = project / "data/workplans.yml"
    plans.write_text(
        plans.read_text()
        + """
  - id: asia-2011
    region: asia
    year: 2011
    focus_areas:
      - id: test-area
        title: Test area
        activities:
          - id: test-activity
            title: Test activity spanning the turn of the year
            when: 2011-11/2012-01
            status: done
"""
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    index = page(project / "site", "work-plans")
    years = index.split('class="sphub-years"')[1]
    assert [m for m in re.findall(r'id="timeline-(asia-\d+)"', years)] == ["asia-2011", "asia-2012"]
    history = page(project / "site", "regions/asia").split('id="history"')[1]
    (svg,) = [s for s in svgs(history) if "sphub-timeline__svg" in s.get("class")]
    assert "Done, into 2012" in texts(svg)


# Charts


def test_charts_show_the_counts_of_the_data(built_site, shipped):
    home = svgs(page(built_site, ""))
    charts_by_title = {
        s.find(SVG + "title").text: s for s in home if "sphub-chart__svg" in s.get("class")
    }
    per_year = Counter(e.start.year for e in shipped.events.values())
    svg = charts_by_title["Events per year"]
    rows = texts(svg)
    pairs = dict(zip(rows[::2], map(int, rows[1::2])))
    assert {int(y): n for y, n in pairs.items() if n} == dict(per_year)
    assert list(map(int, pairs)) == list(range(min(per_year), max(per_year) + 1))
    members = Counter(y for m in shipped.members.values() for y in m.years)
    rows = texts(charts_by_title["Member networks per year"])
    assert {int(y): int(n) for y, n in zip(rows[::2], rows[1::2]) if int(n)} == dict(members)
    # Longer bars for bigger numbers.
    widths = [
        (int(t), float(r.get("width")))
        for t, r in zip(
            rows[1::2], by_class(charts_by_title["Events per region"], "sphub-chart__bar")
        )
    ]
    assert sorted(widths) == sorted(widths, key=lambda p: p[1])


# Every picture


PAGES = ["", "members", "regions/asia", "work-plans", "work-plans/asia-2012"]


@pytest.mark.parametrize("url", PAGES)
def test_every_picture_has_a_text_alternative(built_site, url):
    html = page(built_site, url)
    figures = FIGURE.findall(html)
    assert figures
    for match in FIGURE.finditer(html):
        figure = match.group(0)
        (svg,) = svgs(figure)
        title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
        assert title.text.strip() and len(desc.text) > len(title.text)
        assert svg.get("aria-labelledby") == title.get("id")
        assert svg.get("aria-describedby") == desc.get("id")
        assert svg.get("role") in ("img", "group")
        if svg.get("role") == "img":  # an image's content is hidden: no link may hide in it
            assert svg.find(f".//{SVG}a") is None
        table = re.search(r"<details[^>]*>.*?<table.*?</table>\s*</details>", figure, re.S)
        assert table, "the picture's facts as a table"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique on the page"


def test_links_in_pictures_resolve(built_site):
    checked = 0
    for url in PAGES:
        for svg in svgs(page(built_site, url)):
            for a in svg.iter(SVG + "a"):
                parts = urlsplit(a.get("href"))
                target = posixpath.normpath(posixpath.join(url or ".", parts.path))
                html = page(built_site, target)
                assert f'id="{parts.fragment}"' in html, a.get("href")
                assert parts.query.startswith("country=")
                checked += 1
    assert checked >= 2 * 9


def test_pictures_stay_small(built_site):
    """The page-weight budget of the pictures (docs/pictures.md gives the figures)."""
    for url in PAGES:
        for match in FIGURE.finditer(page(built_site, url)):
            raw = match.group(0).encode()
            budget = 40_000 if match.group(1).startswith("map-") else 12_000
            assert len(raw) < budget, (url, match.group(1), len(raw))
            assert len(gzip.compress(raw)) < budget / 3
