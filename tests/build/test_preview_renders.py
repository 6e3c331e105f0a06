"""The preview after an edit: the pages it renders again are those a full build of the edited
data renders, for an edit in each kind of data file, in English and in another language."""

from __future__ import annotations

import pytest

ENGLISH_EDITS = [
    ("members.yml", "name: Pakistan Microfinance Network", "name: Pakistan Network Renamed"),
    ("regions.yml", "group: SPWG Asia", "group: SPWG Asia-Pacific"),
    ("events.yml", "Training on CERISE", "Course on CERISE"),
    ("organisations.yml", "name: CERISE", "name: CERISE Renamed"),
    ("tools.yml", "name: ", "name: Renamed "),
    ("practices.yml", "name: Integrated approach", "name: An integrated approach"),
    ("entry_points.yml", "name: Start from members' demand", "name: Start from demand"),
    ("strategy_options.yml", "name: Awareness raising", "name: Raising awareness"),
    ("case_studies.yml", "SPM support tailored", "SPM support fitted"),
    ("steps.yml", "title: Respond to the crisis", "title: Answer the crisis"),
    ("tree.yml", "label: ", "label: Renamed "),
    ("resources.yml", "Project Note N°1", "Project note 1"),
    ("projects.yml", "a coherent framework for strategy", "a framework for strategy"),
    ("topics.yml", "name: Social audits", "name: Audits"),
    ("workplans.yml", "decided to focus on two areas", "chose two areas"),
    # Its tooltips are on every page (MIX: on the PMN member's page).
    ("glossary.yml", "The body that collected", "The organisation that collected"),
]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """One preview of a copy of the project, English and French staged; each test edits it
    further, as an editor does, and compares (the edits touch different lines)."""
    from sphub.engines.preview import Preview
    from sphub.engines.project import Project
    from tests.conftest import make_project

    folder = tmp_path_factory.mktemp("preview")
    project = Project.at(make_project(folder / "p") / "mkdocs.yml")
    preview = Preview(project, folder / "preview")
    assert preview.restage()
    preview.stage_languages({"fr"}, preview.english.session.site)
    return preview


def _edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _full(project, site) -> dict[str, str]:
    """Every page made from data, as a full build renders it in the preview."""
    from sphub.engines.build import renderer_for
    from sphub.render.pages import all_pages

    renderer = renderer_for(project, site, True)
    renderer.env.globals["preview"] = True  # the preview shows editors where each page comes from
    return {p.src: p.html for p in all_pages(renderer)}


@pytest.mark.parametrize("file, old, new", ENGLISH_EDITS)
def test_the_preview_renders_after_an_edit_what_a_full_build_would(preview, file, old, new):
    project = preview.project
    _edit(project.data / file, old, new)
    assert preview.restage()
    pages = preview.english.pages
    assert _full(project, preview.english.session.site) == {s: p.html for s, p in pages.items()}


@pytest.mark.parametrize(
    "file, old, new",
    [
        # Its translation: the French pages change, the English ones do not.
        ("translations/fr/tools.yml", "name: Normes universelles", "name: Les normes universelles"),
        ("translations/fr/steps.yml", "summary: ", "summary: Renommé "),
        # The English text under a translation: the French page now says it is outdated.
        ("members.yml", "11 of its 23 members", "eleven of its 23 members"),
        ("tools.yml", "name: ", "name: Renamed "),
    ],
)
def test_another_language_is_staged_again_as_a_full_build_would(preview, file, old, new):
    from sphub.data.load import load_site
    from sphub.data.translations import translate

    project, french = preview.project, preview.lanes["fr"]
    _edit(project.data / file, old, new)
    english = load_site(project.data)
    preview.stage_languages({"fr"}, english)
    expected = _full(project, translate(english, "fr"))
    assert expected == {src: page.html for src, page in french.pages.items()}
