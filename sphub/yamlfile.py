"""Read one YAML data file into plain Python values, keeping the line of every value.

Only plain YAML is accepted: mappings, lists, text, whole numbers, decimals, true/false, null
and dates (kept as text so the models can report a bad date in our own words). Python tags,
merge keys, duplicated keys, YAML 1.1 surprises (``NO`` read as false, ``1:20`` read as 80),
alias bombs, byte-order marks, UTF-16 and invalid UTF-8 all come back as problems with a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sphub.errors import Path, Problem, describe

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_VALUES = 1_000_000  # values produced from one file, aliases expanded: stops "billion laughs"
MAX_DEPTH = 40
# Characters no editor types: control characters (tab and newline aside), the line and
# paragraph separators U+2028/U+2029, lone surrogates and non-characters. YAML escapes such
# as "\0" produce them; they would break the XML, calendar and CSV outputs, the UTF-8 of a
# page, or print as blank boxes in the PDF.
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):
    """Safe loader with YAML 1.2-style scalars: only true/false are booleans, no sexagesimal
    numbers, no merge keys. Implicit resolvers are rebuilt, not inherited."""

    yaml_implicit_resolvers: dict = {}

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        # PyYAML's `resolve` less what we never use (path and wildcard resolvers): it runs once
        # per value, and its bookkeeping was a quarter of the parsing time of a large file.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


for _tag, _regexp, _first in [
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (FLOAT, r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (TIMESTAMP, r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$", "0123456789"),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))

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
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """Line of the value at `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _Stop(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _decode(name: str, raw: bytes) -> tuple[str | None, Problem | None]:
    def problem(line: int, expected: str, got: str) -> Problem:
        return Problem(name, line, "(file)", expected, got)

    if len(raw) > MAX_FILE_BYTES:
        size = MAX_FILE_BYTES // 1024 // 1024
        return None, problem(1, f"a file of at most {size} MiB", f"more than {size} MiB")
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, problem(1, "UTF-8 text without a byte-order mark",
                             "a UTF-8 byte-order mark (save the file as 'UTF-8', not 'UTF-8 with BOM')")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        line = raw[: max(raw.find(b"\x00"), 0)].count(b"\n") + 1
        return None, problem(line, "UTF-8 text", "UTF-16 or binary data (save the file as UTF-8)")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, problem(line, "UTF-8 text", f"the invalid byte 0x{raw[err.start]:02x}")


def _syntax_problem(name: str, text: str, err: yaml.YAMLError) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    # At the end of a file without a final newline, the mark is one line past the last.
    line = min(mark.line + 1, text.count("\n") + 1) if mark else 1
    source_lines = text.splitlines()
    bad_line = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or (
        mark and "\t" in bad_line[max(mark.column - 1, 0): mark.column + 1]
    ):
        return Problem(name, line, "(file)", "indentation with spaces", "a tab character")
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context, context_mark = getattr(err, "context", None), getattr(err, "context_mark", None)
    if context and context_mark and context_mark.line + 1 != line:
        problem += f" ({context} started on line {context_mark.line + 1})"
    return Problem(name, line, "(file)", "valid YAML", f"a syntax error: {problem}")


def _depth_problem(name: str, text: str) -> Problem | None:
    """The C composer recurses once per level of nesting and crashes the interpreter itself
    (no Python error to catch) on a file nested some 100,000 levels deep. The event stream
    is flat, so the depth is checked there before anything is composed."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(name, event.start_mark.line + 1, "(file)",
                               f"nesting at most {MAX_DEPTH} levels deep", "deeper nesting")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


class _Builder:
    """Turns the composed node graph into values, checking what plain YAML allows."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[Path, int] = {}
        self.count = 0
        self.open: set[int] = set()

    @staticmethod
    def tag(node: Node) -> str:
        """A tag as the editor wrote it: '!!python/object', not 'tag:yaml.org,2002:...'."""
        return "the tag '" + node.tag.replace("tag:yaml.org,2002:", "!!") + "'"

    def stop(self, node: Node, path: Path, expected: str, got: str):
        from sphub.errors import format_path

        raise _Stop(Problem(self.name, node.start_mark.line + 1, format_path(path), expected, got))

    def check_characters(self, node: ScalarNode, path: Path) -> None:
        bad = _BAD_CHAR.search(node.value)
        if bad:
            self.stop(node, path, "text without control characters",
                      f"the character U+{ord(bad[0]):04X}")

    def build(self, node: Node, path: Path, line: int | None = None) -> object:
        self.count += 1
        if self.count > MAX_VALUES:
            self.stop(node, path, f"at most {MAX_VALUES:,} values in one file",
                      "more (aliases expanding without end?)")
        if len(path) > MAX_DEPTH:
            self.stop(node, path, f"nesting at most {MAX_DEPTH} levels deep", "deeper nesting")
        self.lines[path] = line or node.start_mark.line + 1
        if isinstance(node, ScalarNode):
            self.check_characters(node, path)
            if node.tag not in _SCALARS:
                self.stop(node, path, "plain YAML values", self.tag(node))
            return _SCALARS[node.tag](node.value)
        if id(node) in self.open:
            self.stop(node, path, "a value", "an alias that contains itself")
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != SEQ:
                    self.stop(node, path, "plain YAML values", self.tag(node))
                return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            if not isinstance(node, MappingNode) or node.tag != MAP:
                self.stop(node, path, "plain YAML values", self.tag(node))
            result: dict[str, object] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in (STR, INT):
                    self.stop(key_node, path, "a plain name as key", "a complex key")
                self.check_characters(key_node, path)
                key = key_node.value
                if key == "<<" and not key_node.style:  # a quoted "<<" is a plain key
                    self.stop(key_node, path, "the values written out (merge keys are not "
                              "supported)", "a merge key '<<'")
                if key in result:
                    first = self.lines[path + (key,)]
                    self.stop(key_node, path + (key,), "each key once in a mapping",
                              f"a second '{key}' (first on line {first})")
                result[key] = self.build(value_node, path + (key,), key_node.start_mark.line + 1)
            return result
        finally:
            self.open.discard(id(node))


def read_yaml(name: str, raw: bytes) -> tuple[YamlFile, list[Problem]]:
    """Parse `raw` (the bytes of file `name`). Returns the file and its problems, if any.

    A file with problems here has `value` None: its structure cannot be trusted.
    """
    result = YamlFile(name)
    text, problem = _decode(name, raw)
    if problem:
        return result, [problem]
    try:
        depth_problem = _depth_problem(name, text)
        if depth_problem:
            return result, [depth_problem]
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as err:
        return result, [_syntax_problem(name, text, err)]
    if root is None:
        return result, [Problem(name, 1, "(file)", "a mapping of data", "an empty file")]
    builder = _Builder(name)
    try:
        value = builder.build(root, ())
    except _Stop as stop:
        return result, [stop.problem]
    except RecursionError:
        return result, [Problem(name, 1, "(file)", f"nesting at most {MAX_DEPTH} levels deep",
                                "deeper nesting")]
    result.value, result.lines = value, builder.lines
    if not isinstance(value, dict):
        return YamlFile(name), [Problem(name, 1, "(file)", "a mapping of data (key: value)",
                                        describe(value))]
    return result, []
