"""YAML that attacks the loader: each hostile file gives exactly one clear problem, with the
file and the line, through the same path an editor's file takes (`load_site`, `sphub
validate`), and never an exception or a crash of the interpreter. The attacks on the parsers
(nesting, aliases, long lines) go through every check that parses a data file too: `sphub
validate` with its layout rules (yamllint), the editing server's save and `sphub fmt`."""

from __future__ import annotations

import re

import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager

import pytest

from sphub.data.errors import DataError
from sphub.data.layout import check_data, layout_problems, mend_files
from sphub.data.load import load_site
from sphub.data.reader import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from sphub.editor.api import handle
from sphub.editor.saving import version_of
from tests.conftest import ROOT
from tests.golden_cases import GOLDEN

# Ten levels of ten aliases each: 10**10 values once expanded, from 400 bytes.
LAUGHS = "events:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"  - &{name} [{', '.join(['*' + prev] * 10)}]\n"
    for prev, name in zip("abcdefghi", "bcdefghij")
)

# 100,000 levels of flow nesting, 200 KB: libyaml alone took 80 s to parse them (its time grows
# with the square of the depth), so the reader must never parse them to the end.
DEEP = 100_000
LONG = "expected lines of at most 10,000 characters"


def lines_of(unit: bytes, count: int) -> bytes:
    """`unit` `count` times, over lines short enough for the reader (inside a flow
    collection a line break is a space): deep nesting without a long line."""
    return b"\n ".join(unit * 1000 for _ in range(count // 1000))


BRACKETS = lines_of(b"[", DEEP) + lines_of(b"]", DEEP)
TOO_DEEP = f"expected nesting at most {MAX_DEPTH} levels deep"
BIG = 5_000_000  # characters on one line

# name -> (bytes of data/events.yml, expected line, words the message must contain)
HOSTILE = {
    "python tag": (
        b"events:\n  - id: x\n    title: !!python/object/apply:os.system ['echo owned']\n",
        3,
        "got the tag '!!python/object/apply:os.system'",
    ),
    "python name tag": (b"events:\n  - !!python/name:os.system\n", 2, "got the tag"),
    "local tag": (b"events:\n  - id: !secret x\n", 2, "got the tag '!secret'"),
    "tag directive": (
        b"%TAG !p! tag:yaml.org,2002:python/\n---\nevents: !p!object:os.Foo {}\n",
        3,
        "got the tag '!!python/object:os.Foo'",
    ),
    "binary tag": (b"events:\n  - id: !!binary aGVsbG8=\n", 2, "got the tag"),
    "set": (b"events: !!set {a, b}\n", 1, "got the tag '!!set'"),
    "merge key": (
        b"base: &b {kind: other}\nevents:\n  - <<: *b\n    id: x\n",
        3,
        "got a merge key '<<'",
    ),
    "duplicate key": (
        b"events:\n  - id: a\n    title: A\n    id: b\n",
        4,
        "got a second 'id' (first on line 2)",
    ),
    # Line 7 (&f) is where the expanded count passes a million.
    "billion laughs": (LAUGHS.encode(), 7, f"expected at most {MAX_VALUES:,} values in one file"),
    "alias loop": (b"events: &e\n  - *e\n", 1, "got an alias that contains itself"),
    "deep nesting": (b"events: " + BRACKETS + b"\n", 1, TOO_DEEP),
    "deep nesting of mappings": (
        b"events: " + lines_of(b"{a: ", DEEP) + lines_of(b"}", DEEP) + b"\n",
        1,
        TOO_DEEP,
    ),
    "deep nesting never closed": (b"events: " + lines_of(b"[", 2 * DEEP) + b"\n", 1, TOO_DEEP),
    "deep nesting on one line": (b"events: " + b"[" * DEEP + b"]" * DEEP + b"\n", 1, LONG),
    # A syntax error further down comes first, but it is not looked for inside deep nesting.
    "deep nesting above a syntax error": (b"events: " + BRACKETS + b"\nmore: [1\n", 1, TOO_DEEP),
    "deep nesting below another problem": (
        b"events:\n  - id: !x y\n    title: " + BRACKETS + b"\n",
        2,
        "got the tag '!x'",
    ),
    "billion laughs above deep nesting": (
        LAUGHS.encode() + b"  - " + BRACKETS + b"\n",
        7,
        f"expected at most {MAX_VALUES:,} values in one file",
    ),
    "deep block nesting": (
        b"events:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 200)),
        MAX_DEPTH + 1,
        TOO_DEEP,
    ),
    "deep block nesting on one line": (b"events:\n  " + b"- " * 4000 + b"x\n", 2, TOO_DEEP),
    # Nesting too deep that ends soon after: the syntax error below it comes first.
    "deep block nesting above a syntax error": (
        b"events:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 60)) + b"more: [1\n",
        61,
        "expected a list closed by ']' on the line where it opens",
    ),
    "long line": (b"x" * BIG + b"\n", 1, LONG + ", got a line of 5,000,000 characters"),
    "long flow line": (b"events: [" + b"x, " * (BIG // 3) + b"x]\n", 1, LONG),
    # The long line is found before any parsing: it is the one problem shown.
    "long flow line below another problem": (
        b"events: !x\n  - [" + b"x, " * (BIG // 3) + b"x\n",
        2,
        LONG,
    ),
    "many documents": (b"events: []\n" + b"---\na: 1\n" * 500_000, 2, "expected one YAML document"),
    "empty file": (b"", 1, "expected a mapping of data, got an empty file"),
    "only comments": (b"# nothing here\n\n", 1, "got an empty file"),
    "list at the top": (
        b"- id: x\n- id: y\n",
        1,
        "(add a line 'events:' above the first '- ' and indent the entries by two spaces), "
        "got a list of 2 items without its key",
    ),
    "text at the top": (b"just some words\n", 1, "got 'just some words'"),
    "mapping where a list belongs": (
        b"events:\n  id: x\n",
        1,
        "events: expected a list of entries",
    ),
    "tab indentation": (
        b"events:\n  - id: x\n\ttitle: y\n",
        3,
        "expected indentation with spaces, got a tab character",
    ),
    "byte-order mark": (b"\xef\xbb\xbfevents: []\n", 1, "got a UTF-8 byte-order mark"),
    "UTF-16": ("events: []\n".encode("utf-16"), 1, "got UTF-16 or binary data"),
    "UTF-16 without BOM": ("events: []\n".encode("utf-16-le"), 1, "got UTF-16 or binary data"),
    "invalid UTF-8": (
        b"events:\n  - id: x\n    title: Caf\xe9\n",
        3,
        "got the byte 0xe9 ('é' in Latin-1)",
    ),
    "NUL escape": (
        b'events:\n  - id: x\n    title: "a\\0b"\n',
        3,
        "expected text without control characters, got the character U+0000",
    ),
    "escape character": (
        b'events:\n  - id: x\n    title: "\\e[31m"\n',
        3,
        "got the character U+001B",
    ),
    "line separator": (
        b'events:\n  - id: x\n    title: "a\\u2028b"\n',
        3,
        "got the character U+2028",
    ),
    "lone surrogate": (b'events:\n  - id: x\n    title: "\\ud800"\n', 3, "expected valid YAML"),
    "two documents": (b"events: []\n---\nevents: []\n", 2, "expected one YAML document"),
    "oversize": (b"events: []\n" + b"#" * MAX_FILE_BYTES, 1, "expected a file of at most 10 MiB"),
}


def _problems(data_copy, raw: bytes) -> list[str]:
    (data_copy / "events.yml").write_bytes(raw)
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_gives_one_clear_line(name, small_data):
    raw, line, words = HOSTILE[name]
    problems = _problems(small_data, raw)
    # Other files refer to events (a work plan's activity in the small data set of the golden
    # cases): a broken events.yml must not add a problem elsewhere. With every reference of
    # the shipped data: the next test.
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/events.yml:{line}: "), problems
    assert words in problems[0], problems
    assert "\n" not in problems[0]


def test_a_hostile_file_adds_no_problem_elsewhere_in_the_shipped_data(data_copy):
    """The shipped data refers to events from work plans' activities and projects'
    milestones: neither adds a problem when events.yml cannot be read."""
    raw, line, words = HOSTILE["python tag"]
    problems = _problems(data_copy, raw)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/events.yml:{line}: ") and words in problems[0]


def test_list_where_a_mapping_belongs(data_copy):
    """An entry written as a list, added to the shipped file: one problem, at its line."""
    shipped = (data_copy / "events.yml").read_bytes()
    line = shipped.count(b"\n") + 1
    problems = _problems(data_copy, shipped + b"  - - id: x\n    - title: y\n")
    assert problems == [
        f"data/events.yml:{line}: events[{_count_entries(shipped) + 1}]: expected a "
        "mapping (key: value lines), got a list of 2 items"
    ]


def test_line_break_in_a_key_stays_on_one_line(data_copy):
    shipped = (data_copy / "events.yml").read_bytes()
    line = shipped.count(b"\n") + 1
    problems = _problems(data_copy, shipped + b'"bad\\nkey": 1\n')
    assert problems == [
        f"data/events.yml:{line}: bad\\nkey: expected only the key 'events' "
        "at the top of the file, got unknown key 'bad\\nkey'"
    ]


def _count_entries(raw: bytes) -> int:
    return raw.count(b"\n  - id: ")


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd", "members.yml"])
def test_symbolic_link_is_refused_unread(data_copy, target):
    (data_copy / "events.yml").unlink()
    (data_copy / "events.yml").symlink_to(target)
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    assert (
        str(caught.value.problems[0])
        == "data/events.yml:1: (file): expected a plain file, got a symbolic link"
    )


def test_an_entry_cannot_take_the_place_of_a_section_page(data_copy):
    """An entry with id 'index' would have the page of its section (members/index.md)."""
    events = data_copy / "events.yml"
    events.write_text(events.read_text().replace("id: spi-training-bangkok-2012", "id: index"))
    problems = [
        p for p in _problems(data_copy, events.read_bytes()) if p.startswith("data/events.yml")
    ]
    line = events.read_text().splitlines().index("  - id: index") + 1
    assert problems == [
        f"data/events.yml:{line}: events[1].id: expected an id other than "
        "'index', the name of each section's own page, got 'index'"
    ]


def test_no_code_runs_from_a_tag(data_copy, tmp_path):
    marker = tmp_path / "owned"
    payload = f"events:\n  - !!python/object/apply:os.system ['touch {marker}']\n"
    _problems(data_copy, payload.encode())
    assert not marker.exists()


def test_values_in_a_quoted_merge_key_are_plain_data(data_copy):
    """Only the YAML merge syntax is refused: a key spelled "<<" in quotes is an unknown
    field like any other."""
    problems = _problems(data_copy, b'events:\n  - "<<": 1\n')
    assert any("unknown field '<<'" in p for p in problems), problems


def test_validate_prints_the_problem_without_traceback(tmp_path, data_copy):
    (data_copy / "members.yml").write_bytes(b"members:\n  - !!python/object:os.Foo {}\n")
    result = subprocess.run(
        [sys.executable, "-m", "sphub.cli", "validate", "--data", str(data_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The one problem, the file that could not be read, then the count: an unreadable
    # members.yml hides the references to members rather than reporting each one as missing,
    # and the report says they are checked once it can be read.
    assert result.stderr.splitlines() == [
        "data/members.yml:2: members[1]: expected plain YAML values, got the tag "
        "'!!python/object:os.Foo'",
        "1 file could not be read (data/members.yml): more problems may show once fixed, and "
        "the references into it will be checked then.",
        "1 problem in the data; nothing was built.",
    ]


# The attacks on the parsers. yamllint parses with PyYAML's own parser, whose time grows with
# the square of the depth of flow nesting: before the reader came first, `sphub validate` took
# 94 s over 60,000 brackets (7.4 s over nested flow mappings).
PARSER_ATTACKS = [
    "deep nesting",
    "deep nesting of mappings",
    "deep nesting never closed",
    "deep nesting on one line",
    "deep block nesting",
    "deep block nesting on one line",
    "billion laughs",
    "alias loop",
    "long line",
    "long flow line",
]


@contextmanager
def cpu_guard(seconds: float = 10):
    """Stop the code inside once it has used `seconds` of this process's CPU time: a hang
    fails the test rather than the run. CPU time, so that a loaded machine does not trip it;
    each check takes well under a second (figures in docs/performance.md)."""

    def hang(signum, frame):
        raise TimeoutError(f"still parsing after {seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, hang)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.fixture
def small_data(tmp_path):
    """The small valid data set of the golden cases, in a project with the commit check's
    .yamllint: the checks below spend their time on the hostile file, not on the rest."""
    shutil.copy(ROOT / ".yamllint", tmp_path)
    return shutil.copytree(GOLDEN / "base", tmp_path / "data")


def _one_clear_line(problems: list[str], name: str) -> None:
    _, line, words = HOSTILE[name]
    assert problems[0].startswith(f"data/events.yml:{line}: "), problems
    assert words in problems[0], problems


@pytest.mark.parametrize("name", PARSER_ATTACKS)
def test_validate_with_its_layout_rules_refuses_a_hostile_file_at_once(name, small_data):
    (small_data / "events.yml").write_bytes(HOSTILE[name][0])
    with cpu_guard(), pytest.raises(DataError) as caught:
        check_data(small_data)
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1, problems
    _one_clear_line(problems, name)


@pytest.mark.parametrize("name", PARSER_ATTACKS)
def test_the_editing_server_refuses_a_hostile_save_and_a_hostile_file(name, small_data):
    root, events = small_data.parent, small_data / "events.yml"
    shipped = events.read_text(encoding="utf-8")

    def save(text: str) -> list[str]:
        # Made from the file as it is on disk: the save is refused for its content alone.
        version = version_of(events.read_bytes())
        file = {"path": "data/events.yml", "raw": text, "version": version}
        with cpu_guard():
            answer = handle(root, {"action": "persistEntry", "params": {"dataFiles": [file]}})
        assert answer.status == 422, answer
        return answer.body["error"].splitlines()

    # The text sent: refused in the form's words where the problem is in an entry ("Event 1:
    # ..."), at its line of the file otherwise.
    def in_form_words(problems: list[str]) -> None:
        assert re.match(r"Event (\d+|'.+'): |data/events\.yml:\d+: ", problems[0]), problems
        assert HOSTILE[name][2] in problems[0], problems

    in_form_words(save(HOSTILE[name][0].decode("utf-8")))
    assert events.read_text(encoding="utf-8") == shipped
    events.write_bytes(HOSTILE[name][0])  # the file on disk, with a valid save sent
    in_form_words(save(shipped))
    assert events.read_bytes() == HOSTILE[name][0]


@pytest.mark.parametrize("name", PARSER_ATTACKS)
def test_fmt_leaves_a_hostile_file_to_the_reader(name, small_data):
    """`sphub fmt` (the first commit check) mends only line endings and spaces in a file
    the reader refuses, and leaves its problem to `sphub validate`."""
    (small_data / "events.yml").write_bytes(HOSTILE[name][0])
    with cpu_guard():
        mend_files(small_data)
        left = layout_problems(small_data)
    assert left == []
    with pytest.raises(DataError) as caught:
        load_site(small_data)
    _one_clear_line([str(p) for p in caught.value.problems], name)
