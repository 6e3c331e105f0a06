"""Texts shown in English on a page of another language: each keeps, as its type, why it is
in English, so that every output can say so where it shows it (a page marks it `lang="en"`
with a visible label, sphub.render.markup.mark_english; a calendar adds the label).

A text from the data is a `str`; on a translated site (sphub.data.translations.translate)
one whose translation is missing is an `InEnglish`, and a name or title the translation does
not give an `AsPublished`. Anything that makes a new string from them (an f-string, a
method) gives a plain `str`: the mark is lost, never wrong."""

from __future__ import annotations

from markupsafe import escape

from sphub.data.errors import format_path
from sphub.data.fields import fields_of
from sphub.models.types import Model

# Around the text in the HTML a template writes: Unicode noncharacters, which no text of the
# data holds (they are for a program's own use), replaced when the page is finished.
IN_ENGLISH = "\ufdd0"
AS_PUBLISHED = "\ufdd1"
END = "\ufdd2"
MARKS = IN_ENGLISH + AS_PUBLISHED + END


class FromEnglish(str):
    """A text of the English data shown as it is on a page of another language."""

    __slots__ = ()
    opening = ""

    def __html__(self) -> str:
        # What an autoescaped template writes for the text: escaped, between its marks.
        return f"{self.opening}{escape(str(self))}{END}"


class InEnglish(FromEnglish):
    """A text whose translation is missing: shown in English, and labelled so."""

    __slots__ = ()
    opening = IN_ENGLISH


class AsPublished(FromEnglish):
    """A name or a title that the translation does not give: shown as published."""

    __slots__ = ()
    opening = AS_PUBLISHED


def _missing(path: tuple, untranslated: frozenset[str] | None) -> bool:
    if untranslated is None:
        return True
    return any(format_path(path[:n]) in untranslated for n in range(1, len(path) + 1))


def _wrap(value, kind: type[FromEnglish]):
    if isinstance(value, list):
        return [kind(v) for v in value]
    return kind(value)


def marked(
    shown: Model, english: Model, untranslated: frozenset[str] | None, path: tuple = ()
) -> Model:
    """`shown` (an entry as a language shows it) with each text still in English typed as
    such: every text when `untranslated` is None (no translation at all), else those at the
    paths it holds (`Translation.untranslated`, as `format_path` writes them, a list item's
    id standing for it where items have ids); names and titles equal to the English are `AsPublished`."""
    update = {}
    for doc in fields_of(type(shown)):
        value = getattr(shown, doc.name)
        if value in (None, [], ""):
            continue
        here = path + (doc.name,)
        if doc.text:
            if doc.as_published and value == getattr(english, doc.name):
                update[doc.name] = _wrap(value, AsPublished)
            elif not doc.as_published and _missing(here, untranslated):
                update[doc.name] = _wrap(value, InEnglish)
        elif doc.model:
            before = getattr(english, doc.name)
            if isinstance(value, list):
                update[doc.name] = [
                    marked(item, old, untranslated, here + (getattr(item, "id", i),))
                    for i, (item, old) in enumerate(zip(value, before, strict=True))
                ]
            else:
                update[doc.name] = marked(value, before, untranslated, here)
    return shown.model_copy(update=update) if update else shown


def is_in_english(text: object) -> bool:
    """Whether `text` is a translation's missing text, shown in English (not a name)."""
    return isinstance(text, InEnglish)


def texts_in_english(entry: Model) -> int:
    """How many texts of `entry` (an entry of a translated site) are shown in English because
    their translation is missing: each text field, and each line of a list of them."""
    count = 0
    for doc in fields_of(type(entry)):
        value = getattr(entry, doc.name)
        items = value if isinstance(value, list) else [value]
        if doc.text:
            count += sum(isinstance(item, InEnglish) for item in items)
        elif doc.model:
            count += sum(texts_in_english(item) for item in items if item is not None)
    return count


def untranslated(site, collections: dict) -> dict[str, int]:
    """Data file -> how many of its texts `site` (a translated site) shows in English; files
    with none left out. `collections` is sphub.models.COLLECTIONS."""
    counts = {}
    for key, collection in collections.items():
        found = sum(texts_in_english(entry) for entry in site.collection(key).values())
        if found:
            counts[collection.file] = found
    return counts


def summary(sites: dict, collections: dict) -> str:
    """One line for the build: how many texts each language shows in English."""
    parts = []
    for code, site in sites.items():
        if code != site.translations.languages[0]:
            parts.append(f"{code} {sum(untranslated(site, collections).values())}")
    if not parts:
        return ""
    return (
        "Texts shown in English for want of a translation: "
        + ", ".join(parts)
        + " (`sphub translations` lists them by file)."
    )
