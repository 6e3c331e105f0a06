"""A preview rebuild redoes the data pages whose content changed, and only those."""

from __future__ import annotations

from sphub.engines import preview
from sphub.render.renderer import Page


def test_changed_pages_between_builds(monkeypatch):
    monkeypatch.setattr(preview, "_previous", {})
    first = [Page("members/a.md", "A", "<p>a</p>"), Page("members/b.md", "B", "<p>b</p>")]
    assert preview.changed(first) == {"members/a.md", "members/b.md"}
    assert preview.changed(first) == set()
    renamed = [Page("members/a.md", "A2", "<p>a</p>"), first[1], Page("events/c.md", "C", "")]
    assert preview.changed(renamed) == {"members/a.md", "events/c.md"}


def test_a_written_page_changes_when_a_macro_it_called_gives_another_output(monkeypatch):
    monkeypatch.setattr(preview, "_calls", {})
    data = {"count": 1}

    def macros_for(src):
        return {"count": lambda label="": f"{src}: {label}{data['count']}"}

    recorded = preview.recording(macros_for("index.md"), lambda: "index.md")
    assert preview.macros_changed("about.md", lambda: macros_for("about.md"))  # never built
    preview.starting("index.md")
    assert recorded["count"](label="n=") == "index.md: n=1"
    preview.starting("about.md")  # built, and calls no macro
    assert not preview.macros_changed("index.md", lambda: macros_for("index.md"))
    assert not preview.macros_changed("about.md", lambda: macros_for("about.md"))
    data["count"] = 2  # the data changed what the macro shows, with the same arguments
    assert preview.macros_changed("index.md", lambda: macros_for("index.md"))
    assert not preview.macros_changed("about.md", lambda: macros_for("about.md"))


def test_differs_from_the_previous_build(monkeypatch):
    monkeypatch.setattr(preview, "_last", {})
    assert preview.differs("mkdocs.yml", "a")  # the first build: nothing to compare with
    assert not preview.differs("mkdocs.yml", "a")
    assert preview.differs("mkdocs.yml", "b")
