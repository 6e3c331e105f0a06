"""YAML written the one way sphub writes it: with ruamel.yaml, the way an editor writes a data
file (block style, short lists in flow style, long text folded, quotes only where needed), and
spliced into the file's text so that nothing else in it changes.

A data file is changed entry by entry (`with_entries`): an entry whose values are the same
keeps its text byte for byte (comments, folded paragraphs, flow lists); in a changed entry only
the keys whose values changed are written again; the lines between entries stay where they
are. What is written is read back with sphub's own reader and must give the values asked for:
otherwise nothing is returned but an error (a save is refused rather than written wrong)."""

from __future__ import annotations

import datetime
import io
import json
import re
import textwrap

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from sphub.data.errors import DataError, Problem
from sphub.data.fields import fields_of
from sphub.data.reader import YamlFile, read_yaml
from sphub.models import Collection

LINE = 98  # the longest line written (the YAML linter asks for 100 characters)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # lines are folded here, where the text allows it, not by the emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _scalar(value: object, column: int | None):
    """`value` as ruamel.yaml should write it, for a key at `column` (None in a flow list,
    where text is never folded)."""
    if not isinstance(value, str):
        return value
    if _DAY.match(value):
        try:
            if datetime.date.fromisoformat(value).isoformat() == value:
                return datetime.date.fromisoformat(value)  # written plain, read back as text
        except ValueError:
            pass
    if "\n" in value.strip("\n") and not value[:1].isspace():
        return LiteralScalarString(value)
    simple = value == value.strip() and "  " not in value and "\t" not in value
    if simple and column is not None and column + len(value) > LINE:
        # Long text folded over lines (`>-` reads them back joined by single spaces).
        width = max(LINE - column - 2, 40)
        folded = FoldedScalarString(value)
        lines = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False)
        folded.fold_pos = []
        position = 0
        for line in lines[:-1]:
            position += len(line)
            folded.fold_pos.append(position)
            position += 1
        return folded
    return value


def _node(value: object, column: int):
    """`value` as ruamel.yaml nodes, for a key standing at `column`."""
    if isinstance(value, dict):
        return CommentedMap((k, _node(v, column + 2)) for k, v in value.items())
    if isinstance(value, list):
        simple = all(not isinstance(v, (dict, list)) and "\n" not in str(v) for v in value)
        width = column + 2 + sum(len(json.dumps(v, ensure_ascii=False)) + 2 for v in value)
        if simple and width <= LINE:
            flow = CommentedSeq(_scalar(v, None) for v in value)
            flow.fa.set_flow_style()
            return flow
        return CommentedSeq(_node(v, column + 4) for v in value)
    return _scalar(value, column)


def _dump(value: object) -> str:
    out = io.StringIO()
    _yaml().dump(value, out)
    return out.getvalue()


def document_text(value: object) -> str:
    """A whole YAML document holding `value`, written as the data files are."""
    return _dump(_node(value, 0))


def key_text(key: str, value: object, column: int) -> str:
    """`key: value` as YAML lines at `column`."""
    text = _dump(CommentedMap([(key, _node(value, column))]))
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def entry_text(values: object, indent: str = "  ") -> str:
    """The YAML text of one list item (an entry, or a single value), its dash at `indent`."""
    text = _dump(CommentedSeq([_node(values, len(indent) + 2)]))  # its dash at column 2
    return "".join(indent + line[2:] if line.strip() else line for line in text.splitlines(True))


def _in_model_order(collection: Collection, values: dict) -> dict:
    order = [f.name for f in fields_of(collection.model)]
    return dict(sorted(values.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99))


def appended(source: str, collection: Collection, values: dict) -> str:
    """The file text `source` with the entry added at the end of its list, indented like the
    entries already there. Nothing before it changes, but an empty `key: []` (the only thing
    that cannot be followed by an entry) becomes `key:`."""
    yf, problems = read_yaml(collection.file, source.encode())
    if problems:
        raise DataError(problems)
    entries = (yf.value or {}).get(collection.key) or []
    indent = "  "
    if entries:
        first = source.splitlines()[yf.line((collection.key, 0)) - 1]
        indent = first[: len(first) - len(first.lstrip(" "))]
    else:
        source = re.sub(
            rf"(?m)^{re.escape(collection.key)}:\s*\[\s*\]", f"{collection.key}:", source, count=1
        )
        if not re.search(rf"(?m)^{re.escape(collection.key)}:", source):
            source = source + ("" if source.endswith("\n") or not source else "\n")
            source += f"{collection.key}:\n"
    if source and not source.endswith("\n"):
        source += "\n"
    return source + entry_text(values, indent)


def without_empty(value: object) -> object:
    """`value` without the keys left empty ('' or nothing or an empty list): an empty
    optional field is no field, as in the files."""
    if isinstance(value, dict):
        kept = {k: without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [without_empty(v) for v in value]
    return value


# Splicing


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_trailing(line: str, column: int) -> bool:
    """A blank line, or a comment no deeper than `column`: it belongs to what follows."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and _indent(line) <= column)


def _split(lines: list[str], column: int) -> tuple[list[str], list[str]]:
    """`lines` as (content, trailing blank lines and comments)."""
    end = len(lines)
    while end > 1 and _is_trailing(lines[end - 1], column):
        end -= 1
    return lines[:end], lines[end:]


class _Layout(Exception):
    """A part of the file not laid out in block style: written again whole."""


def _order(model) -> list[str]:
    return [f.name for f in fields_of(model)] if model is not None else []


def _nested(model, key: str):
    doc = next((f for f in fields_of(model) if f.name == key), None) if model else None
    return doc.model if doc is not None else None


class _Splice:
    """Lines of a file's text changed into new values, only where the values differ."""

    def __init__(self, yf: YamlFile, lines: list[str]):
        self.yf, self.lines = yf, lines

    def mapping(self, start: int, stop: int, old: dict, new: dict, model) -> list[str]:
        """The content lines [start, stop) (0-based) of the block mapping `old`, changed into
        `new`; its first line may start with a list item's dash."""
        lines = self.lines
        key_lines = self.yf.lines.get(id(old))
        if not isinstance(key_lines, dict) or not key_lines:
            raise _Layout
        firsts = [n - 1 for n in key_lines.values()]
        if firsts[0] != start or len(set(firsts)) != len(firsts) or firsts != sorted(firsts):
            raise _Layout
        dash = re.match(r"^( *)-( +)(?=\S)", lines[start])
        column = len(dash.group(0)) if dash else _indent(lines[start])
        if any(_indent(lines[n]) != column for n in firsts[1:]):
            raise _Layout
        keys = list(key_lines)
        had = without_empty(old)
        result: list[tuple[str, list[str], list[str]]] = []  # key, content, trailing
        for n, key in enumerate(keys):
            end = firsts[n + 1] if n + 1 < len(keys) else stop
            content, trailing = _split(lines[firsts[n] : end], column)
            end = firsts[n] + len(content)
            if key not in new and key in had:
                content = []  # removed; the comments below it stay
            elif key in new and new[key] != had.get(key):
                content = self.value(key, firsts[n], end, old[key], new[key], column, model)
            if dash and n == 0 and content:  # the dash goes back on whichever key is first
                content = [" " * column + content[0][column:], *content[1:]]
            result.append((key, content, trailing))
        order = _order(model)
        for key in [k for k in new if k not in key_lines]:
            rank = order.index(key) if key in order else len(order)
            at = next(
                (i for i, (k, *_) in enumerate(result) if k in order and order.index(k) > rank),
                len(result),
            )
            result.insert(at, (key, key_text(key, new[key], column).splitlines(True), []))
        out = [line for _, content, trailing in result for line in (*_ended(content), *trailing)]
        if dash:
            first = next(
                i for i, line in enumerate(out) if line.strip() and line.lstrip()[0] != "#"
            )
            out[first] = dash.group(0) + out[first][column:]
        return out

    def value(self, key, start: int, stop: int, old, new, column: int, model) -> list[str]:
        """The lines [start, stop) of `key: old` changed into `key: new`: a block mapping or
        list is changed inside, anything else written again."""
        lines = self.lines
        inside = self.yf.lines.get(id(old))
        below = start + 1 < stop and inside
        head = lines[start]
        if isinstance(old, dict) and isinstance(new, dict) and below:
            if next(iter(inside.values())) - 1 == start + 1:
                inner = self.mapping(start + 1, stop, old, new, _nested(model, key))
                return [head, *inner]
        if isinstance(old, list) and isinstance(new, list) and below and new:
            if inside[0] - 1 == start + 1 and lines[start + 1].lstrip().startswith("-"):
                items = self.sequence(start + 1, stop, old, new, _nested(model, key))
                return [head, *items]
        return key_text(key, new, column).splitlines(True)

    def sequence(self, start: int, stop: int, old: list, new: list, model) -> list[str]:
        """The lines [start, stop) of the block list `old`, changed into `new`: items are
        matched by id, then by position; the lines between items stay where they are."""
        lines = self.lines
        starts = [n - 1 for n in self.yf.lines[id(old)]]
        dash_col = _indent(lines[starts[0]])
        if starts[0] != start or not lines[start].lstrip().startswith("-"):
            raise _Layout
        spans = [_split(lines[a:b], dash_col) for a, b in zip(starts, [*starts[1:], stop])]
        by_id = {e["id"]: i for i, e in enumerate(old) if isinstance(e, dict) and "id" in e}
        new_ids = {e["id"] for e in new if isinstance(e, dict) and "id" in e}
        gap = spans[0][1] if len(spans) > 1 and not "".join(spans[0][1]).strip() else []
        out: list[str] = []
        for position, item in enumerate(new):
            has_id = isinstance(item, dict) and "id" in item
            index = by_id.get(item["id"]) if has_id else None
            there = old[position] if position < len(old) else None
            if index is None and position < len(old):
                # No id, or a new id where the item there has an id no longer used: the
                # same item (renamed), matched by its place.
                if not has_id or (isinstance(there, dict) and there.get("id") not in new_ids):
                    index = position
            if index is None:
                values = item
                if isinstance(item, dict):
                    order = _order(model)
                    rank = {k: order.index(k) if k in order else len(order) for k in item}
                    values = dict(sorted(item.items(), key=lambda kv: rank[kv[0]]))
                content = entry_text(values, " " * dash_col).splitlines(True)
            elif without_empty(old[index]) == item:
                content = spans[index][0]
            elif isinstance(item, dict) and isinstance(old[index], dict):
                first = starts[index]
                content = self.mapping(first, first + len(spans[index][0]), old[index], item, model)
            else:
                content = entry_text(item, " " * dash_col).splitlines(True)
            if position == len(new) - 1:
                between = spans[-1][1]
            else:
                between = spans[position][1] if position < len(spans) - 1 else gap
            out += _ended(content) + between
        return out


def _ended(lines: list[str]) -> list[str]:
    return [line if line.endswith("\n") else line + "\n" for line in lines]


def with_entries(source: str, name: str, collection: Collection, entries: list) -> str:
    """The text of data file `source` (shown as `name`) with its list of entries made
    `entries`, in that order. Entries are matched by id, then by position (an entry renamed
    keeps its place); every line that does not hold a changed value stays as it is."""
    yf, problems = read_yaml(name, source.encode("utf-8"))
    if problems:
        raise DataError(problems)
    key = collection.key
    old = yf.value.get(key)
    entries = [without_empty(e) for e in entries]
    if not isinstance(old, list) or not old or not entries:
        text = re.sub(
            rf"(?m)^{re.escape(key)}:.*\n?(?:[ #].*\n?|\n)*", f"{key}:\n", source, count=1
        )
        for entry in entries:
            text = appended(text, collection, _in_model_order(collection, entry))
        return _read_back(text, name, key, entries)
    lines = source.splitlines(True)
    start = yf.line((key, 0)) - 1
    below = [yf.line((k,)) - 1 for k in yf.value if yf.line((k,)) - 1 > start]
    stop = min(below) if below else len(lines)
    head, tail = lines[:start], lines[stop:]
    try:
        body = _Splice(yf, lines).sequence(start, stop, old, entries, collection.model)
    except _Layout:
        body = key_text(key, entries, 0).splitlines(True)[1:]
    return _read_back("".join([*_ended(head), *body, *tail]), name, key, entries)


def _read_back(text: str, name: str, key: str, entries: list) -> str:
    """`text`, once sphub's reader gives back the entries it was written for."""
    yf, problems = read_yaml(name, text.encode("utf-8"))
    got = without_empty((yf.value or {}).get(key) or []) if not problems else None
    if got != entries:
        raise DataError(
            problems
            or [Problem(name, 1, key, "the entries as the editor sent them", "other values")]
        )
    return text
