"""The pictures' layout from the data, without a build: the world file's shapes, the maps'
framing and shades, the timelines' bars and dates, and data text escaped in them
(tests/build/test_pictures.py reads them in the built pages)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from sphub.data.load import load_site
from sphub.render.pictures import charts, maps
from tests.conftest import ROOT
from tests.pictures import svgs, texts


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
