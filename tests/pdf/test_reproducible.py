"""Two builds of the same sources with the same SOURCE_DATE_EPOCH are byte for byte the same:
every page, the sitemap and its gzip, the search index, and whatever else the site holds
(exports, calendars, PDF, zip). The two builds differ in everything else that could leak in:
the folder they run in, Python's hash seed (set and dict order), the time they run."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import BUILD_EPOCH, make_project


def _build(project: Path, hash_seed: str) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-m", "sphub.cli", "build", "--config-file", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
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


def test_two_builds_are_identical(tmp_path):
    first = _files(_build(make_project(tmp_path / "one"), "1"))
    time.sleep(1.1)  # a clock read anywhere would now give another second
    second = _files(_build(make_project(tmp_path / "elsewhere" / "two"), "2"))
    assert sorted(first) == sorted(second)
    assert any(name.endswith("sitemap.xml.gz") for name in first)
    assert any(name.endswith("search_index.json") for name in first)
    different = [_difference(n, first[n], second[n]) for n in first if first[n] != second[n]]
    assert different == [], "\n".join(different)
