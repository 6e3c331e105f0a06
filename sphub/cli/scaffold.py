"""`sphub new member|event|...`: write a new, valid entry at the end of the right data file.

The fields asked for come from the models (sphub.data.fields); answers may also be given as flags
(`--name "..." --place.city Bangkok`). The new entry gets a stable kebab-case id made from
its name, is checked with the same models and cross-checks as the build (on a copy of the
data), and only then is its text appended to the file: the rest of the file is kept byte for
byte, comments included, because it is never re-written by a YAML dumper.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

from sphub.data.errors import DataError
from sphub.data.fields import FieldDoc, fields_of
from sphub.models import Collection
from sphub.models.types import Model
from sphub.data.reader import read_yaml
from sphub.data.writer import appended

MAX_ID = 60
# Fields whose value names an entry, in the order an id is made from them.
NAME_FIELDS = ("acronym", "name", "title")


def slug(text: str, limit: int = MAX_ID) -> str:
    """'Réseau Financiero Rural (RFR)' -> 'reseau-financiero-rural-rfr', cut at a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    if not out and words:  # one word longer than the limit
        out = words[0][:limit]
    return out


def suggest_id(fields: list[FieldDoc], values: dict, taken: set[str]) -> str:
    """A stable id from the entry's name (its acronym first), with its year when the entry is
    dated and the name does not say it (`spi-training-bangkok-2012`); `-2`, `-3`... only when
    that id is taken. Entries without a name use their required values (`asia-2012`)."""
    named = [values[f] for f in NAME_FIELDS if isinstance(values.get(f), str) and values[f]]
    if named:
        base = slug(named[0])
    else:
        base = slug(
            " ".join(
                str(values[f.name])
                for f in fields
                if f.required
                and f.name != "id"
                and f.kind in ("text", "integer")
                and values.get(f.name) is not None
            )
        )
    year = values.get("year") or str(values.get("start") or "")[:4]
    if year and re.fullmatch(r"[0-9]{4}", str(year)) and str(year) not in base.split("-"):
        base = f"{base}-{year}" if base else str(year)
    base = base or "entry"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# Answers -> values


def _yaml_value(text: str) -> object:
    """`text` read as one YAML value with the data files' own loader (`[2012, 2013]`,
    `{city: Bangkok, country: TH}`); the text itself when it is not valid YAML."""
    yf, problems = read_yaml("answer", f"value: {text}".encode())
    return text if problems else yf.value["value"]


def parse_answer(text: str, field: FieldDoc) -> object:
    """An answer typed at the prompt or given as a flag, as the value the model expects.
    A wrong value is kept as typed, so the model names the problem in its own words."""
    text = text.strip()
    if field.kind == "text":
        return text
    if field.kind == "list" and not text.startswith("["):
        items = [item.strip() for item in text.split(",") if item.strip()]
        if field.item_kind in ("integer", "number", "boolean"):
            return [_yaml_value(item) for item in items]
        return items
    return _yaml_value(text)


def check_and_write(
    data_dir: Path, collection: Collection, values: dict, shown_as: str = "data"
) -> tuple[Path, int]:
    """Append the entry if, with it, the whole data set passes every check.

    Returns the file written and the line where the entry starts.

    Raises:
        DataError: with the problems, naming lines of the file as it would be; nothing is
            written then.
    """
    from sphub.data.load import load_site

    path = data_dir / collection.file
    source = path.read_text(encoding="utf-8") if path.is_file() else ""
    new_text = appended(source, collection, values)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "data"
        shutil.copytree(data_dir, trial)
        (trial / collection.file).write_text(new_text, encoding="utf-8")
        load_site(trial, shown_as=shown_as)  # raises DataError
    path.write_text(new_text, encoding="utf-8")
    yf, _ = read_yaml(collection.file, new_text.encode())
    return path, yf.line((collection.key, len(yf.value[collection.key]) - 1))


# Questions


def field_problems(model: type[Model], values: dict, name: str) -> list[str]:
    """What the model says about field `name` in `values` (other fields are ignored)."""
    from pydantic import ValidationError

    from sphub.data.errors import describe
    from sphub.data.load import _expected

    try:
        model.model_validate(values)
    except ValidationError as err:
        return [
            f"expected {_expected(e)}, got "
            + ("nothing" if e["type"] == "missing" else describe(e.get("input")))
            for e in err.errors()
            if e["loc"][:1] == (name,)
        ]
    return []


def reference_problems(field: FieldDoc, value: object, known: dict[str, list[str]]) -> list[str]:
    """The ids in `value` (an answer to a reference field) that no entry has."""
    if not field.refers_to:
        return []
    ids = sorted({i for c in field.refers_to for i in known.get(c, [])})
    files = " or ".join(f"data/{c}.yml" for c in field.refers_to)
    problems = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item not in ids:
            close = difflib.get_close_matches(item, ids, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"expected the id of an entry in {files}{hint}, got '{item}'")
    return problems


def answer_problems(
    model: type[Model], values: dict, field: FieldDoc, known: dict[str, list[str]]
) -> list[str]:
    """What is wrong with the answer for `field` in `values`, as soon as it is typed: the
    model's word on it, the ids it names, and an end before the start."""
    problems = field_problems(model, values, field.name)
    if problems:
        return problems
    value = values[field.name]
    problems = reference_problems(field, value, known)
    start = values.get("start")
    if field.name == "end" and isinstance(start, str) and isinstance(value, str) and value < start:
        problems.append(f"expected an end date on or after the start ({start}), got '{value}'")
    return problems


class Existing:
    """The entries of the collection being added to, by name, acronym and title, so that an
    answer naming one of them is noticed as it is typed (`pmn-2` beside `pmn`)."""

    def __init__(self, collection: Collection, entries: dict[str, Model]):
        from sphub.data.checks.entries import comparable_name

        self.file, self.same = collection.file, comparable_name
        # Only one network per entry of members.yml and organisations.yml: an error there.
        self.refused = collection.key in ("members", "organisations")
        self.named = {
            (f, comparable_name(getattr(e, f))): e.id
            for e in entries.values()
            for f in NAME_FIELDS
            if isinstance(getattr(e, f, None), str)
        }

    def problem(self, field: str, value: object) -> str | None:
        """A message when `value` of `field` is that of an existing entry; None otherwise."""
        if field not in NAME_FIELDS or not isinstance(value, str):
            return None
        other = self.named.get((field, self.same(value)))
        if other is None:
            return None
        if self.refused:
            return (
                f"expected a network not yet in data/{self.file} (to change it, edit the "
                f"entry '{other}'), got the {field} of '{other}'"
            )
        print(f"  Note: '{other}' in data/{self.file} has this {field} already.")
        return None


def _prompt(field: FieldDoc, known: dict[str, list[str]], where: str) -> str:
    need = "required" if field.required else "optional, press Enter to skip"
    lines = [f"{where}{field.name} ({need}): {field.description}", f"  Type: {field.words}."]
    if field.allowed:
        lines.append("  Allowed: " + ", ".join(field.allowed) + ".")
    ids = sorted({i for c in field.refers_to for i in known.get(c, [])})
    if ids:
        lines.append("  Known ids: " + ", ".join(ids) + ".")
    if field.kind == "list" and field.item_kind != "object":
        lines.append("  Several values: separate them with commas.")
    return "\n".join(lines) + "\n> "


def ask_values(
    model: type[Model],
    given: dict,
    ask: Callable[[str], str],
    known: dict[str, list[str]],
    where: str = "",
    skip: tuple = ("id", "old_ids"),
    existing: Existing | None = None,
    done: set[str] | None = None,
) -> dict:
    """Ask for each field of `model` not in `given`, in the model's order, checking each
    answer as it is typed (the model, the ids it names, an end before the start, a network
    already there) and asking again until it is right. Optional nested entries are offered
    with a yes/no question; optional lists of nested entries are left for the file. `done`
    (updated) holds the fields answered or skipped already, not asked again."""
    values = dict(given)
    done = set() if done is None else done
    for field in fields_of(model):
        if field.name in values or field.name in skip or field.name in done:
            continue
        done.add(field.name)
        label = f"{where}{field.name}"
        if field.kind == "object" and field.model:
            if field.required or ask(f"Add {label}? [y/N] ").strip().lower() in ("y", "yes"):
                values[field.name] = ask_values(field.model, {}, ask, known, label + ".")
            continue
        if field.kind == "list" and field.item_kind == "object" and field.model:
            if field.required:
                items = []
                while True:
                    items.append(ask_values(field.model, {}, ask, known, f"{label}[{len(items)}]."))
                    if ask(f"Add another to {label}? [y/N] ").strip().lower() not in ("y", "yes"):
                        break
                values[field.name] = items
            continue
        while True:
            answer = ask(_prompt(field, known, where))
            if not answer.strip():
                if field.required:
                    print("  This field is required.")
                    continue
                break
            values[field.name] = parse_answer(answer, field)
            problems = answer_problems(model, values, field, known)
            same = existing.problem(field.name, values[field.name]) if existing else None
            problems += [same] if same else []
            if not problems:
                break
            print("  " + "; ".join(problems))
            del values[field.name]
    return values


def values_from_flags(model: type[Model], flags: dict[str, str]) -> dict:
    """`{"place.city": "Bangkok", "years": "2012, 2013"}` -> values, parsed per field."""
    values: dict = {}
    for key, text in flags.items():
        parts = key.replace("-", "_").split(".")
        target, current = values, model
        for part in parts[:-1]:
            field = next((f for f in fields_of(current) if f.name == part), None)
            current = field.model if field and field.model else current
            target = target.setdefault(part, {})
        field = next((f for f in fields_of(current) if f.name == parts[-1]), None)
        target[parts[-1]] = parse_answer(text, field) if field else text
    return values


def order_like(model: type[Model], values: dict) -> dict:
    """`values` in the order the model declares its fields (the order of the data files)."""
    order = [f.name for f in fields_of(model)]
    ordered = {k: values[k] for k in order if k in values}
    ordered.update({k: v for k, v in values.items() if k not in ordered})  # unknown: reported
    for field in fields_of(model):
        if field.model and isinstance(ordered.get(field.name), dict):
            ordered[field.name] = order_like(field.model, ordered[field.name])
        if field.model and isinstance(ordered.get(field.name), list):
            ordered[field.name] = [
                order_like(field.model, v) if isinstance(v, dict) else v
                for v in ordered[field.name]
            ]
    return ordered


def run_new(
    name: str, flags: list[str], data: str, interactive: bool, ask: Callable[[str], str] = input
) -> int:
    """The `sphub new` command. Returns the exit status."""
    from sphub.data.fields import collection_for
    from sphub.models import COLLECTIONS

    collection = collection_for(name)
    if collection is None:
        print(f"sphub new: unknown kind of entry '{name}'; one of: " + ", ".join(COLLECTIONS))
        return 2
    pairs = _flag_pairs(flags)
    if isinstance(pairs, str):
        print(f"sphub new: {pairs}")
        return 2
    try:
        return _new(collection, pairs, data, interactive, ask)
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, Ctrl-D: the answers are dropped
        print(f"\nStopped: nothing was written to {data}/{collection.file}.")
        return 130


def _new(
    collection: Collection, pairs: dict, data: str, interactive: bool, ask: Callable[[str], str]
) -> int:
    from sphub.data.load import load_site
    from sphub.models import COLLECTIONS

    data_dir = Path(data)
    nothing = f"Nothing was written to {data}/{collection.file}."
    try:
        site = load_site(data_dir, shown_as=data)
    except DataError as err:
        print("\n".join(str(p) for p in err.problems))
        print("Fix these problems first: a new entry is only added to valid data.")
        return 1
    known = {key: list(site.collection(key)) for key in COLLECTIONS}
    model = collection.model
    fields = fields_of(model)
    existing = Existing(collection, site.collection(collection.key))
    values = values_from_flags(model, pairs)
    if not interactive:
        missing = [
            f"--{f.name}"
            for f in fields
            if f.required and f.name not in values and f.name not in ("id",)
        ]
        if missing:
            print(
                "sphub new: without a terminal to ask in, every required field comes from "
                f"an option; missing: {', '.join(missing)} (see sphub new --help)"
            )
            return 2
        problems = _flag_problems(model, fields, values, known, existing)
        if problems:
            print("\n".join(problems) + "\n" + nothing)
            return 1
    else:
        print(f"New entry in {data}/{collection.file}: {collection.summary}")
        print("(Ctrl-C stops at any time; nothing is written until every answer is right.)")
    entries = site.collection(collection.key).values()
    taken = set(known[collection.key]) | {old for e in entries for old in getattr(e, "old_ids", [])}
    done: set[str] = set()  # questions answered or skipped: not asked again
    while True:
        if interactive:
            values = ask_values(model, values, ask, known, existing=existing, done=done)
        if "id" not in values:
            suggested = suggest_id(fields, values, taken)
            answer = ask(f"id [{suggested}]: ").strip() if interactive else ""
            values["id"] = answer or suggested
        try:
            _, line = check_and_write(data_dir, collection, order_like(model, values), data)
            break
        except DataError as err:
            wrong = _fields_named(err.problems, collection, {f.name for f in fields})
            for problem in err.problems:
                field = wrong.get(problem)
                print(f"  --{field}: {_words(problem)}" if field else str(problem))
            if not interactive or not wrong:
                print(nothing)
                return 1
            print("Those answers are asked again; the others are kept.")
            for field in set(wrong.values()):
                values.pop(field, None)
                done.discard(field)
    print(f"Added '{values['id']}' to {data}/{collection.file} at line {line}.")
    left = [
        f.name
        for f in fields
        if f.kind == "list" and f.item_kind == "object" and f.name not in values
    ]
    if left:
        print("Add " + ", ".join(left) + " in the file if needed (see the editing guide).")
    return 0


def _flag_problems(
    model: type[Model],
    fields: tuple[FieldDoc, ...],
    values: dict,
    known: dict[str, list[str]],
    existing: Existing,
) -> list[str]:
    """Every problem of the options given, one a line, named by their option."""
    problems = []
    for field in fields:
        if field.name not in values:
            continue
        found = answer_problems(model, values, field, known)
        same = existing.problem(field.name, values[field.name])
        for problem in found + ([same] if same else []):
            problems.append(f"  --{field.name}: {problem}")
    names = {f.name for f in fields}
    problems += [
        f"  --{key}: expected a known field, got unknown" for key in values if key not in names
    ]
    return problems


def _fields_named(problems, collection: Collection, names: set[str]) -> dict:
    """Problem -> the field of the new entry it is about (the last entry of the file), for
    the problems that are about it."""
    found = {}
    for problem in problems:
        if problem.file.endswith("/" + collection.file):
            path = re.match(rf"^{re.escape(collection.key)}\[\d+\]\.(\w+)", problem.path)
            if path and path[1] in names:
                found[problem] = path[1]
    return found


def _words(problem) -> str:
    return f"expected {problem.expected}, got {problem.got}"


def _flag_pairs(flags: list[str]) -> dict[str, str] | str:
    """['--name', 'X', '--place.city=Bangkok'] -> {'name': 'X', 'place.city': 'Bangkok'};
    a message when the flags are malformed."""
    pairs: dict[str, str] = {}
    i = 0
    while i < len(flags):
        flag = flags[i]
        if not flag.startswith("--") or len(flag) < 3:
            return f"expected a flag like --name VALUE, got '{flag}'"
        if "=" in flag:
            key, value = flag[2:].split("=", 1)
            i += 1
        elif i + 1 < len(flags):
            key, value = flag[2:], flags[i + 1]
            i += 2
        else:
            return f"the flag {flag} needs a value"
        pairs[key] = value
    return pairs


def options_help() -> str:
    """The options of `sphub new`, kind by kind, for its --help: one per field, nested
    fields with a dot (--place.city), required ones marked."""
    from sphub.models import COLLECTIONS

    parts = ["Fields of each kind (* required; several values: commas):"]
    for key, collection in COLLECTIONS.items():
        options = []
        for field in fields_of(collection.model):
            if field.name in ("id", "old_ids"):
                continue
            if field.kind == "object" and field.model:
                options += [
                    f"--{field.name}.{sub.name}" + ("*" if sub.required and field.required else "")
                    for sub in fields_of(field.model)
                ]
            elif not (field.kind == "list" and field.item_kind == "object"):
                options.append(f"--{field.name}" + ("*" if field.required else ""))
        text = f"  {key}: " + " ".join(options)
        parts.append(textwrap.fill(text, 92, subsequent_indent="      "))
    return "\n".join(parts)
