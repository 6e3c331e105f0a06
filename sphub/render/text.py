"""How values read on a page: dates and spans, countries, languages, labels."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pycountry


def _partial(text: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in text.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _one(year: int, month: int | None, day: int | None, with_year: bool = True) -> str:
    words = []
    if day:
        words.append(str(day))
    if month:
        words.append(date(2000, month, 1).strftime("%B"))
    if with_year:
        words.append(str(year))
    return " ".join(words)


def span(start: str, end: str | None = None) -> str:
    """'2012-02-20', '2012-02-22' -> '20–22 February 2012'; '2012-03', '2012-11' ->
    'March – November 2012'; a single value -> '20 February 2012' or 'December 2012'."""
    a = _partial(start)
    b = _partial(end) if end else a
    if a == b:
        return _one(*a)
    same_precision = (a[2] is None) == (b[2] is None) and (a[1] is None) == (b[1] is None)
    if same_precision and a[0] == b[0]:
        if a[2] is not None and a[1] == b[1]:
            return f"{a[2]}–{b[2]} {_one(a[0], a[1], None)}"
        return f"{_one(*a, with_year=False)} – {_one(*b)}"
    return f"{_one(*a)} – {_one(*b)}"


def when(value: str) -> str:
    """A `When` field ('2012-03/2012-11') as words."""
    start, _, end = value.partition("/")
    return span(start, end or None)


def event_dates(start: date, end: date | None) -> str:
    return span(start.isoformat(), end.isoformat() if end else None)


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=None)
def language_name(code: str) -> str:
    return pycountry.languages.get(alpha_2=code).name


def label(value: str) -> str:
    """'national-association' -> 'National association'."""
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]


def activity_status(status: str, year: int, today: date) -> str:
    """A work-plan activity's status in words. Once the plan's year is over, an activity still
    recorded as planned or in progress says that no outcome is recorded (none is guessed):
    'Planned for 2012; outcome not recorded'."""
    if year < today.year and status in ("planned", "in-progress"):
        return (
            f"{label(status)} {'for' if status == 'planned' else 'in'} {year}; outcome not recorded"
        )
    return label(status)
