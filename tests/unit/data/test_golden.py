"""Golden bad inputs: each case under golden/cases/ is the small valid data set of
golden/base/ with some files replaced; expected.txt holds the exact report lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_cases import GOLDEN, problems_of

from sphub.data.load import load_site

CASES = sorted(p for p in (GOLDEN / "cases").iterdir() if p.is_dir())


def test_base_is_valid():
    site = load_site(GOLDEN / "base")
    assert set(site.members) == {"pmn", "samn"}


def test_there_are_enough_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reports_exactly_the_expected_problems(case: Path, tmp_path: Path):
    expected = (case / "expected.txt").read_text().splitlines()
    assert expected, "a golden case must expect at least one problem"
    assert problems_of(case, tmp_path) == expected


def test_every_problem_names_file_line_and_field():
    for case in CASES:
        for line in (case / "expected.txt").read_text().splitlines():
            file, number, path, message = line.split(":", 3)
            assert file.startswith("data/") and file.endswith(".yml")
            assert int(number) >= 1
            assert path.strip()
            assert "expected " in message and ", got " in message
