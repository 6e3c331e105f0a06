"""Checks of the PDF guide's text (data/guide.yml): one entry for every chapter of the guide,
and none for a chapter the guide does not have. The chapters are `CHAPTERS` in
`sphub.models.guide`; the book itself is laid out in `sphub.outputs.pdf`."""

from __future__ import annotations

from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.models.guide import CHAPTERS


def _one_of(values: tuple[str, ...]) -> str:
    """'a', 'b' or 'c': the words the report uses for an allowed value elsewhere."""
    quoted = [f"'{v}'" for v in values]
    return "one of " + ", ".join(quoted[:-1]) + " or " + quoted[-1]


def chapters_have_their_intro(by: dict[str, list[Located]]) -> list[Problem]:
    located = by["guide"]
    if not located:  # a missing or unreadable file is reported by the loader; a file with no
        return []  # valid entry at all stops the PDF guide with the chapters it lacks
    problems = [
        where.problem(
            ("id",), f"{_one_of(CHAPTERS)} (a chapter of the PDF guide)", f"'{where.entry.id}'"
        )
        for where in located
        if where.entry.id not in CHAPTERS
    ]
    yf = located[0].file
    raw = yf.value.get("guide") if isinstance(yf.value, dict) else None
    # An entry that did not validate is reported already; its chapter is not missing too.
    written = (
        {e.get("id") for e in raw if isinstance(e, dict) and isinstance(e.get("id"), str)}
        if isinstance(raw, list)
        else set()
    )
    for chapter in CHAPTERS:
        if chapter not in written:
            problems.append(
                Problem(
                    yf.name,
                    yf.line(("guide",)),
                    "guide",
                    "an entry for every chapter of the PDF guide",
                    f"none for '{chapter}'",
                )
            )
    return problems
