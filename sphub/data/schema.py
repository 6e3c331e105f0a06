"""JSON Schemas of the data files, generated from the models, for editors' tools.

Each data file `data/<key>.yml` gets `schemas/<key>.json`; its first line names the schema
(`# yaml-language-server: $schema=../schemas/<key>.json`), so VS Code (with the YAML
extension) and other editors complete field names and underline mistakes while typing. The
schemas are committed; `sphub schemas` rewrites them and a test fails when they are stale.
The models stay the authority: the schema helps while typing, `sphub validate` decides.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphub.models import COLLECTIONS, Collection

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_line(collection: Collection) -> str:
    """The comment that opens a data file and tells the editor where its schema is."""
    return f"# yaml-language-server: $schema=../schemas/{collection.key}.json"


def file_schema(collection: Collection) -> dict:
    """The schema of the whole file: one key holding a list of entries of the model."""
    entry = collection.model.model_json_schema()
    defs = entry.pop("$defs", {})
    name = collection.model.__name__
    defs[name] = entry
    return {
        "$schema": SCHEMA_DIALECT,
        "title": collection.file,
        "description": collection.summary,
        "type": "object",
        "additionalProperties": False,
        "required": [collection.key],
        "properties": {
            collection.key: {
                # The loader reads an empty `key:` as no entries.
                "type": ["array", "null"],
                "items": {"$ref": f"#/$defs/{name}"},
                "description": f"The entries of {collection.file}.",
            }
        },
        "$defs": dict(sorted(defs.items())),
    }


def schema_text(collection: Collection) -> str:
    """The committed form: stable key order, two-space indent, final newline."""
    return json.dumps(file_schema(collection), indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    """File name under schemas/ -> its text, for every collection."""
    return {f"{c.key}.json": schema_text(c) for c in COLLECTIONS.values()}


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files under `folder` that are missing, out of date or left over."""
    wanted = expected_files()
    present = {p.name for p in folder.glob("*.json")} if folder.is_dir() else set()
    stale = [
        name
        for name, text in wanted.items()
        if name not in present or (folder / name).read_text(encoding="utf-8") != text
    ]
    return sorted(stale + list(present - set(wanted)))


def write_schemas(folder: Path) -> list[str]:
    """Write every schema under `folder` (and remove left-over ones); returns what changed."""
    changed = stale_schemas(folder)
    folder.mkdir(parents=True, exist_ok=True)
    wanted = expected_files()
    for name in changed:
        if name in wanted:
            (folder / name).write_text(wanted[name], encoding="utf-8")
        else:
            (folder / name).unlink()
    return changed


def missing_schema_lines(data_dir: Path) -> list[str]:
    """Data files whose first line does not name their schema."""
    missing = []
    for collection in COLLECTIONS.values():
        path = data_dir / collection.file
        if path.is_file():
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            if first.strip() != schema_line(collection):
                missing.append(collection.file)
    return missing


def add_schema_lines(data_dir: Path) -> list[str]:
    """Put the schema line first in every data file that lacks it; the rest of the file is
    kept byte for byte. Returns the files changed."""
    changed = missing_schema_lines(data_dir)
    for name in changed:
        collection = next(c for c in COLLECTIONS.values() if c.file == name)
        path = data_dir / name
        path.write_text(
            schema_line(collection) + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
        )
    return changed
