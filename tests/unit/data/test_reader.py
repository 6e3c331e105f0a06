"""The YAML reader: plain values with lines; everything else a problem with a line."""

from __future__ import annotations

from sphub.data.reader import MAX_VALUES, read_shared, read_yaml


def read(text: str | bytes):
    raw = text.encode() if isinstance(text, str) else text
    return read_yaml("data/x.yml", raw)


def test_values_and_their_lines():
    yf, problems = read("items:\n  - id: a\n    n: 3\n  - id: b\n    when: 2012-02-20\n")
    assert problems == []
    assert yf.value == {"items": [{"id": "a", "n": 3}, {"id": "b", "when": "2012-02-20"}]}
    assert yf.line(("items", 0, "n")) == 3
    assert yf.line(("items", 1)) == 4
    assert yf.line(("items", 1, "missing")) == 4  # a missing key points at its mapping


def test_yaml_1_1_surprises_stay_text():
    yf, problems = read("country: NO\nanswer: yes\ntime: 1:20\ncode: 007\n")
    assert problems == []
    assert yf.value == {"country": "NO", "answer": "yes", "time": "1:20", "code": "007"}


def test_true_false_numbers_and_null():
    yf, _ = read("a: true\nb: false\nc: 12\nd: -1.5\ne: null\nf: ~\n")
    assert yf.value == {"a": True, "b": False, "c": 12, "d": -1.5, "e": None, "f": None}


def test_plain_aliases_are_expanded():
    yf, problems = read("a: &x [1, 2]\nb: *x\n")
    assert problems == [] and yf.value == {"a": [1, 2], "b": [1, 2]}


def test_alias_bomb_is_stopped_with_a_line():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    yf, problems = read("\n".join(lines) + "\n")
    assert yf.value is None and len(problems) == 1
    assert f"at most {MAX_VALUES:,} values" in problems[0].expected
    assert problems[0].file == "data/x.yml" and problems[0].line >= 1


def test_recursive_alias_is_a_problem_not_a_crash():
    yf, problems = read("a: &x\n  b: *x\n")
    assert yf.value is None
    assert problems[0].got == "an alias that contains itself"


def test_merge_keys_are_refused():
    # `<<` would copy keys from elsewhere, out of sight of the editor reading the entry.
    yf, problems = read("base: &b {x: 1}\nc:\n  <<: *b\n")
    assert yf.value is None and problems[0].got == "a merge key '<<'"


def test_deep_nesting_is_refused():
    yf, problems = read("a: " + "[" * 60 + "]" * 60 + "\n")
    assert yf.value is None and "levels deep" in problems[0].expected


def test_complex_keys_are_refused():
    _, problems = read("? [a, b]\n: 1\n")
    assert problems[0].expected == "a plain name as key"


def test_oversized_file():
    _, problems = read(b"a: " + b"x" * (11 * 1024 * 1024))
    assert problems[0].expected.startswith("a file of at most")


def test_non_string_scalar_tags_are_refused():
    _, problems = read("a: !!binary aGVsbG8=\n")
    assert problems[0].got == "the tag '!!binary'"
    _, problems = read("a: !custom x\n")
    assert problems[0].got == "the tag '!custom'"


def test_explicit_plain_tags_are_accepted():
    yf, problems = read("? !!str key\n: !!str 12\nlist: !!seq [a]\n")
    assert problems == [] and yf.value == {"key": "12", "list": ["a"]}


def test_alias_to_nothing_is_a_problem_with_its_line():
    _, problems = read("a: 1\nb:\n  - *nowhere\n")
    assert (problems[0].line, problems[0].path) == (3, "b[1]")
    assert problems[0].got == "'*nowhere', which no '&' names"


def test_lines_inside_an_alias_are_those_of_the_anchor():
    yf, _ = read("a: &x\n  k: 1\nb: *x\n")
    assert yf.line(("b",)) == 3 and yf.line(("b", "k")) == 2


def test_a_syntax_error_below_comes_before_a_problem_above():
    # A missing ']' changes what the lines above it mean: the syntax error is the one to fix.
    _, problems = read("a: !custom x\nb: [1, 2\nc: 3\n")
    assert len(problems) == 1 and problems[0].expected.startswith("a list closed by ']'")


def test_a_file_read_again_unchanged_is_shared_and_a_changed_one_read_anew():
    """read_shared (the loader's reads): the same bytes under the same name give back the same
    file; another name or other bytes are read anew, with their own name and lines."""
    raw = b"events:\n  - id: x\n"
    first, problems = read_shared("data/events.yml", raw)
    assert problems == [] and read_shared("data/events.yml", raw)[0] is first
    other = read_shared("data/other.yml", raw)[0]
    assert other is not first and other.name == "data/other.yml"
    moved = read_shared("data/events.yml", b"events:\n\n  - id: x\n")[0]
    assert moved.line(("events", 0)) == 3 and first.line(("events", 0)) == 2
    broken, problems = read_shared("data/events.yml", b"events: [\n")
    assert broken.value is None and problems[0].file == "data/events.yml"
