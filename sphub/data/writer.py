"""Entries written as YAML text the way an editor would write them (block style, short lists
in flow style, long text folded, quotes only where needed), and appended to a data file
without re-writing anything already in it: comments and formatting stay byte for byte."""

from __future__ import annotations

import json
import re
import textwrap

from sphub.data.errors import DataError
from sphub.data.reader import read_yaml
from sphub.models import Collection


def _plain_ok(text: str, in_flow: bool = False) -> bool:
    """Whether `text` reads back as the same text when written without quotes."""
    if in_flow and any(c in text for c in ",[]{}#"):
        return False
    yf, problems = read_yaml("value", f"v: {text}".encode())
    return not problems and yf.value == {"v": text}


def _scalar(value: object, in_flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if _plain_ok(text, in_flow):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _block(key: str, value: object, indent: str) -> list[str]:
    """`key: value` as YAML lines at `indent`; nested mappings and lists in block style."""
    step = "  "
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for k, v in value.items():
            lines += _block(k, v, indent + step)
        return lines
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) and "\n" not in str(v) for v in value):
            flow = "[" + ", ".join(_scalar(v, in_flow=True) for v in value) + "]"
            if len(indent) + len(key) + len(flow) <= 98:
                return [f"{indent}{key}: {flow}"]
        lines = [f"{indent}{key}:"]
        for item in value:
            lines += _item(item, indent + step)
        return lines
    if isinstance(value, str) and "\n" in value.strip("\n") and not value[:1].isspace():
        chomp = "" if value.endswith("\n") else "-"
        body = [f"{indent}{step}{line}" if line else "" for line in value.rstrip("\n").split("\n")]
        return [f"{indent}{key}: |{chomp}", *body]
    line = f"{indent}{key}: {_scalar(value)}"
    if (
        isinstance(value, str)
        and len(line) > 98
        and value == value.strip()
        and "  " not in value
        and "\t" not in value
    ):
        # Long text folded over lines (`>-` reads them back joined by single spaces), so the
        # file stays readable and within the line length the linter allows.
        width = max(98 - len(indent) - len(step), 40)
        wrapped = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False)
        return [f"{indent}{key}: >-", *(f"{indent}{step}{w}" for w in wrapped)]
    return [line]


def _item(value: object, indent: str) -> list[str]:
    """One list item: `- value`, or a mapping whose first key follows the dash."""
    if isinstance(value, dict):
        lines: list[str] = []
        for k, v in value.items():
            lines += _block(k, v, indent + "  ")
        return [indent + "- " + lines[0].lstrip(" "), *lines[1:]] if lines else [indent + "- {}"]
    if isinstance(value, list):
        return [indent + "- " + "[" + ", ".join(_scalar(v, True) for v in value) + "]"]
    return [indent + "- " + _scalar(value)]


def entry_text(values: dict, indent: str = "  ") -> str:
    """The YAML text of one list entry at `indent`."""
    return "\n".join(_item(values, indent)) + "\n"


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
