"""Translations in the browser editor: a translation file (`data/translations/fr/tools.yml`)
is shown as a form with the English beside each field, and saved like a data file.

The editor is given a view of the file: every English entry, in the English order, with its
id, the hash it was stamped with, and for each text a reader sees, the English (`name__en`,
shown above the field and never saved) and the translation (`name`, empty where there is
none yet). A save takes the view back: the English is dropped, and so is every entry or item
left with nothing translated; what remains is written into the file entry by entry (sphub.
data.writer) and checked with the whole of data/ before anything is written."""

from __future__ import annotations

from pathlib import Path

from sphub.data.fields import fields_of
from sphub.data.reader import read_yaml
from sphub.data.translations import FOLDER, HASH
from sphub.data.writer import document_text, without_empty
from sphub.models import Collection

ENGLISH = "__en"  # the suffix of a field holding the English, in the editor's view only


def _has_text(model) -> bool:
    return any(d.text or (d.model and _has_text(d.model)) for d in fields_of(model))


def _view(model, english: dict, translated: dict | None, top: bool) -> dict:
    """One entry (or nested item) of the view: id, English and translation side by side."""
    translated = translated if isinstance(translated, dict) else {}
    out: dict = {}
    if "id" in english:
        out["id"] = english["id"]
    if top and HASH in translated:
        out[HASH] = translated[HASH]
    for doc in fields_of(model):
        value = english.get(doc.name)
        if value in (None, "", []) and doc.name not in translated:
            continue
        if doc.text:
            out[doc.name + ENGLISH] = value if value is not None else ""
            out[doc.name] = translated.get(doc.name, [] if doc.kind == "list" else "")
        elif doc.model and _has_text(doc.model):
            given = translated.get(doc.name)
            if isinstance(value, list):
                out[doc.name] = _items(doc.model, value, given)
            elif isinstance(value, dict):
                out[doc.name] = _view(doc.model, value, given, False)
    return out


def _items(model, english: list, given: object) -> list:
    given = given if isinstance(given, list) else []
    if "id" in {d.name for d in fields_of(model)}:
        by_id = {g.get("id"): g for g in given if isinstance(g, dict)}
        return [_view(model, e, by_id.get(e.get("id")), False) for e in english]
    return [
        _view(model, e, given[n] if n < len(given) else None, False) for n, e in enumerate(english)
    ]


def view_text(data_dir: Path, collection: Collection, language: str) -> str:
    """The editor's view of `language`'s translation of `collection`, as YAML."""
    english_file = data_dir / collection.file
    english, _ = read_yaml(collection.file, english_file.read_bytes())
    path = data_dir / FOLDER / language / collection.file
    translated = read_yaml(path.name, path.read_bytes())[0].value if path.is_file() else None
    given = (translated or {}).get(collection.key) if isinstance(translated, dict) else None
    entries = (english.value or {}).get(collection.key) or []
    by_id = {g.get("id"): g for g in given or [] if isinstance(g, dict)}
    return document_text(
        {
            collection.key: [
                _view(collection.model, e, by_id.get(e.get("id")), True)
                for e in entries
                if isinstance(e, dict)
            ]
        }
    )


def _translated(value: object) -> object:
    """`value` from the view without the English, and without what has nothing translated
    (an entry or an item holding only its id, or its id and its hash)."""
    if isinstance(value, dict):
        kept = {k: _translated(v) for k, v in value.items() if not str(k).endswith(ENGLISH)}
        kept = without_empty(kept)
        return kept if set(kept) - {"id", HASH} else {}
    if isinstance(value, list):
        items = [_translated(v) for v in value]
        if any(isinstance(v, dict) for v in value):
            return [i for i in items if i]
        return items
    return value


def from_view(entries: list) -> list:
    """The entries of the translation file, from the entries of the editor's view."""
    return [e for e in (_translated(e) for e in entries) if e]
