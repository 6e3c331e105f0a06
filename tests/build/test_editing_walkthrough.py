"""EDITING.md, done as a new editor would: the member and event it shows are valid, appear on
the built site, and the mistakes it shows give the messages it prints."""

from __future__ import annotations

import re

import pytest

from sphub.data.errors import DataError
from sphub.data.load import load_site
from tests.conftest import ROOT, build, make_project

GUIDE = (ROOT / "EDITING.md").read_text()
BLOCKS = re.findall(r"```[a-z]*\n(.*?)```", GUIDE, re.S)
MEMBER = next(b for b in BLOCKS if b.startswith("  - id: ghamfin"))
EVENT = next(b for b in BLOCKS if b.startswith("  - id: spwg-africa-meeting-2013"))


def _messages(block: str) -> list[str]:
    """The problem lines of an output block, without file and line (those differ)."""
    return [
        re.sub(r"^data/\S+?:\d+: ", "", line)
        for line in block.splitlines()
        if re.match(r"data/\S+:\d+: ", line)
    ]


def test_the_walkthrough_entries_build_into_pages(tmp_path):
    project = make_project(tmp_path / "p", translations=())
    for name, block in (("members.yml", MEMBER), ("events.yml", EVENT)):
        path = project / "data" / name
        path.write_text(path.read_text() + block)
    result = build(project)
    assert result.returncode == 0, result.stderr
    member = (project / "site/members/ghamfin/index.html").read_text()
    assert "Ghana Microfinance Network" in member
    assert "SPWG Africa regional meeting 2013" in member  # the event shows on the member page
    event = (project / "site/events/spwg-africa-meeting-2013/index.html").read_text()
    assert "Accra" in event and "14 March 2013" in event


def test_the_walkthrough_mistakes_print_what_it_says(data_copy):
    """The three mistakes come in one run, the wrong organiser with the others."""
    (data_copy / "members.yml").write_text((data_copy / "members.yml").read_text() + MEMBER)
    outputs = [b for b in BLOCKS if "problem" in b and "in the data" in b]
    assert len(outputs) == 1
    broken = (
        EVENT.replace("start: 2013-03-14", "start: 14 March 2013")
        .replace("[ghamfin, seep]", "[ghamfin, seeep]")
        .replace("    description:", "    Description:")
    )
    events = data_copy / "events.yml"
    events.write_text(events.read_text() + broken)
    with pytest.raises(DataError) as first:
        load_site(data_copy)
    assert _messages(first.value.report()) == _messages(outputs[0])
    assert len(_messages(outputs[0])) == 3


def test_the_quoting_examples_read_as_the_guide_says():
    from sphub.data.reader import read_yaml

    for line, value in [
        ('title: "Training: the SPI tool"', "Training: the SPI tool"),
        ('title: "Training #1 on SPI"', "Training #1 on SPI"),
        ('code: "007"', "007"),
        ('title: "The \\"SPI4\\" audit"', 'The "SPI4" audit'),
        ("title: CERISE's SPI tool", "CERISE's SPI tool"),
    ]:
        assert line in GUIDE
        yf, problems = read_yaml("x.yml", (line + "\n").encode())
        assert problems == [] and list(yf.value.values()) == [value], line
    for wrong in ["title: Training #1 on SPI", "name: “Sa-Dhan”"]:
        assert wrong in GUIDE
        assert read_yaml("x.yml", (wrong + "\n").encode())[1], wrong
