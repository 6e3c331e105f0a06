"""Read one YAML data file into plain Python values, keeping the line of every value.

Only plain YAML is accepted: mappings, lists, text, whole numbers, decimals, true/false, null
and dates (kept as text so the models can report a bad date in our own words). Python tags,
merge keys, duplicated keys, YAML 1.1 surprises (``NO`` read as false, ``1:20`` read as 80),
alias bombs, byte-order marks, UTF-16 and invalid UTF-8 all come back as problems with a line.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from sphub.data.errors import Path, Problem, describe, format_path
from sphub.data.syntax import char_name, explain, odd_indentation

MAX_FILE_BYTES = 10 * 1024 * 1024
# An editor's line is short (the linter asks for 100 characters); a line of megabytes is a
# pasted document or an attack, and libyaml would take seconds to scan it.
MAX_LINE = 10_000
# Values produced from one file, aliases expanded: stops "billion laughs", and a file too big
# to be data an editor keeps (the benchmark's largest, ten times a large network's, has about
# 100,000) is refused in a fraction of a second rather than read for seconds.
MAX_VALUES = 250_000
MAX_DEPTH = 40
# Events read past a problem to look for a syntax error further down: 2.5 times the largest
# file of the benchmark's M scale, about 0.2 s.
READ_ON_EVENTS = 250_000
# Characters no editor types: control characters (tab and newline aside), the line and
# paragraph separators U+2028/U+2029, lone surrogates and non-characters. YAML escapes such
# as "\0" produce them; they would break the XML, calendar and CSV outputs, the UTF-8 of a
# page, or print as blank boxes in the PDF.
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

# Only libyaml's parser is used, for its events; what the values are is decided here.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


# YAML 1.2-style plain scalars: only true/false are booleans, no sexagesimal numbers. First
# character -> the (tag, pattern) pairs to try in order; a plain scalar matching none is text.
_IMPLICIT: dict[str, list[tuple[str, re.Pattern]]] = {}
for _tag, _regexp, _first in [
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (FLOAT, r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (TIMESTAMP, r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$", "0123456789"),
]:
    for _char in _first:
        _IMPLICIT.setdefault(_char, []).append((_tag, re.compile(_regexp)))

_SCALARS = {
    STR: lambda text: text,
    TIMESTAMP: lambda text: text,
    INT: int,
    FLOAT: float,
    BOOL: lambda text: text.lower() == "true",
    NULL: lambda text: None,
}


@dataclass
class YamlFile:
    """A data file read into plain values, with the line where each value stands."""

    name: str  # as shown to editors, e.g. data/members.yml
    value: object = None
    # The lines of each mapping and list in `value`, by id(): a mapping's are {key: line of
    # the key}, a list's [line of each item]. Kept per container rather than per path, so
    # reading makes no path for each of a large file's values; `line` walks down instead.
    lines: dict[int, dict | list] = field(default_factory=dict)
    first_line: int = 1
    # Problems found while reading that leave the values usable (a value cut short by a
    # comment, curly quotes): reported with the problems of the entries.
    notes: list[Problem] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """Line of the value at `path`, or of its nearest ancestor that exists."""
        value, line = self.value, self.first_line
        for step in path:
            lines = self.lines.get(id(value))
            try:
                line, value = lines[step], value[step]
            except (TypeError, KeyError, IndexError):  # no such key or index, or a scalar
                break
        return line

    def problem(self, path: Path, expected: str, got: str) -> Problem:
        """A problem with the value at `path`, at its line."""
        return Problem(self.name, self.line(path), format_path(path), expected, got)


class _Stop(Exception):
    def __init__(self, problem: Problem, read_on: bool = True):
        self.problem = problem
        self.read_on = read_on  # whether to look further down for a syntax error


def _decode(name: str, raw: bytes) -> tuple[str | None, Problem | None]:
    def problem(line: int, expected: str, got: str) -> Problem:
        return Problem(name, line, "(file)", expected, got)

    if len(raw) > MAX_FILE_BYTES:
        size = MAX_FILE_BYTES // 1024 // 1024
        return None, problem(1, f"a file of at most {size} MiB", f"more than {size} MiB")
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, problem(
            1,
            "UTF-8 text without a byte-order mark",
            "a UTF-8 byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        line = raw[: max(raw.find(b"\x00"), 0)].count(b"\n") + 1
        return None, problem(line, "UTF-8 text", "UTF-16 or binary data (save the file as UTF-8)")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start : err.start + 1]
        return None, problem(
            line,
            "UTF-8 text",
            f"the byte 0x{byte[0]:02x} ('{byte.decode('cp1252', 'replace')}' in Latin-1): the "
            "file is saved as Latin-1 or Windows-1252; save it as UTF-8 (in VS Code: click the "
            "encoding in the status bar, then 'Save with Encoding', 'UTF-8')",
        )


def _syntax_problem(name: str, text: str, err: yaml.YAMLError) -> Problem:
    line, expected, got = explain(text, err)
    return Problem(name, line, "(file)", expected, got)


class _Open:
    """A mapping or list being read: where it stands, and the key waiting for its value."""

    __slots__ = ("value", "is_map", "lines", "step", "line", "anchor", "count", "key", "key_line")

    def __init__(self, is_map: bool, step, line: int, anchor: str | None, count: int):
        self.value, self.lines = ({}, {}) if is_map else ([], [])
        self.is_map, self.step, self.line, self.anchor, self.count = (
            is_map,
            step,
            line,
            anchor,
            count,
        )
        self.key: str | None = None
        self.key_line = 0


def _shown(tag: str) -> str:
    """A tag as the editor wrote it: '!!python/object', not 'tag:yaml.org,2002:...'."""
    return "the tag '" + tag.replace("tag:yaml.org,2002:", "!!") + "'"


# A comment after a plain value: ' #' ends the value there, which an editor rarely means.
_COMMENT = re.compile(r"[ \t]+#([^\n]*)")
_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def _cut_by_comment(name: str, text: str, event, path: str) -> Problem:
    start = text.rfind("\n", 0, event.start_mark.index) + 1
    end = text.find("\n", event.end_mark.index)
    source = text[start : None if end < 0 else end]
    before, comment = source[: event.end_mark.column], source[event.end_mark.column :].strip()
    whole = event.value + " " + comment
    fixed = before[: event.start_mark.column].strip() + " " + json.dumps(whole, ensure_ascii=False)
    return Problem(
        name,
        event.start_mark.line + 1,
        path,
        f"the whole value, but ' #' starts a comment in YAML (if '{comment}' is part of the "
        f"value, write it in double quotes: {fixed}; a comment goes on a line of its own)",
        f"'{event.value}' followed by the comment '{comment}'",
    )


def _curly_quotes(name: str, line: int, path: str, value: str) -> Problem:
    inner = value[1:-1]
    return Problem(
        name,
        line,
        path,
        f'straight double quotes ("{inner}") or no quotes ({inner}): curly quotes are kept '
        "as part of the text",
        f"'{value}' in curly quotes",
    )


_HERE, _MAPPING = object(), object()  # where `stop` points: the value read, or its mapping


def _values(name: str, text: str, events) -> YamlFile:
    """Build the values straight from libyaml's events, in one pass that never recurses.

    PyYAML's composer would build a node per value first (a third of the reading time of a
    large file), and its C version recurses once per level of nesting, so that a file nested
    some 100,000 levels deep crashed the interpreter itself; here the depth is a counter.
    This loop runs once per value of every data file: it is written for speed."""
    result = YamlFile(name)
    stack: list[_Open] = []
    top: _Open | None = None  # the mapping or list the next value goes into
    anchors: dict[str, tuple[object, int, int, _Open | None]] = {}  # value, size, line, open
    count = 0  # values made, aliases counted expanded: the size pydantic would walk
    check_all = _BAD_CHAR.search(text) is not None  # else only escapes can make one
    documents = 0

    notes = result.notes  # problems that do not stop the reading

    def path_here() -> str:
        return format_path(
            tuple(frame.step for frame in stack[1:])
            + ((top.key if top.is_map else len(top.value)),)
            if top is not None
            else ()
        )

    def stop(line: int, at, expected: str, got: str, read_on: bool = True):
        path = tuple(frame.step for frame in stack[1:])
        if at is _HERE and top is not None:
            path += (top.key if top.is_map else len(top.value),)
        elif at is not _MAPPING:
            path += (at,)
        raise _Stop(Problem(name, line, format_path(path), expected, got), read_on)

    for event in events:
        kind = type(event)
        opened = None
        if kind is ScalarEvent:
            line = event.start_mark.line + 1
            text_value, tag = event.value, event.tag
            if tag is None or tag == "!":
                tag = STR
                if event.implicit[0]:
                    for candidate, regexp in _IMPLICIT.get(text_value[:1], ()):
                        if regexp.match(text_value):
                            tag = candidate
                            break
            if (check_all or event.style == '"') and _BAD_CHAR.search(text_value):
                bad = _BAD_CHAR.search(text_value)[0]
                stop(
                    line,
                    _MAPPING if top and top.is_map and top.key is None else _HERE,
                    "text without control characters",
                    f"the character U+{ord(bad):04X}",
                )
            if top is not None and top.is_map and top.key is None:
                if tag not in (STR, INT):
                    stop(line, _MAPPING, "a plain name as key", "a complex key")
                if text_value == "<<" and not event.style:  # a quoted "<<" is a plain key
                    stop(
                        line,
                        _MAPPING,
                        "the values written out (merge keys are not supported)",
                        "a merge key '<<'",
                    )
                if text_value in top.value:
                    stop(
                        line,
                        text_value,
                        "each key once in a mapping",
                        f"a second '{text_value}' (first on line {top.lines[text_value]})",
                    )
                top.key, top.key_line = text_value, line
                continue
            if tag is STR or tag is TIMESTAMP:  # most values: no conversion
                value = text_value
                if not event.style and tag is STR:
                    end = event.end_mark.index
                    if text[end : end + 1] in (" ", "\t") and _COMMENT.match(text, end):
                        notes.append(_cut_by_comment(name, text, event, path_here()))
                    if text_value[:1] in _CURLY and text_value[-1:] in _CURLY:
                        notes.append(_curly_quotes(name, line, path_here(), text_value))
            else:
                convert = _SCALARS.get(tag)
                if convert is None:
                    stop(line, _HERE, "plain YAML values", _shown(tag))
                value = convert(text_value)
            count += 1
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1, line, None)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            line = event.start_mark.line + 1
            is_map = kind is MappingStartEvent
            if top is not None and top.is_map and top.key is None:
                stop(line, _MAPPING, "a plain name as key", "a complex key")
            if event.tag not in (None, "!", MAP if is_map else SEQ):
                stop(line, _HERE, "plain YAML values", _shown(event.tag))
            if len(stack) >= MAX_DEPTH:
                stop(line, _HERE, f"nesting at most {MAX_DEPTH} levels deep", "deeper nesting")
            step = None if top is None else top.key if top.is_map else len(top.value)
            opened = _Open(is_map, step, line, event.anchor, count)
            value = opened.value
            if event.anchor is not None:
                anchors[event.anchor] = (value, 0, line, opened)
            count += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            closed = stack.pop()
            top = stack[-1] if stack else None
            result.lines[id(closed.value)] = closed.lines
            if closed.anchor is not None:
                anchors[closed.anchor] = (closed.value, count - closed.count, closed.line, None)
            continue
        elif kind is AliasEvent:
            line = event.start_mark.line + 1
            if top is not None and top.is_map and top.key is None:
                stop(line, _MAPPING, "a plain name as key", "an alias")
            if event.anchor not in anchors:
                stop(
                    line,
                    _HERE,
                    "an alias to an anchor above it",
                    f"'*{event.anchor}', which no '&' names",
                )
            value, size, anchor_line, still_open = anchors[event.anchor]
            if still_open is not None:
                stop(anchor_line, _HERE, "a value", "an alias that contains itself")
            count += size  # the alias stands for all those values again
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Stop(
                    Problem(
                        name,
                        event.start_mark.line + 1,
                        "(file)",
                        "one YAML document in a file",
                        "a second document (a line '---')",
                    )
                )
            continue
        else:  # the start and end of the stream and of the document
            continue
        if count > MAX_VALUES:
            # A million values read: the file is read no further, not even for a syntax error.
            stop(
                line,
                _HERE,
                f"at most {MAX_VALUES:,} values in one file",
                "more (aliases expanding without end?)",
                read_on=False,
            )
        if top is None:
            result.value, result.first_line = value, line
        elif top.is_map:
            top.value[top.key] = value
            top.lines[top.key] = top.key_line
            top.key = None
        else:
            top.value.append(value)
            top.lines.append(line)
        if opened is not None:
            stack.append(opened)
            top = opened
    return result


def _syntax_error_below(events) -> yaml.YAMLError | None:
    """The syntax error in the rest of `events` (the stream after a problem), if within reach.

    Only events are read, no values, and not past nesting deeper than MAX_DEPTH below the
    problem, the start of a next document, or READ_ON_EVENTS events: libyaml's time grows
    with the square of the depth of flow nesting (100,000 '[' took 80 s to parse), and a
    hostile file may hold millions of small documents or values. Past those, the problem
    stands."""
    depth = 0
    try:
        for n, event in enumerate(events):
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
            if depth > MAX_DEPTH or kind is DocumentStartEvent or n > READ_ON_EVENTS:
                return None
    except yaml.YAMLError as err:
        return err
    return None


_LONG_LINE = re.compile(f"(?m)^[^\\n]{{{MAX_LINE + 1}}}")  # each line tried once, from its start


def _long_line(name: str, text: str) -> Problem | None:
    """The first line longer than MAX_LINE characters, as a problem, if there is one."""
    found = _LONG_LINE.search(text) if len(text) > MAX_LINE else None
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    end = text.find("\n", found.start())
    length = (len(text) if end < 0 else end) - start
    return Problem(
        name,
        text.count("\n", 0, start) + 1,
        "(file)",
        f"lines of at most {MAX_LINE:,} characters",
        f"a line of {length:,} characters",
    )


def read_yaml(name: str, raw: bytes, key: str | None = None) -> tuple[YamlFile, list[Problem]]:
    """Parse `raw` (the bytes of file `name`). Returns the file and its problems, if any.

    A file whose structure cannot be trusted has `value` None; problems that leave the
    values usable (`YamlFile.notes`) come back with the file's values. `key`, when given, is
    the key the file's entries stand under (`members`), named when the file lacks it.
    """
    text, problem = _decode(name, raw)
    if problem:
        return YamlFile(name), [problem]
    problem = _long_line(name, text) or _odd_indentation(name, text)
    if problem:
        return YamlFile(name), [problem]
    events = yaml.parse(text, Loader=_Parser)
    try:
        result = _values(name, text, events)
    except yaml.YAMLError as err:
        return YamlFile(name), [_syntax_problem(name, text, err)]
    except _Stop as stopped:
        # A syntax error further down comes first: what was read before it may not be what
        # the editor meant (a missing ']' swallows the lines after it). The same stream reads
        # on from the problem: the file is not parsed again.
        err = _syntax_error_below(events) if stopped.read_on else None
        if err is not None:
            return YamlFile(name), [_syntax_problem(name, text, err)]
        return YamlFile(name), [stopped.problem]
    if result.value is None:
        return YamlFile(name), [Problem(name, 1, "(file)", "a mapping of data", "an empty file")]
    if isinstance(result.value, list) and key is not None:
        return YamlFile(name), [
            Problem(
                name,
                result.first_line,
                "(file)",
                f"the entries under the key '{key}:' (add a line '{key}:' above the first "
                "'- ' and indent the entries by two spaces)",
                f"{describe(result.value)} without its key",
            )
        ]
    if not isinstance(result.value, dict):
        return YamlFile(name), [
            Problem(name, 1, "(file)", "a mapping of data (key: value)", describe(result.value))
        ]
    return result, list(result.notes)


# The files read lately, by name and bytes: a long-running preview or editor checks every
# data file again after each save, and most are byte for byte as they were. At most this many
# bytes of files are kept (the shipped data is half a megabyte).
SHARED_BYTES = 16 * 1024 * 1024
_shared: OrderedDict[tuple[str, bytes, str | None], tuple[YamlFile, list[Problem]]] = OrderedDict()
_shared_bytes = 0
_sharing = threading.Lock()


def read_shared(name: str, raw: bytes, key: str | None = None) -> tuple[YamlFile, list[Problem]]:
    """`read_yaml`, for a file that is only read: the same bytes read under the same name
    and key give back the same YamlFile as the last time, without parsing them again (its
    problems are the same, as `read_yaml` depends on nothing else). Its values are shared:
    never change them."""
    global _shared_bytes
    at = (name, raw, key)
    with _sharing:
        found = _shared.get(at)
        if found is not None:
            _shared.move_to_end(at)
            return found[0], list(found[1])
    yf, problems = read_yaml(name, raw, key)
    if len(raw) <= SHARED_BYTES:
        with _sharing:
            if at not in _shared:
                _shared[at] = (yf, list(problems))
                _shared_bytes += len(raw)
            while _shared_bytes > SHARED_BYTES:
                (_, old, _), _ = _shared.popitem(last=False)
                _shared_bytes -= len(old)
    return yf, problems


def _odd_indentation(name: str, text: str) -> Problem | None:
    found = odd_indentation(text)
    if found is None:
        return None
    line, char = found
    return Problem(
        name,
        line,
        "(file)",
        "indentation with ordinary spaces",
        f"the character {char_name(char)} (pasted from a web page or a word processor? "
        "delete the indentation and type it again with the space bar)",
    )
