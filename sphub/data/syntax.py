"""YAML syntax errors in an editor's words: the line of the mistake (libyaml often notices it
a line later), what the line should look like, and the line written right where that can be
worked out. libyaml's own wording is kept only for the cases not recognised here."""

from __future__ import annotations

import json
import re
import unicodedata

import yaml

# Spaces that look like a space but are not one to YAML (pasted from web pages and word
# processors): at the start of a line they are not indentation, inside an id not a space.
ODD_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_INDENT = re.compile(f"(?m)^ *([{ODD_SPACES}{INVISIBLE}])")

# `key: value` on one line, with its `- ` when it opens a list item.
_KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:- +)?)(?P<key>[^\s:#'\"][^:#]*?):(?: +(?P<value>.*))?$")


def char_name(char: str) -> str:
    """'\\u00a0' -> 'U+00A0 NO-BREAK SPACE'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def odd_indentation(text: str) -> tuple[int, str] | None:
    """(line, character) of the first line indented with something other than spaces."""
    if not any(c in text for c in ODD_SPACES + INVISIBLE):
        return None
    found = _ODD_INDENT.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, found[1]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(n: int) -> str:
    return f"{n} space{'s' if n != 1 else ''}"


def _content_above(lines: list[str], line: int) -> int | None:
    """The number (from 1) of the nearest line above `line` with data on it."""
    for n in range(line - 1, 0, -1):
        stripped = lines[n - 1].strip()
        if stripped and not stripped.startswith("#"):
            return n
    return None


def _quoted_line(source: str) -> str | None:
    """`  title: Training: SPI` -> `  title: "Training: SPI"` (None if not a key: value line)."""
    found = _KEY_VALUE.match(source.rstrip())
    if not found or not found["value"]:
        return None
    return f"{found['lead']}{found['key']}: {json.dumps(found['value'], ensure_ascii=False)}"


def explain(text: str, err: yaml.YAMLError) -> tuple[int, str, str]:
    """(line, expected, got) for the syntax error `err` in `text`."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    lines = text.splitlines()
    # At the end of a file without a final newline, the mark is one line past the last.
    line = min(mark.line + 1, max(len(lines), 1)) if mark else 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context, context_mark = getattr(err, "context", None), getattr(err, "context_mark", None)
    context_line = context_mark.line + 1 if context_mark else line
    above = _content_above(lines, line)

    if "\t" in source[: len(source) - len(source.lstrip())] or (
        mark and "\t" in source[max(mark.column - 1, 0) : mark.column + 1]
    ):
        return line, "indentation with spaces", "a tab character"
    if problem == "could not find expected ':'" and context == "while scanning a simple key":
        # The line without its colon is taken as the start of a key continued below.
        bad = lines[context_line - 1] if context_line <= len(lines) else source
        words = bad.strip()
        fixed = re.sub(r"^(\s*(?:- +)?[^\s:]+):?(?=\S)", r"\1: ", bad, count=1)
        if ":" not in words or fixed == bad:
            fixed = re.sub(r"^(\s*(?:- +)?\S+)\s+", r"\1: ", bad, count=1)
        return (
            context_line,
            f"'field: value' with a colon and a space after the field name (write: {fixed.strip()})",
            f"'{words}'",
        )
    if re.match(r"^\s*-[^\s-]", source) and problem.startswith(("mapping values", "did not find")):
        return line, "a space after the '-' that starts a list item", "none"
    if problem.startswith("mapping values are not allowed"):
        fixed = _quoted_line(source)
        value = _KEY_VALUE.match(source.rstrip())
        if fixed and value and ": " in (value["value"] or "") + " ":
            return (
                line,
                "a value containing ': ' in double quotes "
                f'(write: {fixed.strip()}; a quote inside the text is written \\")',
                f"'{source.strip()}'",
            )
        if above is not None and _indent(source) != _indent(lines[above - 1]):
            return _indentation(lines, line, above)
        if above is not None and ":" not in lines[above - 1]:
            # The line above, without its colon, was read as the start of this line's key.
            bad = lines[above - 1]
            fixed = re.sub(r"^(\s*(?:- +)?\S+)\s+", r"\1: ", bad, count=1)
            return (
                above,
                f"'field: value' with a colon and a space after the field name (write: "
                f"{fixed.strip()})",
                f"'{bad.strip()}'",
            )
    if problem == "did not find expected <document start>":
        return _indentation(lines, line, above)
    if problem == "did not find expected '-' indicator" or problem == "did not find expected key":
        quoted = re.match(r"^\s*(?:- +)?[^:]+: +([\"']).*?\1(?P<after>.+)$", source)
        if quoted and quoted["after"].strip() and not quoted["after"].lstrip().startswith("#"):
            return (
                line,
                "nothing after the closing quote (put the whole value inside the quotes)",
                f"'{quoted['after'].strip()}' after it",
            )
        return _indentation(lines, line, above)
    if problem == "found unexpected end of stream" and context == "while scanning a quoted scalar":
        return (
            context_line,
            "a closing quote at the end of the value",
            "a quote that is never closed",
        )
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'") or (
        problem == "did not find expected node content" and "flow" in (context or "")
    ):
        opened, bracket = _opened(lines, min(context_line, len(lines)))
        closing, kind, example = (
            ("}", "mapping", "{city: Accra, country: GH}")
            if bracket == "{"
            else ("]", "list", "[2012, 2013]")
        )
        return (
            opened,
            f"a {kind} closed by '{closing}' on the line where it opens (like {example})",
            f"no '{closing}'",
        )
    if context and context_mark and context_line != line:
        problem += f" ({context} started on line {context_line})"
    return line, "valid YAML", f"a syntax error: {problem}"


def _indentation(lines: list[str], line: int, above: int | None) -> tuple[int, str, str]:
    """What the indentation of `line` should be, told from its neighbours."""
    if not 0 < line <= len(lines):
        return line, "indentation like the lines around it", "a line that does not fit"
    source = lines[line - 1]
    got = _spaces(_indent(source))
    if source.lstrip().startswith("- "):
        # A list item: like the other items of its list.
        items = [
            n
            for n in range(line - 1, 0, -1)
            if lines[n - 1].lstrip().startswith("- ") and _indent(lines[n - 1]) != _indent(source)
        ]
        if items:
            return (
                line,
                f"'- ' indented like the list item on line {items[0]} "
                f"({_spaces(_indent(lines[items[0] - 1]))})",
                got,
            )
    if above is not None:
        neighbour = lines[above - 1]
        width = _indent(neighbour)
        if neighbour.lstrip().startswith("- "):
            width += len(neighbour.lstrip()) - len(neighbour.lstrip()[1:].lstrip())
        if re.match(r"^\s*-[^\s-]", neighbour):
            return above, "a space after the '-' that starts a list item", "none"
        return line, f"this line indented like the line above (line {above}: {_spaces(width)})", got
    return line, "indentation like the lines around it", got


def _opened(lines: list[str], line: int) -> tuple[int, str]:
    """(line, bracket) of the nearest '[' or '{' at or above `line` (from 1)."""
    for n in range(line, 0, -1):
        found = max(lines[n - 1].rfind("["), lines[n - 1].rfind("{"))
        if found >= 0:
            return n, lines[n - 1][found]
    return max(line, 1), "["
