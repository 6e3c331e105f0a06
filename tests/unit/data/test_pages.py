"""Hand-written pages checked like data: golden cases under golden/pages/ (each a docs/
folder of one page, with the exact lines expected), the shipped pages, and `sphub validate`,
which reports the pages' problems with the data's, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden_cases import GOLDEN

from sphub.cli import main
from sphub.data.pages import front_matter, pages_problems
from tests.conftest import ROOT

CASES = sorted(p for p in (GOLDEN / "pages").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_page_case_reports_exactly_the_expected_problems(case: Path):
    expected = (case / "expected.txt").read_text().splitlines()
    assert expected, "a golden case must expect at least one problem"
    assert [str(p) for p in pages_problems(case, "docs")] == expected


def test_every_case_names_a_page_a_line_and_what_was_expected():
    assert len(CASES) >= 8
    for case in CASES:
        for line in (case / "expected.txt").read_text().splitlines():
            file, number, path, message = line.split(":", 3)
            assert file.startswith("docs/") and file.endswith(".md")
            assert int(number) >= 1 and path.strip()
            assert "expected " in message and ", got " in message


def test_the_shipped_pages_have_no_problem():
    assert pages_problems(ROOT / "docs") == []


def test_front_matter_and_its_size():
    assert front_matter("---\ntitle: A\n---\n# A\n") == ("title: A\n", 3)
    assert front_matter("# A\n") == (None, 0)
    assert front_matter("---\ntitle: A\n# A\n") == (None, -1)


def test_validate_reports_data_and_pages_at_once(tmp_path, capsys):
    shutil.copytree(GOLDEN / "base", tmp_path / "data")
    shutil.copytree(GOLDEN / "pages" / "unclosed-front-matter", tmp_path / "docs")
    members = tmp_path / "data" / "members.yml"
    members.write_text(members.read_text().replace("region: asia", "region: asai", 1))
    code = main(["validate", "--data", str(tmp_path / "data"), "--docs", str(tmp_path / "docs")])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert any(line.startswith(f"{tmp_path}/docs/about.md:1: (front matter)") for line in err)
    assert any("region" in line and "asai" in line for line in err)
    assert err[-1] == "2 problems in the data; nothing was built."
