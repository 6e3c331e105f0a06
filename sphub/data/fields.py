"""The fields of each model as an editor sees them (name, type in words, required, allowed
values, reference target), read from the models' JSON Schema. The editing guide and the
scaffolding command both use this, so neither keeps its own list of fields; the checks and
the backlinks find every reference inside an entry with `references`."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterator
from functools import cache, lru_cache

from pydantic import TypeAdapter

from sphub.models import COLLECTIONS
from sphub.models import types as t
from sphub.models.types import Model

# Shared field types -> how the guide names them. Matched by their JSON Schema, so a type
# changed in types.py keeps its words, and a new type falls back to plain words.
_TYPE_WORDS = [
    (t.Id, "an id: lowercase letters, digits and hyphens, like `sa-dhan`"),
    (t.Text, "text on one line"),
    (t.Name, "a name or a title on one line, as published"),
    (t.EditorsNote, "text on one line, for editors (not shown on members' pages)"),
    (t.Markdown, "text, Markdown allowed (paragraphs, **bold**, lists, links)"),
    (t.Url, "a web address starting with `http://` or `https://`"),
    (t.CountryCode, "an ISO 3166 country code: two capital letters, like `PK`"),
    (t.LanguageCode, "an ISO 639-1 language code: two lowercase letters, like `en`"),
    (t.Day, "a date, `YYYY-MM-DD`"),
    (t.When, "a day `2012-02-20`, a month `2012-12`, a year `2011` or a span `2012-03/2012-11`"),
    (t.Year, "a year, like `2012`"),
]


@lru_cache(maxsize=1)
def _known_types() -> list[tuple[dict, str]]:
    return [(TypeAdapter(kind).json_schema(), words) for kind, words in _TYPE_WORDS]


@lru_cache(maxsize=1)
def _text_schemas() -> list[dict]:
    return [TypeAdapter(kind).json_schema() for kind in (t.Text, t.Markdown, t.Name)]


def _is_text(schema: dict) -> bool:
    return _bare(_non_null(schema)) in _text_schemas()


@lru_cache(maxsize=1)
def _name_schema() -> dict:
    return TypeAdapter(t.Name).json_schema()


def _is_name(schema: dict) -> bool:
    return _bare(_non_null(schema)) == _name_schema()


@dataclass(frozen=True)
class FieldDoc:
    """One field of a model, described for editors."""

    name: str
    description: str
    required: bool
    default: object
    kind: str  # text, integer, number, boolean, list, object
    words: str  # the type in words
    allowed: tuple[str, ...]  # the allowed values, when the field is a choice
    refers_to: tuple[str, ...]  # collections whose ids the field holds
    model: type[Model] | None  # the nested model (of the field or of its items), if any
    item_kind: str | None  # for lists: the kind of each item
    min_items: int
    text: (
        bool  # text for readers (Text, Markdown or Name, or a list of them): what translations hold
    )
    # A Name (proper names, titles of documents): shown as published where no translation
    # gives it, which is not "untranslated".
    as_published: bool = False


def _non_null(schema: dict) -> dict:
    """A nullable field's schema without its `null` branch."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if "anyOf" in schema and len(options) == 1:
        rest = {k: v for k, v in schema.items() if k != "anyOf"}
        return {**rest, **options[0]}
    return schema


def _bare(schema: dict) -> dict:
    """The part of a schema that describes the type, not the field."""
    return {
        k: v
        for k, v in schema.items()
        if k not in ("title", "description", "default", "x-refers-to")
    }


def kind_of(schema: dict) -> str:
    schema = _non_null(schema)
    if "$ref" in schema:
        return "object"
    if "anyOf" in schema:  # e.g. a span that may also be a bare year: typed as text
        return "text"
    return {"string": "text", "array": "list", "object": "object"}.get(
        schema.get("type"), schema.get("type", "text")
    )


def words_of(schema: dict, refers_to: tuple[str, ...] = ()) -> str:
    """The type of a field in an editor's words."""
    schema = _non_null(schema)
    if refers_to:
        files = " or ".join(f"`data/{c}.yml`" for c in refers_to)
        if kind_of(schema) == "list":
            return f"a list of ids of entries in {files}"
        return f"the id of an entry in {files}"
    if "$ref" in schema:
        return f"a {schema['$ref'].rsplit('/', 1)[-1]} (its fields are listed below)"
    if "enum" in schema:
        return "one of the allowed values"  # listed next to the type
    for known, words in _known_types():
        if _bare(schema) == known:
            return words
    kind = kind_of(schema)
    if kind == "list":
        return "a list of: " + words_of(schema.get("items", {}))
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        return (
            "a whole number"
            + (f" of at least {low}" if low is not None else "")
            + (f" and at most {high}" if high is not None else "")
        )
    return {"boolean": "`true` or `false`", "number": "a number"}.get(kind, "text")


def _nested_model(annotation) -> type[Model] | None:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _nested_model(arg)
        if found:
            return found
    return None


@lru_cache(maxsize=None)
def fields_of(model: type[Model]) -> tuple[FieldDoc, ...]:
    """Every field of `model`, in the order the model declares them. Cached: the models do
    not change while the program runs, and building a JSON Schema takes milliseconds, which
    the editing guide paid for every field of every file."""
    properties = model.model_json_schema()["properties"]
    docs = []
    for name, info in model.model_fields.items():
        schema = properties[name]
        plain = _non_null(schema)
        refers = tuple((info.json_schema_extra or {}).get("x-refers-to", ()))
        items = plain.get("items", {})
        enum = plain.get("enum") or _non_null(items).get("enum") or ()
        docs.append(
            FieldDoc(
                name=name,
                description=info.description or "",
                required=info.is_required(),
                default=None if info.is_required() else info.get_default(call_default_factory=True),
                kind=kind_of(schema),
                words=words_of(schema, refers),
                allowed=tuple(enum),
                refers_to=refers,
                model=_nested_model(info.annotation),
                item_kind=kind_of(items) if kind_of(schema) == "list" else None,
                min_items=plain.get("minItems", 0),
                text=not refers and (_is_text(schema) or _is_text(items or {"type": None})),
                as_published=_is_name(schema) or _is_name(items or {"type": None}),
            )
        )
    return tuple(docs)


def nested_models(model: type[Model]) -> list[type[Model]]:
    """The models nested inside `model` (Place in Event, Activity in FocusArea...), each once,
    in the order they first appear."""
    found: list[type[Model]] = []

    def walk(m: type[Model]) -> None:
        for field in fields_of(m):
            if field.model and field.model not in found:
                found.append(field.model)
                walk(field.model)

    walk(model)
    return found


def collection_for(name: str):
    """The collection a command-line name means: its key (`members`) or its model in kebab
    case (`member`, `work-plan`, `case-study`)."""
    import re

    for collection in COLLECTIONS.values():
        kebab = re.sub(r"(?<!^)(?=[A-Z])", "-", collection.model.__name__).lower()
        if name in (collection.key, kebab, kebab.replace("-", "")):
            return collection
    return None


@cache
def _reference_fields(model: type[Model]) -> list[tuple[str, list[str] | None]]:
    """The fields of `model` that hold references (with their target collections) or nested
    models (None), in order: the only fields `references` needs to read, worked out once."""
    return [(f.name, list(f.refers_to) or None) for f in fields_of(model) if f.refers_to or f.model]


def references(entry: Model, path: tuple = ()) -> Iterator[tuple[tuple, list[str], str]]:
    """Every reference inside `entry`: (path, target collections, id), found from the
    `refers_to` metadata of the models."""
    for name, targets in _reference_fields(type(entry)):
        value = getattr(entry, name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_path = path + ((name,) if index is None else (name, index))
            if targets and item is not None:
                yield item_path, targets, item
            elif isinstance(item, Model):
                yield from references(item, item_path)


def raw_references(
    model: type[Model], raw: object, path: tuple = ()
) -> Iterator[tuple[tuple, list[str], str]]:
    """The references written in `raw`, an entry that did not validate, as `references`
    gives them for a valid one: so a wrong id in it is reported in the same run as the
    entry's other problems."""
    if not isinstance(raw, dict):
        return
    nested = {f.name: f.model for f in fields_of(model)}
    for name, targets in _reference_fields(model):
        value = raw.get(name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            item_path = path + ((name,) if index is None else (name, index))
            if targets and isinstance(item, str):
                yield item_path, targets, item
            elif not targets and nested.get(name) is not None:
                yield from raw_references(nested[name], item, item_path)
