"""Translations of the guidance, as data: `data/translations/<language>/<file>.yml` mirrors
`data/<file>.yml` with only the text readers see, entry by entry (matched by `id`), and
`docs/<page>.<language>.md` stands beside a hand-written page.

Each translated entry and page keeps `translated_from`, the hash of the English text it was
made from, so that a translation older than its English is found (a warning with file and
line, and a note on the page). A translation is checked like the rest of the data: an unknown language, a field
that does not exist or is never translated, a list that does not match the English, or a
required field left untranslated is an error with file and line."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from sphub.data.errors import Problem, describe, format_path
from sphub.data.fields import FieldDoc, fields_of
from sphub.data.fallback import marked, untranslated
from sphub.data.located import Located
from sphub.data.reader import MAX_FILE_BYTES, YamlFile, read_shared
from sphub.models import COLLECTIONS, Collection
from sphub.models.types import Model, _known_language

# What a pydantic error expected, in an editor's words (the table is in sphub.data.load).
Words = Callable[[dict], str]
SOURCE_LANGUAGE = "en"
# The key of the hash of the English a translation was made from, in a translated entry and in
# a translated page's front matter (not `source`: case studies have a field of that name).
HASH = "translated_from"
FOLDER = "translations"
# The states of a translated entry or page, as `Site.translation_state` gives them.
OUTDATED = "outdated"  # the English changed after the translation was made (or is unknown)
FALLBACK = "fallback"  # some or all of its text is still in English


def languages(data_dir: str | Path) -> tuple[str, ...]:
    """The site's languages: English first, then one for each folder of translations, so that
    adding a language is a folder of translations (and a catalogue of the interface)."""
    folder = Path(data_dir) / FOLDER
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    return (SOURCE_LANGUAGE, *[code for code in found if code != SOURCE_LANGUAGE])


# Hashes


def _text_tree(model: type[Model], value: dict) -> dict:
    """The part of an entry (as plain data) that translations hold: its text for readers."""
    tree = {}
    for doc in fields_of(model):
        item = value.get(doc.name)
        if item in (None, [], ""):
            continue
        if doc.text:
            tree[doc.name] = item
        elif doc.model and _has_text(doc.model):
            items = item if isinstance(item, list) else [item]
            tree[doc.name] = [_text_tree(doc.model, i) for i in items]
    return tree


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def entry_hash(entry: Model) -> str:
    """The hash of an English entry's text: it changes when, and only when, a text that a
    translation holds changes (not when an id, a reference or a date does)."""
    return _plain_and_hash(entry)[1]


def _plain_and_hash(entry: Model) -> tuple[dict, str]:
    """The English entry as plain data, and its hash."""
    plain = entry.model_dump(mode="json")
    tree = _text_tree(type(entry), plain)
    return plain, _digest(json.dumps(tree, sort_keys=True, ensure_ascii=False))


def page_hash(english_md: Path) -> str:
    return _digest(english_md.read_text(encoding="utf-8"))


def needs_translation(entry: Model) -> bool:
    """Whether an English entry has text to translate: one whose only texts are names shown
    as published (an organisation's name and acronym) needs none, and is not "untranslated"."""
    return _to_translate(type(entry), entry.model_dump(mode="json"))


def _to_translate(model: type[Model], value: dict) -> bool:
    for doc in fields_of(model):
        item = value.get(doc.name)
        if item in (None, [], ""):
            continue
        if doc.text and not doc.as_published:
            return True
        if doc.model and not doc.text:
            items = item if isinstance(item, list) else [item]
            if any(isinstance(i, dict) and _to_translate(doc.model, i) for i in items):
                return True
    return False


def _has_text(model: type[Model]) -> bool:
    return any(d.text or (d.model and _has_text(d.model)) for d in fields_of(model))


# One entry's translation


@dataclass(frozen=True)
class Translation:
    """One entry of one language: the English entry with the translated text in place."""

    language: str
    collection: str
    entry: Model
    file: YamlFile
    path: tuple  # where the entry stands in the translation file
    source: str | None  # the hash it records under `translated_from`
    current: str  # the hash of the English now
    english: Located  # the English entry and where it stands
    untranslated: tuple[str, ...] = ()  # fields (paths) still shown in English

    @property
    def state(self) -> str | None:
        if self.untranslated:
            return FALLBACK
        if self.source != self.current:
            return OUTDATED
        return None

    def line(self) -> int:
        return self.file.line(self.path)


@dataclass
class _Overlay:
    """Lays a translation over the plain data of its English entry, noting problems, the
    fields left in English, and which translation path each English path came from."""

    file: YamlFile
    words: Words
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    origin: dict[tuple, tuple] = field(default_factory=dict)  # English path -> its path here

    def problem(self, at: tuple, expected: str, got: str) -> None:
        self.problems.append(self.file.problem(at, expected, got))

    def mapping(
        self,
        model: type[Model],
        english: dict,
        given: object,
        here: tuple,
        there: tuple,
        skip: tuple = ("id",),
    ):
        """`english` with `given` (at `here` in the translation file) laid over it; `there` is
        the English path, for the names of fields left in English."""
        if not isinstance(given, dict):
            self.problem(here, "a mapping (key: value lines)", describe(given))
            return english
        docs = {d.name: d for d in fields_of(model)}
        merged = dict(english)
        for key, value in given.items():
            if key in skip:
                continue  # what matched the translation to its English, read by the caller
            at = here + (key,)
            doc = docs.get(key)
            if doc is None:
                translated = [d.name for d in docs.values() if d.text or d.model]
                close = difflib.get_close_matches(str(key), translated, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "one of " + ", ".join(translated)
                self.problem(at, f"a field that is translated ({hint})", f"unknown field '{key}'")
            elif doc.text:
                merged[key] = self.text(doc, english.get(key), value, at)
                self.origin[there + (key,)] = at
            elif doc.model and _has_text(doc.model):
                merged[key] = self.nested(doc, english.get(key), value, at, there + (key,))
            else:
                self.problem(
                    at,
                    "only text for readers (ids, references, codes, dates and choices are "
                    "never translated: leave them to the English file)",
                    f"'{key}', which is not translated",
                )
        for doc in docs.values():
            has_text = doc.text or (doc.model and _has_text(doc.model))
            if not has_text or english.get(doc.name) in (None, [], "") or doc.name in given:
                continue
            if doc.as_published:
                continue  # a name needs no translation: it is shown as published
            # Left out, required or not: shown in English, marked so, and listed by
            # `sphub translations` (a translated answer without its `because`, say).
            self.untranslated.append(format_path(there + (doc.name,)))
        return merged

    def text(self, doc: FieldDoc, english, value, at: tuple):
        if doc.kind != "list":
            if not isinstance(value, str):
                self.problem(at, "text", describe(value))
            else:
                self.still_english(at, english, value)
            return value
        if not isinstance(value, list) or len(value) != len(english or []):
            count = len(english or [])
            self.problem(
                at,
                f"a list of {count} line{'s' if count != 1 else ''}, one for each line of the "
                "English, in the same order",
                describe(value),
            )
            return english
        for n, (line, source) in enumerate(zip(value, english, strict=True)):
            if isinstance(line, str):
                self.still_english(at + (n,), source, line)
        return value

    def still_english(self, at: tuple, english, value: str) -> None:
        """A warning when the translated `value` is its English `english` as it is, or reads
        as English (pasted and not translated)."""
        why = english_left(value, english)
        if why:
            self.warnings.append(
                self.file.problem(
                    at, f"a translation of the English ({english_hint(english)})", why
                )
            )

    def nested(self, doc: FieldDoc, english, value, at: tuple, there: tuple):
        if english is None:
            self.problem(at, "nothing (the English entry has none)", describe(value))
            return english
        if doc.kind != "list":
            return self.mapping(doc.model, english, value, at, there)
        if not isinstance(value, list):
            self.problem(at, "a list (lines starting with '- ')", describe(value))
            return english
        merged = list(english)
        if "id" in {d.name for d in fields_of(doc.model)}:
            index = {item.get("id"): i for i, item in enumerate(english)}
            seen = set()
            for n, item in enumerate(value):
                item_id = item.get("id") if isinstance(item, dict) else None
                if item_id not in index or item_id in seen:
                    known = ", ".join(str(i) for i in index)
                    got = "an item without an id" if item_id is None else f"'{item_id}'"
                    if item_id in seen:
                        got += " again"
                    self.problem(
                        at + (n, "id"), f"the id of one of the English items ({known})", got
                    )
                    continue
                seen.add(item_id)
                i = index[item_id]
                merged[i] = self.mapping(doc.model, english[i], item, at + (n,), there + (item_id,))
                self.origin.update({there + (i,): at + (n,)})
            for item_id in index:
                if item_id not in seen:
                    self.untranslated.append(format_path(there + (item_id,)))
            return merged
        if len(value) != len(english):
            self.problem(
                at,
                f"{len(english)} items, one for each item of the English, in the same order",
                describe(value),
            )
            return english
        for i, item in enumerate(value):
            merged[i] = self.mapping(doc.model, english[i], item, at + (i,), there + (i,))
        return merged

    def validation_problems(self, err: ValidationError, here: tuple) -> None:
        """Problems of the merged entry (a translated text too long or on two lines), at the
        line of the translation that brought the text in."""
        for error in err.errors():
            loc = tuple(error["loc"])
            at = next(
                (
                    self.origin[loc[:n]] + loc[n:]
                    for n in range(len(loc), 0, -1)
                    if loc[:n] in self.origin
                ),
                here,
            )
            self.problem(at, self.words(error), describe(error.get("input")))


# Short words of English, and of French and Spanish, that are not words of the other side: a
# text with several English ones and few French or Spanish ones is English. Cheap, and
# enough to catch an English sentence pasted into a translation; short names are let be.
_ENGLISH = frozenset(
    "the and of to is are with for that this which their be by from it its not have has was "
    "were will can should they what when how who your you we our more than these those into "
    "about also been being each other such only would could there where do does did an at if "
    "or as on all any most some many".split()
)
_FRENCH_SPANISH = (
    frozenset(
        "le la les des du de un une et est sont pour dans sur avec que qui par au aux ce cette ses "
        "leur leurs ne pas plus en il elle ils nous vous son sa se ou où quand comment votre vos "
        "notre nos el los las del una y es son para con por al su sus lo como más no este esta "
        "cuando cómo quién nuestro nuestra".split()
    )
    - _ENGLISH
)
_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")  # a title cited as it is


def english_left(value: str, english: object) -> str | None:
    """Why `value`, given as the translation of `english`, looks untranslated: the English
    text as it is (six words or more: a name such as 'Progress out of Poverty Index' stays
    in English), or English words (five or more, at least two of English's short words and
    three times as many as of French's and Spanish's; titles in quotes are left out); None
    otherwise."""
    if isinstance(english, str) and value.strip() == english.strip():
        return "the English text as it is" if len(_WORD.findall(value)) >= 6 else None
    return _english_words(value)


# Every load reads every translated text again (a preview after each save): a text is judged
# once. Texts are short; the oldest are let go past this many.
@functools.lru_cache(maxsize=16384)
def _english_words(value: str) -> str | None:
    words = _WORD.findall(_QUOTED.sub(" ", value))
    if len(words) < 5:
        return None
    words = [w.lower() for w in words]
    ours = sum(map(_ENGLISH.__contains__, words))
    if ours < 2:
        return None
    theirs = sum(map(_FRENCH_SPANISH.__contains__, words))
    if ours >= 3 * max(theirs, 0.5):
        return f"English text ({describe(value)})"
    return None


def english_hint(english: object) -> str:
    return f"of {describe(english)}" if isinstance(english, str) else "in the file's language"


def _entry_translation(
    language: str,
    english: Located,
    raw: dict,
    yf: YamlFile,
    path: tuple,
    words: Words,
    plain_and_hash: dict[int, tuple[dict, str]],
) -> tuple[Translation | None, list[Problem], list[Problem]]:
    model = type(english.entry)
    overlay = _Overlay(yf, words)
    source = raw.get(HASH)
    if source is not None and not isinstance(source, str):
        overlay.problem(
            path + (HASH,), "the hash `sphub translations --stamp` writes", describe(source)
        )
        source = None
    # Once per English entry, not once per language (the overlay copies what it changes).
    known = plain_and_hash.get(id(english.entry))
    if known is None:
        known = plain_and_hash[id(english.entry)] = _plain_and_hash(english.entry)
    plain, current = known
    merged = overlay.mapping(model, plain, raw, path, (), skip=("id", HASH))
    if overlay.problems:
        return None, overlay.problems, []
    try:
        entry = model.model_validate(merged)
    except ValidationError as err:
        overlay.validation_problems(err, path)
        return None, overlay.problems, []
    translation = Translation(
        language,
        english.collection,
        entry,
        yf,
        path,
        source,
        current,
        english,
        tuple(overlay.untranslated),
    )
    return translation, [], overlay.warnings


# A language's files


@dataclass
class Translations:
    """Every language's translated entries, by (collection, id), and what was found wrong."""

    languages: tuple[str, ...] = (SOURCE_LANGUAGE,)
    entries: dict[str, dict[tuple[str, str], Translation]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _read(path: Path, name: str) -> tuple[YamlFile | None, list[Problem]]:
    if path.is_symlink():
        return None, [Problem(name, 1, "(file)", "a plain file", "a symbolic link")]
    with path.open("rb") as stream:
        yf, problems = read_shared(name, stream.read(MAX_FILE_BYTES + 1))
    return (yf if yf.value is not None else None), problems


def _collection_file(
    language: str,
    collection: Collection,
    yf: YamlFile,
    english: dict[str, Located],
    out: Translations,
    words: Words,
    plain_and_hash: dict[int, tuple[dict, str]],
) -> None:
    key = collection.key
    top = yf.value
    for extra in sorted(set(top) - {key}, key=str):
        out.problems.append(
            Problem(
                yf.name,
                yf.line((extra,)),
                str(extra),
                f"only the key '{key}' at the top",
                f"unknown key '{extra}'",
            )
        )
    entries = top.get(key)
    if not isinstance(entries, list):
        out.problems.append(
            yf.problem(
                (key,),
                f"the key '{key}:' with a list of translated entries",
                describe(entries),
            )
        )
        return
    english_file = f"data/{collection.file}"
    seen: dict[str, int] = {}
    for index, raw in enumerate(entries):
        path = (key, index)
        entry_id = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(raw, dict):
            out.problems.append(
                yf.problem(
                    path,
                    "a translated entry (a mapping)",
                    describe(raw),
                )
            )
            continue
        where = english.get(entry_id) if isinstance(entry_id, str) else None
        if where is None and isinstance(entry_id, str):
            # An entry renamed since (its old id kept in `old_ids`) keeps its translations.
            renamed = [w for w in english.values() if entry_id in getattr(w.entry, "old_ids", ())]
            if renamed:
                where, entry_id = renamed[0], renamed[0].entry.id
        if where is None:
            close = difflib.get_close_matches(str(entry_id), list(english), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            out.problems.append(
                yf.problem(
                    path + ("id",),
                    f"the id of an entry in {english_file}{hint}",
                    "nothing" if entry_id is None else describe(entry_id),
                )
            )
            continue
        if entry_id in seen:
            out.problems.append(
                yf.problem(
                    path + ("id",),
                    f"each entry translated once in {yf.name}",
                    f"'{entry_id}' again (first on line {seen[entry_id]})",
                )
            )
            continue
        seen[entry_id] = yf.line(path + ("id",))
        translation, problems, warnings = _entry_translation(
            language, where, raw, yf, path, words, plain_and_hash
        )
        out.problems += problems
        out.warnings += warnings
        if translation is None:
            continue
        out.entries[language][(key, entry_id)] = translation
        if translation.source is None:
            out.warnings.append(
                Problem(
                    yf.name,
                    yf.line(path + ("id",)),
                    format_path(path + (HASH,)),
                    f"the hash of the English it was made from (run `sphub translations --stamp {language}` "
                    "once the translation is done)",
                    "none, so it may be out of date",
                )
            )
        elif translation.source != translation.current:
            english_line = where.file.line(where.path)
            out.warnings.append(
                yf.problem(
                    path + (HASH,),
                    f"a translation of the English as it is now ({english_file}:{english_line} "
                    f"changed after it was translated; update the translation, then run "
                    f"`sphub translations --stamp {language}`)",
                    "a translation that may be out of date",
                )
            )


def check_translations(
    data_dir: Path,
    located: list[Located],
    words: Words,
    shown_as: str = "data",
    unreadable: set[str] = frozenset(),
) -> Translations:
    """Read and check every translation in `data_dir/translations/` against the English
    entries that validated (`located`); `words` says what a pydantic error expected, as for
    the English files. The translations of a collection whose English file could not be read
    (`unreadable`) are checked once it can be: every id would look unknown."""
    out = Translations(languages(data_dir))
    plain_and_hash: dict[int, tuple[dict, str]] = {}  # by English entry, while `located` lives
    english: dict[str, dict[str, Located]] = {}
    for where in located:
        english.setdefault(where.collection, {})[where.entry.id] = where
    for language in out.languages[1:]:
        out.entries[language] = {}
        folder = data_dir / FOLDER / language
        shown = f"{shown_as}/{FOLDER}/{language}"
        if not _known_language(language):
            out.problems.append(
                Problem(
                    shown,
                    1,
                    "(folder)",
                    "a folder named by an ISO 639-1 language code, like 'fr' or 'es'",
                    f"'{language}'",
                )
            )
            continue
        for path in sorted(folder.iterdir()):
            name = f"{shown}/{path.name}"
            collection = COLLECTIONS.get(path.stem) if path.suffix in (".yml", ".yaml") else None
            if collection is not None and collection.key in unreadable:
                continue
            if collection is None or not collection.translated:
                translated = [c.file for c in COLLECTIONS.values() if c.translated]
                close = difflib.get_close_matches(path.name, translated, n=1)
                if collection is not None:
                    hint = "the networks' own data keeps the language it was written in"
                else:
                    hint = (
                        f"did you mean '{close[0]}'?"
                        if close
                        else "one of " + ", ".join(translated)
                    )
                out.problems.append(
                    Problem(
                        name,
                        1,
                        "(file)",
                        f"the translation of a guidance file ({hint})",
                        f"'{path.name}'",
                    )
                )
                continue
            yf, problems = _read(path, name)
            out.problems += problems
            if yf is not None:
                found = _checked_file(
                    language, collection, yf, english.get(collection.key, {}), words, plain_and_hash
                )
                out.problems += found.problems
                out.warnings += found.warnings
                out.entries[language].update(found.entries[language])
    return out


# The last check of each language's file of each collection, with the file and its English
# file as they were read: read_shared gives back the same YamlFile for the same bytes, and the
# English entries follow from their file, so a load after an edit of another file (the
# preview's, the editor's check of a save) checks again only the translations it can change.
_checked: dict[tuple[str, str], tuple[YamlFile, YamlFile | None, Words, Translations]] = {}


def _checked_file(
    language: str,
    collection: Collection,
    yf: YamlFile,
    english: dict[str, Located],
    words: Words,
    plain_and_hash: dict[int, tuple[dict, str]],
) -> Translations:
    """The problems, warnings and entries of one translation file."""
    english_file = next(iter(english.values())).file if english else None
    last = _checked.get((language, collection.key))
    if last is not None and last[0] is yf and last[1] is english_file and last[2] is words:
        return last[3]
    found = Translations(entries={language: {}})
    _collection_file(language, collection, yf, english, found, words, plain_and_hash)
    _checked[(language, collection.key)] = (yf, english_file, words, found)
    return found


def translate(site, language: str):
    """A copy of `site` whose entries carry `language`'s text (English field by field where it
    is not translated, typed as such: sphub.data.fallback), with `site.language` set and each
    entry's state kept."""
    if language == SOURCE_LANGUAGE:
        return site
    translated = site.translations.entries[language]
    entries = {}
    states = {}
    for key, collection in COLLECTIONS.items():
        entries[key] = dict(site.entries[key])
        if not collection.translated:
            continue
        for entry_id, english in site.entries[key].items():
            translation = translated.get((key, entry_id))
            if translation is None:
                if needs_translation(english):
                    states[(key, entry_id)] = FALLBACK
                entries[key][entry_id] = marked(english, english, None)
                continue
            missing = frozenset(translation.untranslated)
            entries[key][entry_id] = marked(translation.entry, english, missing)
            if translation.state:
                states[(key, entry_id)] = translation.state
    return replace(site, entries=entries, language=language, states=states)


# Hand-written pages

_FRONT = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
# Quoted when written: a hash of digits alone would read as a number.
_SOURCE_LINE = re.compile(rf'(?m)^{HASH}:[ \t]*"?([^"\s]*)"?[ \t]*$')
# A hand-written page's translation: `about.fr.md` beside `about.md` (`about.pt-BR.md`).
TRANSLATED_PAGE = re.compile(r"\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\.md$")


def _recorded_source(md: Path) -> tuple[str | None, int]:
    """The `translated_from:` hash in a page's front matter, and its line (1 when there is
    none)."""
    text = md.read_text(encoding="utf-8")
    front = _FRONT.match(text)
    found = _SOURCE_LINE.search(front.group(0)) if front else None
    if not found:
        return None, 1
    return found.group(1), text[: found.start()].count("\n") + 1


def _search_setting(md: Path) -> object:
    """The `search:` setting of a page's front matter (None when it has none or cannot be
    read: the engine says so when it builds)."""
    import yaml

    front = _FRONT.match(md.read_text(encoding="utf-8"))
    try:
        meta = yaml.safe_load(front.group(1) or "") if front else None
    except yaml.YAMLError:
        return None
    return meta.get("search") if isinstance(meta, dict) else None


def page_state(english_md: Path, translated_md: Path | None) -> str | None:
    """None when the page's translation is there and made from the English as it is now."""
    if translated_md is None or not translated_md.is_file():
        return FALLBACK
    source, _ = _recorded_source(translated_md)
    return None if source == page_hash(english_md) else OUTDATED


def translated_page(english_md: Path, language: str) -> Path:
    return english_md.with_name(f"{english_md.stem}.{language}.md")


def _search_problems(md: Path, english: Path, name: str, english_name: str) -> list[Problem]:
    wanted, given = _search_setting(english), _search_setting(md)
    if wanted == given:
        return []

    def shown(setting: object) -> str:
        return "none" if setting is None else json.dumps(setting)

    return [
        Problem(
            name,
            1,
            "search",
            f"the same `search:` as {english_name} ({shown(wanted)})",
            shown(given),
        )
    ]


def search_problems(docs_dir: Path, site_languages: tuple[str, ...], shown_as: str = "docs"):
    """The translations, in the site's languages, whose `search:` setting is not their English
    page's (a page for maintainers would come up in the members' search in that language).
    Pages in other languages are not built: the build leaves them be."""
    problems = []
    for code in site_languages[1:]:
        for md in sorted(docs_dir.rglob(f"*.{code}.md")):
            english = md.with_name(md.name[: -len(f".{code}.md")] + ".md")
            if english.is_file():
                name = f"{shown_as}/{md.relative_to(docs_dir).as_posix()}"
                english_name = f"{shown_as}/{english.relative_to(docs_dir).as_posix()}"
                problems += _search_problems(md, english, name, english_name)
    return sorted(problems)


def page_problems(docs_dir: Path, site_languages: tuple[str, ...], shown_as: str = "docs"):
    """(errors, warnings) of the hand-written pages' translations: a page for a language the
    site does not have or for no English page is an error, and so is one whose `search:`
    setting is not its English page's (a page for maintainers would come up in the members'
    search in that language); an out-of-date one a warning."""
    errors, warnings = [], []
    for md in sorted(docs_dir.rglob("*.md")):
        suffix = TRANSLATED_PAGE.search(md.name)
        if not suffix:
            continue
        name = f"{shown_as}/{md.relative_to(docs_dir).as_posix()}"
        language = suffix.group(1)
        english = md.with_name(md.name[: suffix.start()] + ".md")
        if language not in site_languages[1:]:
            languages_given = ", ".join(site_languages[1:]) or "none yet"
            errors.append(
                Problem(
                    name,
                    1,
                    "(file)",
                    f"a page in one of the site's languages ({languages_given})",
                    f"'.{language}.md'",
                )
            )
            continue
        if not english.is_file():
            errors.append(
                Problem(
                    name,
                    1,
                    "(file)",
                    f"the translation of an English page ({english.name})",
                    "no such English page",
                )
            )
            continue
        english_name = f"{shown_as}/{english.relative_to(docs_dir).as_posix()}"
        errors += _search_problems(md, english, name, english_name)
        if page_state(english, md) == OUTDATED:
            source, line = _recorded_source(md)
            warnings.append(
                Problem(
                    name,
                    line,
                    HASH,
                    f"a translation of {english_name} as it is now (run `sphub translations "
                    f"--stamp {language}` once it is up to date)",
                    "none, so it may be out of date"
                    if source is None
                    else "a translation that may be out of date",
                )
            )
    return errors, warnings


# Stamping


def _stamped(text: str, at_lines: dict[int, tuple[int | None, str]]) -> str:
    """`text` with a `translated_from:` line written for each entry: {line of its `id`: (line
    of its `translated_from` or None, hash)}, bottom up so earlier line numbers hold."""
    lines = text.split("\n")
    for id_line, (source_line, digest) in sorted(at_lines.items(), reverse=True):
        if source_line is not None:
            old = lines[source_line - 1]
            lines[source_line - 1] = old[: old.index(f"{HASH}:")] + f'{HASH}: "{digest}"'
            continue
        match = re.match(r"^(\s*)(- )?id:", lines[id_line - 1])
        indent = len(match.group(1)) + (2 if match.group(2) else 0)
        lines.insert(id_line, " " * indent + f'{HASH}: "{digest}"')
    return "\n".join(lines)


@dataclass(frozen=True)
class Stamp:
    """An entry or page whose English changed since its translation was stamped."""

    path: Path  # the translation's file
    name: str  # as shown: data/translations/fr/tools.yml, docs/about.fr.md
    line: int
    entry: str | None = None  # 'tools:universal-standards'; None for a page
    at: tuple[int, int | None, str] | None = None  # line of its id, of its hash, the hash

    def __str__(self) -> str:
        return f"{self.name}:{self.line}" + (f" {self.entry}" if self.entry else "")

    def chosen_by(self, target: str) -> bool:
        """Whether `target` (a file's path, or 'collection:id') names this."""
        if target == self.entry:
            return True
        return Path(target).resolve() == self.path.resolve()


def unstamped(data_dir: Path, docs_dir: Path, translations: Translations, language: str):
    """Every translated entry and page of `language` whose hash is not its English's now (or
    is missing), in file and line order. Only entries that passed their checks are listed."""
    found = []
    for (key, entry_id), translation in translations.entries.get(language, {}).items():
        if translation.source == translation.current:
            continue
        yf = translation.file
        raw = yf.value[translation.path[0]][translation.path[1]]
        id_line = yf.line(translation.path + ("id",))
        source_line = yf.line(translation.path + (HASH,)) if HASH in raw else None
        path = data_dir / FOLDER / language / Path(yf.name).name
        at = (id_line, source_line, translation.current)
        found.append(Stamp(path, yf.name, id_line, f"{key}:{entry_id}", at))
    for md in sorted(docs_dir.rglob(f"*.{language}.md")):
        english = md.with_name(md.name[: -len(f".{language}.md")] + ".md")
        if english.is_file() and page_state(english, md) is not None:
            name = f"{docs_dir.name}/{md.relative_to(docs_dir).as_posix()}"
            found.append(Stamp(md, name, _recorded_source(md)[1]))
    return sorted(found, key=lambda s: (s.name, s.line))


def stamp(data_dir: Path, docs_dir: Path, chosen: list[Stamp]) -> None:
    """Record, in each of the `chosen` entries and pages, the hash of its English as it is
    now; nothing else in their files changes."""
    by_file: dict[Path, dict[int, tuple[int | None, str]]] = {}
    for one in chosen:
        if one.at is not None:
            id_line, source_line, digest = one.at
            by_file.setdefault(one.path, {})[id_line] = (source_line, digest)
    for path, at_lines in by_file.items():
        path.write_text(_stamped(path.read_text(encoding="utf-8"), at_lines), encoding="utf-8")
    for one in chosen:
        if one.at is not None:
            continue
        md = one.path
        language = TRANSLATED_PAGE.search(md.name).group(1)
        english = md.with_name(md.name[: -len(f".{language}.md")] + ".md")
        text = md.read_text(encoding="utf-8")
        digest = page_hash(english)
        front = _FRONT.match(text)
        if front is None:
            text = f'---\n{HASH}: "{digest}"\n---\n' + text
        elif _SOURCE_LINE.search(front.group(0)):
            head = _SOURCE_LINE.sub(f'{HASH}: "{digest}"', front.group(0), count=1)
            text = head + text[front.end() :]
        else:
            text = front.group(0)[:-4] + f'{HASH}: "{digest}"\n---\n' + text[front.end() :]
        md.write_text(text, encoding="utf-8")


# The report of `sphub translations`


def report(site, docs_dir: Path, shown_as: str = "docs") -> list[str]:
    """Per language: what is translated, what is missing, what is out of date, each with the
    file and line to open."""
    lines = []
    for language in site.languages[1:]:
        done = site.translations.entries[language]
        missing, partial, outdated = [], [], []
        total = 0
        for key, collection in COLLECTIONS.items():
            if not collection.translated:
                continue
            for entry_id, entry in site.collection(key).items():
                translation = done.get((key, entry_id))
                if translation is None and not needs_translation(entry):
                    continue  # names only, shown as published
                total += 1
                where = site.places[(key, entry_id)]
                if translation is None:
                    line = where.file.line(where.path)
                    missing.append(f"  not translated: {where.file.name}:{line} {key} '{entry_id}'")
                    continue
                at = f"{translation.file.name}:{translation.line()} {key} '{entry_id}'"
                if translation.untranslated:
                    partial.append(
                        f"  partly in English: {at}: " + ", ".join(translation.untranslated)
                    )
                if translation.source != translation.current:
                    outdated.append(f"  may be out of date: {at}")
        pages = [md for md in sorted(docs_dir.rglob("*.md")) if not TRANSLATED_PAGE.search(md.name)]
        for md in pages:
            state = page_state(md, translated_page(md, language))
            name = f"{shown_as}/{md.relative_to(docs_dir).as_posix()}"
            if state == FALLBACK:
                missing.append(f"  not translated: {name}")
            elif state == OUTDATED:
                outdated.append(f"  may be out of date: {name[: -len('.md')]}.{language}.md")
        translated_pages = sum(
            page_state(md, translated_page(md, language)) != FALLBACK for md in pages
        )
        lines.append(
            f"{language}: {len(done)} of {total} entries and {translated_pages} of "
            f"{len(pages)} pages translated; {len(partial)} entries partly in English; "
            f"{len(outdated)} may be out of date."
        )
        by_file = untranslated(translate(site, language), COLLECTIONS)
        lines.append(
            f"  texts shown in English: {sum(by_file.values())}"
            + "".join(f"; {file} {n}" for file, n in by_file.items())
        )
        lines += missing + partial + outdated
    if len(site.languages) == 1:
        lines.append(f"The site has no translations yet (add a folder under data/{FOLDER}/).")
    return lines
