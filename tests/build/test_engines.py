"""The engines build the same site: here, Zensical's hand-written pages carry the edit
control MkDocs' do (Zensical's page has no `file` for the site's partial to read, so
sphub.engines.zensical renders it after the build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = build(ROOT, out, extra_args=["--engine", "zensical"])
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _edit_controls(site: Path) -> dict[str, str]:
    """Page -> the text of its edit control, for every hand-written page of every language."""
    found = {}
    for markdown in (ROOT / "docs").rglob("*.md"):
        src = markdown.relative_to(ROOT / "docs").as_posix()
        if src.count(".") > 1:  # a translation (about.fr.md): the French build's about.md
            continue
        page = src.removesuffix(".md")
        page = "" if page == "index" else page.removesuffix("/index") + "/"
        for prefix in ("", "fr/", "es/"):
            html = (site / prefix / page / "index.html").read_text(encoding="utf-8")
            control = BeautifulSoup(html, "html.parser").select_one("article .sphub-edit")
            found[prefix + page] = " ".join(control.get_text().split()) if control else ""
    return found


def test_zensical_s_hand_written_pages_carry_mkdocs_edit_control(built_site, zensical_site):
    mkdocs, zensical = _edit_controls(built_site), _edit_controls(zensical_site)
    assert len(mkdocs) >= 75 and all(mkdocs.values())
    assert zensical == mkdocs
    assert mkdocs["fr/about/"] != mkdocs["about/"]  # in the page's language
