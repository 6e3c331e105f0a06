"""Work-plan timelines and small bar charts: layout only (positions and sizes).

The markup, with every text escaped, is written by the macros in
overrides/fragments/_pictures.html; nothing here builds SVG or HTML text."""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from sphub.models.network import Activity, Region, WorkPlan
from sphub.models.types import parse_partial
from sphub.data.site import Site
from sphub.render.i18n import N_
from sphub.render.text import Words

# Timeline geometry, in SVG user units (the picture scales to the page width).
WIDTH = 600
LABEL_CHARS = 60  # an activity's title wraps after this many characters
LINE = 19  # height of a line of text
BAR = 13  # height of a bar
TOP = 44  # room for the month names and the build-date note
SIDE = 8


@dataclass(frozen=True)
class Bar:
    """One activity: its title lines, where its bar starts and ends, and its status."""

    activity: Activity
    lines: list[str]
    y: float  # top of the title
    bar_y: float
    x: float
    width: float
    precision: str  # 'day', 'month', 'year' or 'span'
    before: bool  # starts before the plan's year (drawn from the year's first day)
    after: bool  # ends after it
    status_x: float
    status_y: float
    status_anchor: str  # 'start' (text after the bar) or 'end' (before it)
    status: str  # in words: 'Done', 'Planned for 2012; outcome not recorded'
    words: Words = Words()

    @property
    def when(self) -> str:
        return self.words.when(self.activity.when)


@dataclass(frozen=True)
class Group:
    title: str
    y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Timeline:
    """A work plan's year: 12 month columns, activities grouped by focus area, build date."""

    key: str
    plan: WorkPlan
    title: str
    description: str
    width: float
    height: float
    months: list[tuple[float, float, str]]  # x, width, 'Jan'
    groups: list[Group]
    today_x: float | None  # the build date, when it falls in the plan's year
    today_note: str


def _x(day: date, year: int, end: bool = False) -> float:
    """Where `day` starts (or, with `end`, ends) on the year's axis."""
    days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    offset = (day - date(year, 1, 1)).days + (1 if end else 0)
    return round(SIDE + (WIDTH - 2 * SIDE) * offset / days, 1)


def timeline(site: Site, plan: WorkPlan, title: str, words: Words = Words()) -> Timeline:
    """The layout of `plan`'s timeline; `title` is the plan's page title."""
    year = plan.year
    months = []
    for month in range(1, 13):
        first = date(year, month, 1)
        last = date(year + (month == 12), month % 12 + 1, 1)
        x = _x(first, year)
        months.append((x, round(_x(last, year) - x, 1), words.month(first)))
    y = TOP
    groups = []
    for area in plan.focus_areas:
        group_y = y
        y += LINE + 4
        bars = []
        for activity in area.activities:
            parts = activity.when.split("/")
            start, end = parse_partial(parts[0])[0], parse_partial(parts[-1])[1]
            precision = "span" if len(parts) > 1 else ("year", "month", "day")[parts[0].count("-")]
            # Each line keeps the title's type: one shown in English is marked so.
            lines = [
                type(activity.title)(line) for line in textwrap.wrap(activity.title, LABEL_CHARS)
            ]
            x0 = _x(max(start, date(year, 1, 1)), year)
            x1 = _x(min(end, date(year, 12, 31)), year, end=True)
            # A single day is a thin bar; widen it so it is seen and can be pointed at.
            if x1 - x0 < 4:
                x0, x1 = round((x0 + x1) / 2 - 2, 1), round((x0 + x1) / 2 + 2, 1)
            text_y = y
            bar_y = y + len(lines) * LINE + 2
            status = words.activity_status(activity.status, year, site.build_date)
            # The status goes after the bar where it fits (13 px text: about 7 units a letter),
            # else before it, else under it.
            length = len(status) * 7
            room_after = WIDTH - SIDE - x1 > max(100, length)
            under = not room_after and x0 - 6 - SIDE < length
            status_x, status_y = (x1 + 6 if room_after else x0 - 6), bar_y + 11
            if under:
                status_x, status_y = max(x0, SIDE), bar_y + BAR + LINE - 4
            bars.append(
                Bar(
                    activity=activity,
                    lines=lines,
                    y=text_y,
                    bar_y=bar_y,
                    x=x0,
                    width=round(x1 - x0, 1),
                    precision=precision,
                    before=start.year < year,
                    after=end.year > year,
                    status_x=status_x,
                    status_y=status_y,
                    status_anchor="start" if room_after or under else "end",
                    status=status,
                    words=words,
                )
            )
            y = bar_y + BAR + 12 + (LINE if under else 0)
        groups.append(Group(area.title, group_y, bars))
        y += 6
    build = site.build_date
    if build.year == year:
        today_x, note = _x(build, year), words(N_("Built %(day)s"), day=words.dates(build, None))
    else:
        today_x = None
        after = N_("The year is over; statuses as of %(day)s")
        before = N_("The year has not begun; statuses as of %(day)s")
        note = words(after if build.year > year else before, day=words.dates(build, None))
    region = site.regions[plan.region]
    count = sum(len(area.activities) for area in plan.focus_areas)
    # Markup, so that a title shown in English stays marked so (sphub.data.fallback).
    description = (
        escape(
            words(
                N_(
                    "Timeline of %(region)s's work plan for %(year)s: %(activities)s in "
                    "%(areas)s, as bars over the twelve months."
                ),
                region=region.group,
                year=year,
                activities=words.ngettext("%(num)s activity", "%(num)s activities", count),
                areas=words.ngettext(
                    "%(num)s focus area", "%(num)s focus areas", len(plan.focus_areas)
                ),
            )
        )
        + Markup(" ")
        + Markup(" ").join(
            Markup("{}: ").format(area.title)
            + Markup("; ").join(
                Markup("{}, {}, {}").format(
                    a.title,
                    words.when(a.when),
                    words.activity_status(a.status, year, site.build_date).lower(),
                )
                for a in area.activities
            )
            + Markup(".")
            for area in plan.focus_areas
        )
        + Markup(" {}.").format(note)
    )
    return Timeline(
        key=f"timeline-{plan.id}",
        plan=plan,
        title=words(N_("%(title)s: timeline"), title=title),
        description=description,
        width=WIDTH,
        height=round(y + 4, 1),
        months=months,
        groups=groups,
        today_x=today_x,
        today_note=note,
    )


# Bar charts


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    y: float
    width: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars with their values written at the end: readable on a phone and on
    paper without colour."""

    key: str
    title: str
    description: str
    label_head: str  # column heading of the labels in the table
    value_head: str
    width: float
    height: float
    label_width: float
    rows: list[Row]


CHART_WIDTH = 320
ROW = 20


def bar_chart(
    key: str, title: str, label_head: str, value_head: str, counts: list[tuple[str, int]]
) -> BarChart:
    """Lay out `counts` ((label, value), in order) as a small horizontal bar chart."""
    label_width = max([len(text) for text, _ in counts] + [4]) * 7 + 10
    room = CHART_WIDTH - label_width - 30
    top = max([value for _, value in counts] + [1])
    rows = [
        Row(text, value, 4 + i * ROW, round(room * value / top, 1))
        for i, (text, value) in enumerate(counts)
    ]
    description = f"{title}: " + "; ".join(f"{text}: {value}" for text, value in counts) + "."
    return BarChart(
        key,
        title,
        description,
        label_head,
        value_head,
        CHART_WIDTH,
        4 + len(rows) * ROW + 4,
        label_width,
        rows,
    )


def _years(values: Counter) -> list[tuple[str, int]]:
    """Every year from the first to the last with a value, gaps shown as 0."""
    if not values:
        return []
    return [(str(y), values.get(y, 0)) for y in range(min(values), max(values) + 1)]


def events_per_year(
    site: Site, region: Region | None = None, words: Words = Words()
) -> BarChart | None:
    events = site.referring(region, "events") if region else list(site.events.values())
    counts = _years(Counter(e.start.year for e in events))
    if not counts:
        return None
    title = (
        words(N_("Events per year in %(region)s"), region=region.name)
        if region
        else words(N_("Events per year"))
    )
    return bar_chart(
        f"chart-events-year-{region.id if region else 'all'}",
        title,
        words(N_("Year")),
        words(N_("Events")),
        counts,
    )


def events_per_region(site: Site, words: Words = Words()) -> BarChart | None:
    if not site.events:
        return None
    counts = Counter(e.region for e in site.events.values())
    rows = [(r.name, counts.get(r.id, 0)) for r in site.regions.values()]
    if counts.get(None):
        rows.append((words(N_("No region")), counts[None]))
    return bar_chart(
        "chart-events-region",
        words(N_("Events per region")),
        words(N_("Region")),
        words(N_("Events")),
        rows,
    )


def members_per_year(
    site: Site, region: Region | None = None, words: Words = Words()
) -> BarChart | None:
    members = site.members_of(region) if region else list(site.members.values())
    counts = _years(Counter(year for m in members for year in m.years))
    if not counts:
        return None
    title = (
        words(N_("Member networks per year in %(region)s"), region=region.name)
        if region
        else words(N_("Member networks per year"))
    )
    return bar_chart(
        f"chart-members-year-{region.id if region else 'all'}",
        title,
        words(N_("Year")),
        words(N_("Member networks")),
        counts,
    )
