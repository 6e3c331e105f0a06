"""One error vocabulary for bad data: a problem has a place (file, line, field path) and says
what was expected and what was found. Bugs are ordinary exceptions; bad data never is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """('members', 6, 'country') -> 'members[7].country' (the seventh member)."""
    out = ""
    for part in path:
        if isinstance(part, int):  # counted from 1, as editors count: members[1] is the first
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


def describe(value: Any) -> str:
    """How a found value is quoted in a message: short, and never a Python repr of a tree."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        if not value:
            return "nothing"
        if all(isinstance(v, (str, int, float)) for v in value):
            flow = "[" + ", ".join(str(v) for v in value) + "]"
            if len(flow) <= 60:
                return flow
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    text = str(value)
    hidden = invisible_characters(text)
    if len(text) > 60:
        text = text[:57] + "..."
    shown = "'" + text.replace("\n", "\\n") + "'"
    if hidden:
        shown += " (with the invisible character" + ("s " if len(hidden) > 1 else " ")
        shown += ", ".join(hidden) + ": delete and retype that part)"
    return shown


def invisible_characters(text: str) -> list[str]:
    """Names of the characters in `text` that look like a space or nothing but are not an
    ordinary space ('U+00A0 NO-BREAK SPACE', 'U+200B ZERO WIDTH SPACE'), each once."""
    if text.isascii():
        return []
    found = dict.fromkeys(
        c for c in text if c != " " and unicodedata.category(c) in ("Zs", "Cf", "Zl", "Zp")
    )
    return [f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED CHARACTER')}" for c in found]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the data, printed as `file:line: path: expected X, got Y`."""

    file: str
    line: int
    path: str
    expected: str
    got: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {_one_line(self.path)}: expected "
            f"{_one_line(self.expected)}, got {_one_line(self.got)}"
        )


# Characters that would end or garble a line of the report (a key or a value from a file
# can hold any of them): shown as escapes, like '\n'.
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _LINE_BREAKING.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def warning_line(problem: Problem) -> str:
    """A warning (something unlikely, such as an event in 1012), in the form of a problem."""
    return f"warning: {problem}"


class DataError(Exception):
    """The data is invalid; carries every problem found, sorted by file and line.

    `unread` names the files that could not be read: their entries, and the references
    into them, are checked once they can be."""

    def __init__(self, problems: list[Problem], unread: list[str] | tuple[str, ...] = ()):
        self.problems = sorted(set(problems))
        self.unread = tuple(unread)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        if self.unread:
            n = len(self.unread)
            lines.append(
                f"{n} file{'s' if n != 1 else ''} could not be read ({', '.join(self.unread)}): "
                "more problems may show once fixed, and the references into "
                f"{'them' if n != 1 else 'it'} will be checked then."
            )
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the data; nothing was built.")
        return "\n".join(lines)
