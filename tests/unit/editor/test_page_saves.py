"""Hand-written pages in the browser editor: listed, read with their version, saved only
when they pass the pages' check, their front matter's text kept when its values are."""

from __future__ import annotations

import shutil

import pytest

from sphub.editor.api import handle
from tests.conftest import ROOT


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _save(root, path: str, raw: str, version: str) -> object:
    request = {
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": path, "raw": raw, "version": version}]},
    }
    return handle(root, request)


def test_pages_are_listed_and_saved_with_their_front_matter_kept(root):
    listed = handle(root, {"action": "entriesByFolder", "params": {"folder": "docs"}}).body
    paths = [e["file"]["path"] for e in listed]
    assert "docs/about.md" in paths and "docs/about.fr.md" in paths
    about = next(e for e in listed if e["file"]["path"] == "docs/about.fr.md")
    text = about["data"]
    # The editor writes the front matter again its own way, comments lost: same values,
    # so the file keeps its own.
    head, body = text.split("\n---\n", 1)
    rewritten = (
        "---\n"
        + "\n".join(line for line in head.splitlines()[1:] if not line.lstrip().startswith("#"))
        + "\n---\n"
        + body.replace("\n\n", "\n\nUne phrase ajoutée.\n\n", 1)
    )
    answer = _save(root, "docs/about.fr.md", rewritten, about["file"]["id"])
    assert answer.status == 200, answer.body
    saved = (root / "docs" / "about.fr.md").read_text(encoding="utf-8")
    assert saved.startswith(head + "\n---\n") and "Une phrase ajoutée." in saved


def test_a_page_that_would_show_a_literal_macro_is_refused(root):
    page = root / "docs" / "about.md"
    before = page.read_bytes()
    read = handle(root, {"action": "getEntry", "params": {"path": "docs/about.md"}}).body
    broken = read["data"].replace("render_macros: true", "render_macros: false", 1)
    answer = _save(root, "docs/about.md", broken, read["file"]["id"])
    assert answer.status == 422 and answer.body["error"].startswith("docs/about.md:")
    assert "render_macros: true" in answer.body["error"]
    assert page.read_bytes() == before
    stale = _save(root, "docs/about.md", read["data"], "0" * 64)
    assert stale.status == 409
    outside = _save(root, "docs/../mkdocs.yml", "x", read["file"]["id"])
    assert outside.status == 403
