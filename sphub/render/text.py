"""How values read on a page, in the page's language: dates and spans (Babel's patterns for
the language), countries and languages (pycountry's English names, Babel's in the other
languages), labels of fixed values (through the catalogue)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pycountry
from babel.dates import format_date, format_skeleton

from sphub.render.i18n import SOURCE, N_, label_text, locale

Gettext = Callable[[str], str]

# Two days of one month: the day numbers, then the month and year ('20–22 February 2012');
# a language whose month takes a word before it translates this ('20–22 de febrero de 2012').
DAY_SPAN = N_("%(first)s–%(last)s %(month_year)s")


def _partial(text: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in text.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _one(year: int, month: int | None, day: int | None, lang: str, with_year: bool = True) -> str:
    where = locale(lang)
    if day:
        value = date(year, month, day)
        return (
            format_date(value, "long", where)
            if with_year
            else format_skeleton("MMMMd", value, locale=where)
        )
    if month:
        value = date(year, month, 1)
        return (
            format_skeleton("yMMMM", value, locale=where)
            if with_year
            else format_date(value, "LLLL", where)
        )
    return str(year)


def span(start: str, end: str | None = None, lang: str = SOURCE, gettext: Gettext = str) -> str:
    """'2012-02-20', '2012-02-22' -> '20–22 February 2012' ('20–22 février 2012');
    '2012-03', '2012-11' -> 'March – November 2012'; a single value -> '20 February 2012'
    or 'December 2012'. `gettext` translates DAY_SPAN."""
    a = _partial(start)
    b = _partial(end) if end else a
    if a == b:
        return _one(*a, lang)
    same_precision = (a[2] is None) == (b[2] is None) and (a[1] is None) == (b[1] is None)
    if same_precision and a[0] == b[0]:
        if a[2] is not None and a[1] == b[1]:
            month_year = _one(a[0], a[1], None, lang)
            return gettext(DAY_SPAN) % {"first": a[2], "last": b[2], "month_year": month_year}
        return f"{_one(*a, lang, with_year=False)} – {_one(*b, lang)}"
    return f"{_one(*a, lang)} – {_one(*b, lang)}"


def when(value: str, lang: str = SOURCE, gettext: Gettext = str) -> str:
    """A `When` field ('2012-03/2012-11') as words."""
    start, _, end = value.partition("/")
    return span(start, end or None, lang, gettext)


def event_dates(start: date, end: date | None, lang: str = SOURCE, gettext: Gettext = str) -> str:
    return span(start.isoformat(), end.isoformat() if end else None, lang, gettext)


@lru_cache(maxsize=None)
def country_name(code: str, lang: str = SOURCE) -> str:
    if lang != SOURCE and code in locale(lang).territories:
        return locale(lang).territories[code]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=None)
def language_name(code: str, lang: str = SOURCE) -> str:
    if lang != SOURCE and code in locale(lang).languages:
        return locale(lang).languages[code]
    return pycountry.languages.get(alpha_2=code).name


def label(value: str, gettext: Gettext = str) -> str:
    """'national-association' or 'case_studies' -> 'National association', 'Case studies'
    (and their translation)."""
    return gettext(label_text(value))


# Once a plan's year is over, an activity still recorded as planned or in progress says that
# no outcome is recorded (none is guessed).
_OVER = {
    "planned": N_("Planned for %(year)s; outcome not recorded"),
    "in-progress": N_("In progress in %(year)s; outcome not recorded"),
}


def activity_status(status: str, year: int, today: date, gettext: Gettext = str) -> str:
    """A work-plan activity's status in words: 'Planned for 2012; outcome not recorded'
    after 2012, 'Planned' before."""
    if year < today.year and status in _OVER:
        return gettext(_OVER[status]) % {"year": year}
    return label(status, gettext)


@dataclass(frozen=True)
class Words:
    """How values read in one language: `words("...")` translates a message (with its
    %(...)s values filled in), and dates, countries, languages and labels read in `lang`."""

    lang: str = SOURCE
    gettext: Gettext = str

    def __call__(self, message: str, **values) -> str:
        text = self.gettext(message)
        return text % values if values else text

    def when(self, value: str) -> str:
        return when(value, self.lang, self.gettext)

    def dates(self, start: date, end: date | None) -> str:
        return event_dates(start, end, self.lang, self.gettext)

    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def language(self, code: str) -> str:
        return language_name(code, self.lang)

    def label(self, value: str) -> str:
        return label(value, self.gettext)

    def activity_status(self, status: str, year: int, today: date) -> str:
        return activity_status(status, year, today, self.gettext)

    def month(self, day: date) -> str:
        """The month's short name: 'Feb', 'févr.'."""
        return format_date(day, "LLL", locale(self.lang))
