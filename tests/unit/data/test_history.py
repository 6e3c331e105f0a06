"""Last changed dates from git: per data file, right on a full clone, honest on a shallow one
and without git, shown on the data pages."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from sphub.data.history import last_changes
from tests.conftest import build, make_project

FILES = ["data/a.yml", "data/b.yml"]


def git(where: Path, *args: str, day: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    return subprocess.run(
        ["git", "-C", str(where), *args], check=True, capture_output=True, text=True, env=env
    ).stdout


def commit(repo: Path, name: str, text: str, day: str) -> None:
    (repo / name).parent.mkdir(exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-qm", f"change {name}", day=day)


def history_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "data/a.yml", "a: 1\n", "2020-01-05")
    commit(repo, "data/b.yml", "b: 1\n", "2021-02-06")
    commit(repo, "data/a.yml", "a: 2\n", "2022-03-07")
    commit(repo, "README", "x\n", "2023-04-08")
    return repo


def test_full_history_gives_each_file_its_own_last_change(tmp_path):
    changes = last_changes(history_repo(tmp_path), FILES)
    assert changes["data/a.yml"].day == date(2022, 3, 7)
    assert changes["data/b.yml"].day == date(2021, 2, 6)
    assert not changes["data/a.yml"].uncommitted


def test_shallow_clone_says_it_cannot_know_rather_than_guess(tmp_path):
    repo = history_repo(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "3", f"file://{repo}", str(clone)], check=True)
    changes = last_changes(clone, FILES)
    # The clone keeps the last three commits; the oldest kept (b.yml's) stands for all the
    # history before it. a.yml changed after it: known. b.yml's last change is that boundary
    # commit, whose real changes the clone cannot see: not known.
    assert changes["data/a.yml"].day == date(2022, 3, 7)
    assert changes["data/b.yml"].day is None
    assert "shallow" in changes["data/b.yml"].unknown


def test_uncommitted_and_untracked_files_and_no_git(tmp_path):
    repo = history_repo(tmp_path)
    (repo / "data/a.yml").write_text("a: 3\n")
    (repo / "data/c.yml").write_text("c: 1\n")
    changes = last_changes(repo, FILES + ["data/c.yml"])
    assert changes["data/a.yml"].uncommitted and changes["data/a.yml"].day == date(2022, 3, 7)
    assert changes["data/c.yml"].day is None and changes["data/c.yml"].uncommitted
    plain = tmp_path / "plain"
    plain.mkdir()
    assert "no git history" in last_changes(plain, FILES)["data/a.yml"].unknown


def test_data_pages_show_the_data_date_not_the_build_date(tmp_path):
    project = make_project(tmp_path / "site")
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
    assert "<code>data/members.yml</code>" in member
    assert 'Data last changed on <time datetime="2019-06-01">1 June 2019</time>' in event
    assert "2026" not in member.split("sphub-updated", 1)[1].split("</p>", 1)[0]
