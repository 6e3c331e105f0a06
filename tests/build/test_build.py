"""`sphub build` is atomic: the new site replaces site/ only when the whole build succeeded.
A data error, a template error, a strict-mode warning or a build killed midway leaves the
previous site/ byte for byte as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, ROOT, make_project
from sphub.engines.build import swap_in


def sphub_build(project: Path, **popen) -> subprocess.Popen:
    # Without the PDF guide (tests/pdf/ checks it): these builds are about what replaces site/.
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "SPHUB_PDF": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", "sphub.cli", "build", "--config-file", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def run_build(project: Path) -> tuple[int, str]:
    process = sphub_build(project)
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path inside `folder`."""
    return {
        str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project whose site/ was built once, for the module: each test breaks a copy. In
    English only (a build in less than half the time); `every_language` adds the others."""
    project = make_project(tmp_path_factory.mktemp("built") / "project", translations=())
    code, output = run_build(project)
    assert code == 0, output
    assert (project / "site" / "index.html").is_file()
    return project


@pytest.fixture
def project(built_project, tmp_path) -> Path:
    """A copy of a project whose site/ was built once; the test then tries to replace it."""
    return shutil.copytree(built_project, tmp_path / "project", symlinks=True)


@pytest.fixture
def every_language(project) -> Path:
    """The copy with the shipped translations: its next build makes every language, each in
    a process of its own on two cores (the processes an interrupted build must stop)."""
    shutil.copytree(
        ROOT / "data" / "translations", project / "data" / "translations", dirs_exist_ok=True
    )
    return project


def test_success_replaces_the_site(project):
    events = project / "data" / "events.yml"
    events.write_text(events.read_text().replace("Training on CERISE", "Course on CERISE", 1))
    code, output = run_build(project)
    assert code == 0, output
    assert "Built " in output
    pages = "".join(p.read_text() for p in (project / "site" / "events").rglob("*.html"))
    assert "Course on CERISE" in pages
    assert leftovers(project) == []


def test_data_error_leaves_the_site(project):
    before = snapshot(project / "site")
    events = project / "data" / "events.yml"
    events.write_text(events.read_text().replace("start: 2012-02-20", "start: next Tuesday"))
    code, output = run_build(project)
    assert code == 1
    line = events.read_text().splitlines().index("    start: next Tuesday") + 1
    assert f"data/events.yml:{line}: events[1].start: expected a date (YYYY-MM-DD)" in output
    assert "Traceback" not in output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_translated_page_that_would_leak_into_members_search_leaves_the_site(every_language):
    """The English page is left out of the members' search; its translation must be too."""
    project = every_language
    before = snapshot(project / "site")
    english = project / "docs" / "engines.md"
    english.write_text("---\nsearch:\n  exclude: true\n---\n# Engines\n")
    (project / "docs" / "engines.fr.md").write_text("# Moteurs\n")
    code, output = run_build(project)
    assert code == 1
    assert (
        "docs/engines.fr.md:1: search: expected the same `search:` as docs/engines.md "
        '({"exclude": true}), got none'
    ) in output
    assert "Traceback" not in output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_template_error_leaves_the_site(project):
    before = snapshot(project / "site")
    fragment = project / "overrides" / "fragments" / "members.html"
    fragment.write_text(fragment.read_text() + "{{ no_such_value.anything }}\n")
    code, output = run_build(project)
    assert code == 1
    assert "no_such_value" in output
    assert "was left as it was" in output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_strict_warning_leaves_the_site(project):
    before = snapshot(project / "site")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\n[A page that is not there](nowhere.md)\n")
    code, output = run_build(project)
    assert code == 1
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_data_cannot_replace_a_written_page(project):
    """A hand-written page where an entry's page goes: the build stops, naming both."""
    before = snapshot(project / "site")
    (project / "docs" / "members" / "pmn.md").write_text("# Written by hand\n")
    members = (project / "data" / "members.yml").read_text().splitlines()
    line = members.index("  - id: pmn") + 1
    # Entries count from 1 in messages, as editors count them.
    index = 1 + sum(1 for text in members[: line - 1] if text.startswith("  - id: "))
    code, output = run_build(project)
    assert code == 1
    assert (
        f"data/members.yml:{line}: members[{index}].id: expected an id whose page is not a "
        "hand-written page, got 'pmn' (docs/members/pmn.md is written by hand)" in output
    )
    assert snapshot(project / "site") == before


def _slow(project: Path) -> None:
    """Make each page take a while, so the build can be caught midway."""
    (project / "hooks" / "slow.py").write_text(
        "import time\n\n\ndef on_post_page(output, **kwargs):\n"
        "    time.sleep(0.05)\n    return output\n"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - hooks/slow.py\n")


def _start_and_wait_for_pages(project: Path) -> subprocess.Popen:
    """Start a build and return once it has written pages into its temporary folder."""
    # SIGINT as Ctrl-C sends it: a test run started in the background (`make test &`) hands
    # its commands SIGINT ignored, and Python then leaves it ignored.
    process = sphub_build(
        project,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        # Each language builds in a folder of its own (.site-new-*/en/site/...).
        if any(project.glob(".site-new-*/*/site/**/*.html")):
            return process
        assert process.poll() is None, process.communicate()
        time.sleep(0.01)
    raise AssertionError("the build wrote no page in 120 s")


@pytest.mark.parametrize("how", ["SIGKILL to every process", "SIGTERM", "SIGINT"])
def test_interrupted_build_leaves_the_site(every_language, how):
    project = every_language
    before = snapshot(project / "site")
    _slow(project)
    events = project / "data" / "events.yml"
    events.write_text(events.read_text().replace("Training on CERISE", "Course on CERISE", 1))
    process = _start_and_wait_for_pages(project)
    if how == "SIGKILL to every process":
        os.killpg(process.pid, signal.SIGKILL)  # power cut: no clean-up at all
    else:
        os.kill(process.pid, getattr(signal, how))  # the command alone, as `kill` or Ctrl-C
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert snapshot(project / "site") == before
    if how != "SIGKILL to every process":
        assert "Traceback" not in err
        assert leftovers(project) == []  # cleaned up, and MkDocs stopped
        time.sleep(0.5)
        assert leftovers(project) == []
    else:
        # Nothing could clean up; the half-built folder is left beside site/ for `make clean`.
        assert [name.startswith(".site-new-") for name in leftovers(project)] == [True]


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_swap_in(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr("sphub.engines.build._exchange", lambda a, b: False)
    site, new = tmp_path / "site", tmp_path / "work" / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    new.mkdir(parents=True)
    (new / "new.html").write_text("new")
    swap_in(new, site)
    assert snapshot(site) == {"new.html": b"new"}
    assert snapshot(new) == {"old.html": b"old"}  # the caller removes it
