"""YAML syntax errors in an editor's words, on the line of the mistake."""

from __future__ import annotations

import pytest

from sphub.data.reader import read_yaml

CASES = [
    # (text, line, words in the message)
    ("title: Training: SPI\n", 1, 'write: title: "Training: SPI"'),
    ("a b\nc: d\n", 1, "write: a: b"),
    ("members:\n  - id: a\n    name A B\n", 3, "write: name: A B"),
    ("members:\n  - id: a\n    name:A\n    kind: b\n", 3, "write: name: A"),
    ("  a: 1\nb: 2\n", 2, "indented like the line above (line 1: 2 spaces), got 0 spaces"),
    ("a:\n  - b\n - c\n", 3, "'- ' indented like the list item on line 2 (2 spaces), got 1 space"),
    ("a:\n  b: 1\n   c: 2\n", 3, "indented like the line above (line 2: 2 spaces), got 3 spaces"),
    ('a: "b\n', 1, "a closing quote at the end of the value"),
    ('a:\n  b: "c" d\n  e: f\n', 2, "nothing after the closing quote"),
    ("a: [1, 2\nb: 3\n", 1, "a list closed by ']' on the line where it opens"),
    ("a: [\n", 1, "a list closed by ']' on the line where it opens"),
    ("a:\n  -b: 1\n    c: 2\n", 2, "a space after the '-' that starts a list item"),
    ("a:\n\u00a0\u00a0b: 1\n", 2, "U+00A0 NO-BREAK SPACE"),
    ("a:\n\u200b  b: 1\n", 2, "U+200B ZERO WIDTH SPACE"),
]


@pytest.mark.parametrize("text, line, words", CASES, ids=[c[2][:40] for c in CASES])
def test_syntax_error_on_its_line_in_plain_words(text, line, words):
    yf, problems = read_yaml("data/x.yml", text.encode())
    assert yf.value is None and len(problems) == 1
    assert problems[0].line == line, problems[0]
    assert words in str(problems[0]), problems[0]
    assert "counting" not in str(problems[0])


@pytest.mark.parametrize("text", [" - a\n- b", "a: {", "- a\nb: c", '"a" b: c', "a:\n b\n  - c: d"])
def test_odd_syntax_errors_still_give_one_line(text):
    yf, problems = read_yaml("data/x.yml", text.encode())
    assert yf.value is None and len(problems) == 1
    assert 1 <= problems[0].line <= text.count("\n") + 1
    assert str(problems[0]).startswith(f"data/x.yml:{problems[0].line}: (file): expected ")


def test_an_invisible_character_in_a_value_is_named():
    from sphub.data.errors import describe

    assert describe("cerise\u00a0") == (
        "'cerise\u00a0' (with the invisible character U+00A0 NO-BREAK SPACE: delete and "
        "retype that part)"
    )
    assert describe("plain") == "'plain'"
