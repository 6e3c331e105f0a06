"""A preview rebuild redoes the pages whose content changed, and only those: unchanged staged
files keep their time, and a hand-written page is built again when a macro it called gives
another output."""

from __future__ import annotations

import os

import pytest

from sphub.engines import preview
from sphub.engines.staging import write_if_changed


def test_an_unchanged_staged_page_keeps_its_time(tmp_path):
    page = tmp_path / "members" / "a.md"
    assert write_if_changed(page, "A")
    os.utime(page, (1, 1))
    assert not write_if_changed(page, "A")
    assert page.stat().st_mtime == 1
    assert write_if_changed(page, "A2") and page.read_text() == "A2"


def test_a_written_page_changes_when_a_macro_it_called_gives_another_output(monkeypatch):
    monkeypatch.setattr(preview, "_calls", {})
    monkeypatch.setattr(preview, "_built_in", {})
    data = {"count": 1}

    def macros_for(src):
        return {"count": lambda label="": f"{src}: {label}{data['count']}"}

    preview.new_build()
    recorded = preview.recording(macros_for("index.md"), lambda: "index.md")
    assert preview.macros_changed("about.md", lambda: macros_for("about.md"))  # never built
    assert recorded["count"](label="n=") == "index.md: n=1"
    assert not preview.macros_changed("index.md", lambda: macros_for("index.md"))
    data["count"] = 2  # the data changed what the macro shows, with the same arguments
    assert preview.macros_changed("index.md", lambda: macros_for("index.md"))


def test_each_build_notes_a_page_s_calls_afresh(monkeypatch):
    monkeypatch.setattr(preview, "_calls", {})
    monkeypatch.setattr(preview, "_built_in", {})
    recorded = preview.recording({"m": lambda: "x"}, lambda: "index.md")
    preview.new_build()
    recorded["m"]()
    recorded["m"]()
    preview.new_build()
    recorded["m"]()
    assert len(preview._calls["index.md"]) == 1


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("members.yml", "name: Pakistan Microfinance Network", "name: Pakistan Network Renamed"),
        ("regions.yml", "group: SPWG Asia", "group: SPWG Asia-Pacific"),
        ("events.yml", "Training on CERISE", "Course on CERISE"),
        ("organisations.yml", "name: CERISE", "name: CERISE Renamed"),
        ("tools.yml", "name: ", "name: Renamed "),
        ("tree.yml", "label: ", "label: Renamed "),
        # Its tooltips are on every page (MIX: on the PMN member's page).
        ("glossary.yml", "The body that collected", "The organisation that collected"),
    ],
)
def test_the_preview_renders_after_an_edit_what_a_full_build_would(tmp_path, file, old, new):
    from sphub.engines.build import renderer_for
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project
    from sphub.render.pages import all_pages
    from tests.conftest import make_project

    project = Project.at(make_project(tmp_path / "p") / "mkdocs.yml")
    preview = Preview(project, tmp_path / "preview")
    assert preview.restage()
    path = project.data / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    assert preview.restage()
    site = preview.session.site
    full = all_pages(renderer_for(project, site, True))
    assert {p.src: p.html for p in full} == {src: p.html for src, p in preview.pages.items()}


def test_the_preview_rebuilds_only_the_languages_an_edit_changes(tmp_path):
    from sphub.engines.preview import languages_changed
    from sphub.engines.project import Project
    from sphub.render.i18n import LOCALE

    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    project = Project.at(tmp_path / "mkdocs.yml")
    codes = ("en", "fr", "es")
    data, docs = project.data, project.docs

    def changed(*paths):
        return languages_changed(set(paths), project, codes)

    assert changed(data / "translations/fr/tools.yml") == {"fr"}
    assert changed(docs / "about.es.md", data / "translations/es/tree.yml") == {"es"}
    assert changed(LOCALE / "fr/LC_MESSAGES/sphub.po") == {"fr"}
    assert changed(project.locale / "es/LC_MESSAGES/sphub.po") == {"es"}
    assert changed(data / "tools.yml") == set(codes)  # English data: every language
    assert changed(docs / "about.md") == set(codes)  # an English page: its fallbacks too
    assert changed(project.overrides / "fragments/tools.html") == set(codes)
    assert changed(data / "translations/fr/tools.yml", data / "tools.yml") == set(codes)


def test_the_problems_banner_goes_at_the_top_of_the_body_escaped():
    from tests.conftest import ROOT

    banner = preview.problems_banner(
        ROOT / "overrides" / "fragments", ["data/x.yml:3: a: expected b, got '<script>'"], "data"
    )
    page = preview.with_problems(b'<html><body dir="ltr"><p>old</p></body></html>', banner)
    assert page.startswith(b'<html><body dir="ltr"><div role="alert" id="sphub-preview-problems"')
    assert b"1 problem in the data" in page and b"got &#39;&lt;script&gt;&#39;" in page
    assert b"<script>" not in page
    assert preview.with_problems(b"<body><p>old</p></body>", b"") == b"<body><p>old</p></body>"


def test_a_rebuild_waits_until_the_staged_files_are_written(monkeypatch):
    """MkDocs' rebuild must not start while sphub writes the staged files (it would read some
    pages as unchanged, then find them changed: CI saw Material's search fail on it)."""
    import threading

    built = threading.Event()

    class LiveReload:  # what `serving` uses of MkDocs' LiveReloadServer
        def __init__(self):
            self.builder = built.set
            self._inject_js_into_html = lambda content, epoch: content

    monkeypatch.setattr(preview, "_server", None)
    monkeypatch.setattr(preview, "_editing", None)
    server = LiveReload()
    preview.serving(server)
    with preview._writing:  # sphub is writing
        rebuild = threading.Thread(target=server.builder)
        rebuild.start()
        assert not built.wait(0.2)
    rebuild.join(5)
    assert built.is_set()


def test_a_glossary_edit_builds_every_written_page_again(tmp_path):
    """The abbreviations are appended to every hand-written page: a preview's dirty rebuild
    must build them all again when they change, and none when they did not."""
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project
    from sphub.render.glossary import ABBREVIATIONS
    from tests.conftest import make_project

    project = Project.at(make_project(tmp_path / "p") / "mkdocs.yml")
    staged = tmp_path / "preview"
    preview = Preview(project, staged)
    assert preview.restage()
    about = staged / "docs" / "about.md"
    os.utime(about, (1, 1))
    assert preview.restage()  # nothing changed
    assert about.stat().st_mtime == 1
    glossary = project.data / "glossary.yml"
    glossary.write_text(glossary.read_text().replace("The body that collected", "It collected"))
    assert preview.restage()
    assert about.stat().st_mtime > 1
    assert (
        "*[MIX]: Microfinance Information Exchange (MIX): It collected"
        in (staged / ABBREVIATIONS).read_text()
    )
