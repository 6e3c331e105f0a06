"""Load `data/`: read every file, validate every entry, run the cross-checks, and return one
`Site` or raise `DataError` with every problem in every file."""

from __future__ import annotations

import difflib
import gc
import os
from datetime import date, datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from sphub.data.checks import cross_check, plausibility
from sphub.data.checks.glossary import translated_forms_belong_to_one_term
from sphub.data.checks.entries import LooseReference
from sphub.data.errors import DataError, Problem, describe, format_path
from sphub.data.located import Located
from sphub.data.fields import fields_of, raw_references
from sphub.models import COLLECTIONS, Collection
from sphub.models.types import ID_EXPECTED, PATTERN_EXPECTED, Model
from sphub.data.site import Site
from sphub.data.translations import check_translations
from sphub.data.reader import MAX_FILE_BYTES, YamlFile, read_shared

DATE_EXPECTED = "a date (YYYY-MM-DD)"
# Pydantic error types -> what the field expected, in an editor's words.
_EXPECTED = {
    "missing": "a value (this field is required)",
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "date_type": DATE_EXPECTED,
    "string_too_short": "some text",
    "string_too_long": ID_EXPECTED,  # only ids have a maximum length
}


def _expected(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "sphub_expected":
        return ctx["expected"]
    if kind == "string_pattern_mismatch":
        return PATTERN_EXPECTED[ctx["pattern"]]
    if kind == "literal_error":
        return f"one of {ctx['expected']}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"a number of at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"a number of at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "too_short":
        return f"at least {ctx['min_length']} item{'s' if ctx['min_length'] != 1 else ''}"
    if kind == "too_long":
        return f"at most {ctx['max_length']} items"
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    message = error["msg"]
    return message[0].lower() + message[1:]


def _known_fields(model: type[Model], loc: tuple) -> list[str]:
    """The fields allowed at `loc` (the location of an unknown key) inside `model`."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        model = next(f.model for f in fields_of(model) if f.name == part)
        if model is None:  # not a nested model: no list of fields to offer
            return []
    return [f.name for f in fields_of(model)]


def _problems_from_validation(
    yf: YamlFile, prefix: tuple, model: type[Model], err: ValidationError
) -> list[Problem]:
    problems = []
    for error in err.errors():
        loc = prefix + tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            key = str(error["loc"][-1])
            known = _known_fields(model, tuple(error["loc"]))
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "one of " + ", ".join(known)
            expected, got = f"a known field ({hint})", f"unknown field '{key}'"
        else:
            expected = _expected(error)
            got = "nothing" if error["type"] == "missing" else describe(error.get("input"))
        problems.append(Problem(yf.name, yf.line(loc), format_path(loc), expected, got))
    return problems


def _without_wrong_fields(
    model: type[Model], raw: object, err: ValidationError
) -> tuple[Model | None, set[str]]:
    """The entry `raw` without the fields `err` is about, when that is a valid entry (the
    fields were optional), and those fields; (None, ...) otherwise."""
    wrong = {e["loc"][0] for e in err.errors() if e["loc"] and isinstance(e["loc"][0], str)}
    if not isinstance(raw, dict) or not wrong:
        return None, wrong
    try:
        return model.model_validate({k: v for k, v in raw.items() if k not in wrong}), wrong
    except ValidationError:
        return None, wrong


def _under(path: str, fields: set[str]) -> bool:
    """Whether `path` is one of `fields` or inside one."""
    return any(path == f or path.startswith((f + ".", f + "[")) for f in fields)


def _read_collection(
    collection: Collection,
    yf: YamlFile,
    loose: list[LooseReference],
    dropped: set[str],
    partial: set[str],
) -> tuple[list[Located], list[Problem], set[str] | None]:
    """Validate each entry on its own, so one bad entry hides no problem in the others.

    An entry with a wrong optional field is checked further without it (the field's path goes
    to `dropped`, the entry's to `partial`); the references of an entry that does not validate even so go to `loose`, to
    be checked all the same.

    Also returns every id the file declares, valid entry or not (None when the file's shape
    is wrong), so a reference to a broken entry is not reported a second time as missing."""
    problems: list[Problem] = []
    top = yf.value
    key = collection.key
    for extra in sorted(set(top) - {key}):
        problems.append(
            yf.problem(
                (extra,),
                f"only the key '{key}' at the top of the file",
                f"unknown key '{extra}'",
            )
        )
    if key not in top:
        problems.append(
            Problem(yf.name, 1, key, f"the key '{key}:' with a list of entries", "no such key")
        )
        return [], problems, None
    entries = top[key]
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        problems.append(
            Problem(
                yf.name,
                yf.line((key,)),
                key,
                "a list of entries (lines starting with '- ')",
                describe(entries),
            )
        )
        return [], problems, None
    located: list[Located] = []
    first: dict[str, tuple] = {}  # id -> path of the entry that has it first
    declared = {
        raw["id"] for raw in entries if isinstance(raw, dict) and isinstance(raw.get("id"), str)
    }
    validate = collection.model.model_validate
    for index, raw in enumerate(entries):
        path = (key, index)
        try:
            entry = validate(raw)
        except ValidationError as err:
            found = _problems_from_validation(yf, path, collection.model, err)
            problems += found
            entry, wrong = _without_wrong_fields(collection.model, raw, err)
            if entry is None:  # its references are checked all the same
                reported = {p.path for p in found}
                loose += [
                    (yf, path + ref_path, targets, value)
                    for ref_path, targets, value in raw_references(collection.model, raw)
                    if format_path(path + ref_path) not in reported
                ]
                continue
            # The rest of the entry is checked like a valid one; what the checks would say
            # of the fields left out is not said again.
            # A misspelt field stands for the field it resembles: that one is not missing.
            known = [f.name for f in fields_of(collection.model)]
            meant = {m for name in wrong for m in difflib.get_close_matches(name, known, n=1)}
            dropped.update(format_path(path + (name,)) for name in wrong | meant)
            partial.add(format_path(path))
        if entry.id in first:
            first_line = yf.line(first[entry.id] + ("id",))
            problems.append(
                yf.problem(
                    path + ("id",),
                    f"an id not used before in {collection.file}",
                    f"'{entry.id}' again (first on line {first_line})",
                )
            )
            continue
        first[entry.id] = path
        located.append(Located(key, entry, yf, path))
    return located, problems, declared


def build_date() -> date:
    """The date the site is built for: SOURCE_DATE_EPOCH when set (reproducible builds and
    tests), otherwise today in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def load_site(data_dir: str | os.PathLike, shown_as: str = "data", strict: bool = False):
    """Read and check every file in `data_dir`.

    Args:
        data_dir: the folder of YAML files.
        shown_as: how the folder is named in messages (editors see `data/members.yml:12`).
        strict: whether warnings (`Site.warnings`: an event in 1012) are problems too.

    Returns:
        The validated `Site`.

    Raises:
        DataError: with every problem found, when anything is wrong.
    """
    # Reading makes a great many small objects at once, and the cyclic garbage collector walked
    # all of them again each time a few hundred more were made: load time grew twice as fast as
    # the data. Nothing made here is cyclic garbage, so the collector waits until the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_site(Path(data_dir), shown_as, strict)
    finally:
        if collecting:
            gc.enable()


def _load_site(data_dir: Path, shown_as: str, strict: bool):
    problems: list[Problem] = []
    located: list[Located] = []
    loose: list[LooseReference] = []
    dropped: set[str] = set()  # fields left out of entries checked further without them
    partial: set[str] = set()  # those entries
    ids: dict[str, set[str] | None] = {}
    known = {c.file for c in COLLECTIONS.values()}
    present = {p.name for p in data_dir.glob("*") if p.suffix in (".yml", ".yaml")}
    if not present and not data_dir.is_dir():
        raise DataError([_no_data_folder(data_dir, shown_as)])
    for stray in sorted(present - known):
        close = difflib.get_close_matches(stray, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see the editing guide for the list"
        problems.append(
            Problem(f"{shown_as}/{stray}", 1, "(file)", f"a known data file ({hint})", f"'{stray}'")
        )
    for collection in COLLECTIONS.values():
        name = f"{shown_as}/{collection.file}"
        path = data_dir / collection.file
        ids[collection.key] = None
        if path.is_symlink():  # it could lead anywhere: /dev/zero, a file outside data/
            problems.append(Problem(name, 1, "(file)", "a plain file", "a symbolic link"))
            continue
        if not path.is_file():
            problems.append(Problem(name, 1, "(file)", "this data file", "no such file"))
            continue
        with path.open("rb") as stream:  # a larger file is refused without reading it all
            yf, file_problems = read_shared(name, stream.read(MAX_FILE_BYTES + 1), collection.key)
        problems += file_problems
        if yf.value is not None:
            entries, entry_problems, ids[collection.key] = _read_collection(
                collection, yf, loose, dropped, partial
            )
            located += entries
            problems += entry_problems
    problems += [
        p
        for p in cross_check(located, ids, loose)
        # Said of a field left out, or a field found missing in an entry with one left out
        # (a wrong 'url' makes 'how_to_obtain' needed): the next run says it if still true.
        if not _under(p.path, dropped) and not (p.got == "nothing" and _under(p.path, partial))
    ]
    unreadable = {key for key, declared in ids.items() if declared is None}
    translations = check_translations(data_dir, located, _expected, shown_as, unreadable)
    problems += translations.problems + translated_forms_belong_to_one_term(translations)
    warnings = sorted(plausibility(located, build_date()) + translations.warnings)
    if strict:
        problems += warnings
    if problems:
        unread = [f"{shown_as}/{c.file}" for c in COLLECTIONS.values() if ids[c.key] is None]
        raise DataError(problems, unread)
    site = Site.from_entries(located, build_date())
    site.translations, site.warnings = translations, warnings
    return site


def _no_data_folder(data_dir: Path, shown_as: str) -> Problem:
    """One line instead of one per missing file, when the command runs in the wrong folder
    (from inside data/, say)."""
    here = Path.cwd()
    inside = next((p for p in (here, *here.parents) if (p / "mkdocs.yml").is_file()), None)
    where = f"the project's folder {inside}" if inside else "the project's folder"
    return Problem(
        f"{shown_as}/",
        1,
        "(folder)",
        f"the folder of data files (run the command from {where}, the one with mkdocs.yml)",
        f"no folder {shown_as}/ in {here}",
    )
