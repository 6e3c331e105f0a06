"""Last changed dates from git: per data file, right on a full clone, honest on a shallow one
and without git (tests/build/test_history_pages.py: shown on the data pages)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from sphub.data.history import last_changes
from tests.conftest import git

FILES = ["data/a.yml", "data/b.yml"]


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
