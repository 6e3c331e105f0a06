"""One error vocabulary for bad data: a problem has a place (file, line, field path) and says
what was expected and what was found. Bugs are ordinary exceptions; bad data never is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """('members', 6, 'country') -> 'members[6].country'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
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
    if len(text) > 60:
        text = text[:57] + "..."
    return "'" + text.replace("\n", "\\n") + "'"


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


class DataError(Exception):
    """The data is invalid; carries every problem found, sorted by file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the data; nothing was built.")
        return "\n".join(lines)
