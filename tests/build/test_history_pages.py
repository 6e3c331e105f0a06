"""The data pages show when their data file last changed in git, not when the site was built
(tests/unit/data/test_history.py checks the dates themselves)."""

from __future__ import annotations

from tests.conftest import build, git, make_project


def test_data_pages_show_the_data_date_not_the_build_date(tmp_path):
    project = make_project(tmp_path / "site", translations=())
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-qm", "all", day="2019-06-01")
    members = project / "data" / "members.yml"
    members.write_text(members.read_text() + "# a comment\n")
    git(project, "commit", "-qam", "members", day="2020-07-02")
    result = build(project)  # SOURCE_DATE_EPOCH is 2026-01-01
    assert result.returncode == 0, result.stderr
    member = (project / "site/members/pmn/index.html").read_text()
    event = (project / "site/events/spi-training-bangkok-2012/index.html").read_text()
    assert 'Data last changed on <time datetime="2020-07-02">2 July 2020</time>' in member
    assert "data/members.yml" not in member  # members' pages speak of no file
    assert 'Data last changed on <time datetime="2019-06-01">1 June 2019</time>' in event
    assert "2026" not in member.split("sphub-updated", 1)[1].split("</p>", 1)[0]
