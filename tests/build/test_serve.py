"""`make serve` (`sphub serve`) as an editor uses it: a data mistake during the preview is
reported in the one-line form, the last good pages stay served, and fixing the mistake
rebuilds the pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import BUILD_EPOCH, make_project

WAIT = 120  # seconds at most for one step of a real build; never reached when things work


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    # MkDocs' server holds a request while it rebuilds (never a half-built page): on a busy
    # machine a rebuild takes more than a few seconds.
    with urllib.request.urlopen(url, timeout=WAIT) as response:
        return response.read().decode()


def _shown(url: str) -> str:
    """The page at `url`, or "" while it is not built yet (another language's, at the start)."""
    try:
        return _get(url)
    except urllib.error.HTTPError as err:
        if err.code != 404:
            raise
        return ""


class Server:
    """`sphub serve` on a project, with its output collected as it comes."""

    def __init__(self, project: Path, *options: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.output = ""
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sphub.cli",
                "serve",
                "--dev-addr",
                f"127.0.0.1:{self.port}",
                "--config-file",
                str(project / "mkdocs.yml"),
                *options,
            ],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output += line

    def wait_for(self, condition, what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not condition():
            assert self.process.poll() is None, f"server stopped:\n{self.output}"
            assert time.monotonic() < deadline, f"no {what}:\n{self.output}"
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def test_serve_survives_a_data_error_and_rebuilds_when_fixed(tmp_path):
    # English only: the languages' rebuilds are test_dirty_preview_rebuilds_what_an_edit_changes'.
    project = make_project(tmp_path / "p", translations=())
    members = project / "data" / "members.yml"
    good = members.read_text()
    assert "    country: PK\n" in good
    server = Server(project)
    try:
        server.wait_for(lambda: "Serving on" in server.output, "start")
        page = f"{server.url}/members/pmn/"
        assert "Pakistan" in _get(page)

        line = good[: good.index("    country: PK\n")].count("\n") + 1
        members.write_text(good.replace("    country: PK\n", "    country: Pakistan\n"))
        server.wait_for(
            lambda: "still shows the last good build" in server.output, "report of the data error"
        )
        assert f"data/members.yml:{line}: members[" in server.output
        assert (
            "].country: expected an ISO 3166 country code (two capital letters, like 'IN' "
            "or 'PK'), got 'Pakistan'" in server.output
        )
        assert "Traceback" not in server.output
        assert server.process.poll() is None
        shown = _get(page)
        assert "Pakistan" in shown  # the last good build is still served
        # ...under a banner with the problems, one a line, on every page served.
        server.wait_for(lambda: 'id="sphub-preview-problems"' in _get(page), "banner")
        shown = _get(page)
        assert 'role="alert"' in shown and "problems in the data: the preview was not" in shown
        assert f"data/members.yml:{line}: members[" in shown
        assert "got &#39;Pakistan&#39;" in shown  # escaped like any text from the data
        assert 'id="sphub-preview-problems"' in _get(f"{server.url}/")

        members.write_text(
            good.replace(
                "name: Pakistan Microfinance Network", "name: Pakistan Microfinance Network Renamed"
            )
        )
        server.wait_for(lambda: "Renamed" in _get(page), "rebuilt page")
        assert 'id="sphub-preview-problems"' not in _get(page)  # gone once the data is fixed
        # mkdocs-macros' INFO lines (one or more per page) stay quiet without --verbose.
        assert "[macros]" not in server.output
    finally:
        server.stop()


def test_dirty_preview_rebuilds_what_an_edit_changes(tmp_path):
    """`make serve` writes again only the pages an edit changes, in each language: here the
    member's page and the hand-written directory page whose macro lists the member, not the
    others; a French translation changes French pages only. The PDFs are never rendered by
    the preview, neither at the start nor for a rebuild."""
    project = make_project(tmp_path / "p")
    members = project / "data" / "members.yml"
    good = members.read_text()
    server = Server(project)
    site = project / ".cache" / "sphub" / "preview" / "site"

    def times(language: str) -> dict[Path, int]:
        root = site / language if language != "en" else site
        return {
            path: path.stat().st_mtime_ns
            for path in root.rglob("index.html")
            if language != "en" or path.relative_to(site).parts[0] not in ("fr", "es")
        }

    def written(before: dict[Path, int]) -> set[str]:
        return {
            path.parent.relative_to(site).as_posix()
            for path, then in before.items()
            if path.stat().st_mtime_ns != then
        }

    try:
        server.wait_for(lambda: "Serving on" in server.output, "start")
        french_page = f"{server.url}/fr/members/pmn/"
        server.wait_for(lambda: "Pakistan" in _shown(french_page), "French pages")
        pages = {language: times(language) for language in ("en", "fr", "es")}
        time.sleep(0.05)  # so that a page written again has another time
        members.write_text(
            good.replace(
                "name: Pakistan Microfinance Network", "name: Pakistan Microfinance Network Renamed"
            )
        )
        server.wait_for(lambda: "Renamed" in _get(f"{server.url}/members/pmn/"), "member page")
        assert "Pakistan Microfinance Network Renamed" in _get(f"{server.url}/members/")
        # The name is not translated: every language shows it, on its own pages.
        for prefix in ("fr", "es"):
            page = f"{server.url}/{prefix}/members/pmn/"
            server.wait_for(lambda page=page: "Renamed" in _get(page), f"{prefix} member page")
        for language, prefix in (("en", ""), ("fr", "fr/"), ("es", "es/")):
            again = written(pages[language])
            assert {f"{prefix}members/pmn", f"{prefix}members"} <= again, language
            assert f"{prefix}about" not in again and f"{prefix}guidance" not in again
            assert len(again) < len(pages[language]) / 2, again

        french = project / "data" / "translations" / "fr" / "members.yml"
        text = french.read_text()
        assert "A collecté pour le MIX" in text
        pages = {language: times(language) for language in ("en", "fr", "es")}
        time.sleep(0.05)
        french.write_text(text.replace("A collecté pour le MIX", "A recueilli pour le MIX"))
        server.wait_for(lambda: "A recueilli pour le " in _get(french_page), "French edit")
        assert written(pages["en"]) == set() and written(pages["es"]) == set()
        assert "fr/members/pmn" in written(pages["fr"])
        assert "PDF guide/" not in server.output and "Traceback" not in server.output
    finally:
        server.stop()


def test_an_edit_during_a_rebuild_waits_for_it(tmp_path, monkeypatch):
    """Edits staged while MkDocs rebuilds: no staged file is written while a rebuild runs
    (it would read some pages as unchanged, then find them changed: MkDocs 1.6 then hands
    Material's search a page without content), every rebuild succeeds, and the last edit
    reaches the page."""
    import mkdocs.commands.build

    from sphub.engines import preview as preview_module
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = Project.at(make_project(tmp_path / "p") / "mkdocs.yml")
    shown = Preview(project, tmp_path / "preview")
    assert shown.restage()
    events: list[tuple[str, float, float]] = []  # (what, start, end)
    build, stage = mkdocs.commands.build.build, preview_module.stage

    def timed(what, call, pause=0.0):
        def run(*args, **kwargs):
            start = time.monotonic()
            try:
                return call(*args, **kwargs)
            finally:
                time.sleep(pause)  # a longer rebuild: more edits land during it
                events.append((what, start, time.monotonic()))

        return run

    monkeypatch.setattr(mkdocs.commands.build, "build", timed("build", build, 0.3))
    monkeypatch.setattr(preview_module, "stage", timed("stage", stage))
    rebuild = shown.builder("http://127.0.0.1:8000/")
    rebuild()
    failures = []
    edited = threading.Event()

    def rebuilding():  # MkDocs' server, rebuilding on and on while the edits come
        while not edited.is_set():
            try:
                shown.english.staged = True  # as if an edit had just been staged
                rebuild()
            except Exception as err:  # noqa: BLE001 - said by the assertion below
                failures.append(err)

    members = project.data / "members.yml"
    good = members.read_text()
    builder = threading.Thread(target=rebuilding)
    builder.start()
    try:
        for n in range(4):
            deadline = time.monotonic() + WAIT
            while not shown.english.writing.locked():  # a rebuild runs: the edit comes during it
                assert builder.is_alive() and time.monotonic() < deadline, failures
                time.sleep(0.005)
            members.write_text(
                good.replace(
                    "name: Pakistan Microfinance Network",
                    f"name: Pakistan Microfinance Network {n}",
                )
            )
            shown.on_edit({members})
    finally:
        edited.set()
        builder.join(WAIT)
    rebuild()  # the one MkDocs' server makes after the last edit
    assert not failures
    builds = [(s, e) for what, s, e in events if what == "build"]
    stages = [(s, e) for what, s, e in events if what == "stage"]
    assert len(stages) == 4 and len(builds) >= 3
    for s, e in stages:
        assert all(e <= bs or be <= s for bs, be in builds), (s, e, builds)
    page = (shown.site_dir / "members" / "pmn" / "index.html").read_text()
    assert "Pakistan Microfinance Network 3" in page


def test_a_preview_started_again_builds_every_language(tmp_path):
    """The served folder starts empty, while the staging folders keep the last preview's
    files: each language's first staging is built even when no staged file changed. An
    edit of the theme's templates (every page shows them) builds every page again."""
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project

    project = Project.at(make_project(tmp_path / "p") / "mkdocs.yml")
    for _ in range(2):  # the second preview finds the first one's staged files
        shown = Preview(project, tmp_path / "preview")
        assert shown.restage()
        shown.stage_languages({"fr"}, shown.english.session.site)
        assert shown.english.staged and shown.lanes["fr"].staged

    french = shown.lanes["fr"]
    for lane in (shown.english, french):  # as after their builds
        lane.staged, lane.builds = False, 1
    assert shown.restage() and not shown.english.staged  # no edit: nothing to build
    pages = {path: path.stat().st_mtime_ns for path in french.docs.rglob("*.md")}
    time.sleep(0.05)  # so that a page touched again has another time
    main = project.overrides / "main.html"
    main.write_text(main.read_text() + "\n{# edited #}\n")
    assert shown.restage() and shown.english.staged
    shown.stage_languages({"fr"}, shown.english.session.site)
    assert french.staged
    assert all(path.stat().st_mtime_ns != then for path, then in pages.items())
