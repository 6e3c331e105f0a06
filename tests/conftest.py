"""Shared fixtures: the shipped data, the shipped site built as `make site` builds it (with
and without the PDF guide), and scenario projects (a copy of the site with other data).

Every test gets one marker, from what it needs (`make check` runs the unit tests alone):
- `unit`: nothing built, runs in a fraction of a second;
- `build`: builds a site (a scenario project, or the shipped site without the PDF);
- `pdf`: builds or reads the PDF guide;
- `fuzz`: generates thousands of broken data files (tests/unit/data/test_fuzz.py);
- `browser`: drives Chromium (tests/browser/)."""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A fixed build date: events before it are past, after it upcoming. 2026-01-01T00:00:00Z.
BUILD_EPOCH = "1767225600"
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks"]


def build(
    project: Path,
    out: Path | None = None,
    epoch: str = BUILD_EPOCH,
    extra_args: list[str] | None = None,
    pdf: bool = False,
    env: dict | None = None,
) -> subprocess.CompletedProcess:
    """Run `sphub build` on `project` into `out` (default project/site), as `make site` does;
    the PDF guide only with `pdf` (it takes seconds, and the pdf tests check it)."""
    out = out or project / "site"
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": epoch,
        "SPHUB_PDF": "1" if pdf else "0",
        **(env or {}),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphub.cli",
            "build",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(out),
            *(extra_args or []),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
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
    """The shipped site without the PDF guide, built once per test session; its folder."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def built_site_pdf(tmp_path_factory) -> Path:
    """The shipped site with the PDF guide, as `make site` builds it; its folder."""
    out = tmp_path_factory.mktemp("built-pdf") / "site"
    result = build(ROOT, out, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


_PDF = re.compile(r"\bbuilt_site_pdf\b|pdf=True")
_BUILDS = re.compile(r"\bbuilt_site\b|\bbuild\(|\bmake_project\(|run_build|sphub_build|\bServer\(")


def _sources(item) -> str:
    """The test's source and its fixtures' (what it needs decides its marker)."""
    functions = [item.function] + [
        d.func for defs in item._fixtureinfo.name2fixturedefs.values() for d in defs if d.baseid
    ]  # the project's own fixtures
    return "\n".join(inspect.getsource(f) for f in functions)


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.path.parts or item.get_closest_marker("fuzz"):
            continue  # marked by tests/browser/conftest.py, or by the module
        source = _sources(item)
        builds = "build" in item.path.parts or _BUILDS.search(source)  # tests/build/: all
        kind = "pdf" if _PDF.search(source) else "build" if builds else "unit"
        item.add_marker(getattr(pytest.mark, kind))


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
