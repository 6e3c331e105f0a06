"""sphub's own words in the page's language: gettext through Babel.

Every string of sphub's own (the fragment templates, the partials, labels written in Python,
the PDF's running heads, the navigation's titles) is an English message id; its translation
is in the catalogue `locale/<lang>/LC_MESSAGES/sphub.po`: the project's own `locale/` folder
first (a project adds a language with a catalogue there and a folder of translations in
data/translations/), then sphub's (`sphub/locale/`). Catalogues are read from the .po file
itself (compiled in memory, once per process): no compiled file is committed. English has
no catalogue: the message ids are the English text.

`sphub/locale/sphub.pot` lists every message id; `python -m sphub.render.i18n` writes it
again (tests/unit/render/test_i18n.py fails when it is stale)."""

from __future__ import annotations

import gettext as gettext_module
import io
import re
import typing
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

SOURCE = "en"
DOMAIN = "sphub"
LOCALE = Path(__file__).resolve().parent.parent / "locale"  # sphub/locale
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
ROOT = LOCALE.parent.parent  # the repository (the templates and mkdocs.yml are there)
# How `pybabel extract -F babel.cfg` and `python -m sphub.render.i18n` read the sources.
MAPPING = ROOT / "babel.cfg"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "plural_table": (1, 2), "N_": None}
# A string of a Material partial (overrides/partials/), where only values from mkdocs.yml
# reach the template (every engine renders partials with its own environment): it is
# written `t["English text"]`, `t` being `config.extra.sphub.t`, which the build fills in.
_PARTIAL_STRING = re.compile(r"""\bt\["((?:[^"\\]|\\.)*)"\]""")


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "translated later")
    """Mark `message` for the catalogue where it is written; it is translated where shown."""
    return message


def catalogue_file(lang: str, project_locale: Path | None = None) -> Path | None:
    """The .po file of `lang`: the project's, else sphub's; None when neither has one."""
    for folder in (project_locale, LOCALE):
        if folder is not None:
            path = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
            if path.is_file():
                return path
    return None


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


@lru_cache(maxsize=None)
def _compiled(path: Path, mtime: float) -> Translations:
    mo = io.BytesIO()
    write_mo(mo, read_catalogue(path))
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def translations(lang: str, project_locale: Path | None = None) -> gettext_module.NullTranslations:
    """The translations of `lang` (English, or a language without a catalogue: none, so the
    English text shows)."""
    path = None if lang == SOURCE else catalogue_file(lang, project_locale)
    if path is None:
        return gettext_module.NullTranslations()
    return _compiled(path, path.stat().st_mtime)


@lru_cache(maxsize=None)
def locale(lang: str) -> Locale:
    """Babel's locale for `lang`: British English for the source (dates as '20 February
    2012'), the language itself otherwise."""
    return Locale.parse("en_GB" if lang == SOURCE else lang)


def language_name(lang: str) -> str:
    """A language's name in that language, as a switcher shows it: 'Français', 'Español'."""
    name = locale(lang).get_language_name(lang) or lang
    return name[:1].upper() + name[1:]


def label_text(value: str) -> str:
    """The English label of a fixed value: 'national-association' -> 'National association',
    'case_studies' -> 'Case studies' (the message id of its translation)."""
    text = value.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


# Building the template (the .pot)


def enum_labels() -> list[str]:
    """The label of every fixed value of the models (each `Literal`), and of each collection
    key (the downloads table labels them): the catalogue's messages for `label`."""
    from sphub.models import COLLECTIONS

    values: list[str] = list(COLLECTIONS)
    seen: set[type] = set()

    def walk(annotation) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            values.extend(v for v in typing.get_args(annotation) if isinstance(v, str))
        elif hasattr(annotation, "model_fields") and annotation not in seen:
            seen.add(annotation)
            for field in annotation.model_fields.values():
                walk(field.annotation)
        for argument in typing.get_args(annotation):
            walk(argument)

    for collection in COLLECTIONS.values():
        walk(collection.model)
    return sorted({label_text(v) for v in values})


def partial_strings(overrides: Path) -> list[str]:
    """The `t["..."]` strings of the theme's templates in `overrides` (its pages, such as
    404.html, and its partials; see _PARTIAL_STRING)."""
    found = []
    for path in sorted([*overrides.glob("*.html"), *overrides.glob("partials/*.html")]):
        for message in _PARTIAL_STRING.findall(path.read_text(encoding="utf-8")):
            if message not in found:
                found.append(message)
    return found


def nav_titles(nav: list) -> Iterator[str]:
    """The titles of a mkdocs.yml `nav:`, in order."""
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                yield title
                if isinstance(value, list):
                    yield from nav_titles(value)


def translated_nav(nav: list, gettext) -> list:
    """`nav` with every title translated by `gettext`."""
    result = []
    for item in nav or []:
        if isinstance(item, dict):
            item = {
                gettext(title): translated_nav(value, gettext) if isinstance(value, list) else value
                for title, value in item.items()
            }
        result.append(item)
    return result


def _mapping():
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as stream:
        return parse_mapping_cfg(stream, filename=str(MAPPING))


def template(root: Path = ROOT) -> Catalog:
    """Every message id of sphub's: from the templates and Python modules that babel.cfg
    names, the partials' `t["..."]`, the navigation of mkdocs.yml, and the labels of the
    models' fixed values (`kind`, `status`...), which templates show through `label`."""
    from mkdocs.utils.yaml import yaml_load

    from sphub.models import COLLECTIONS
    from sphub.models.types import PagedEntry
    from sphub.render.guide import guide_messages

    catalog = Catalog(project="sphub", domain=DOMAIN, fuzzy=False)
    method_map, options_map = _mapping()
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for message in partial_strings(root / "overrides"):
        catalog.add(message, None, [("overrides/partials", 0)])
    with (root / "mkdocs.yml").open("rb") as stream:
        config = yaml_load(stream) or {}
    for title in nav_titles(config.get("nav")):
        catalog.add(title, None, [("mkdocs.yml", 0)])
    for text in (config.get("site_description"), config.get("copyright")):
        if text:
            catalog.add(text.strip(), None, [("mkdocs.yml", 0)])
    for link in (config.get("extra") or {}).get("social") or []:
        if link.get("name"):
            catalog.add(link["name"], None, [("mkdocs.yml", 0)])
    for message in enum_labels():
        catalog.add(message, None, [("sphub/models", 0)])
    for message in guide_messages():  # the editing guide's descriptions and types in words
        catalog.add(message, None, [("sphub/models", 0)])
    for collection in COLLECTIONS.values():  # the downloads table shows each summary
        catalog.add(collection.summary, None, [("sphub/models", 0)])
        # What an entry is ("Member"), on its search results.
        if issubclass(collection.model, PagedEntry):
            catalog.add(collection.model.kind_name, None, [("sphub/models", 0)])
    return catalog


def template_text(root: Path = ROOT) -> str:
    """The .pot as it is written: no dates, no line numbers (a moved line is no change)."""
    catalog = template(root)
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, sort_output=True, include_lineno=False, width=100)
    return out.getvalue().decode("utf-8")


def write_template(root: Path = ROOT) -> Path:
    TEMPLATE.write_text(template_text(root), encoding="utf-8")
    return TEMPLATE


if __name__ == "__main__":
    print(f"Wrote {write_template().relative_to(ROOT)}")
