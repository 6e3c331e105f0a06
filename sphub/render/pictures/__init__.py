"""The pictures templates can draw, as template globals: `member_map(region)`,
`plan_timeline(plan)`, `events_per_year(region)`, `events_per_region()`,
`members_per_year(region)`. Each returns a layout (or None when there is nothing to draw)
that a macro of overrides/fragments/_pictures.html turns into SVG."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sphub.data.site import Site
from sphub.render.pictures import charts, maps
from sphub.render.text import Words


def template_globals(site: Site, title_of: Callable, words: Words = Words()) -> dict[str, Callable]:
    """The pictures' functions, with their words in the language of `words`."""
    return {
        "member_map": partial(maps.member_map, site, words=words),
        "plan_timeline": lambda plan: charts.timeline(site, plan, title_of(plan), words),
        "events_per_year": partial(charts.events_per_year, site, words=words),
        "events_per_region": partial(charts.events_per_region, site, words=words),
        "members_per_year": partial(charts.members_per_year, site, words=words),
    }
