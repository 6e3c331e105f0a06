"""Shared fixtures: the shipped data, a strict build of the shipped site, and scenario
projects (a copy of the site with other data) built the way `make site` builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A fixed build date: events before it are past, after it upcoming. 2026-01-01T00:00:00Z.
BUILD_EPOCH = "1767225600"
# sphub too: mkdocs.yml watches it, and MkDocs refuses a missing watched path.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks", "sphub"]


def build(project: Path, out: Path | None = None, epoch: str = BUILD_EPOCH,
          extra_args: list[str] | None = None, pdf: bool = False) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on `project` into `out` (default project/site); the PDF
    guide only with `pdf` (it takes seconds, and tests/test_pdf.py checks it)."""
    out = out or project / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1",
           "SPHUB_PDF": "1" if pdf else "0"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(out), *(extra_args or [])],
        capture_output=True, text=True, env=env, cwd=project,
    )


def make_project(where: Path, data: Path | None = None) -> Path:
    """A copy of the site's project files with `data` (default: the shipped data/)."""
    where.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, where / part)
        else:
            shutil.copy(source, where / part)
    shutil.copytree(data or ROOT / "data", where / "data")
    return where


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped site, built once per test session with --strict; returns its folder."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, out, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def shipped():
    from sphub.data.load import load_site

    os.environ.setdefault("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    return load_site(ROOT / "data")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the shipped data/ to break in a test."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target
