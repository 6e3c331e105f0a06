"""The editing guide: every data file, every field, its type, whether it is required, the
allowed values, how references work and an example entry, all read from the models (and
the examples from the shipped data: an entry of the English file, its translation in the
page's language, a mistake as the check reports it), so the page is remade by every build
and cannot drift. Its words are message ids (`sphub.render.i18n.guide_messages`)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import re
from datetime import date

from sphub.data.errors import Problem, describe
from sphub.data.fields import FieldDoc, fields_of, nested_models
from sphub.data.load import DATE_EXPECTED
from sphub.data.translations import HASH
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
    example: str | None  # YAML text of a real entry of the English file, when it has one
    # The same entry in data/translations/<language>/<file>.yml, as that file holds it, on
    # the page of a language that translates it (its file, its text).
    translation: tuple[str, str] | None
    referred_by: list[tuple[str, str]]  # (collection, field) that hold ids of this file
    schema_line: str


def _model_guide(model: type[Model]) -> ModelGuide:
    # The docstring on one line: it is a message id of the catalogue.
    return ModelGuide(model.__name__, " ".join((model.__doc__ or "").split()), fields_of(model))


def guide_messages() -> list[str]:
    """The guide's words that the catalogue translates: each model's description, and each
    field's type in words and description."""
    found: list[str] = []
    for collection in COLLECTIONS.values():
        for model in [collection.model, *nested_models(collection.model)]:
            guide = _model_guide(model)
            for text in [guide.doc, *(f.words for f in guide.fields)]:
                if text and text not in found:
                    found.append(text)
            for text in (f.description for f in guide.fields):
                if text and text not in found:
                    found.append(text)
    return found


def example(entry: Model) -> str:
    """An entry as the file would hold it: only the values it sets, in the model's order."""
    return _example_of(json.dumps(entry.model_dump(mode="json", exclude_defaults=True)))


@functools.lru_cache(maxsize=128)
def _example_of(values: str) -> str:
    # Kept by its values: the preview asks for the guide's examples again after every edit
    # (to know whether the editing guide changed), and writing YAML is most of its cost.
    return _entry_yaml(json.loads(values))


def _entry_yaml(values: dict) -> str:
    return "- " + entry_text(values, "").removeprefix("- ").rstrip("\n")


def _translation_example(site, key: str, entry_id: str) -> tuple[str, str] | None:
    """The translation of an entry in the site's language, as its file holds it."""
    translation = site.translations.entries.get(site.language, {}).get((key, entry_id))
    if translation is None:
        return None
    values = translation.file.value
    for step in translation.path:
        values = values[step]
    # The hash quoted, as `sphub translations --stamp` writes it (digits alone are a number).
    text = re.sub(rf"(?m)^(\s*{HASH}: )(\w+)$", r'\1"\2"', _example_of(json.dumps(values)))
    return translation.file.name, text


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def error_example(site) -> tuple[Problem, int] | None:
    """A mistake as the check reports it, in a real entry: an event's `start` written the way
    people write dates ('22 Feb 2012'), in the second event of data/events.yml (the first if
    it has one only), with the event's number. None when there is no event."""
    events = list(site.collection("events"))[:2]
    if not events:
        return None
    where = site.places[("events", events[-1])]
    start: date = where.entry.start
    typed = f"{start.day} {_MONTHS[start.month - 1]} {start.year}"
    return where.problem(("start",), DATE_EXPECTED, describe(typed)), where.path[-1] + 1


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
        first = next(iter(site.collection(key)), None)
        english = site.places[(key, first)].entry if first is not None else None
        guides.append(
            FileGuide(
                collection=collection,
                entry=_model_guide(collection.model),
                parts=[_model_guide(m) for m in nested_models(collection.model)],
                example=example(english) if english is not None else None,
                translation=_translation_example(site, key, first) if first is not None else None,
                referred_by=referred_by(key),
                schema_line=schema_line(collection),
            )
        )
    return guides
