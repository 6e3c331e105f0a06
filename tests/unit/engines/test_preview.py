"""A preview rebuild redoes the pages whose content changed, and only those: unchanged staged
files keep their time, and a hand-written page is built again when a macro it called gives
another output."""

from __future__ import annotations


import os
from pathlib import Path


from sphub.engines import preview
from sphub.engines.staging import write_if_changed


def test_an_unchanged_staged_page_keeps_its_time(tmp_path):
    page = tmp_path / "members" / "a.md"
    assert write_if_changed(page, "A")
    os.utime(page, (1, 1))
    assert not write_if_changed(page, "A")
    assert page.stat().st_mtime == 1
    assert write_if_changed(page, "A2") and page.read_text() == "A2"


def test_a_written_page_changes_when_a_macro_it_called_gives_another_output():
    calls = preview.MacroCalls()
    data = {"count": 1}

    def macros_for(src):
        return {"count": lambda label="": f"{src}: {label}{data['count']}"}

    calls.new_build()
    recorded = calls.recording(macros_for("index.md"), lambda: "index.md")
    assert calls.changed("about.md", lambda: macros_for("about.md"))  # never built
    assert recorded["count"](label="n=") == "index.md: n=1"
    assert not calls.changed("index.md", lambda: macros_for("index.md"))
    data["count"] = 2  # the data changed what the macro shows, with the same arguments
    assert calls.changed("index.md", lambda: macros_for("index.md"))


def test_each_build_notes_a_page_s_calls_afresh():
    calls = preview.MacroCalls()
    recorded = calls.recording({"m": lambda: "x"}, lambda: "index.md")
    calls.new_build()
    recorded["m"]()
    recorded["m"]()
    calls.new_build()
    recorded["m"]()
    assert len(calls.calls["index.md"]) == 1


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


class _Event:
    def __init__(self, kind, src, dest="", directory=False):
        self.event_type, self.src_path, self.dest_path, self.is_directory = (
            kind,
            src,
            dest,
            directory,
        )


def test_the_watcher_hands_out_edits_in_bursts_and_ignores_reads():
    """The kernel reports reads too (opened, closed without writing): sphub's own reading of
    data/ must not look like an edit, or every rebuild would ask for another."""
    import threading

    edits = preview.Edits()
    for kind in ("opened", "closed_no_write"):
        edits.dispatch(_Event(kind, "/p/data/members.yml"))
    edits.dispatch(_Event("modified", "/p/data", directory=True))
    assert not edits.paths
    got = []
    waiting = threading.Thread(target=lambda: got.append(edits.next()))
    waiting.start()
    waiting.join(0.2)
    assert waiting.is_alive()  # nothing edited: it waits (on the kernel, not a timer)
    edits.dispatch(_Event("created", "/p/data/.members.yml.tmp"))
    edits.dispatch(_Event("moved", "/p/data/.members.yml.tmp", "/p/data/members.yml"))
    waiting.join(5)
    assert got == [{Path("/p/data/.members.yml.tmp"), Path("/p/data/members.yml")}]
    assert not edits.paths


def _served(environ, start_response):
    """A server's WSGI application: an HTML page or a script."""
    if environ["PATH_INFO"].endswith(".js"):
        body = b"let a = '<body>';"
        start_response(
            "200 OK",
            [("Content-Type", "application/javascript"), ("Content-Length", str(len(body)))],
        )
        return [body]
    body = b"<html><body><p>page</p></body></html>"
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
    return [body]


def test_the_problems_banner_is_added_to_every_html_page_served(tmp_path):
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project

    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    shown = Preview(Project.at(tmp_path / "mkdocs.yml"), tmp_path / "preview")
    app = shown.app(_served)

    def get(path):
        answer = {}
        body = b"".join(app({"PATH_INFO": path}, lambda s, h: answer.update(s=s, h=dict(h))))
        assert int(answer["h"]["Content-Length"]) == len(body)
        return body

    assert get("/members/") == b"<html><body><p>page</p></body></html>"
    shown.banner = b"<div>2 problems</div>"
    assert get("/members/") == b"<html><body><div>2 problems</div><p>page</p></body></html>"
    assert get("/assets/a.js") == b"let a = '<body>';"
    shown.banner = b""
    assert get("/members/") == b"<html><body><p>page</p></body></html>"
