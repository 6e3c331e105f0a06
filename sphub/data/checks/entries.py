"""Checks of the network data: references resolve, dates are in order, ids unique within\ntheir plan, old ids free."""

from __future__ import annotations

import difflib
import functools
from datetime import date
import re
import typing
import unicodedata
from itertools import chain

from sphub.data.errors import Problem, format_path
from sphub.data.reader import YamlFile
from sphub.data.fields import references
from sphub.data.located import Located
from sphub.models import types
from sphub.models.types import Model


# A reference outside a valid entry: the file it stands in, its path there, the collections
# it may name and the id it names.
LooseReference = tuple[YamlFile, tuple, list[str], str]


def references_resolve(
    located: list[Located],
    ids: dict[str, set[str] | None],
    loose: list[LooseReference] = (),
) -> list[Problem]:
    """Every reference names an entry: those of the valid entries, and the `loose` ones of
    entries that did not validate (their other problems do not hide a wrong id)."""
    problems = []
    # The ids each reference may name, per tuple of target files; None when a target file is
    # unreadable (its problems are reported already). Worked out once, not per reference.
    allowed: dict[tuple[str, ...], set[str] | None] = {}
    found = chain(
        (
            (where.file, where.path + path, targets, value)
            for where in located
            for path, targets, value in references(where.entry)
        ),
        loose,
    )
    for yf, path, targets, value in found:
        key = tuple(targets)
        if key not in allowed:
            known = [ids.get(t) for t in targets]
            allowed[key] = None if None in known else set().union(*known)
        candidates = allowed[key]
        if candidates is None or value in candidates:
            continue
        close = difflib.get_close_matches(value, sorted(candidates), n=1)
        files = " or ".join(f"data/{t}.yml" for t in targets)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        problems.append(
            Problem(
                yf.name,
                yf.line(path),
                format_path(path),
                f"the id of an entry in {files}{hint}",
                f"'{value}'",
            )
        )
    return problems


def event_dates(by: dict[str, list[Located]]) -> list[Problem]:
    return [
        where.problem(
            ("end",),
            f"an end date on or after the start ({where.entry.start})",
            f"'{where.entry.end}'",
        )
        for where in by["events"]
        if where.entry.end is not None and where.entry.end < where.entry.start
    ]


def national_members_have_a_country(by: dict[str, list[Located]]) -> list[Problem]:
    return [
        where.problem(("country",), "an ISO 3166 country code for a national network", "nothing")
        for where in by["members"]
        if where.entry.kind == "national-association" and where.entry.country is None
    ]


def one_work_plan_per_region_and_year(by: dict[str, list[Located]]) -> list[Problem]:
    problems = []
    first: dict[tuple[str, int], int] = {}
    for where in by["workplans"]:
        key = (where.entry.region, where.entry.year)
        line = where.file.line(where.path + ("year",))
        if key in first:
            problems.append(
                where.problem(
                    ("year",),
                    f"one work plan per region and year ({key[0]} {key[1]})",
                    f"a second plan for {key[1]} (first on line {first[key]})",
                )
            )
        first.setdefault(key, line)
    return problems


def ids_unique_within_work_plans(by: dict[str, list[Located]]) -> list[Problem]:
    problems = []
    for where in by["workplans"]:
        seen: dict[str, int] = {}
        for i, area in enumerate(where.entry.focus_areas):
            items = [((("focus_areas", i, "id")), area.id)] + [
                (("focus_areas", i, "activities", j, "id"), activity.id)
                for j, activity in enumerate(area.activities)
            ]
            for path, value in items:
                line = where.file.line(where.path + path)
                if value in seen:
                    problems.append(
                        where.problem(
                            path,
                            "an id used once in its work plan",
                            f"'{value}' again (first on line {seen[value]})",
                        )
                    )
                seen.setdefault(value, line)
    return problems


def old_ids_are_free(by: dict[str, list[Located]]) -> list[Problem]:
    """An old id (kept so a renamed entry's old address redirects) must not be a current id
    of its collection, nor the old id of another entry: both would claim one address."""
    problems = []
    for key, entries in by.items():
        current = {where.entry.id for where in entries}
        first: dict[str, str] = {}
        for where in entries:
            for i, old in enumerate(getattr(where.entry, "old_ids", [])):
                if old in current:
                    problems.append(
                        where.problem(
                            ("old_ids", i),
                            "an id no entry has now (its page would be replaced)",
                            f"'{old}', the id of an entry of data/{key}.yml",
                        )
                    )
                elif old in first:
                    problems.append(
                        where.problem(
                            ("old_ids", i),
                            "an old id listed by one entry only",
                            f"'{old}', already an old id of '{first[old]}'",
                        )
                    )
                first.setdefault(old, where.entry.id)
    return problems


def comparable_name(text: str) -> str:
    """A name as compared for duplicates: case, accents, punctuation and spacing ignored."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def networks_listed_once(by: dict[str, list[Located]]) -> list[Problem]:
    """A network added a second time under a new id (`pmn-2` beside `pmn`) is the same
    network: two entries of members.yml or of organisations.yml with one name or acronym."""
    problems = []
    for key in ("members", "organisations"):
        first: dict[tuple[str, str], Located] = {}
        for where in by[key]:
            for field in ("name", "acronym"):
                value = getattr(where.entry, field, None)
                if not value:
                    continue
                seen = first.setdefault((field, comparable_name(value)), where)
                if seen is not where:
                    line = seen.file.line(seen.path + (field,))
                    problems.append(
                        where.problem(
                            (field,),
                            f"one entry per network in data/{key}.yml (to change that entry, "
                            f"edit '{seen.entry.id}'; for another network, another {field})",
                            f"the {field} '{value}' of '{seen.entry.id}' again (line {line})",
                        )
                    )
    return problems


# Dates an editor is unlikely to mean: sphub's work starts in the 2000s, and an event lasts
# days or weeks. Warnings, not errors: a long programme may be right.
FIRST_YEAR = 1990
YEARS_AHEAD = 5
LONGEST_EVENT_DAYS = 366


def event_dates_plausible(by: dict[str, list[Located]], today: date) -> list[Problem]:
    warnings = []
    last_year = today.year + YEARS_AHEAD
    for where in by["events"]:
        event = where.entry
        days = {"start": event.start, "end": event.end}
        unlikely = {
            field: day
            for field, day in days.items()
            if day is not None and not FIRST_YEAR <= day.year <= last_year
        }
        for field, day in unlikely.items():
            warnings.append(
                where.problem(
                    (field,),
                    f"a date between {FIRST_YEAR} and {last_year} (is the year mistyped?)",
                    f"'{day}'",
                )
            )
        too_long = event.end is not None and (event.end - event.start).days >= LONGEST_EVENT_DAYS
        if too_long and not unlikely:  # a mistyped year says it already
            years = (event.end - event.start).days / 365.25
            warnings.append(
                where.problem(
                    ("end",),
                    f"an event shorter than a year (from {event.start}; is the end mistyped?)",
                    f"'{event.end}', {years:.1f} years later",
                )
            )
    return warnings


def text_list_items_whole(by: dict[str, list[Located]]) -> list[Problem]:
    """A list of texts written in brackets is split at each comma: `[Staff trained, and able
    to be certified]` is two items. An item that starts in lower case on the line of the item
    before it is the rest of that item, cut at a comma."""
    problems = []
    for where in (w for located in by.values() for w in located):
        for path, items in _text_lists(where.entry, ()):
            for index in range(1, len(items)):
                here = where.file.line(where.path + path + (index,))
                before = where.file.line(where.path + path + (index - 1,))
                if here == before and items[index][:1].islower():
                    problems.append(
                        where.problem(
                            path + (index,),
                            "whole items: a list in [brackets] is split at each comma; write "
                            "each item on a line of its own after '- ' (or put an item with "
                            "commas in quotes)",
                            f"'{items[index]}', the rest of '{items[index - 1]}'",
                        )
                    )
    return problems


@functools.cache
def _text_list_fields(model_type: type) -> frozenset[str]:
    """The fields of `model_type` that are lists of texts (read once per model, not once per
    entry at each load)."""
    return frozenset(
        name
        for name, info in model_type.model_fields.items()
        if typing.get_args(info.annotation)[:1] in ((types.Text,), (types.Markdown,))
    )


def _text_lists(model, path: tuple):
    """(path, items) of every list of texts in `model` and the models inside it."""
    texts = _text_list_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list) and name in texts:
            yield (name,), value
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if isinstance(item, Model):
                sub = (name, index) if isinstance(value, list) else (name,)
                yield from ((sub + p, items) for p, items in _text_lists(item, ()))
