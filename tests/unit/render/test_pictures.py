"""The pictures (member maps, work-plan timelines, small charts): read as a person would, from
the built pages, and their layout checked against the data."""

from __future__ import annotations

import dataclasses
import gzip
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sphub.render.pictures import charts
from sphub.render.pictures import maps
from sphub.render.text import activity_status
from sphub.data.load import load_site
from tests.conftest import ROOT, build, make_project

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r'<figure class="sphub-figure[^"]*" id="([^"]+)">.*?</figure>', re.S)


def svgs(html: str) -> list[ET.Element]:
    """Every picture's <svg> on a page, parsed as XML: a malformed one fails here."""
    return [
        ET.fromstring(m)
        for m in re.findall(r"<svg xmlns=.*?</svg>", html, re.S)
        if 'class="sphub-' in m
    ]


def page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def by_class(svg: ET.Element, prefix: str) -> list[ET.Element]:
    return [e for e in svg.iter() if e.get("class", "").split(" ")[0].startswith(prefix)]


def texts(svg: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in svg.iter(SVG + "text")]


# Maps


def test_world_file_decodes_to_projected_countries():
    shapes = maps.world()
    codes = {s.code for s in shapes}
    assert {"IN", "PK", "PH", "LK", "BR", "FJ"} <= codes
    # Every shape lies on the projected world (|x| <= 0.87 pi, |y| <= 1.42), except the
    # eastern halves of rings moved past 180° (Fiji, Chukotka).
    for shape in shapes:
        x0, y0, x1, y1 = shape.bbox
        assert -2.8 < x0 < x1 < 3.6 and -1.5 < y0 < y1 < 1.5, shape.code


def test_no_ring_crosses_the_whole_map():
    # A ring jumping from 180°E to 180°W would draw a line across the map.
    for shape in maps.world():
        for polygon in shape.polygons:
            for ring in polygon:
                assert all(abs(b[0] - a[0]) < 2 for a, b in zip(ring, ring[1:])), shape.code


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


def _points(d: str) -> list[tuple[int, int]]:
    """The absolute points of a path written as 'M x,y l dx,dy ... z' (maps._path)."""
    points = []
    for part in re.findall(r"M[^z]*z", d):
        move, steps = part[1:-1].split("l")
        x, y = map(int, re.findall(r"-?\d+", move))
        points.append((x, y))
        numbers = list(map(int, re.findall(r"-?\d+", steps)))
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


@pytest.mark.parametrize("region", [None, "asia"])
def test_map_frames_the_member_countries_whole_for_a_phone(shipped, region):
    """Framed on the member countries (the world around them as context): every member
    country is drawn whole inside the frame, and the map fits a 390 px phone's column with
    labels of 12 CSS px or more."""
    found = maps.member_map(shipped, shipped.regions[region] if region else None)
    assert found.min_width <= 358
    assert found.font * (found.min_width - 2) / found.width >= maps.MIN_TEXT_PX
    assert {c.code for c in found.countries} >= {"AF", "BD", "CN", "ID", "PH", "PK"}
    for c in found.countries:
        points = _points(c.d)
        assert all(0 <= x <= found.width and 0 <= y <= found.height for x, y in points), c.code
        assert 0 <= c.label_x <= found.width and 0 <= c.label_y <= found.height
    # The world is there as context: countries with no member around them.
    assert found.background.count("M") > 20
    if region is None:
        assert all(c.labelled for c in found.countries)


def test_region_without_members_has_no_map(built_site, shipped):
    empty = [r for r in shipped.regions.values() if not shipped.members_of(r)]
    assert empty
    for region in empty:
        assert maps.member_map(shipped, region) is None
        assert "sphub-map" not in page(built_site, f"regions/{region.id}")


def test_map_shades_read_in_greyscale():
    """Each shade is darker than the one before and than land without members, by a margin
    a greyscale printer keeps."""
    css = (ROOT / "docs/assets/sphub.css").read_text()

    def grey(selector: str) -> float:
        colour = re.search(re.escape(selector) + r"\s*\{[^}]*?fill:\s*#([0-9a-f]{6})", css)[1]
        r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    greys = [grey(".sphub-map__land")] + [
        grey(f".sphub-map__n{i}") for i in range(1, len(maps.SHADES) + 1)
    ]
    assert all(a - b >= 25 for a, b in zip(greys, greys[1:])), greys


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


def test_timeline_bars_sit_on_their_months(shipped):
    plan = shipped.workplans["asia-2012"]
    t = charts.timeline(shipped, plan, "x")
    month_x = {name: (x, x + w) for x, w, name in t.months}
    bars = {b.activity.id: b for g in t.groups for b in g.bars}
    # 2012-03/2012-11: from the start of March to the end of November.
    span = bars["member-audits"]
    assert span.x == month_x["Mar"][0] and span.x + span.width == pytest.approx(month_x["Nov"][1])
    # 2012-12: exactly December.
    assert bars["regional-report"].x == month_x["Dec"][0]
    # 2012-02-20/22: inside February, a few days wide.
    day = bars["spi-training"]
    assert month_x["Feb"][0] < day.x and day.x + day.width < month_x["Feb"][1]
    assert day.width < (month_x["Feb"][1] - month_x["Feb"][0]) / 3
    # Bars never overlap the title lines above them.
    for b in bars.values():
        assert b.bar_y >= b.y + len(b.lines) * charts.LINE


def test_build_date_marked_when_in_the_plans_year(shipped):
    plan = shipped.workplans["asia-2012"]
    during = dataclasses.replace(shipped, build_date=date(2012, 7, 1))
    t = charts.timeline(during, plan, "x")
    july = next(x for x, _, name in t.months if name == "Jul")
    assert t.today_x == july and t.today_note == "Built 1 July 2012"
    later = charts.timeline(dataclasses.replace(shipped, build_date=date(2026, 1, 1)), plan, "x")
    assert later.today_x is None
    assert later.today_note == "The year is over; statuses as of 1 January 2026"
    early = charts.timeline(dataclasses.replace(shipped, build_date=date(2011, 5, 2)), plan, "x")
    assert early.today_note == "The year has not begun; statuses as of 2 May 2011"


def test_years_side_by_side(tmp_path):
    """With a second year of plans, the work-plans index and the region's history show both
    years' timelines."""
    project = make_project(tmp_path / "project")
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


def test_data_text_in_pictures_is_escaped(data_copy):
    plans = data_copy / "workplans.yml"
    plans.write_text(
        plans.read_text().replace(
            "title: Collect feedback on the benchmarks for the USSPM",
            'title: "Feedback <script>alert(1)</script> & more"',
        )
    )
    from sphub.render.pages import entry_page
    from sphub.render.renderer import Renderer

    site = load_site(data_copy)
    html = entry_page(
        Renderer(site, ROOT / "overrides/fragments"), site.workplans["asia-2012"]
    ).html
    assert "<script>" not in html
    (svg,) = [s for s in svgs(html) if "sphub-timeline__svg" in s.get("class")]
    assert "Feedback <script>alert(1)</script> & more" in texts(svg)


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


# Screenshots: one of each kind, at phone and desktop widths, saved for a person to look at.

ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.mark.parametrize(
    "url, key",
    [
        ("members", "map-world"),
        ("regions/asia", "map-asia"),
        ("regions/asia", "timeline-asia-2012"),
        ("", "chart-events-region"),
    ],
)
@pytest.mark.parametrize("width", [390, 1000])
def test_screenshot(built_site, url, key, width):
    import subprocess

    from browser.browsing import CHROMIUM, require_browser

    require_browser()
    html = page(built_site, url)
    figure = next(m.group(0) for m in FIGURE.finditer(html) if m.group(1) == key)
    # The figure alone, with the page's own style sheets, so the shot shows just the picture.
    base = (built_site / url / "index.html").as_uri()
    styles = "".join(
        f'<link rel="stylesheet" href="{posixpath.join(posixpath.dirname(base), h)}">'
        for h in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    )
    ARTIFACTS.mkdir(exist_ok=True)
    single = ARTIFACTS / f"{key}-{width}.html"
    single.write_text(
        f'<!doctype html><html><head><meta charset="utf-8">{styles}</head>'
        f'<body><article class="md-typeset" style="padding:8px">{figure}'
        "</article></body></html>",
        encoding="utf-8",
    )
    shot = ARTIFACTS / f"{key}-{width}.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={shot}",
            f"--window-size={width},900",
            single.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


def test_past_timeline_says_no_outcome_is_recorded_and_keeps_it_in_the_picture(shipped):
    from sphub.render.pictures.charts import WIDTH, timeline

    later = dataclasses.replace(shipped, build_date=date(2026, 12, 1))
    plan = next(iter(later.workplans.values()))
    bars = [b for g in timeline(later, plan, "t").groups for b in g.bars]
    open_ones = [b for b in bars if b.activity.status in ("planned", "in-progress")]
    assert open_ones, "the shipped plan has no open activity: this check needs another"
    assert all(b.status.endswith(f"{plan.year}; outcome not recorded") for b in open_ones)
    for b in bars:  # the status text stays inside the picture
        length = len(b.status) * 7
        start = b.status_x if b.status_anchor == "start" else b.status_x - length
        assert 0 <= start and start + length <= WIDTH, (b.status, b.status_x, b.status_anchor)


def _line_points(line, steps: int = 60):
    """Points along a diagram line as its path data draws it (diagram.Line.d)."""
    parts = re.findall(r"([MCL])([^MCL]*)", line.d)
    x, y = map(float, parts[0][1].split())
    for command, args in parts[1:]:
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "L":
            x2, y2 = numbers
            for i in range(steps + 1):
                yield x + (x2 - x) * i / steps, y + (y2 - y) * i / steps
        else:
            cx1, cy1, cx2, cy2, x2, y2 = numbers
            for i in range(steps + 1):
                t = i / steps
                u = 1 - t
                yield (
                    u**3 * x + 3 * u * u * t * cx1 + 3 * u * t * t * cx2 + t**3 * x2,
                    u**3 * y + 3 * u * u * t * cy1 + 3 * u * t * t * cy2 + t**3 * y2,
                )
        x, y = x2, y2


def test_no_line_of_the_tree_diagram_crosses_a_box(shipped):
    """A line from a question to a node rows below passes the rows between in a lane of its
    own (the shipped tree has such lines: without lanes, 11 of them crossed boxes)."""
    from sphub.render.pictures import diagram

    found = diagram.layout(shipped.tree)
    assert any(len(line.points) > 2 for line in found.lines)  # lines across several rows
    crossing = [
        (line.points[0], line.points[-1], box.tag)
        for line in found.lines
        for box in found.boxes
        if any(
            box.x + 1 < x < box.x + found.box_width - 1
            and box.y + 1 < y < box.y + found.box_height - 1
            for x, y in _line_points(line)
        )
    ]
    assert crossing == []
    # Every line starts at the bottom of a box and ends at the top of another.
    tops = {(b.x + found.box_width // 2, b.y) for b in found.boxes}
    bottoms = {(b.x + found.box_width // 2, b.y + found.box_height) for b in found.boxes}
    assert all(line.points[0] in bottoms and line.points[-1] in tops for line in found.lines)
