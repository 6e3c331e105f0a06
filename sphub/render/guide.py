"""The editing guide: every data file, every field, its type, whether it is required, the
allowed values, how references work and an example entry, all read from the models (and
the example from the shipped data), so the page is remade by every build and cannot drift."""

from __future__ import annotations

from dataclasses import dataclass

from sphub.data.fields import FieldDoc, fields_of, nested_models
from sphub.models import COLLECTIONS, Collection
from sphub.models.types import Model
from sphub.data.writer import entry_text
from sphub.data.schema import schema_line


@dataclass(frozen=True)
class ModelGuide:
    """One model (an entry, or a part of one such as a Place) and its fields."""

    name: str
    doc: str
    fields: list[FieldDoc]


@dataclass(frozen=True)
class FileGuide:
    """One data file: what it holds, its entries' fields, its nested parts, an example."""

    collection: Collection
    entry: ModelGuide
    parts: list[ModelGuide]
    example: str | None  # YAML text of a real entry, when the file has one
    referred_by: list[tuple[str, str]]  # (collection, field) that hold ids of this file
    schema_line: str


def _model_guide(model: type[Model]) -> ModelGuide:
    return ModelGuide(model.__name__, (model.__doc__ or "").strip(), fields_of(model))


def example(entry: Model) -> str:
    """An entry as the file would hold it: only the values it sets, in the model's order."""
    values = entry.model_dump(mode="json", exclude_defaults=True)
    return "- " + entry_text(values, "").removeprefix("- ").rstrip("\n")


def referred_by(key: str) -> list[tuple[str, str]]:
    """Every (collection, field path) whose values are ids of entries of `key`."""
    found = []

    def walk(model: type[Model], collection: str, path: str) -> None:
        for field in fields_of(model):
            if key in field.refers_to:
                found.append((collection, path + field.name))
            if field.model:
                walk(field.model, collection, f"{path}{field.name}.")

    for other, collection in COLLECTIONS.items():
        walk(collection.model, other, "")
    return found


def file_guides(site) -> list[FileGuide]:
    """The guide of every data file, in the order of `COLLECTIONS`."""
    guides = []
    for key, collection in COLLECTIONS.items():
        entries = list(site.collection(key).values())
        guides.append(
            FileGuide(
                collection=collection,
                entry=_model_guide(collection.model),
                parts=[_model_guide(m) for m in nested_models(collection.model)],
                example=example(entries[0]) if entries else None,
                referred_by=referred_by(key),
                schema_line=schema_line(collection),
            )
        )
    return guides
