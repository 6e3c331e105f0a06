"""JSON Schemas of the data files, generated from the models, for editors' tools.

Each data file `data/<key>.yml` gets `schemas/<key>.json`; its first line names the schema
(`# yaml-language-server: $schema=../schemas/<key>.json`), so VS Code (with the YAML
extension) and other editors complete field names and underline mistakes while typing. The
schemas are committed; `sphub schemas` rewrites them and a test fails when they are stale.
The models stay the authority: the schema helps while typing, `sphub validate` decides.
Country and language codes, and the ids of the entries a reference may name, are enums, so
the editor completes them: the schemas follow the data, and `sphub validate` rewrites them
when an entry is added or removed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pycountry
from pydantic import TypeAdapter

from sphub.data.reader import read_yaml
from sphub.models import COLLECTIONS, Collection
from sphub.models.types import CountryCode, LanguageCode

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_line(collection: Collection) -> str:
    """The comment that opens a data file and tells the editor where its schema is."""
    return f"# yaml-language-server: $schema=../schemas/{collection.key}.json"


Ids = dict[str, list[str]]  # collection key -> the ids of its entries, in file order


@cache
def _codes() -> list[tuple[str, dict, list[str]]]:
    """(name, schema of a code type, every code): the editor offers the codes as one types;
    the list stands once in each file's $defs, under `name`."""
    return [
        (
            "CountryCode",
            TypeAdapter(CountryCode).json_schema(),
            sorted(c.alpha_2 for c in pycountry.countries),
        ),
        (
            "LanguageCode",
            TypeAdapter(LanguageCode).json_schema(),
            sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")),
        ),
    ]


def _completing(schema: object, ids: Ids) -> object:
    """`schema` with the codes of country and language fields, and the ids of the entries
    each reference may name, as enums: the editor completes them and underlines others."""
    if isinstance(schema, list):
        return [_completing(item, ids) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _completing(value, ids) for key, value in schema.items()}
    bare = {k: v for k, v in out.items() if k not in ("title", "description", "default")}
    for name, code_schema, _ in _codes():
        if bare == code_schema:
            out = {k: v for k, v in out.items() if k not in bare} | {"$ref": f"#/$defs/{name}"}
    targets = out.get("x-refers-to")
    if targets and all(t in ids for t in targets):
        names = sorted({i for t in targets for i in ids[t]})
        _set_enum(out, names)
    return out


def _set_enum(schema: dict, names: list[str]) -> None:
    """Put `names` as the enum of a reference's string, of its items, or of the branch that
    is not null."""
    if schema.get("type") == "string":
        schema["enum"] = names
    elif schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        schema["items"]["enum"] = names
    for branch in schema.get("anyOf", []):
        if branch.get("type") != "null":
            _set_enum(branch, names)


def data_ids(data_dir: Path) -> Ids:
    """The ids written in each data file, read as plain YAML (not validated: a file with a
    mistake still gives the ids it has); a file that cannot be read gives none."""
    ids: Ids = {}
    for collection in COLLECTIONS.values():
        path = data_dir / collection.file
        yf, problems = (
            read_yaml(collection.file, path.read_bytes()) if path.is_file() else (None, [1])
        )
        entries = yf.value.get(collection.key) if yf is not None and yf.value else None
        ids[collection.key] = [
            e["id"]
            for e in (entries if isinstance(entries, list) else [])
            if isinstance(e, dict) and isinstance(e.get("id"), str)
        ]
    return ids


@cache
def _model_schema(model: type) -> str:
    """The JSON schema of `model`, as text: pydantic makes it anew on every call (about 2 ms),
    and `sphub schemas` asks for each model's twice (a translation's schema starts from its
    file's)."""
    return json.dumps(model.model_json_schema())


def file_schema(collection: Collection, ids: Ids | None = None) -> dict:
    """The schema of the whole file: one key holding a list of entries of the model; with
    `ids`, the references offer the ids of the entries they may name."""
    entry = _completing(json.loads(_model_schema(collection.model)), ids or {})
    defs = entry.pop("$defs", {})
    text = json.dumps([entry, defs])
    for code_name, code_schema, codes in _codes():
        if f'"#/$defs/{code_name}"' in text:
            defs[code_name] = {**code_schema, "enum": codes}
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


def schema_text(collection: Collection, ids: Ids | None = None) -> str:
    """The committed form: stable key order, two-space indent, final newline."""
    return json.dumps(file_schema(collection, ids), indent=2, ensure_ascii=False) + "\n"


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


def expected_files(ids: Ids | None = None) -> dict[str, str]:
    """File name under schemas/ -> its text, for every collection and every translated one."""
    files = {f"{c.key}.json": schema_text(c, ids) for c in COLLECTIONS.values()}
    for c in COLLECTIONS.values():
        if c.translated:
            text = json.dumps(translation_schema(c), indent=2, ensure_ascii=False) + "\n"
            files[f"translations/{c.key}.json"] = text
    return files


def stale_schemas(folder: Path, ids: Ids | None = None) -> list[str]:
    """Names of schema files under `folder` that are missing, out of date or left over;
    `ids` are those of the data the schemas are for (`data_ids`)."""
    wanted = expected_files(ids)
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*.json")}
    stale = [
        name
        for name, text in wanted.items()
        if name not in present or (folder / name).read_text(encoding="utf-8") != text
    ]
    return sorted(stale + list(present - set(wanted)))


def write_schemas(folder: Path, ids: Ids | None = None) -> list[str]:
    """Write every schema under `folder` (and remove left-over ones); returns what changed."""
    changed = stale_schemas(folder, ids)
    wanted = expected_files(ids)
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
