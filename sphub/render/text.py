"""How values read on a page, in the page's language: dates and spans (Babel's patterns for
the language), countries and languages (pycountry's English names, Babel's in the other
languages), labels of fixed values (through the catalogue)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pycountry
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.units import format_unit

from sphub.render.i18n import SOURCE, N_, label_text, locale

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


# Two days of one month: the day numbers, then the month and year ('20–22 February 2012');
# a language whose month takes a word before it translates this ('20–22 de febrero de 2012').
DAY_SPAN = N_("%(first)s–%(last)s %(month_year)s")


def _partial(text: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in text.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


# Languages that write the first day of a month as an ordinal ("1er décembre"), which
# Babel's patterns do not: the day's number as that language writes it, in one place.
_FIRST_DAY = {"fr": "1er"}


def day_number(day: int, lang: str) -> str:
    """A day of a month as a number in `lang`: '1er' for the first in French, else '1'."""
    return _FIRST_DAY.get(lang.split("_")[0].split("-")[0], "1") if day == 1 else str(day)


def _one(year: int, month: int | None, day: int | None, lang: str, with_year: bool = True) -> str:
    where = locale(lang)
    if day:
        value = date(year, month, day)
        text = (
            format_date(value, "long", where)
            if with_year
            else format_skeleton("MMMMd", value, locale=where)
        )
        # Babel writes the day first in these languages ("1 décembre 2026").
        return day_number(day, lang) + text[1:] if day == 1 and text[:2] == "1 " else text
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
            first = day_number(a[2], lang)
            return gettext(DAY_SPAN) % {"first": first, "last": b[2], "month_year": month_year}
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
    # The catalogue's plural forms (its Plural-Forms rule); English's without a catalogue.
    plural: Ngettext = _english_plural

    def __call__(self, message: str, **values) -> str:
        text = self.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        """The form of a message for the count `n`, in the language's plural forms, with
        `n` as `%(num)s` (and other values) filled in."""
        return self.plural(singular, plural, n) % {"num": self.number(n), **values}

    def number(self, value: float) -> str:
        """A number as the language writes it ('1,234' / '1 234')."""
        return format_decimal(value, locale=locale(self.lang))

    def size(self, size_bytes: int) -> str:
        """A file's size as the language writes it: '612 kB', '612 ko', '1,2 Mo'."""
        kb = size_bytes / 1024
        if kb >= 1024:
            return format_unit(kb / 1024, "digital-megabyte", "short", "#,##0.0", locale(self.lang))
        return format_unit(max(1, round(kb)), "digital-kilobyte", "short", locale=locale(self.lang))

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


# Languages that put a no-break space before some punctuation: French, before ':', ';', '?'
# and '!' ("Moyen : du temps"). U+00A0, not the narrow U+202F: the PDF's fonts have no
# narrow one (sphub/outputs/print/fonts/).
SPACE_BEFORE = {"fr": {":": "\u00a0", ";": "\u00a0", "?": "\u00a0", "!": "\u00a0"}}
# An entity (kept as it is), or a mark ending a clause: followed by a space or the text's end.
_CLAUSE_MARK = re.compile(r"&#?\w+;|[ \u00a0\u202f]?([:;?!])(?=\s|$)")
_TAG = re.compile(r"""<(/?)(\w+)(?:[^>"']|"[^"]*"|'[^']*')*>""")
_VERBATIM = {"code", "pre", "script", "style", "kbd", "samp"}


def spaced_punctuation(html: str, lang: str) -> str:
    """`html` with the space `lang` writes before ':', ';', '?' and '!' (SPACE_BEFORE) in its
    text: not in tags, code or scripts, nor in a link's address."""
    spaces = SPACE_BEFORE.get(lang)
    if not spaces:
        return html

    def space(found: re.Match) -> str:
        mark = found.group(1)
        return spaces[mark] + mark if mark else found.group(0)

    out, at, verbatim = [], 0, 0
    for tag in _TAG.finditer(html):
        text = html[at : tag.start()]
        out.append(text if verbatim else _CLAUSE_MARK.sub(space, text))
        out.append(tag.group(0))
        if tag.group(2).lower() in _VERBATIM and not tag.group(0).endswith("/>"):
            verbatim = max(0, verbatim + (-1 if tag.group(1) else 1))
        at = tag.end()
    rest = html[at:]
    out.append(rest if verbatim else _CLAUSE_MARK.sub(space, rest))
    return "".join(out)
