"""A hand-written page, staged: it carries its kind as a tag (search shows it on the page's
results, as on an entry's), after its own front matter, and keeps a kind it names itself."""

from __future__ import annotations

import pytest

from sphub.engines.staging import with_kind, with_note
from sphub.render.i18n import translations
from sphub.render.pages import written_kind


def test_the_kind_joins_the_front_matter_and_the_title_stays_first():
    page = "---\nrender_macros: true\n---\n# About\n\nText\n"
    staged = with_kind(page, "Page")
    assert staged == '---\nrender_macros: true\ntags: ["Page"]\n---\n# About\n\nText\n'
    noted = with_note(staged, "<p>note</p>")
    assert noted.startswith('---\nrender_macros: true\ntags: ["Page"]\n---\n# About\n\n<p>note</p>')


def test_a_page_without_front_matter_gets_one():
    assert with_kind("# About\n", "Página") == '---\ntags: ["Página"]\n---\n# About\n'


def test_tags_the_page_names_itself_are_kept():
    page = "---\ntags: [Workshop]\n---\n# Agenda\n"
    assert with_kind(page, "Page") == page


@pytest.mark.parametrize(
    ("src", "kind", "french"),
    [
        ("guidance/assessment.md", "Guidance", "Orientations"),
        ("decision-tree/index.md", "Guidance", "Orientations"),
        ("about.md", "Page", "Page"),
        ("members/index.md", "Page", "Page"),
    ],
)
def test_a_written_page_is_guidance_or_a_page_in_each_language(src, kind, french):
    assert written_kind(src) == kind
    assert translations("fr").gettext(kind) == french


def test_a_translation_names_its_own_file():
    from sphub.engines.staging import with_source

    assert with_source("---\ntitle: A\n---\n# A\n", "about.fr.md") == (
        '---\ntitle: A\nsource_file: "about.fr.md"\n---\n# A\n'
    )
    assert with_source("# A\n", "x.es.md") == '---\nsource_file: "x.es.md"\n---\n# A\n'
