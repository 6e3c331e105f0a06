"""Fuzzing the loader: mutated copies of the shipped data files (bytes, lines, YAML syntax,
types, keys, references, structure, encodings) either load, and then render, or give a
`DataError` whose every problem names a data file and a line in it. No other exception may
escape. `make test` runs 60 examples of each test below (about a minute in all);
`SPHUB_FUZZ_EXAMPLES=1000 .venv/bin/python -m pytest tests/fuzz` runs 1,000 of each."""

from __future__ import annotations

import copy
import os
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from sphub.data.errors import DataError
from sphub.data.load import load_site
from sphub.models import COLLECTIONS
from sphub.render.pages import all_pages
from sphub.render.renderer import Renderer
from sphub.data.reader import read_yaml


FILES = sorted(c.file for c in COLLECTIONS.values())
SHIPPED = {name: (ROOT / "data" / name).read_bytes() for name in FILES}
VALUES = {name: read_yaml(name, raw)[0].value for name, raw in SHIPPED.items()}
IDS = sorted(
    {
        entry["id"]
        for value in VALUES.values()
        for entries in value.values()
        for entry in entries
        if isinstance(entry, dict) and "id" in entry
    }
)

# No explain phase: it reruns a failure many times to annotate it, for a minute or more.
FUZZ = settings(
    max_examples=int(os.environ.get("SPHUB_FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

SNIPPETS = [
    "&a",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system ['true']",
    "!custom x",
    "? [a, b]",
    "- ",
    "key: [",
    "key: {",
    '"unterminated',
    "'unterminated",
    "%YAML 1.1",
    "---",
    "...",
    "|",
    ">-",
    "@at",
    "`tick",
    "\t",
    "id: x",
    "id: x\nid: y",
    "- - -",
    "{a: 1}",
    "[1, 2]",
    "~",
    "null",
    "NO",
    "0x1F",
    "1:20",
    "2012-13-45",
    ".nan",
    "1e999",
    "\\0",
    '"\\0"',
    '"\\ud800"',
    "\u00a0",
    "\u202e",
    "\ufeff",
    "#",
    "key: &b [*b]",
    "key: *undefined",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(IDS),
    st.sampled_from(["2012-02-20", "2012-02", "2012-13-01", "2012/2013"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture(scope="module")
def templates():
    return ROOT / "overrides" / "fragments"


def check(folder, templates, name: str, raw: bytes) -> None:
    """Load `data/` with `name` replaced by `raw`: a site that renders, or a DataError whose
    problems each name a data file and a line within it."""
    (folder / name).write_bytes(raw)
    try:
        site = load_site(folder)
    except DataError as err:
        assert err.problems
        for problem in err.problems:
            # A translation can be what breaks: an entry it translates is gone from `name`.
            translation = problem.file.startswith("data/translations/")
            assert translation or problem.file in {f"data/{f}" for f in FILES}, problem
            if translation:
                size = (ROOT / problem.file).read_bytes()
            else:
                size = raw if problem.file == f"data/{name}" else SHIPPED[problem.file[5:]]
            assert 1 <= problem.line <= size.count(b"\n") + 1, (str(problem), raw[:300])
            assert "\n" not in str(problem) and "\r" not in str(problem), problem
    else:
        for page in all_pages(Renderer(site, templates)):
            page.markdown().encode("utf-8")
    finally:
        (folder / name).write_bytes(SHIPPED[name])


@FUZZ
@given(st.data())
def test_byte_mutations(folder, templates, data):
    name = data.draw(st.sampled_from(FILES))
    raw = bytearray(SHIPPED[name])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["flip", "insert", "delete", "duplicate", "cut"]))
        if action == "flip" and at < len(raw):
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del raw[at : at + data.draw(st.integers(1, 40))]
        elif action == "duplicate":
            raw[at:at] = raw[at : at + data.draw(st.integers(1, 80))]
        elif action == "cut":
            del raw[at:]
    check(folder, templates, name, bytes(raw))


@FUZZ
@given(st.data())
def test_line_mutations(folder, templates, data):
    name = data.draw(st.sampled_from(FILES))
    lines = SHIPPED[name].decode().split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(
            st.sampled_from(["duplicate", "delete", "swap", "indent", "dedent", "snippet", "value"])
        )
        if action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "indent":
            lines[at] = data.draw(st.sampled_from([" ", "  ", "\t", "    "])) + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][data.draw(st.integers(1, 4)) :]
        elif action == "snippet":
            snippet = data.draw(st.sampled_from(SNIPPETS))
            lines[at] = data.draw(
                st.sampled_from([snippet, lines[at] + " " + snippet, snippet + " " + lines[at]])
            )
        elif action == "value" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {data.draw(st.sampled_from(SNIPPETS + IDS))}"
    check(folder, templates, name, "\n".join(lines).encode("utf-8", "surrogatepass"))


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _at(value, path):
    for part in path:
        value = value[part]
    return value


@FUZZ
@given(st.data())
def test_structure_mutations(folder, templates, data):
    """Types, keys, references and shapes changed in the parsed data, then written out."""
    name = data.draw(st.sampled_from(FILES))
    value = copy.deepcopy(VALUES[name])
    for _ in range(data.draw(st.integers(1, 3))):
        paths = list(_paths(value))[1:]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent, last = _at(value, path[:-1]), path[-1]
        action = data.draw(
            st.sampled_from(
                ["replace", "reference", "delete", "unknown key", "rename", "duplicate", "wrap"]
            )
        )
        if action == "replace":
            parent[last] = data.draw(values)
        elif action == "reference":
            parent[last] = data.draw(st.sampled_from(IDS + ["no-such-id", "Bad Id", ""]))
        elif action == "delete":
            del parent[last]
        elif action == "unknown key" and isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=10))] = data.draw(values)
        elif action == "rename" and isinstance(parent, dict):
            parent[last + data.draw(st.sampled_from(["s", "_", "X"]))] = parent.pop(last)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))  # duplicated ids
        elif action == "wrap":
            parent[last] = [parent[last]]
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    check(folder, templates, name, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.data())
def test_encodings_and_whole_files(folder, templates, data):
    name = data.draw(st.sampled_from(FILES))
    text = SHIPPED[name].decode()
    action = data.draw(
        st.sampled_from(
            [
                "utf-16",
                "utf-16-le",
                "utf-32",
                "latin-1",
                "bom",
                "crlf",
                "cr",
                "empty",
                "value",
                "other file",
                "truncate",
            ]
        )
    )
    if action in ("utf-16", "utf-16-le", "utf-32"):
        raw = text.encode(action)
    elif action == "latin-1":
        raw = text.replace("Sa-Dhan", "Sa-Dhän").replace("#", "é#").encode("latin-1", "replace")
    elif action == "bom":
        raw = b"\xef\xbb\xbf" + SHIPPED[name]
    elif action == "crlf":
        raw = text.replace("\n", "\r\n").encode()
    elif action == "cr":
        raw = text.replace("\n", "\r").encode()
    elif action == "empty":
        raw = data.draw(st.sampled_from([b"", b"\n", b"# only a comment\n", b"---\n", b"~\n"]))
    elif action == "value":
        raw = yaml.safe_dump(data.draw(values), allow_unicode=True).encode("utf-8", "surrogatepass")
    elif action == "other file":
        raw = SHIPPED[data.draw(st.sampled_from(FILES))]
    else:
        raw = SHIPPED[name][: data.draw(st.integers(0, len(SHIPPED[name])))]
    check(folder, templates, name, raw)
