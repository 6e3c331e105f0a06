"""Renames: an old id keeps its address working through a redirect page; an old id whose
address a hand-written page holds stops the build with its line."""

from __future__ import annotations

import re

from tests.conftest import build, entry_number, make_project


def rename(data, old: str, new: str) -> None:
    """Rename member `old` to `new` the way the editing guide says: new id, old one kept."""
    path = data / "members.yml"
    text = path.read_text()
    assert f"  - id: {old}\n" in text
    path.write_text(text.replace(f"  - id: {old}\n", f"  - id: {new}\n    old_ids: [{old}]\n"))
    for name in ("regions.yml", "events.yml"):  # references follow the rename
        other = data / name
        other.write_text(re.sub(rf"\b{old}\b", new, other.read_text()))


def test_old_address_redirects_to_the_new_page(tmp_path):
    project = make_project(tmp_path / "p", translations=())
    rename(project / "data", "samn", "south-asian-microfinance-network")
    result = build(project)
    assert result.returncode == 0, result.stderr
    old = (project / "site/members/samn/index.html").read_text()
    assert (
        '<meta http-equiv="refresh" content="0; url=../south-asian-microfinance-network/">' in old
    )
    assert '<link rel="canonical" href="../south-asian-microfinance-network/">' in old
    assert "South Asian Microfinance Network (SAMN)" in old
    new = project / "site/members/south-asian-microfinance-network/index.html"
    assert "South Asian Microfinance Network" in new.read_text()


def test_an_old_address_held_by_a_page_stops_the_build(tmp_path):
    # A hand-written page in a section's folder holds an address an old id would redirect.
    project = make_project(tmp_path / "p", translations=())
    (project / "docs" / "members" / "join.md").write_text("# How to join\n")
    path = project / "data" / "members.yml"
    text = path.read_text()
    path.write_text(text.replace("  - id: pmn\n", "  - id: pmn\n    old_ids: [join]\n"))
    line = path.read_text().splitlines().index("    old_ids: [join]") + 1
    result = build(project)
    assert result.returncode != 0
    assert (
        f"data/members.yml:{line}: members[{entry_number(text, 'pmn')}].old_ids[1]: expected an "
        "address no page uses, got 'join' (site/members/join/index.html is already a page)"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_old_id_index_is_refused_like_any_id(tmp_path):
    project = make_project(tmp_path / "p", translations=())
    path = project / "data" / "members.yml"
    path.write_text(
        path.read_text().replace("  - id: pmn\n", "  - id: pmn\n    old_ids: [index]\n")
    )
    result = build(project)
    assert result.returncode != 0
    assert "old_ids[1]: expected an id other than 'index'" in result.stderr
