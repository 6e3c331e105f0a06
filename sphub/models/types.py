"""Field types shared by every model, and the models' base classes. Each check raises
`expected(...)` so the report can say `expected X, got Y` in plain words without parsing
pydantic's English."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache
from typing import ClassVar, Annotated, Literal
from urllib.parse import urlsplit

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"


def expected(what: str) -> PydanticCustomError:
    """The one way a check says what it wanted; the input is reported by the caller."""
    return PydanticCustomError("sphub_expected", "expected {expected}", {"expected": what})


class Model(BaseModel):
    """Base of every data model: unknown keys are errors (typos), values are not coerced
    (a number is not silently turned into text), and validated objects cannot change."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


ID_EXPECTED = "a kebab-case id (lowercase letters, digits and hyphens, like 'sa-dhan')"


def _not_index(value: str) -> str:
    if value == "index":  # the page of an entry 'index' would take the place of its section's
        raise expected("an id other than 'index', the name of each section's own page")
    return value


_SPACE = re.compile(r"\s")


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(value):
        raise expected("a web address starting with http:// or https://")
    return value


@cache
def _known_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


@cache
def _known_language(code: str) -> bool:
    return pycountry.languages.get(alpha_2=code) is not None


def _check_country(value: str) -> str:
    if len(value) != 2 or not value.isupper() or not _known_country(value):
        raise expected("an ISO 3166 country code (two capital letters, like 'IN' or 'PK')")
    return value


def _check_language(value: str) -> str:
    if len(value) != 2 or not value.islower() or not _known_language(value):
        raise expected("an ISO 639-1 language code (two lowercase letters, like 'en' or 'fr')")
    return value


def _check_markdown(value: str) -> str:
    if not value.strip():
        raise expected("some text")
    return value


def _parse_day(value: object) -> object:
    if isinstance(value, str):
        try:
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                return date.fromisoformat(value)
        except ValueError:
            pass
    raise expected("a date (YYYY-MM-DD)")


def parse_partial(text: str) -> tuple[date, date]:
    """First and last day covered by '2012', '2012-03' or '2012-03-15'."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(*parts)
    return day, day


def _check_when(value: str) -> str:
    what = "a day, a month or a span (YYYY-MM-DD, YYYY-MM, or start/end such as 2012-03/2012-11)"
    if not re.fullmatch(rf"{PARTIAL_DATE}(?:/{PARTIAL_DATE})?", value):
        raise expected(what)
    try:
        bounds = [parse_partial(part) for part in value.split("/")]
    except ValueError:
        raise expected(what + " with real dates") from None
    if bounds[-1][1] < bounds[0][0]:
        raise expected("a span whose end is not before its start")
    return value


def _unique(values: list) -> list:
    seen = set()
    for value in values:
        if value in seen:
            raise expected(f"each value once, but {value!r} is listed twice")
        seen.add(value)
    return values


# Checked by pydantic-core itself, not a Python function: a large data set holds some 50,000
# references. Too long reads as ID_EXPECTED in the report (sphub/data/load.py).
Ref = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
Id = Annotated[Ref, AfterValidator(_not_index)]
ONE_LINE = r"^[^\n]*$"
# Surrounding spaces dropped, then some text left, on one line; checked by pydantic-core, like
# ids: a large data set holds some 40,000 texts.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, pattern=ONE_LINE),
    # Spaces and line breaks around the text are dropped before the check, so only a line
    # break inside it is refused.
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"^\s*[^\n]*\s*$"}),
]
# A proper name or the title of a document, as published (a network's name, a city, a
# report's title): shown as written in every language. A translation may give it where the
# thing has a name of its own in that language (DDC / COSUDE for the Swiss agency); where it
# does not, the name is not "untranslated" (sphub.data.translations). Text otherwise.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, pattern=ONE_LINE),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "pattern": r"^\s*[^\n]*\s*$", "x-sphub": "name"}
    ),
]
# For editors only (how and when a fact was confirmed): kept in the data and shown in the
# preview, never on members' pages, never translated. Text otherwise.
EditorsNote = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, pattern=ONE_LINE),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "pattern": r"^\s*[^\n]*\s*$",
            "x-sphub": "editors-note",
        }
    ),
]
# What the patterns above stand for, in the report (sphub/data/load.py).
PATTERN_EXPECTED = {ID_PATTERN: ID_EXPECTED, ONE_LINE: "text on one line"}
Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    WithJsonSchema({"type": "string", "minLength": 1, "contentMediaType": "text/markdown"}),
]
Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"}),
]
LanguageCode = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$"}),
]
Day = Annotated[
    date,
    BeforeValidator(_parse_day),
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    ),
]
When = Annotated[
    str,
    AfterValidator(_check_when),
    # A bare year (`when: 2011`) is read by YAML as a number; it is a valid span all the same.
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": rf"^{PARTIAL_DATE}(/{PARTIAL_DATE})?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    ),
]
Year = Annotated[int, Field(ge=1970, le=2100)]


def _increasing(values: list) -> list:
    if values != sorted(set(values)):
        raise expected("years in increasing order, each once, like [2012, 2013]")
    return values


class UniqueItems:
    """Says in a list's JSON Schema that each item is there once (`uniqueItems`), as its
    validator checks, so editors' tools underline a value listed twice."""

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return {**handler(core_schema), "uniqueItems": True}


Years = Annotated[list[Year], AfterValidator(_increasing), UniqueItems()]
Refs = Annotated[list[Ref], AfterValidator(_unique), UniqueItems()]
Verification = Literal["verified", "unverified"]
# Renames: a page's address comes from its id; when an id must change, the old one is kept
# here and the build writes a redirect from the old address (sphub/outputs/redirects.py).
OldIds = Annotated[list[Id], AfterValidator(_unique), UniqueItems()]
OLD_IDS = (
    "Ids this entry had before it was renamed; each old address redirects to the "
    "page. Only for renames: add the old id here when you change `id`."
)


def refers_to(*collections: str) -> dict:
    """Field metadata naming the collections a reference may point into; the cross-checks
    and the editing guide read it from the models, so no list of references is kept by hand."""
    return {"x-refers-to": list(collections)}


class PagedEntry(Model):
    """Base of the model of every collection whose entries have pages of their own. Each
    such model gives, as class keywords, the folder of its pages under docs/ (`folder`), what
    an entry is in a word or two (`kind`, as search results show it: "Member"), the fragment
    template of its pages (`template`, in overrides/fragments/) and, if its pages have moved,
    the folders they had before (`old_folders`, whose addresses redirect); a model without
    one of the first three is refused at import (TypeError). Every entry has an `id`, which
    names its page, and the `old_ids` that still lead to it, first (pydantic puts a base's
    fields first: the forms, schemas and the editing guide show them so); a model may declare
    `id` again to describe it in its own words (with an example id)."""

    page_folder: ClassVar[str]
    kind_name: ClassVar[str]
    page_template: ClassVar[str]
    old_page_folders: ClassVar[tuple[str, ...]]

    id: Id = Field(description="Stable kebab-case id; appears in addresses.")
    old_ids: OldIds = Field(default_factory=list, description=OLD_IDS)

    def __init_subclass__(
        cls, *, folder: str, kind: str, template: str, old_folders: tuple[str, ...] = (), **kw
    ) -> None:
        super().__init_subclass__(**kw)
        cls.page_folder, cls.kind_name, cls.page_template = folder, kind, template
        cls.old_page_folders = old_folders
