"""Member maps: country shapes from Natural Earth, projected at build time, shaded by how many
member networks each country has.

This module computes geometry only (numbers and SVG path data); the markup, with every text
escaped, is written by the `member_map` macro in overrides/fragments/_pictures.html."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from sphub.models.network import Member, Region
from sphub.data.site import Site, sort_name
from sphub.render.i18n import N_
from sphub.render.text import Words

# Natural Earth 1:110m admin-0 countries as TopoJSON, from the npm package world-atlas
# (see sphub/render/pictures/geodata/README.md for source, version and licence).
WORLD_FILE = Path(__file__).parent / "geodata" / "countries-110m.json"

# Member counts are shown in these classes, lightest to darkest; the CSS gives each a fill
# whose lightness alone tells them apart, so the map reads in greyscale print.
SHADES = [(1, 1), (2, 2), (3, 5), (6, None)]

# The smallest text a picture may show, in CSS px: a map is never drawn narrower than the
# width at which its labels reach this size.
MIN_TEXT_PX = 12

# The text column of a 390 px phone (Material's margins and the map's border taken off).
PHONE_COLUMN_PX = 354

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Shape:
    """One country's outline, projected: polygons of rings of (x, y), y growing down."""

    code: str | None  # ISO 3166 alpha-2, None for areas without one (e.g. N. Cyprus)
    polygons: list[list[Ring]]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        points = [p for polygon in self.polygons for p in polygon[0]]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Legend:
    shade: int  # 1..len(SHADES): the CSS class sphub-map__n<shade>
    label: str  # '1 network', '3–5 networks'


@dataclass(frozen=True)
class CountryMark:
    """A member country on the map: its shape, shade, label and the networks it counts."""

    code: str
    name: str
    members: list[Member]
    shade: int
    d: str
    label_x: float
    label_y: float
    labelled: bool

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def anchor(self) -> str:
        """The id of this country's row in the directory's table ('country-pk')."""
        return f"country-{self.code.lower()}"


@dataclass(frozen=True)
class MemberMap:
    """Everything the template needs to draw a map and its table."""

    key: str  # unique on the page: used for ids
    title: str
    description: str
    width: float
    height: float
    background: str  # one path for every other country: a single element keeps pages light
    countries: list[CountryMark]
    legend: list[Legend]
    unmapped: list[tuple[str, list[Member]]]  # member countries too small for 1:110m
    without_country: list[Member]  # regional networks: counted in the table, not on the map
    font: float

    @property
    def min_width(self) -> int:
        """The narrowest the map is drawn, in CSS px: its labels are MIN_TEXT_PX there (the
        2 px are its border, inside that width)."""
        return math.ceil(self.width * MIN_TEXT_PX / self.font) + 2


# Projection


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson, Hurni 2011); y grows down."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, -y


# TopoJSON


def _decode_arcs(topology: dict) -> list[Ring]:
    """Arcs as lists of (lon, lat): TopoJSON stores them quantized and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """Join the arcs of a ring; a negative index ~i means arc i reversed. Consecutive arcs
    share their end point, which is kept once."""
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    # A ring crossing the 180th meridian (Fiji, Chukotka) would be drawn across the whole
    # map: move its western half east of 180°, past the map's right edge, where it is clipped.
    if any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:])):
        ring = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]
    return ring


@lru_cache(maxsize=1)
def world() -> tuple[Shape, ...]:
    """Every country of the world file, projected (radians of the projection's plane)."""
    topology = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        country = pycountry.countries.get(numeric=geometry["id"]) if "id" in geometry else None
        if country and country.alpha_2 == "AQ":
            continue  # below every map's frame (58°S), and its ring runs round the pole
        shapes.append(
            Shape(
                code=country.alpha_2 if country else None,
                polygons=[
                    [[natural_earth(*p) for p in _ring(arcs, r)] for r in polygon]
                    for polygon in polygons
                ],
            )
        )
    return tuple(shapes)


# Drawing


@lru_cache(maxsize=8192)
def _path_of(
    index: int, view: tuple[float, float, float, float], scale: float, tolerance: float = 0.5
) -> str:
    """`_path` of the world's shape number `index`. The same frame gives the same outline:
    each preview rebuild (and each page showing the same map) draws it once, not again."""
    return _path(world()[index], view, scale, tolerance)


def _path(
    shape: Shape, view: tuple[float, float, float, float], scale: float, tolerance: float = 0.5
) -> str:
    """SVG path data in whole pixels, clipped to `view` (a little beyond, so no clipped edge
    shows), simplified to within `tolerance` pixels, with relative moves: short text."""
    x0, y0, x1, y1 = view
    margin = 4 / scale
    box = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    parts = []
    for polygon in shape.polygons:
        for ring in polygon:
            ring = _clip(ring, box)
            ring = _simplify([((x - x0) * scale, (y - y0) * scale) for x, y in ring], tolerance)
            points: list[tuple[int, int]] = []
            for x, y in ring:
                point = (round(x), round(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            steps = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(points, points[1:])]
            parts.append("M" + _pair(points[0]) + "l" + " ".join(map(_pair, steps)) + "z")
    return "".join(parts)


def _clip(ring: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland–Hodgman: the part of a polygon ring inside `box`."""
    # Most rings lie wholly inside the frame or wholly outside it: no cutting to do.
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    if max(xs) < box[0] or min(xs) > box[2] or max(ys) < box[1] or min(ys) > box[3]:
        return []
    if min(xs) >= box[0] and max(xs) <= box[2] and min(ys) >= box[1] and max(ys) <= box[3]:
        return ring
    for axis, limit, keep_below in (
        (0, box[0], False),
        (0, box[2], True),
        (1, box[1], False),
        (1, box[3], True),
    ):

        def inside(p: tuple[float, float]) -> bool:
            return p[axis] <= limit if keep_below else p[axis] >= limit

        clipped: Ring = []
        for a, b in zip(ring[-1:] + ring[:-1], ring):
            if inside(b) != inside(a):
                t = (limit - a[axis]) / (b[axis] - a[axis])
                clipped.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            if inside(b):
                clipped.append(b)
        ring = clipped
        if not ring:
            break
    return ring


def _simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on a ring: drop points closer than `tolerance` to the line kept."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        length = math.hypot(bx - ax, by - ay)
        best, index = 0.0, 0
        for i in range(first + 1, last):
            px, py = ring[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep) if k]


def _pair(point: tuple[int, int]) -> str:
    x, y = point
    return f"{x}{'' if y < 0 else ','}{y}"


def _label_point(shape: Shape) -> tuple[float, float]:
    """Centroid of the largest polygon's outer ring (so Indonesia is labelled on an island,
    not in the sea between them)."""

    def area_centroid(ring: Ring) -> tuple[float, float, float]:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if a == 0:
            return 0.0, ring[0][0], ring[0][1]
        return abs(a) / 2, cx / (3 * a), cy / (3 * a)

    _, x, y = max(area_centroid(polygon[0]) for polygon in shape.polygons)
    return x, y


def _shade(count: int) -> int:
    return next(
        i
        for i, (low, high) in enumerate(SHADES, 1)
        if count >= low and (high is None or count <= high)
    )


def _legend(counts: list[int], words: Words) -> list[Legend]:
    used = sorted({_shade(c) for c in counts})
    legend = []
    for shade in range(1, (used[-1] if used else 0) + 1):
        low, high = SHADES[shade - 1]
        if low == high:
            text = words.ngettext("%(num)s network", "%(num)s networks", low)
        elif high:
            text = words(N_("%(low)s–%(high)s networks"), low=low, high=high)
        else:
            text = words(N_("%(low)s or more networks"), low=low)
        legend.append(Legend(shade, text))
    return legend


def _place_labels(marks: list[dict], font: float, width: float, height: float) -> None:
    """Greedy placement: biggest country first, at its centre or nudged above, below or to a
    side; a label that fits nowhere free is left off the map (the table still lists it)."""
    placed: list[tuple[float, float, float, float]] = []
    for mark in sorted(marks, key=lambda m: -m["size"]):
        w, h = len(mark["text"]) * font * 0.55, font * 1.2
        x0, y0 = mark["label_x"], mark["label_y"]
        mark["labelled"] = False
        for dx, dy in (
            (0, 0),
            (0, -h),
            (0, h),
            (w * 0.6, 0),
            (-w * 0.6, 0),
            (0, -2 * h),
            (0, 2 * h),
        ):
            x, y = x0 + dx, y0 + dy
            box = (x - w / 2, y - h * 0.8, x + w / 2, y + h * 0.4)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            free = all(
                box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed
            )
            if inside and free:
                placed.append(box)
                mark.update(label_x=round(x, 1), label_y=round(y, 1), labelled=True)
                break


def member_map(
    site: Site, region: Region | None = None, words: Words = Words()
) -> MemberMap | None:
    """The map of `region`'s member countries (framed on them), or of the world with every
    member country; None when no member has a country."""
    members = site.members_of(region) if region else sorted(site.members.values(), key=sort_name)
    by_country: dict[str, list[Member]] = {}
    for member in members:
        if member.country:
            by_country.setdefault(member.country, []).append(member)
    if not by_country:
        return None
    shapes = {s.code: s for s in world() if s.code}
    index = {s.code: i for i, s in enumerate(world()) if s.code}
    drawn = [code for code in by_country if code in shapes]
    if drawn:
        # Framed on the member countries, with some of the world around them as context (more
        # on the directory's map of every member): all of them in view on a phone, none cut
        # on a desktop. Never narrower than about 35 degrees, so a one-country region still
        # shows its neighbours.
        boxes = [shapes[code].bbox for code in drawn]
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        pad = max(x1 - x0, y1 - y0, 0.6) * (0.08 if region else 0.12)
        grow_x, grow_y = max(0.0, 0.6 - (x1 - x0)) / 2, max(0.0, 0.35 - (y1 - y0)) / 2
        x0, x1, y0, y1 = x0 - pad - grow_x, x1 + pad + grow_x, y0 - pad - grow_y, y1 + pad + grow_y
    else:
        # The world without Antarctica: 180°W–180°E, 58°S–84°N.
        (x0, _), (x1, _) = natural_earth(-180, 0), natural_earth(180, 0)
        y0, y1 = natural_earth(0, 84)[1], natural_earth(0, -58)[1]
    # Labels of MIN_TEXT_PX when the map is as wide as a phone's column: it is never drawn
    # narrower, so it fits a phone whole, without scrolling.
    width = 600.0
    font = round(width * MIN_TEXT_PX / PHONE_COLUMN_PX, 1)
    scale = width / (x1 - x0)
    height = round((y1 - y0) * scale, 1)

    def visible(shape: Shape) -> bool:
        bx0, by0, bx1, by1 = shape.bbox
        return bx1 > x0 and bx0 < x1 and by1 > y0 and by0 < y1

    view = (x0, y0, x1, y1)
    # The countries around, context only: drawn coarser (a pixel), which halves what a first
    # visit of the directory downloads for them.
    background = "".join(
        _path_of(i, view, scale, 1.0)
        for i, s in enumerate(world())
        if s.code not in by_country and visible(s)
    )
    marks = []
    for code in drawn:
        shape = shapes[code]
        lx, ly = _label_point(shape)
        bx0, by0, bx1, by1 = shape.bbox
        count = len(by_country[code])
        marks.append(
            dict(
                code=code,
                name=words.country(code),
                members=by_country[code],
                shade=_shade(count),
                d=_path_of(index[code], view, scale),
                label_x=(lx - x0) * scale,
                label_y=(ly - y0) * scale,
                size=(bx1 - bx0) * (by1 - by0),
                text=f"{words.country(code)} ({count})",
            )
        )
    _place_labels(marks, font, width, height)
    countries = [
        CountryMark(**{k: v for k, v in mark.items() if k not in ("size", "text")})
        for mark in sorted(marks, key=lambda m: m["name"])
    ]
    unmapped = [(code, by_country[code]) for code in by_country if code not in shapes]
    without = [m for m in members if not m.country]
    if region:
        title = words(N_("Member networks in %(region)s, by country"), region=region.name)
        where = N_(
            "Map of %(region)s: %(count)s countries with member networks are shaded, darker "
            "for more networks, and labelled with the country and the number of networks."
        )
    else:
        title = words(N_("Member networks in the world, by country"))
        where = N_(
            "Map of the world: %(count)s countries with member networks are shaded, darker "
            "for more networks, and labelled with the country and the number of networks."
        )
    region_name = region.name if region else ""
    description = (
        words(where, region=region_name, count=len(by_country))
        if region
        else words(where, count=len(by_country))
    )
    description += (
        " "
        + "; ".join(
            f"{words.country(c)}: {len(ms)}"
            for c, ms in sorted(by_country.items(), key=lambda item: words.country(item[0]))
        )
        + "."
    )
    if without:
        description += " " + words.ngettext(
            "%(num)s network has no country recorded (a regional network) and is not on the map.",
            "%(num)s networks have no country recorded (regional networks) and are not on the map.",
            len(without),
        )
    return MemberMap(
        key=f"map-{region.id if region else 'world'}",
        title=title,
        description=description,
        width=width,
        height=height,
        background=background,
        countries=countries,
        legend=_legend([len(ms) for ms in by_country.values()], words),
        unmapped=unmapped,
        without_country=without,
        font=font,
    )
