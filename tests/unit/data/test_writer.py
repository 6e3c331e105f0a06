"""sphub.data.writer: one value changed in a data file changes only the lines of that value;
every other line, folded paragraphs and flow lists included, stays byte for byte."""

from __future__ import annotations

import copy
import difflib

import pytest

from sphub.data.errors import DataError
from sphub.data.reader import read_yaml
from sphub.data.writer import entry_text, key_text, with_entries
from sphub.models import COLLECTIONS
from tests.conftest import ROOT


def _changed(value):
    """`value` changed the way a form would change it, keeping its kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, str):
        return value + " (edited)"
    if isinstance(value, list):
        if value and isinstance(value[0], (dict, list)):
            return [_changed(value[0]), *value[1:]]
        return [*value, "added"] if all(isinstance(v, str) for v in value) else value[:-1]
    if isinstance(value, dict):
        key = next((k for k in value if k != "id"), None)
        return value if key is None else {**value, key: _changed(value[key])}
    return value


def _leaves(value, path=()):
    """Every (path, value) under `value`, down to scalars and lists of scalars."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))


def _set(root, path, value):
    for step in path[:-1]:
        root = root[step]
    root[path[-1]] = value


def _span(yf, path, lines) -> tuple[int, int]:
    """The 0-based lines [first, last] a value at `path` may occupy: from its key's line to
    the line before the next key or item of its parent (or of any ancestor)."""
    first = yf.line(path) - 1
    after = len(lines)
    value, holder = yf.value, []
    for step in path:
        holder.append((value, step))
        value = value[step]
    for parent, step in holder:
        places = yf.lines[id(parent)]
        numbers = list(places.values()) if isinstance(places, dict) else places
        index = list(places).index(step) if isinstance(places, dict) else step
        if index + 1 < len(numbers):
            after = min(after, numbers[index + 1] - 1)
    return first, after


@pytest.mark.parametrize("collection", list(COLLECTIONS.values()), ids=lambda c: c.file)
def test_every_value_of_every_file_changes_only_its_own_lines(collection):
    source = (ROOT / "data" / collection.file).read_text(encoding="utf-8")
    yf, problems = read_yaml(collection.file, source.encode())
    assert not problems
    lines = source.splitlines(True)
    entries = yf.value[collection.key]
    # Every field of the first entries, and of the last one (the end of the file).
    chosen = sorted({0, min(1, len(entries) - 1), len(entries) - 1})
    tried = 0
    for index in chosen:
        for path, value in _leaves(entries[index]):
            if not path or path[-1] in ("id",) or isinstance(path[-1], int):
                continue
            new = _changed(value)
            if new == value:
                continue
            edited = copy.deepcopy(entries)
            _set(edited[index], path, new)
            text = with_entries(source, collection.file, collection, edited)
            first, last = _span(yf, (collection.key, index, *path), lines)
            after = text.splitlines(True)
            matcher = difflib.SequenceMatcher(a=lines, b=after, autojunk=False)
            for tag, a1, a2, _, _ in matcher.get_opcodes():
                if tag != "equal":
                    assert first <= a1 and a2 - 1 <= last, (collection.file, path, a1, a2)
            tried += 1
    assert tried > 0
    assert text != source


def test_the_field_kinds_are_all_tried():
    """Over the shipped files the test above changes text, numbers, booleans, lists and
    mappings (each kind a form edits)."""
    seen = set()
    for collection in COLLECTIONS.values():
        yf, _ = read_yaml(collection.file, (ROOT / "data" / collection.file).read_bytes())
        for entry in yf.value[collection.key][:2]:
            seen |= {type(v).__name__ for _, v in _leaves(entry)}
    assert {"str", "int", "bool", "list", "dict"} <= seen


def test_a_work_plan_activity_edited_keeps_folded_text_and_flow_lists():
    collection = COLLECTIONS["workplans"]
    source = (ROOT / "data" / collection.file).read_text(encoding="utf-8")
    yf, _ = read_yaml(collection.file, source.encode())
    entries = copy.deepcopy(yf.value["workplans"])
    activity = entries[0]["focus_areas"][0]["activities"][1]
    activity["title"] = "Two social audits per network"
    text = with_entries(source, collection.file, collection, entries)
    changed = [
        (a, b) for a, b in zip(source.splitlines(), text.splitlines(), strict=True) if a != b
    ]
    assert [b.strip() for _, b in changed] == ["title: Two social audits per network"]
    assert "rationale: >-" in text and "deliverables: [" in text


def test_entries_are_written_as_an_editor_writes_them():
    text = entry_text(
        {
            "id": "x",
            "start": "2012-03-04",
            "when": "2012-03",
            "tags": ["a, b", "yes"],
            "summary": ("word " * 30).strip(),
            "notes": "line one\nline two",
            "count": 3,
        }
    )
    assert text.splitlines()[:4] == [
        "  - id: x",
        "    start: 2012-03-04",
        "    when: 2012-03",
        "    tags: ['a, b', yes]",
    ]
    assert "    summary: >-" in text and "    notes: |-" in text
    assert all(len(line) <= 98 for line in text.splitlines())
    yf, problems = read_yaml("x", ("x:\n" + text).encode())
    assert not problems and yf.value["x"][0]["summary"] == ("word " * 30).strip()


def test_a_value_that_would_not_read_back_is_refused():
    collection = COLLECTIONS["topics"]
    source = (ROOT / "data" / collection.file).read_text(encoding="utf-8")
    yf, _ = read_yaml(collection.file, source.encode())
    entries = copy.deepcopy(yf.value["topics"])
    entries[0]["name"] = "  leading spaces kept?"
    text = with_entries(source, collection.file, collection, entries)
    assert read_yaml("t", text.encode())[0].value["topics"][0]["name"] == entries[0]["name"]
    with pytest.raises(DataError):
        with_entries("topics: [\n", "t", collection, entries)


def test_key_text_is_indented_at_its_column():
    assert key_text("a", {"b": [1, 2]}, 4) == "    a:\n      b: [1, 2]\n"
