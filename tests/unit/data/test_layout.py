"""Layout: `sphub fmt` mends line endings and spaces without touching what a value says."""

from __future__ import annotations

from pathlib import Path

from sphub.data.layout import layout_problems, mend_files, mended
from tests.conftest import ROOT


def test_mended_fixes_line_endings_spaces_and_the_last_newline():
    text = "members:\r\n  - id: a  \r\n    acronym : AMA\r\n    name: A"
    assert mended(text) == "members:\n  - id: a\n    acronym: AMA\n    name: A\n"


def test_a_colon_inside_a_text_is_left_alone():
    text = 'a:\n  description: |\n    Note : this stays\n  title: "x : y"\n'
    assert mended(text) == text


def test_fmt_then_validate_layout_is_clean(tmp_path: Path):
    (tmp_path / ".yamllint").write_text((ROOT / ".yamllint").read_text())
    data = tmp_path / "data"
    data.mkdir()
    shipped = (ROOT / "data" / "regions.yml").read_text()
    (data / "regions.yml").write_bytes(shipped.replace("\n", "  \r\n").encode())
    found = layout_problems(data)
    rules = {p.got.rsplit("(yamllint: ", 1)[1] for p in found}
    assert rules == {"new-lines)", "trailing-spaces)"}
    trailing = [p.line for p in found if "trailing-spaces" in p.got]
    assert trailing == list(range(1, shipped.count("\n") + 1))
    assert mend_files(data) == [("regions.yml", shipped.count("\n"))]
    assert (data / "regions.yml").read_text() == shipped
    assert layout_problems(data) == []


def test_no_project_rules_no_layout_check(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "regions.yml").write_bytes(b"regions:   \r\n")
    assert layout_problems(data) == []
