"""The engines build the same site: here, the edit control of every page, on a project whose
mkdocs.yml names its git host (repo_url, edit_uri) and ships no browser editor. A hand-written
page leads to its own file (a translation to about.fr.md, not to the English about.md), a page
made from data to its data file (a translated one to its language's file), never to a file of
docs/ that does not exist; MkDocs and Zensical give the same links."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build, make_project

HOST = "https://github.com/example/network-site"  # as mkdocs.yml's example writes it
EDIT = HOST + "/edit/main/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    # English and French: a translation's links are made the same way in every language.
    project = make_project(tmp_path_factory.mktemp("hosted") / "project", translations=("fr",))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("# repo_url: https://github.com/OWNER/NAME", f"repo_url: {HOST}")
    text = text.replace("# edit_uri: edit/main/docs/", "edit_uri: edit/main/docs/")
    assert "edit_uri: edit/main/docs/" in text
    config.write_text(text, encoding="utf-8")
    built = {}
    for engine in ("mkdocs", "zensical"):
        out = project.parent / engine
        result = build(project, out, extra_args=["--engine", engine])
        assert result.returncode == 0, result.stdout + result.stderr
        built[engine] = out
    return built


def _edit_links(site: Path) -> dict[str, str]:
    """Page -> the address of its edit control ("" for none), for every page of the site."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # an old address's redirect
        control = BeautifulSoup(html, "html.parser").select_one("a[rel=edit]")
        found[path.parent.relative_to(site).as_posix()] = control["href"] if control else ""
    return found


def test_every_page_leads_to_its_own_file_on_both_engines(sites):
    mkdocs, zensical = _edit_links(sites["mkdocs"]), _edit_links(sites["zensical"])
    assert zensical == mkdocs
    assert mkdocs["about"] == EDIT + "docs/about.md"
    assert mkdocs["fr/about"] == EDIT + "docs/about.fr.md"
    assert mkdocs["fr/guidance"] == EDIT + "docs/guidance/index.fr.md"
    assert mkdocs["members/pmn"] == EDIT + "data/members.yml"
    assert mkdocs["fr/members/pmn"] == EDIT + "data/translations/fr/members.yml"
    # No page leads to a file of docs/ the project does not have (a page made from data).
    docs = sites["mkdocs"].parent / "project" / "docs"
    missing = {
        page: href
        for page, href in mkdocs.items()
        if href.startswith(EDIT + "docs/") and not (docs / href[len(EDIT + "docs/") :]).is_file()
    }
    assert missing == {}
    assert sum(1 for href in mkdocs.values() if href) >= 300
