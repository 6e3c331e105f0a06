"""The preview after an edit: the pages it renders again are those a full build of the edited
data renders, for an edit in each kind of data file."""

from __future__ import annotations

import pytest


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
    renderer = renderer_for(project, site, True)
    renderer.env.globals["preview"] = True  # the preview shows editors where each page comes from
    full = all_pages(renderer)
    assert {p.src: p.html for p in full} == {src: p.html for src, p in preview.pages.items()}
