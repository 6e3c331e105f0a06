"""The editor's configuration (`admin/config.yml`), generated from the models: one Decap
"files" collection per data file, whose one field is a list widget holding the entries.

Each field of a model becomes the widget that can hold only what the model accepts where a
widget can say so: a select for fixed choices, countries and languages, a relation for a
reference into one collection, a date picker for days, a number for years, an object or a
list for nested models. What no widget can say (a reference that may point into two
collections, a work-plan date that may be a day, a month or a span) is a text field with a
hint and a pattern; the local editing server checks every save with the models anyway
(sphub/editor/saving.py). The file is committed; `sphub cms-config` rewrites it and a test
fails when it is stale, as for the schemas."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pycountry
import yaml
from pydantic import TypeAdapter

from sphub.data.fields import FieldDoc, fields_of
from sphub.editor.links import form_name
from sphub.models import COLLECTIONS, Collection
from sphub.models import types as t
from sphub.models.types import ID_PATTERN, PARTIAL_DATE

# libyaml's safe loader and dumper when PyYAML has them: the same YAML, written the same (the
# committed config is checked byte for byte), five times faster than PyYAML's own; a build
# and each opening of the editor read and write the whole configuration.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

CONFIG_FILE = "admin/config.yml"  # under the project's root; also what a built site ships
API_PATH = "/api/v1"  # where the local editing server answers, on the preview's own origin
HEADER = (
    "# The browser editor's configuration (Decap CMS), generated from the models by\n"
    "# `sphub cms-config`: do not edit by hand. EDITING.md says how to use the editor.\n"
)


@cache
def _type_schemas() -> list[tuple[dict, str]]:
    kinds = [
        (t.Day, "day"),
        (t.When, "when"),
        (t.CountryCode, "country"),
        (t.LanguageCode, "language"),
        (t.Url, "url"),
        (t.Markdown, "markdown"),
        (t.Id, "id"),
        (t.Year, "year"),
    ]
    return [(TypeAdapter(kind).json_schema(), name) for kind, name in kinds]


@cache
def _properties(model) -> dict:
    return model.model_json_schema()["properties"]


def _type_of(model, name: str, item: bool) -> str | None:
    """Which shared type (sphub.models.types) the field `name` of `model` (or each of its
    items) has: 'day', 'country', ... or None."""
    schema = _properties(model)[name]
    options = schema.get("anyOf", [])
    if any(s.get("type") == "null" for s in options):  # an optional field: its type's branch
        schema = next(s for s in options if s.get("type") != "null")
    if item:
        schema = schema.get("items", {})
    bare = {k: v for k, v in schema.items() if k not in ("title", "description", "default")}
    return next((kind for known, kind in _type_schemas() if bare == known), None)


@cache
def _countries() -> list[dict]:
    return [
        {"label": c.name, "value": c.alpha_2}
        for c in sorted(pycountry.countries, key=lambda c: c.name)
    ]


@cache
def _languages() -> list[dict]:
    return [
        {"label": lang.name, "value": lang.alpha_2}
        for lang in sorted(pycountry.languages, key=lambda lang: lang.name)
        if hasattr(lang, "alpha_2")
    ]


# sphub's own widget (admin/sphub-admin.js): a text box that suggests its options as one
# types, by name or by code ("GH" or "Ghana"), and keeps what is chosen or typed. Decap's
# select picks the first option whose label contains the text typed: "GH" picked
# Afghanistan. The choices of a reference into two collections come from the data (EDITING:
# `with_choices`), as Decap's relation widget can search one collection only.
CHOICE = "choice"


WHEN_PATTERN = [
    rf"^{PARTIAL_DATE}(/{PARTIAL_DATE})?$",
    "a day (2012-02-20), a month (2012-12), a year (2011) or a span (2012-03/2012-11)",
]


def _scalar_widget(model, field: FieldDoc, item: bool) -> dict:
    """The widget of one value: the field itself, or one item of a list field."""
    kind = field.item_kind if item else field.kind
    if field.refers_to:
        if len(field.refers_to) == 1:
            target = field.refers_to[0]
            return {
                "widget": "relation",
                "collection": target,
                "file": target,
                "value_field": f"{target}.*.id",
                "search_fields": [f"{target}.*.id", f"{target}.*.{_name_field(target)}"],
                "display_fields": [f"{target}.*.{_name_field(target)}"],
            }
        files = " or ".join(f"data/{c}.yml" for c in field.refers_to)
        return {
            "widget": CHOICE,
            "refers_to": list(field.refers_to),
            "options": [],
            "pattern": [ID_PATTERN, f"the id of an entry in {files}"],
        }
    if field.allowed:
        return {"widget": "select", "options": list(field.allowed)}
    shared = _type_of(model, field.name, item)
    if shared == "day":
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if shared == "when":
        return {"widget": "string", "pattern": WHEN_PATTERN}
    if shared == "country":
        return {"widget": CHOICE, "options": _countries()}
    if shared == "language":
        return {"widget": CHOICE, "options": _languages()}
    if shared == "url":
        return {"widget": "string", "pattern": ["^https?://\\S+$", "a web address (https://...)"]}
    if shared == "markdown":
        # A plain text box: Decap's Markdown widget rewrites the Markdown it is given.
        return {"widget": "text"}
    if shared == "id":
        return {"widget": "string", "pattern": [ID_PATTERN, "lowercase letters, digits, hyphens"]}
    if kind == "integer":
        widget = {"widget": "number", "value_type": "int"}
        if shared == "year":
            widget.update(min=1970, max=2100)
        return widget
    if kind == "number":
        return {"widget": "number", "value_type": "float"}
    if kind == "boolean":
        return {"widget": "boolean"}
    return {"widget": "string"}


def _name_field(key: str) -> str:
    names = [f.name for f in fields_of(COLLECTIONS[key].model)]
    return next((n for n in ("name", "title", "heading") if n in names), "id")


def label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _fields(model, optional: bool = False) -> list[dict]:
    return [_field(model, field, optional) for field in fields_of(model)]


def _field(model, field: FieldDoc, optional: bool = False) -> dict:
    """The widget of one field of `model`, with its description as hint. Inside an optional
    object (`optional`) no field is required by the form: Decap would demand them even when
    the object is left out; the save's check still requires them when it is there."""
    out: dict = {"name": field.name, "label": label(field.name)}
    if field.description:
        out["hint"] = field.description
    out["required"] = (field.required or field.min_items > 0) and not optional
    if field.kind == "list":
        if field.allowed and not field.model:  # a list of choices: a select of several
            out.update(widget="select", options=list(field.allowed), multiple=True)
        elif field.refers_to and len(field.refers_to) == 1:
            out.update(_scalar_widget(model, field, item=True), multiple=True)
        elif field.model:
            out.update(widget="list", fields=_fields(field.model, optional), collapsed=True)
            out["summary"] = "{{fields.%s}}" % summary_field(field.model)
        else:
            item = {"name": "item", "label": label(field.name)}
            item.update(_scalar_widget(model, field, item=True))
            out.update(widget="list", field=item)
        if field.min_items:
            out["min"] = field.min_items
    elif field.model:
        inner = optional or not field.required
        out.update(widget="object", fields=_fields(field.model, inner), collapsed=inner)
    else:
        out.update(_scalar_widget(model, field, item=False))
    return out


def summary_field(model) -> str:
    names = [f.name for f in fields_of(model)]
    return next((n for n in ("name", "title", "heading", "id") if n in names), names[0])


def collection_config(collection: Collection) -> dict:
    """One data file as a Decap "files" collection: a single file whose field `key` is the
    list of entries."""
    model = collection.model
    return {
        "name": collection.key,
        "label": label(collection.key),
        "description": collection.summary,
        "editor": {"preview": False},
        "files": [
            {
                "name": collection.key,
                "label": f"data/{collection.file}",
                "file": f"data/{collection.file}",
                "fields": [
                    {
                        "name": collection.key,
                        "label": label(collection.key),
                        "widget": "list",
                        "summary": "{{fields.%s}}" % summary_field(model),
                        "collapsed": True,
                        "hint": collection.summary,
                        "fields": _fields(model),
                    }
                ],
            }
        ],
    }


LANGUAGE_NAMES = {"fr": "français", "es": "español"}


def _translation_fields(model, top: bool) -> list[dict]:
    """The fields of a translated entry (or nested item): its id, then for each text a
    reader sees, the English (shown, never saved: sphub.editor.translating) above the
    translation."""
    from sphub.editor.translating import ENGLISH

    names = [f.name for f in fields_of(model)]
    out: list[dict] = []
    if "id" in names:
        out.append(
            {
                "name": "id",
                "label": "Id",
                "widget": "string",
                "hint": "The id of the English entry: never translated.",
            }
        )
    if top:
        out.append({"name": "translated_from", "label": "Translated from", "widget": "hidden"})
    for field in fields_of(model):
        if field.text:
            # One line for a name, a label or an acronym; a box for sentences.
            short = field.name in ("name", "title", "acronym", "short", "label", "heading")
            kind = "string" if short else "text"
            english = {"name": field.name + ENGLISH, "label": f"{label(field.name)} (English)"}
            english["hint"] = "The English text, to translate below (not saved)."
            english["required"] = False
            translation = {"name": field.name, "label": label(field.name), "required": False}
            if field.kind == "list":
                english.update(
                    widget="list", field={"name": "item", "label": "Line", "widget": "string"}
                )
                translation.update(
                    widget="list", field={"name": "item", "label": "Line", "widget": "string"}
                )
            else:
                english["widget"] = translation["widget"] = kind
            out += [english, translation]
        elif field.model and any(f.text or f.model for f in fields_of(field.model)):
            nested = _translation_fields(field.model, False)
            if field.kind == "list":
                item = {"name": field.name, "label": label(field.name), "widget": "list"}
                item.update(fields=nested, collapsed=False, allow_add=False, required=False)
                out.append(item)
            else:
                out.append(
                    {
                        "name": field.name,
                        "label": label(field.name),
                        "widget": "object",
                        "fields": nested,
                        "required": False,
                    }
                )
    return out


def translation_config(collection: Collection, language: str) -> dict:
    """`language`'s translation of a guidance file as a Decap "files" collection: every
    English entry, the English beside each field (sphub.editor.translating)."""
    path = f"data/translations/{language}/{collection.file}"
    name = form_name(collection.key, language)
    title = f"{label(collection.key)} ({LANGUAGE_NAMES.get(language, language)})"
    return {
        "name": name,
        "label": title,
        "description": f"The {language} translation of data/{collection.file}.",
        "editor": {"preview": False},
        "files": [
            {
                "name": name,
                "label": path,
                "file": path,
                "fields": [
                    {
                        "name": collection.key,
                        "label": title,
                        "widget": "list",
                        "summary": "{{fields.id}}",
                        "collapsed": True,
                        "allow_add": False,
                        "fields": _translation_fields(collection.model, True),
                    }
                ],
            }
        ],
    }


def pages_config() -> dict:
    """The hand-written pages at the top of docs/ (and their translations, about.fr.md), as
    Markdown in a plain text box (Decap's rich editor rewrites Markdown it is given); each
    save is checked like the build checks a page (sphub.data.pages)."""
    return {
        "name": "pages",
        "label": "Pages",
        "label_singular": "Page",
        "description": "The pages written by hand (docs/): About, Downloads... and their "
        "translations (about.fr.md, about.es.md).",
        "folder": "docs",
        "extension": "md",
        "format": "frontmatter",
        "create": False,
        "delete": False,
        "identifier_field": "title",
        "summary": "{{filename}}.{{extension}}",
        "editor": {"preview": False},
        "fields": [
            {
                "name": "title",
                "label": "Title",
                "widget": "string",
                "required": False,
                "hint": "The page's title in the navigation (else its first heading).",
            },
            {
                "name": "body",
                "label": "Text (Markdown)",
                "widget": "text",
                "hint": "The page's text in Markdown. Macros ({{ about_links() }}) work only "
                "in a page whose front matter says render_macros: true.",
            },
        ],
    }


def repo_of(repo_url: str | None) -> str | None:
    """'owner/name' of a repository on GitHub, from mkdocs.yml's `repo_url`."""
    prefix = "https://github.com/"
    if not repo_url or not repo_url.startswith(prefix):
        return None
    parts = repo_url[len(prefix) :].strip("/").removesuffix(".git").split("/")
    return "/".join(parts[:2]) if len(parts) >= 2 else None


def editor_config(
    repo_url: str | None = None, auth_url: str | None = None, languages: tuple[str, ...] = ()
) -> dict:
    """The whole configuration. The backend is the git host's (GitHub, `repo` from
    mkdocs.yml's `repo_url`, signing in through the OAuth helper at `auth_url`, mkdocs.yml's
    `extra.editor_auth_url`); on 127.0.0.1 the admin page asks for the local editing server
    instead (admin/sphub-admin.js), which `make edit` runs."""
    backend: dict = {"name": "github", "branch": "main"}
    repo = repo_of(repo_url)
    if repo:
        backend["repo"] = repo
    if auth_url:
        backend["base_url"] = auth_url
    return {
        "backend": backend,
        "publish_mode": "simple",
        "media_folder": "docs/assets/uploads",
        "load_config_file": True,
        "omit_empty_optional_fields": True,
        "collections": [collection_config(c) for c in COLLECTIONS.values()]
        + [
            translation_config(c, language)
            for language in languages
            for c in COLLECTIONS.values()
            if c.translated
        ]
        + [pages_config()],
    }


@cache
def config_text(
    repo_url: str | None = None, auth_url: str | None = None, languages: tuple[str, ...] = ()
) -> str:
    """The committed form: the header, then YAML in a stable order. The country and language
    lists are written once and referred to (YAML anchors), as PyYAML does for shared lists."""
    body = yaml.dump(
        editor_config(repo_url, auth_url, languages),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return HEADER + body


def _choices(data_dir: Path, keys: tuple[str, ...]) -> list[dict]:
    """The entries of the collections `keys`, as choices: 'Name (members)' -> its id."""
    from sphub.data.reader import read_yaml

    options = []
    for key in keys:
        collection = COLLECTIONS[key]
        path = data_dir / collection.file
        yf, problems = (
            read_yaml(collection.file, path.read_bytes()) if path.is_file() else (None, [1])
        )
        entries = (yf.value or {}).get(key) if not problems else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                name = entry.get(_name_field(key)) or entry["id"]
                options.append({"label": f"{name} ({key})", "value": entry["id"]})
    return sorted(options, key=lambda o: o["label"].lower())


def with_choices(text: str, data_dir: Path) -> str:
    """The configuration `text` with the choices of each reference into two collections
    filled in from the data in `data_dir` (the local editor serves it so; a built site ships
    it so)."""
    config = yaml.load(text, Loader=_Loader)
    found: dict[tuple[str, ...], list[dict]] = {}

    def fill(value: object) -> None:
        if isinstance(value, dict):
            if value.get("widget") == CHOICE and value.get("refers_to"):
                keys = tuple(value["refers_to"])
                if keys not in found:
                    found[keys] = _choices(data_dir, keys)
                value["options"] = found[keys]
            for item in value.values():
                fill(item)
        elif isinstance(value, list):
            for item in value:
                fill(item)

    fill(config)
    return HEADER + yaml.dump(
        config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


def is_stale(
    path: Path,
    repo_url: str | None = None,
    auth_url: str | None = None,
    languages: tuple[str, ...] = (),
) -> bool:
    text = config_text(repo_url, auth_url, languages)
    return not path.is_file() or path.read_text(encoding="utf-8") != text


def write_config(
    path: Path,
    repo_url: str | None = None,
    auth_url: str | None = None,
    languages: tuple[str, ...] = (),
) -> bool:
    """Write the configuration at `path`; returns whether it changed."""
    if not is_stale(path, repo_url, auth_url, languages):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config_text(repo_url, auth_url, languages), encoding="utf-8")
    return True
