"""Golden fixtures for the decision tree's checks: each `tests/fixtures/tree/NAME.yml` breaks
one rule of `_valid.yml`; `NAME.expected` holds every line the loader must report for it, and
nothing else. A fixture whose first line says `env: NAME=VALUE.` runs with that variable set."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from sphub.data.errors import DataError
from sphub.data.load import load_site

FIXTURES = ROOT / "tests" / "fixtures" / "tree"
CASES = sorted(p.stem for p in FIXTURES.glob("*.expected"))


def _load_with_tree(data_copy: Path, tree: Path) -> list[str]:
    shutil.copy(tree, data_copy / "tree.yml")
    # The shipped tree's translations name its nodes, not the fixture's: they do not apply.
    for translated in (data_copy / "translations").glob("*/tree.yml"):
        translated.unlink()
    try:
        load_site(data_copy)
    except DataError as err:
        return [str(p) for p in err.problems]
    return []


def test_every_fixture_has_its_expected_errors():
    assert CASES, "no golden fixtures found"
    assert {p.stem for p in FIXTURES.glob("*.yml")} == set(CASES) | {"_valid"}


def test_the_base_tree_is_valid(data_copy):
    assert _load_with_tree(data_copy, FIXTURES / "_valid.yml") == []


@pytest.mark.parametrize("case", CASES)
def test_broken_tree_reports_the_expected_errors(case, data_copy, monkeypatch):
    tree = FIXTURES / f"{case}.yml"
    first_line = tree.read_text(encoding="utf-8").splitlines()[0]
    env = re.search(r"env: (\w+)=(\w+)", first_line)
    if env:
        monkeypatch.setenv(env[1], env[2])
    expected = (FIXTURES / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert _load_with_tree(data_copy, tree) == expected


def test_path_bound_defaults_to_max_paths(data_copy, monkeypatch):
    """Without the environment variable the bound is MAX_PATHS: lowering the constant below
    the base tree's three paths makes it fail."""
    import sphub.data.checks.tree

    monkeypatch.delenv("SPHUB_TREE_MAX_PATHS", raising=False)
    monkeypatch.setattr(sphub.data.checks.tree, "MAX_PATHS", 2)
    problems = _load_with_tree(data_copy, FIXTURES / "_valid.yml")
    assert problems == [
        (
            "data/tree.yml:2: tree: expected at most 2 distinct paths from the start to an outcome "
            "(the bound is MAX_PATHS in sphub/data/checks/tree.py, or SPHUB_TREE_MAX_PATHS), got 3 paths"
        )
    ]


def test_a_deep_tree_is_refused_by_the_path_bound_not_by_recursion(data_copy):
    """40 questions whose two answers both lead on: 2**40 paths, counted without walking them
    and refused before any page could be made."""
    lines = ["tree:"]
    for i in range(40):
        nxt = f"q{i + 1}" if i < 39 else "done"
        lines += (
            [
                f"  - id: q{i}",
                "    type: question",
                f"    short: Q{i}",
                f"    question: Question {i}?",
            ]
            + (["    start: true"] if i == 0 else [])
            + [
                "    options:",
                "      - id: a",
                "        label: A",
                f"        next: {nxt}",
                "      - id: b",
                "        label: B",
                f"        next: {nxt}",
            ]
        )
    lines += [
        "  - id: done",
        "    type: outcome",
        "    short: Done",
        "    title: Done",
        "    summary: Done.",
        "    recommended: [peer-learning]",
        "    entry_point: members-demand",
        "    next_steps: [Go.]",
    ]
    tree = data_copy.parent / "deep.yml"
    tree.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _load_with_tree(data_copy, tree)
    assert len(problems) == 1
    assert problems[0].startswith("data/tree.yml:1: tree: expected at most ")
    assert problems[0].endswith(f"got {2**40} paths")


def test_agenda_longer_than_half_a_day_is_reported(data_copy):
    path = data_copy / "quick_tree_agenda.yml"
    text = path.read_text(encoding="utf-8").replace("minutes: 60", "minutes: 120")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    [problem] = err.value.problems
    assert problem.path.endswith(".minutes") and "at most 240 minutes" in problem.expected
    assert problem.got == "285 minutes"


def test_real_case_study_must_name_its_network(data_copy):
    path = data_copy / "case_studies.yml"
    text = path.read_text(encoding="utf-8").replace("    network: pmn\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    [problem] = err.value.problems
    assert problem.path.endswith(".network") and problem.got == "nothing"
