"""Shared fixtures: the shipped data, the shipped site built by `make site` (its PDF guide
included) once per test run, and scenario projects (a copy of the site with other data).

Every test gets one marker, from the folder it lives in (`make check` runs the unit tests):
- tests/unit/ (mirrors the package), `unit`: builds nothing (no site, no PDF, no browser);
- tests/build/, `build`: builds a site (a scenario project), reads the shipped one, or runs
  the project's commands end to end;
- tests/pdf/, `pdf`: renders a PDF with WeasyPrint, or builds or reads the PDF guide;
- tests/fuzz/, `fuzz`: thousands of generated broken data files;
- tests/browser/, `browser`: drives Chromium.
A test anywhere else, or a unit test that asks for a built site or runs `build`, stops the
run with a line that says where it belongs. `make test` runs the tiers in one process per
core (pytest-xdist), each test module in one process (its module fixtures are made once); a
site that several modules read is built once per run and shared by the processes (`once`)."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
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
    config: str = "mkdocs.yml",
) -> subprocess.CompletedProcess:
    """Run `sphub build` on `project` (its `config`) into `out` (default project/site), as
    `make site` does; the PDF guide only with `pdf` (it takes seconds, and the pdf tests
    check it)."""
    if os.environ.get("PYTEST_CURRENT_TEST", "").startswith("tests/unit/"):
        raise AssertionError("a unit test builds nothing: move it to tests/build/ or tests/pdf/")
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
            str(project / config),
            "--site-dir",
            str(out),
            *(extra_args or []),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def make_project(
    where: Path, data: Path | None = None, translations: tuple[str, ...] | None = None
) -> Path:
    """A copy of the site's project files with `data` (default: the shipped data/).

    `translations`: the languages besides English to keep (default: all of them). A test
    that is not about languages asks for `()`: an English-only site builds in less than half
    the time of the three languages (and its PDF guide in a third)."""
    where.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, where / part)
        else:
            shutil.copy(source, where / part)
    shutil.copytree(data or ROOT / "data", where / "data")
    if translations is not None:
        for folder in (where / "data" / "translations").iterdir():
            if folder.name not in translations:
                shutil.rmtree(folder)
    return where


def once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `make(folder)` once per test run: the first process of
    `make test` that asks for it makes it, the other waits for it and shares it (read it, do
    not change it). A failure is kept and fails every test that asks again, at once."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by its processes
    folder, failed = base / name, base / f"{name}.failed"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if failed.exists():
            pytest.fail(failed.read_text())
        if not folder.exists():
            partial = base / f"{name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            try:
                make(partial)
            except BaseException as error:
                failed.write_text(f"{name}: {error}")
                raise
            partial.rename(folder)
    return folder


def make_site(out: Path) -> None:
    """`make site` (the README's command, and the git host's), into `out`: the data checked,
    the browser editor installed if it is not, the site built with its PDF guide. Only
    `built_site` calls it, which a unit test may not ask for (`BUILT`)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    env.pop("SPHUB_PDF", None)  # as a user runs it: the PDF guide included
    result = subprocess.run(
        ["make", "--no-print-directory", "site", f"SITE_DIR={out}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped site, PDF guide included, built by `make site` once per test run; the
    folder every test of the shipped site reads."""
    return once(tmp_path_factory, "built-site", make_site)


TESTS = ROOT / "tests"
TIERS = ("unit", "build", "pdf", "fuzz", "browser")
# The order `make test` hands the modules to its two processes: the longest first, so that
# the run does not end with one process on a long module while the other has nothing left
# (xdist's own order, by the number of tests, gave the editor's 29 tests after 200 quick unit
# tests, and the fuzz tier's 4 long ones near the end). Measured from a whole run on the
# 2-core machine, seconds per module (2026-12): the modules of 30 s or more, longest
# first; then the rest, the slower tiers first (browser, pdf, build, fuzz; unit last, its
# modules of a few seconds fill the end evenly).
LONGEST = (
    "browser/test_members_experience.py",  # 170: the shared site, then 4 builds of its own
    "browser/test_editor.py",  # 160
    "browser/test_phone.py",  # 100: every page at a phone's width
    "pdf/test_injection.py",  # 80: one build with payloads everywhere, a 327-page PDF
    "build/test_build.py",
    "build/test_engines.py",
    "browser/test_first_contact.py",
    "browser/test_not_found.py",
    "build/test_checks_before_commit.py",
    "pdf/test_reproducible.py",
    "fuzz/test_fuzz.py",
    "pdf/test_guide_pdf.py",
    "browser/test_search.py",
)
TIER_ORDER = ("browser", "pdf", "build", "fuzz", "unit")
# What a unit test may not ask for: each builds a site or drives the browser.
BUILT = {"built_site", "site_url", "browser", "visit"}


@pytest.hookimpl(tryfirst=True)  # before `-m TIER` selects by the markers given here
def pytest_collection_modifyitems(config, items):
    for item in items:
        tier = Path(str(item.path)).relative_to(TESTS).parts[0]
        if tier not in TIERS:
            raise pytest.UsageError(
                f"{item.nodeid}: a test lives in one of tests/{{{','.join(TIERS)}}}/, "
                "the folder that says what it needs (tests/conftest.py)"
            )
        if tier == "unit" and BUILT & set(item.fixturenames):
            raise pytest.UsageError(
                f"{item.nodeid}: a unit test builds nothing, and this one asks for "
                f"{', '.join(sorted(BUILT & set(item.fixturenames)))}: move it to tests/build/, "
                "tests/pdf/ or tests/browser/"
            )
        item.add_marker(getattr(pytest.mark, tier))
    items.sort(key=_schedule_rank)  # stable: each module's tests keep their order


def _schedule_rank(item) -> tuple[int, int]:
    module = Path(str(item.path)).relative_to(TESTS)
    if module.as_posix() in LONGEST:
        return (0, LONGEST.index(module.as_posix()))
    return (1, TIER_ORDER.index(module.parts[0]))


def pytest_configure(config):
    """`--dist loadfile` hands out the modules in the order collected (the longest first,
    `LONGEST`), not in xdist's default order by number of tests."""
    missing = [name for name in LONGEST if not (TESTS / name).is_file()]
    if missing:
        raise pytest.UsageError(f"tests/conftest.py LONGEST names no module: {missing}")
    if getattr(config.option, "dist", "no") in ("loadfile", "loadscope"):
        config.option.loadscopereorder = False


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


def entry_number(text: str, entry_id: str) -> int:
    """The number of the entry `entry_id` in the text of a data file, counted from 1 as the
    problems count."""
    ids = re.findall(r"(?m)^  - id: (\S+)$", text)
    return ids.index(entry_id) + 1
