"""A save from the browser editor, applied onto the file as it is and checked before it is
written.

The editor sends the whole file as it serialised it (its YAML has no comments, its own
quoting and order of keys). sphub does not write that text: it reads the values, then changes
the file on disk (read round-trip with ruamel.yaml) only where the values differ: an entry
whose values are the same keeps its text, comments and formatting byte for byte, the file's
header comment stays, entries keep their order; a changed entry keeps its keys' order and
the comments of its unchanged keys; a new entry is written as `sphub new` writes one. The
result is then checked like the build checks it (the models and the cross-checks over the
whole of data/), and refused with sphub's one-line problems when anything is wrong."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML

from sphub.data.errors import DataError, Problem
from sphub.data.fields import fields_of
from sphub.data.load import load_site
from sphub.data.reader import read_yaml
from sphub.data.writer import entry_text
from sphub.models import Collection


def _yaml() -> YAML:
    """The round-trip reader and writer, set to the data files' layout (two spaces, list
    items indented under their key, long lines left as they are)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def plain(value: object) -> object:
    """A round-trip value as the values sphub's reader gives: dates as their text, the
    round-trip mappings, lists and strings as plain ones."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def without_empty(value: object) -> object:
    """`value` without the keys the editor leaves empty ('' or nothing or an empty list): an
    empty optional field is no field, as in the files."""
    if isinstance(value, dict):
        kept = {k: without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [without_empty(v) for v in value]
    return value


def _node(value: object):
    """`value` as a round-trip node written the way `sphub new` writes values (plain dates,
    short lists in flow style, long text folded)."""
    return _yaml().load(entry_text({"v": value}, ""))[0]["v"]


def _update(node, new: dict) -> None:
    """Change the round-trip mapping `node` into `new`, in place: unchanged keys keep their
    text and comments, changed ones are written again, new ones go at the end."""
    for key in [k for k in node if k not in new]:
        del node[key]
    for key, value in new.items():
        if key in node and without_empty(plain(node[key])) == value:
            continue
        if key in node and isinstance(node[key], dict) and isinstance(value, dict):
            _update(node[key], value)
        else:
            node[key] = _node(value)


def _position(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


def applied(source: str, collection: Collection, entries: list[dict]) -> str:
    """The text of the data file `source` with its entries changed into `entries` (in that
    order). Entries are matched by id, then by position."""
    yaml = _yaml()
    document = yaml.load(source)
    old = list(document[collection.key] or [])
    by_id = {plain(e.get("id")): e for e in old if isinstance(e, dict) and "id" in e}
    result = []
    for index, new in enumerate(entries):
        node = by_id.get(new.get("id"))
        if node is None and "id" not in new and index < len(old):
            node = old[index]
        if node is None:
            order = [f.name for f in fields_of(collection.model)]
            new = dict(sorted(new.items(), key=lambda kv: _position(order, kv[0])))
            result.append(yaml.load(entry_text(new, ""))[0])
            continue
        if without_empty(plain(node)) != new:
            _update(node, new)
        result.append(node)
    sequence = document[collection.key]
    if sequence is None or not hasattr(sequence, "clear"):
        document[collection.key] = result
    else:
        sequence.clear()
        sequence.extend(result)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def entries_sent(name: str, raw: str, collection: Collection) -> list[dict]:
    """The entries in the text the editor sent, read like any data file (no tags, no
    aliases, sizes bounded), without the fields it left empty."""
    yf, problems = read_yaml(name, raw.encode("utf-8"))
    if problems:
        raise DataError(problems)
    value = yf.value if isinstance(yf.value, dict) else {}
    entries = value.get(collection.key) or []
    if not isinstance(entries, list) or set(value) - {collection.key}:
        raise DataError(
            [Problem(name, 1, collection.key, f"only '{collection.key}:' and its list", "more")]
        )
    return [without_empty(e) if isinstance(e, dict) else e for e in entries]


def checked(data_dir: Path, collection: Collection, text: str) -> None:
    """Raise DataError (every problem, as `sphub validate` reports them) unless data/ with
    this text as the collection's file is valid."""
    with tempfile.TemporaryDirectory(prefix="sphub-save-") as scratch:
        copy = Path(scratch) / "data"
        # The whole folder (translations included), links kept as links: the check refuses
        # them as the build does.
        shutil.copytree(data_dir, copy, symlinks=True)
        (copy / collection.file).unlink()
        (copy / collection.file).write_text(text, encoding="utf-8")
        load_site(copy)


def save(data_dir: Path, collection: Collection, raw: str) -> str:
    """Apply the editor's text `raw` onto the collection's file, check it, and write it
    (whole, by a rename: never half a file). Returns the text written. Raises DataError,
    and writes nothing, when the result is invalid."""
    path = data_dir / collection.file
    name = f"data/{collection.file}"
    source = path.read_text(encoding="utf-8")
    yf, problems = read_yaml(name, source.encode("utf-8"))  # the file as it is, read safely
    if problems:
        raise DataError(problems)
    text = applied(source, collection, entries_sent(name, raw, collection))
    checked(data_dir, collection, text)
    if text != source:
        fd, scratch = tempfile.mkstemp(dir=data_dir, prefix=f".{collection.file}.")
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(scratch, path)
    return text
