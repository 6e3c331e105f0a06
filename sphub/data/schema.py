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


def translation_schema(collection: Collection) -> dict:
    """The schema of `data/translations/<language>/<key>.yml`: the entries' ids and their text
    for readers only (sphub.data.translations), every text optional."""
    from sphub.data.fields import fields_of, nested_models
    from sphub.data.translations import HASH

    schema = file_schema(collection)
    models = {m.__name__: m for m in [collection.model, *nested_models(collection.model)]}
    for name, definition in schema["$defs"].items():
        if name not in models:
            continue
        kept = {d.name for d in fields_of(models[name]) if d.text or d.model}
        properties = definition["properties"]
        definition["properties"] = {k: v for k, v in properties.items() if k in kept | {"id"}}
        definition["required"] = ["id"] if "id" in properties else []
    entry = schema["$defs"][collection.model.__name__]
    entry["properties"][HASH] = {
        "type": "string",
        "description": "The hash of the English this was translated from; written by "
        "`sphub translations --stamp`, never by hand.",
    }
    schema["title"] = f"translations/<language>/{collection.file}"
    schema["description"] = f"A translation of data/{collection.file}: ids and text only."
    return schema


def expected_files() -> dict[str, str]:
    """File name under schemas/ -> its text, for every collection and every translated one."""
    files = {f"{c.key}.json": schema_text(c) for c in COLLECTIONS.values()}
    for c in COLLECTIONS.values():
        if c.translated:
            text = json.dumps(translation_schema(c), indent=2, ensure_ascii=False) + "\n"
            files[f"translations/{c.key}.json"] = text
    return files


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files under `folder` that are missing, out of date or left over."""
    wanted = expected_files()
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*.json")}
    stale = [
        name
        for name, text in wanted.items()
        if name not in present or (folder / name).read_text(encoding="utf-8") != text
    ]
    return sorted(stale + list(present - set(wanted)))


def write_schemas(folder: Path) -> list[str]:
    """Write every schema under `folder` (and remove left-over ones); returns what changed."""
    changed = stale_schemas(folder)
    wanted = expected_files()
    for name in changed:
        if name in wanted:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
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
