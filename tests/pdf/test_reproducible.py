"""Two builds of the same sources with the same SOURCE_DATE_EPOCH are byte for byte the same:
every page, the sitemap and its gzip, the search index, and whatever else the site holds
(exports, calendars, PDF, zip, the editor). The two builds differ in everything else that
could leak in: the folder they run in, Python's hash seed (set and dict order), the time they
run.

The first is the shared build of the project itself (`built_site`); the second, of a copy
of its files elsewhere. The sources include the git history (a data page's "last changed", the
guide's edition) and the editor's scripts (node_modules/): the copy reads the project's history
and its admin/, and links its node_modules/, as a clone of the repository with `make editor`
run would."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import time
from pathlib import Path

from conftest import ROOT, build, make_project


def _build_a_copy(where: Path) -> Path:
    """The project's files copied to `where` and built, with the project's git history."""
    project = make_project(where)
    shutil.copytree(ROOT / "admin", project / "admin")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    git_dir = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--absolute-git-dir"], capture_output=True, text=True
    ).stdout.strip()
    # Another hash seed than the shared build's (random, unless the caller set one).
    env = {"PYTHONHASHSEED": "2" if os.environ.get("PYTHONHASHSEED") != "2" else "3"}
    if git_dir:  # without optional locks `git status` leaves the project's index alone
        env |= {"GIT_DIR": git_dir, "GIT_WORK_TREE": str(project), "GIT_OPTIONAL_LOCKS": "0"}
    result = build(project, pdf=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def _difference(name: str, a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(
            a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=0
        )
        return f"{name}:\n" + "\n".join(line[:200] for line in list(lines)[2:8])
    except UnicodeDecodeError:
        first = (
            next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
            if len(a) == len(b)
            else min(len(a), len(b))
        )
        return f"{name}: binary, {len(a)} and {len(b)} bytes, first difference at byte {first}"


def test_two_builds_are_identical(built_site, tmp_path):
    first = _files(built_site)
    time.sleep(1.1)  # a clock read anywhere would now give another second
    second = _files(_build_a_copy(tmp_path / "elsewhere" / "project"))
    assert sorted(first) == sorted(second)
    assert any(name.endswith("sitemap.xml.gz") for name in first)
    assert any(name.endswith("search_index.json") for name in first)
    assert any(name.endswith(".pdf") for name in first)
    different = [_difference(n, first[n], second[n]) for n in first if first[n] != second[n]]
    assert different == [], "\n".join(different)
